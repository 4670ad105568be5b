"""`manage.py backup` then `manage.py restore` brings back every record and every history entry.

The round trip: the demo data, edits by two staff users through the admin (new history
entries, admin log entries, a many-to-many change), a backup, an emptied database, a
restore. Runs on whichever database the suite runs on (SQLite or PostgreSQL).
"""
import gzip
import json
from io import StringIO

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from apps.curation.backup import backed_up_models, row_counts
from apps.curation.models import CurationStatus
from apps.documents.models import Document
from apps.documents.tests.test_admin import change_form_data
from apps.initiatives.models import Initiative
from apps.regions.models import Region
from apps.search.models import SearchEntry

# Transactional: the restore empties the database with flush, which PostgreSQL refuses
# inside the transaction a plain database test runs in.
pytestmark = pytest.mark.django_db(transaction=True)

EDITED_TITLE = "关于推进城乡教育优质均衡发展进而留住人才提案的答复(已核对)"


def run(command, *args, **options) -> str:
    out = StringIO()
    call_command(command, *args, stdout=out, **options)
    return out.getvalue()


def snapshot() -> dict:
    """Every row of every backed-up model, as comparable values; users and content types by name.

    History rows are compared whole (ids, dates to the microsecond, types, users, every
    field's value), so a history entry lost, added or altered shows up. Users, groups and
    content types are matched by name: ``migrate`` numbers the latter afresh.
    """
    user_names = dict(get_user_model().objects.values_list("pk", "username"))
    content_types = {ct.pk: (ct.app_label, ct.model) for ct in ContentType.objects.all()}
    rows = {}
    for model in backed_up_models():
        label = model._meta.label_lower
        if label == "auth.user":
            rows[label] = sorted(
                (u.username, u.password, u.is_staff, u.is_superuser, sorted(u.groups.values_list("name", flat=True)))
                for u in model.objects.all()
            )
            continue
        values = []
        for row in model._base_manager.order_by("pk").values():
            for key, value in row.items():
                if key.endswith("user_id"):
                    row[key] = user_names.get(value, value)
                elif key == "content_type_id":
                    row[key] = content_types[value]
            if label == "auth.group":
                row.pop("id")
            values.append(row)
        rows[label] = values
    rows["auth.group.permissions"] = sorted(
        (group.name, sorted(group.permissions.values_list("codename", flat=True)))
        for group in get_user_model().groups.field.related_model.objects.all()
    )
    return rows


@pytest.fixture
def edited_demo(curator, reviewer, curator_client, reviewer_client):
    """The demo data after a curator's edit, a region added and a reviewer's publishing."""
    run("load_demo")
    document = Document.objects.get(title__contains="JNZX13010181")
    url = reverse("admin:documents_document_change", args=[document.pk])
    data = change_form_data(curator_client.get(url))
    data["title"] = EDITED_TITLE
    data["regions"] = [*data.get("regions", []), "320100"]
    assert curator_client.post(url, data).status_code == 302

    Initiative.objects.filter(pk__in=Initiative.objects.order_by("pk").values("pk")[:2]).update(
        status=CurationStatus.DRAFT
    )
    selected = list(Initiative.objects.filter(status=CurationStatus.DRAFT).values_list("pk", flat=True))
    response = reviewer_client.post(
        reverse("admin:initiatives_initiative_changelist"),
        {"action": "publish", "_selected_action": selected, "index": 0},
    )
    assert response.status_code == 302
    return document


def test_a_backup_restored_into_an_emptied_database_has_every_record_and_history_entry(
    edited_demo, tmp_path, curator, reviewer
):
    before = snapshot()
    counts = row_counts()
    assert counts["documents.historicaldocument"] > counts["documents.document"]
    assert LogEntry.objects.filter(user=curator).exists()
    assert edited_demo.history.filter(history_user=curator, title=EDITED_TITLE).exists()
    path = tmp_path / "policytracker.json.gz"

    out = run("backup", str(path))
    history_total = sum(count for label, count in counts.items() if ".historical" in label)
    assert f"Wrote {sum(counts.values())} rows ({history_total} of them history entries)" in out

    call_command("flush", interactive=False, verbosity=0)
    assert not Document.objects.exists() and not get_user_model().objects.exists()
    assert not Document.history.exists()

    out = run("restore", str(path))

    assert f"Restored {sum(counts.values())} rows ({history_total} of them history entries)" in out
    assert row_counts() == counts
    after = snapshot()
    for label in before:
        assert after[label] == before[label], label
    document = Document.objects.get(pk=edited_demo.pk)
    assert document.title == EDITED_TITLE
    assert "320100" in document.regions.values_list("code", flat=True)
    latest = document.history.latest()
    assert (latest.title, latest.history_user.username) == (EDITED_TITLE, "curator")
    assert Initiative.history.filter(history_user__username="reviewer", status=CurationStatus.PUBLISHED).count() == 2
    assert get_user_model().objects.get(username="curator").check_password("curator-pass")
    # The search index is not in the file: restoring the documents wrote it again.
    assert SearchEntry.objects.count() == Document.objects.count()


def test_restored_records_get_new_ids_after_the_restored_ones(edited_demo, tmp_path):
    path = tmp_path / "policytracker.json.gz"
    run("backup", str(path))
    call_command("flush", interactive=False, verbosity=0)
    run("restore", str(path))
    highest = Document.objects.order_by("-pk").first().pk

    created = Document.objects.create(title="新文件", raw_text="正文", clean_text="正文")

    assert created.pk > highest


def test_the_file_is_gzip_compressed_json_with_users_and_history_by_natural_key(edited_demo, tmp_path):
    path = tmp_path / "policytracker.json.gz"
    run("backup", str(path))

    with gzip.open(path, "rt", encoding="utf-8") as file:
        objects = json.load(file)

    models = {obj["model"] for obj in objects}
    assert {"documents.document", "documents.historicaldocument", "auth.user", "admin.logentry"} <= models
    assert not models & {"contenttypes.contenttype", "auth.permission", "sessions.session", "search.searchentry"}
    history = next(o for o in objects if o["model"] == "documents.historicaldocument" and o["fields"]["history_user"])
    assert history["fields"]["history_user"] == ["curator"]


def test_restore_refuses_a_database_that_holds_records_unless_forced(edited_demo, tmp_path):
    path = tmp_path / "policytracker.json.gz"
    run("backup", str(path))
    counts = row_counts()
    Region.objects.create(code="990101", name="备份后新增", level="county")

    with pytest.raises(CommandError, match="already holds records"):
        run("restore", str(path))
    assert Region.objects.filter(code="990101").exists()

    run("restore", str(path), force=True)

    assert not Region.objects.filter(code="990101").exists()
    assert row_counts() == counts


@pytest.mark.parametrize("name", ["backup.json", "backup.sql", "backup"])
def test_backup_files_are_named_json_gz(tmp_path, name):
    with pytest.raises(CommandError, match=r"\.json\.gz"):
        run("backup", str(tmp_path / name))


def test_restore_names_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No backup file"):
        run("restore", str(tmp_path / "missing.json.gz"))
