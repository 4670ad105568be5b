"""The read API over the demo data: the five seed pages as ``load_demo`` records them."""
import datetime

import pytest
from django.core.management import call_command
from django.db import transaction

from apps.curation.tests.api_support import (  # noqa: F401 (fresh_throttle_history is an autouse fixture)
    API,
    csv_rows,
    fresh_throttle_history,
    results,
)
from apps.organizations.models import Organization

pytestmark = pytest.mark.django_db

LISTS = [
    "regions", "organizations", "documents", "proposals", "replies", "initiatives", "indicators", "targets",
    "observations", "commitments",
]


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for the module inside a transaction that is rolled back at the end.

    Each test's own transaction nests inside it as a savepoint, so tests cannot disturb
    one another and no row outlives the module.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=open("/dev/null", "w"))
        yield
        transaction.set_rollback(True)


def numbers(response):
    return [record["number"] for record in results(response)]


def get(client, path, **params):
    response = client.get(API + path, params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def proposal(client, number):
    (record,) = results(client.get(API + "proposals/", {"number": number}))
    return get(client, f"proposals/{record['id']}/")


@pytest.mark.parametrize("endpoint", LISTS)
def test_every_list_and_its_first_detail_answer(client, endpoint):
    body = get(client, f"{endpoint}/")
    assert body["count"] > 0
    first = body["results"][0]
    assert client.get(first["url"]).status_code == 200


def test_proposals_in_nanjing_find_jiangning_and_not_suggestion_76(client):
    assert numbers(client.get(API + "proposals/", {"region": "3201"})) == ["JNZX13010181"]
    assert numbers(client.get(API + "proposals/", {"region": "320100"})) == ["JNZX13010181"]
    assert numbers(client.get(API + "proposals/", {"region": "13"})) == ["76"]
    assert numbers(client.get(API + "proposals/", {"kind": "suggestion"})) == ["76"]
    assert numbers(client.get(API + "proposals/", {"session": "十三届一次"})) == ["JNZX13010181"]
    assert numbers(client.get(API + "proposals/", {"result_code": "B"})) == ["76"]
    assert numbers(client.get(API + "proposals/", {"year_to": 2018})) == ["76"]


def test_the_nested_reply_of_suggestion_76_has_result_b(client):
    body = proposal(client, "76")
    assert body["kind"] == "suggestion"
    assert [p["name"] for p in body["proposers"]] == ["赵强"]
    (reply,) = body["replies"]
    assert reply["result"]["code"] == "B"
    assert reply["result"]["meaning"] == "B 列入计划拟解决"
    assert reply["doc_number"] == "邯教办〔2018〕57号"
    assert reply["reply_date"] == "2018-07-26"
    assert reply["signer"] == "杨华云"
    assert reply["responding_organization"]["name"] == "邯郸市教育局"
    assert "437" in reply["full_text"]


def test_jiangnings_reply_comes_from_the_district_bureau_without_a_result_code(client):
    (reply,) = proposal(client, "JNZX13010181")["replies"]
    assert reply["responding_organization"]["name"] == "南京市江宁区教育局"
    assert reply["result"] is None
    assert reply["reply_date"] == "2022-10-14"


def test_replies_filter_by_organization_result_and_text(client):
    bureau = Organization.objects.get(name="南京市江宁区教育局")
    (by_bureau,) = results(client.get(API + "replies/", {"organization": bureau.pk}))
    assert by_bureau["proposal"]["number"] == "JNZX13010181"
    (result_b,) = results(client.get(API + "replies/", {"result_code": "B"}))
    assert result_b["proposal"]["number"] == "76"
    assert {r["proposal"]["number"] for r in results(client.get(API + "replies/", {"q": "集团化办学"}))} >= {"76"}


def test_jiangnings_2025_coverage_target(client, settings):
    settings.PROGRESS_TODAY = datetime.date(2026, 12, 2)
    (target,) = results(client.get(API + "targets/", {"region": "320115", "deadline_year": 2025}))
    assert target["indicator"]["name"] == "义务教育紧密型集团化办学覆盖率"
    assert target["comparator"] == "gte"
    assert target["value_text"] == "≥60%"
    # Due at the end of 2025, and no later page reports the coverage: unverified.
    assert (target["progress"], target["progress_legacy"]) == ("unverified", "no_evidence")


def test_targets_filter_by_year_theme_and_progress(client):
    due_2022 = results(client.get(API + "targets/", {"deadline_year": 2022, "region": "3204", "page_size": 100}))
    assert due_2022 and {t["region"]["code"][:4] for t in due_2022} == {"3204"}
    balance = results(client.get(API + "targets/", {"theme": "balance"}))
    assert "义务教育紧密型集团化办学覆盖率" in {t["indicator"]["name"] for t in balance}
    assert results(client.get(API + "targets/", {"progress": "achieved"})) == []


def test_documents_show_the_targets_and_observations_drawn_from_them(client):
    (jiangning,) = results(client.get(API + "documents/", {"region": "320115"}))
    body = get(client, f"documents/{jiangning['id']}/")
    assert "义务教育紧密型集团化办学覆盖率" in {t["indicator"]["name"] for t in body["targets"]}
    assert body["observations"]
    assert body["reply"]
    assert "hotline" not in body["clean_text"]


def test_documents_filter_by_type_region_date_and_text(client):
    (goals,) = results(client.get(API + "documents/", {"doc_type": "annual_goals"}))
    assert {r["code"] for r in goals["regions"]} == {"320404", "320481"}
    assert len(results(client.get(API + "documents/", {"region": "32"}))) == 3
    assert len(results(client.get(API + "documents/", {"year_from": 2022}))) == 3
    assert [d["publish_date"] for d in results(client.get(API + "documents/", {"date_to": "2021-12-31"}))] == [
        "2018-07-26"
    ]
    assert results(client.get(API + "documents/", {"q": "邯教办"}))


def test_handan_observations(client):
    observed = results(client.get(API + "observations/", {"region": "130400", "page_size": 100}))
    assert {o["value"] for o in observed} >= {"437.0000", "1878.0000"}


def test_region_detail_shows_parents_and_children(client):
    liyang = get(client, "regions/320481/")
    assert [r["name"] for r in liyang["ancestors"]] == ["江苏省", "常州市"]
    changzhou = get(client, "regions/320400/")
    assert "320404" in {r["code"] for r in changzhou["children"]}


def test_initiatives_by_region_and_text(client):
    names = {i["name"] for i in results(client.get(API + "initiatives/", {"region": "320115"}))}
    assert "教育资源布局优化提升三年行动计划" in names
    assert [i["name"] for i in results(client.get(API + "initiatives/", {"q": "集团化办学"}))][:1]


def test_targets_export_as_csv(client):
    rows = csv_rows(client.get(API + "targets/", {"format": "csv", "region": "32"}))
    assert len(rows) > 20
    assert all(row["region.code"].startswith("32") for row in rows)
