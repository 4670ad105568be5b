"""Two curators edit the same record: the second save is refused and shows what the first changed."""
import pytest
from django.urls import reverse

from apps.curation.locking import VERSION_FIELD
from apps.curation.models import CurationStatus
from apps.curation.tests.test_admin import CURATED_MODELS, ROW_MAKERS
from apps.curation.tests.users import logged_in, staff_member
from apps.documents.models import Document
from apps.documents.tests.factories import DocumentFactory
from apps.documents.tests.test_admin import change_form_data

pytestmark = pytest.mark.django_db

ORIGINAL_TITLE = "对区政协十三届一次会议第JNZX13010181号提案的答复"
FIRST_TITLE = "关于推进城乡教育优质均衡发展提案的答复"
SECOND_TITLE = "关于留住农村教师提案的答复"


@pytest.fixture
def second_curator(django_user_model):
    return staff_member(django_user_model, "curator2", "curators")


@pytest.fixture
def second_client(second_curator):
    return logged_in(second_curator)


@pytest.fixture
def document():
    return DocumentFactory(title=ORIGINAL_TITLE, doc_number="江宁教复〔2022〕18号", status=CurationStatus.DRAFT)


def change_url(model, pk):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[pk])


def non_field_errors(response) -> list[str]:
    assert response.status_code == 200, response
    return [str(error) for error in response.context["adminform"].form.non_field_errors()]


def test_the_second_save_is_refused_naming_the_field_the_values_and_the_first_curator(
    curator_client, second_client, document
):
    url = change_url(Document, document.pk)
    first_page, second_page = curator_client.get(url), second_client.get(url)
    first, second = change_form_data(first_page), change_form_data(second_page)
    first["title"] = FIRST_TITLE
    second["title"] = SECOND_TITLE
    second["doc_number"] = "江宁教复〔2022〕19号"

    assert curator_client.post(url, first).status_code == 302
    refused = second_client.post(url, second)

    errors = non_field_errors(refused)
    assert "curator" in errors[0]
    assert f"标题：“{ORIGINAL_TITLE}” → “{FIRST_TITLE}”" in errors
    assert not any("文号" in line for line in errors)  # the first curator left the number alone
    page = refused.content.decode()
    assert FIRST_TITLE in page and SECOND_TITLE in page  # the message, and the second curator's own input
    document.refresh_from_db()
    assert (document.title, document.doc_number) == (FIRST_TITLE, "江宁教复〔2022〕18号")
    assert document.history.count() == 2  # created, then the first curator's save


def test_saving_the_refused_form_again_overwrites_knowingly(curator_client, second_client, second_curator, document):
    url = change_url(Document, document.pk)
    first, second = change_form_data(curator_client.get(url)), change_form_data(second_client.get(url))
    first["title"], second["title"] = FIRST_TITLE, SECOND_TITLE
    curator_client.post(url, first)
    refused = second_client.post(url, second)

    resubmitted = change_form_data(refused)  # the form as shown: the second curator's input, the current version
    assert resubmitted["title"] == SECOND_TITLE
    assert int(resubmitted[VERSION_FIELD]) == document.history.latest().history_id
    assert second_client.post(url, resubmitted).status_code == 302

    document.refresh_from_db()
    assert document.title == SECOND_TITLE
    assert document.history.latest().history_user == second_curator


def test_one_curator_saving_twice_from_fresh_pages_is_not_refused(curator_client, document):
    url = change_url(Document, document.pk)
    for title in (FIRST_TITLE, SECOND_TITLE):
        data = change_form_data(curator_client.get(url))
        data["title"] = title
        assert curator_client.post(url, data).status_code == 302
    document.refresh_from_db()
    assert document.title == SECOND_TITLE


def test_a_form_without_its_version_is_refused(curator_client, document):
    url = change_url(Document, document.pk)
    data = change_form_data(curator_client.get(url))
    del data[VERSION_FIELD]
    data["title"] = FIRST_TITLE

    response = curator_client.post(url, data)

    assert response.status_code == 200
    document.refresh_from_db()
    assert document.title == ORIGINAL_TITLE


@pytest.mark.parametrize("model", CURATED_MODELS, ids=lambda m: m.__name__)
def test_every_curated_admin_refuses_a_save_over_a_newer_version(model, curator_client, second_curator):
    """Here the other change is a reviewer's kind: publishing from the changelist in between."""
    record = ROW_MAKERS[model](0)
    record.status = CurationStatus.DRAFT
    record.save()
    url = change_url(model, record.pk)
    data = change_form_data(curator_client.get(url))

    record.status, record._history_user = CurationStatus.PUBLISHED, second_curator
    record.save()
    response = curator_client.post(url, data)

    errors = non_field_errors(response)
    assert "curator2" in errors[0]
    assert f"状态：“{CurationStatus.DRAFT.label}” → “{CurationStatus.PUBLISHED.label}”" in errors
    record.refresh_from_db()
    assert record.status == CurationStatus.PUBLISHED


def test_a_revert_from_the_history_page_is_checked_too(curator_client, second_curator, document):
    original = document.history.latest()
    revert_url = reverse("admin:documents_document_simple_history", args=[document.pk, original.history_id])
    data = change_form_data(curator_client.get(revert_url))
    document.title, document._history_user = FIRST_TITLE, second_curator
    document.save()

    response = curator_client.post(revert_url, data)

    assert response.status_code == 200
    assert "curator2" in response.content.decode()
    document.refresh_from_db()
    assert document.title == FIRST_TITLE


def test_a_long_text_is_shown_where_it_changed_and_line_endings_alone_are_no_change(
    curator_client, second_client, second_curator, document
):
    opening = "对区政协十三届一次会议第JNZX13010181号提案的答复。" * 3
    document.clean_text = f"{opening}\n到2025年,覆盖率将达到60%以上。"
    document.raw_text = "第一行\n第二行"
    document.save()
    url = change_url(Document, document.pk)
    data = change_form_data(curator_client.get(url))
    document.clean_text = f"{opening}\n到2025年,覆盖率将达到70%以上。"
    document.raw_text = "第一行\r\n第二行"  # what a browser posts back for the same text
    document._history_user = second_curator
    document.save()

    errors = non_field_errors(curator_client.post(url, data))

    text_line = next(line for line in errors if line.startswith("正文："))
    assert "60%" in text_line and "70%" in text_line
    assert not any(line.startswith("原始文本：") for line in errors)
