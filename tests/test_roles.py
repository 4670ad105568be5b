"""What each role may do in the admin, the API and the pages.

| role                         | admin                                  | API and pages           |
|------------------------------|----------------------------------------|-------------------------|
| curator (staff, curators)    | edits everything, imports, reviews     | every record, read only |
| reviewer (staff, reviewers)  | sees everything, marks reviewed, publishes | every record, read only |
| read-only staff (readers)    | sees everything, changes nothing       | every record, read only |
| reader (logged in, no staff) | sent to the login page                 | published records only  |
| anonymous visitor            | sent to the login page                 | published records only  |
"""
import pytest
from django.test import Client
from django.urls import reverse

from apps.curation.models import CurationStatus
from apps.curation.tests.api_support import API, fresh_throttle_history  # noqa: F401 (autouse fixture)
from apps.curation.tests.test_admin import CURATED_MODELS, MODELS, ROW_MAKERS
from apps.documents.models import Document
from apps.documents.tests.factories import DocumentFactory
from apps.documents.tests.test_admin import change_form_data

pytestmark = pytest.mark.django_db

STAFF = ["curator", "reviewer", "read_only_staff"]
NOT_STAFF = ["reader", "anonymous"]
ROLES = STAFF + NOT_STAFF
DRAFT_TITLE = "关于推进集团化办学的答复(草稿)"
EDITED_TITLE = "关于推进集团化办学的答复(已改)"


@pytest.fixture
def clients(curator, reviewer, read_only_staff, reader):
    logged_in = {"curator": curator, "reviewer": reviewer, "read_only_staff": read_only_staff, "reader": reader}
    clients = {"anonymous": Client()}
    for role, user in logged_in.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


@pytest.fixture
def draft():
    return DocumentFactory(title=DRAFT_TITLE, status=CurationStatus.DRAFT)


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def assert_sent_to_login(response):
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


# --- admin ------------------------------------------------------------------------

@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_staff_role_sees_every_changelist_and_others_are_sent_to_login(clients, model):
    record = ROW_MAKERS[model](0)
    for role in STAFF:
        assert clients[role].get(admin_url(model, "changelist")).status_code == 200, role
        assert clients[role].get(admin_url(model, "change", record.pk)).status_code == 200, role
    for role in NOT_STAFF:
        assert_sent_to_login(clients[role].get(admin_url(model, "changelist")))


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_only_curators_may_add_and_delete(clients, model):
    record = ROW_MAKERS[model](0)
    assert clients["curator"].get(admin_url(model, "add")).status_code == 200
    assert clients["curator"].get(admin_url(model, "delete", record.pk)).status_code == 200
    for role in ("reviewer", "read_only_staff"):
        assert clients[role].get(admin_url(model, "add")).status_code == 403, role
        assert clients[role].get(admin_url(model, "delete", record.pk)).status_code == 403, role
        assert clients[role].post(admin_url(model, "delete", record.pk), {"post": "yes"}).status_code == 403, role
    assert model.objects.filter(pk=record.pk).exists()


def test_the_change_form_is_editable_for_curators_and_read_only_for_the_other_staff(clients, draft):
    url = admin_url(Document, "change", draft.pk)
    assert 'name="title"' in clients["curator"].get(url).content.decode()
    for role in ("reviewer", "read_only_staff"):
        response = clients[role].get(url)
        assert response.status_code == 200
        assert 'name="title"' not in response.content.decode(), role
        assert DRAFT_TITLE in response.content.decode()


def test_only_curators_can_save_a_change(clients, draft):
    data = change_form_data(clients["curator"].get(admin_url(Document, "change", draft.pk)))
    data["title"] = EDITED_TITLE
    for role in ("reviewer", "read_only_staff"):
        assert clients[role].post(admin_url(Document, "change", draft.pk), data).status_code == 403, role
    draft.refresh_from_db()
    assert draft.title == DRAFT_TITLE

    assert clients["curator"].post(admin_url(Document, "change", draft.pk), data).status_code == 302
    draft.refresh_from_db()
    assert draft.title == EDITED_TITLE


def test_only_curators_can_revert_to_an_earlier_version(clients, draft, curator):
    original = draft.history.latest()
    draft.title, draft._history_user = EDITED_TITLE, curator
    draft.save()
    revert_url = admin_url(Document, "simple_history", draft.pk, original.history_id)
    data = change_form_data(clients["curator"].get(revert_url))

    for role in ("reviewer", "read_only_staff"):
        assert clients[role].get(revert_url).status_code == 200, role  # they may look at it
        assert clients[role].post(revert_url, data).status_code == 403, role
    draft.refresh_from_db()
    assert draft.title == EDITED_TITLE

    assert clients["curator"].post(revert_url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.title == DRAFT_TITLE


def action_names(response) -> set[str]:
    action_form = response.context["action_form"]
    return {name for name, _label in action_form.fields["action"].choices if name} if action_form else set()


@pytest.mark.parametrize("model", CURATED_MODELS, ids=lambda m: m.__name__)
def test_curators_and_reviewers_can_mark_reviewed_and_publish_and_read_only_staff_cannot(clients, model, reviewer):
    records = [ROW_MAKERS[model](n) for n in range(2)]
    model.objects.filter(pk__in=[r.pk for r in records]).update(status=CurationStatus.DRAFT)
    changelist = admin_url(model, "changelist")
    assert {"mark_reviewed", "publish"} <= action_names(clients["curator"].get(changelist))
    # Documents and proposals also publish and take back what hangs on them (apps/*/publishing.py).
    assert action_names(clients["reviewer"].get(changelist)) - {
        "publish_with_drawn", "review_with_drawn", "draft_with_drawn",
    } == {
        "mark_reviewed", "publish",
    }
    assert action_names(clients["read_only_staff"].get(changelist)) == set()

    selected = {"_selected_action": [r.pk for r in records], "index": 0}
    clients["read_only_staff"].post(changelist, {"action": "publish", **selected})
    assert set(model.objects.filter(pk__in=selected["_selected_action"]).values_list("status", flat=True)) == {
        CurationStatus.DRAFT
    }

    for action, status in (("mark_reviewed", CurationStatus.REVIEWED), ("publish", CurationStatus.PUBLISHED)):
        response = clients["reviewer"].post(changelist, {"action": action, **selected})
        assert response.status_code == 302
        for record in records:
            record.refresh_from_db()
            assert record.status == status
            assert record.history.latest().history_user == reviewer


def test_only_curators_may_import_pages(clients):
    url = reverse("ingest_import_pages")
    assert clients["curator"].get(url).status_code == 200
    for role in ("reviewer", "read_only_staff"):
        assert clients[role].get(url).status_code == 403, role
    for role in NOT_STAFF:
        assert_sent_to_login(clients[role].get(url))


def test_an_import_by_a_reviewer_saves_nothing(clients):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("reply.txt", "对区政协提案的答复\n\n到2025年,覆盖率将达到60%以上。".encode())
    response = clients["reviewer"].post(reverse("ingest_import_pages"), {"files": [upload]})
    assert response.status_code == 403
    assert not Document.objects.exists()


# --- API --------------------------------------------------------------------------

def test_staff_roles_see_drafts_in_the_api_and_others_see_published_records_only(clients, draft):
    published = DocumentFactory()
    for role, client in clients.items():
        listed = {record["id"] for record in client.get(API + "documents/").json()["results"]}
        detail = client.get(API + f"documents/{draft.pk}/").status_code
        if role in STAFF:
            assert (listed, detail) == ({draft.pk, published.pk}, 200), role
        else:
            assert (listed, detail) == ({published.pk}, 404), role


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_no_role_can_write_through_the_api(clients, draft, method):
    url = API + "documents/" if method == "post" else API + f"documents/{draft.pk}/"
    for role, client in clients.items():
        response = getattr(client, method)(url, {"title": EDITED_TITLE}, content_type="application/json")
        assert response.status_code == (403 if role == "anonymous" else 405), (role, response.status_code)
    draft.refresh_from_db()
    assert draft.title == DRAFT_TITLE
    assert Document.objects.count() == 1


# --- pages ------------------------------------------------------------------------

def test_staff_roles_see_a_draft_on_the_site_and_others_get_not_found(clients, draft):
    for role, client in clients.items():
        detail = client.get(reverse("documents:detail", args=[draft.pk]))
        listing = client.get(reverse("documents:list")).content.decode()
        if role in STAFF:
            assert detail.status_code == 200, role
            assert DRAFT_TITLE in listing, role
        else:
            assert detail.status_code == 404, role
            assert DRAFT_TITLE not in listing, role


def test_posting_to_the_pages_changes_nothing(clients, draft):
    """The analysts' pages only read: a form posted to one is shown the page (or refused), never saved."""
    for role, client in clients.items():
        for url in (reverse("documents:detail", args=[draft.pk]), reverse("documents:list")):
            response = client.post(url, {"title": EDITED_TITLE, "status": CurationStatus.PUBLISHED})
            assert response.status_code in (200, 403, 404, 405), (role, url, response.status_code)
    draft.refresh_from_db()
    assert draft.status == CurationStatus.DRAFT
    assert draft.title == DRAFT_TITLE
