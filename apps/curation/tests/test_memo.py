"""Remembered figures live in the shared cache and are forgotten when any curated record changes."""
import pytest
from django.core.cache import cache

from apps.curation import memo
from apps.documents.tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def counting(figure):
    calls = []

    def compute():
        calls.append(1)
        return figure

    return compute, calls


def test_a_figure_is_worked_out_once_and_read_back_from_the_cache():
    compute, calls = counting({"documents": 3})
    assert memo.remembered(("count", "public"), compute) == {"documents": 3}
    assert memo.remembered(("count", "public"), compute) == {"documents": 3}
    assert len(calls) == 1
    assert cache.get(memo.GENERATION_KEY) is not None


def test_saving_a_record_makes_every_process_work_it_out_again(django_capture_on_commit_callbacks):
    compute, calls = counting(1)
    memo.remembered("figure", compute)
    generation = cache.get(memo.GENERATION_KEY)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        DocumentFactory()
    assert cache.get(memo.GENERATION_KEY) != generation
    assert len(callbacks) == 1  # once per transaction, however many records it saves
    memo.remembered("figure", compute)
    assert len(calls) == 2


def test_a_lost_generation_does_not_bring_back_old_figures():
    memo.remembered("figure", lambda: "old")
    memo.forget_all()
    cache.delete(memo.GENERATION_KEY)  # evicted, say
    assert memo.remembered("figure", lambda: "new") == "new"
