import pytest

from apps.targets.models import Indicator


@pytest.fixture
def without_catalogue():
    """An indicator table holding only what the test makes: the catalogue's rows taken out
    (the test's transaction puts them back)."""
    Indicator.objects.filter(code__isnull=False).delete()
