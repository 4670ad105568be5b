"""Change history in the admin: every edit is listed with who made it, and curators can revert."""
import pytest
from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import registered_models

from apps.curation.models import CurationStatus
from apps.curation.tests.test_admin import ROW_MAKERS
from apps.documents.tests.factories import DocumentFactory
from apps.documents.tests.test_admin import change_form_data
from apps.regions.tests.factories import CountyFactory

pytestmark = pytest.mark.django_db

ORIGINAL_TITLE = "对区政协十三届一次会议第JNZX13010181号提案的答复"
EDITED_TITLE = "关于推进城乡教育优质均衡发展进而留住人才提案的答复"

# ROW_MAKERS covers every registered model (a test in apps/curation checks that).
HISTORY_ADMIN_MODELS = [
    model for model in ROW_MAKERS if isinstance(admin.site.get_model_admin(model), SimpleHistoryAdmin)
]


@pytest.fixture
def document():
    return DocumentFactory(title=ORIGINAL_TITLE, status=CurationStatus.DRAFT, regions=[CountyFactory()])


def url(name, *args):
    return reverse(f"admin:documents_document_{name}", args=args)


def edit_title(client, document, title):
    data = change_form_data(client.get(url("change", document.pk)))
    data["title"] = title
    response = client.post(url("change", document.pk), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response


def test_every_model_with_history_has_a_history_admin():
    tracked = {model for model in registered_models.values() if admin.site.is_registered(model)}
    assert tracked == set(HISTORY_ADMIN_MODELS)


def test_an_admin_edit_appears_in_the_history_page(curator, curator_client, document):
    edit_title(curator_client, document, EDITED_TITLE)

    response = curator_client.get(url("history", document.pk))

    assert response.status_code == 200
    latest, original = list(response.context["page_obj"])[:2]
    assert (latest.title, latest.history_user, latest.history_type) == (EDITED_TITLE, curator, "~")
    assert original.title == ORIGINAL_TITLE
    assert EDITED_TITLE in response.content.decode()
    # The revert view for the earlier version is linked from the history page.
    assert url("simple_history", document.pk, original.history_id) in response.content.decode()


def test_reverting_to_an_earlier_version_restores_the_title(curator, curator_client, document):
    original_version = document.history.latest()
    versions_before = document.history.count()
    edit_title(curator_client, document, EDITED_TITLE)
    revert_url = url("simple_history", document.pk, original_version.history_id)

    form_page = curator_client.get(revert_url)
    assert form_page.status_code == 200
    assert form_page.context["adminform"].form["title"].value() == ORIGINAL_TITLE
    response = curator_client.post(revert_url, change_form_data(form_page))

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == ORIGINAL_TITLE
    assert list(document.regions.values_list("code", flat=True)) == ["320115"]
    titles = list(document.history.values_list("title", flat=True))  # newest first
    assert titles[:2] == [ORIGINAL_TITLE, EDITED_TITLE]
    assert len(titles) == versions_before + 2
    assert document.history.latest().history_user == curator


@pytest.mark.parametrize("model", HISTORY_ADMIN_MODELS, ids=lambda m: m.__name__)
def test_history_page_renders_for_every_tracked_model(model, curator_client):
    record = ROW_MAKERS[model](0)
    opts = model._meta
    response = curator_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.pk]))
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count >= 1
