"""An analyst downloads a list as CSV and opens it: the rows are the records on the page."""
import csv

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _download_csv(page) -> list[dict]:
    with page.expect_download() as info:
        page.get_by_role("link", name="下载 CSV").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    # utf-8-sig: the file starts with a BOM so that Excel reads it as UTF-8.
    with open(download.path(), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_proposals_csv_holds_both_seed_proposals_with_their_proposers(page):
    page.goto("/proposals/")
    rows = {row["编号"]: row for row in _download_csv(page)}

    assert set(rows) == {"JNZX13010181", "76"}
    assert rows["JNZX13010181"]["领衔"] == "蔡晶"
    assert rows["JNZX13010181"]["行政区划代码"] == "320115"
    assert rows["76"]["领衔"] == "赵强"
    assert rows["76"]["办理结果"] == "B"
    assert rows["76"]["行政区划代码"] == "130400"


def test_documents_csv_after_filtering_holds_only_the_filtered_rows(page):
    page.goto("/documents/?region=320400")
    expect(page.get_by_role("region", name="结果").locator("tbody tr")).to_have_count(1)

    rows = _download_csv(page)

    assert [row["标题"] for row in rows] == ["辖市区年度教育“小目标”"]
    assert rows[0]["行政区划代码"].split("; ") == ["320404", "320481"]
