"""Quantities in every form the pages print them."""
from decimal import Decimal

import pytest

from apps.ingest.numbers import find_damaged_shares, find_quantities, to_decimal


def only(text):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value, value_max, unit, comparator, base", [
    ("60%以上", "60", None, "%", "gte", "60"),
    ("3-4所", "3", "4", "所", "range", "3"),
    ("1.16亿元", "1.16", None, "亿元", "eq", "116000000"),
    ("7170万元", "7170", None, "万元", "eq", "71700000"),
    ("1.5万人次", "1.5", None, "万人次", "eq", "15000"),
    ("两千八百个", "2800", None, "个", "eq", "2800"),
    ("下降1个百分点", "1", None, "个百分点", "decrease_by", "1"),
    ("3所左右", "3", None, "所", "approx", "3"),
    ("保持在92%以上", "92", None, "%", "maintain", "92"),
    ("提高至70%", "70", None, "%", "gte", "70"),
    ("不超过45人", "45", None, "人", "lte", "45"),
    ("7600多人", "7600", None, "人", "gte", "7600"),
    ("5亿多元", "5", None, "亿元", "gte", "500000000"),
    ("将近50%", "50", None, "%", "approx", "50"),
    ("三至四所", "3", "4", "所", "range", "3"),
    ("百分之三十", "30", None, "%", "eq", "30"),
    ("7,600人", "7600", None, "人", "eq", "7600"),
    ("1 376所", "1376", None, "所", "eq", "1376"),
    ("三分之二以上", "66.7", None, "%", "gte", "66.7"),
    ("3—4所", "3", "4", "所", "range", "3"),
    ("300堂", "300", None, "堂", "eq", "300"),
    ("受教育年限达到11.53年", "11.53", None, "年", "gte", "11.53"),
])
def test_each_printed_form_reads_as_value_unit_and_comparator(text, value, value_max, unit, comparator, base):
    quantity = only(text)
    assert quantity.value == Decimal(value)
    assert quantity.value_max == (Decimal(value_max) if value_max else None)
    assert (quantity.unit, quantity.comparator) == (unit, comparator)
    assert quantity.base_value == Decimal(base)


def test_magnitudes_are_exact_decimals_not_floats():
    assert str(only("1.16亿元").base_value.normalize()) == "1.16E+8"
    assert only("1.16亿元").base_value == 116_000_000
    assert only("1.16亿元").base_unit == "元"


@pytest.mark.parametrize("text", [
    "“十三五”以来", "五育并举", "一是持续推动", "2022年", "(2020-2035)", "第76号", "邯教〔2017〕42号",
    "五个方面", "实施35周岁以下", "三年行动计划", "11月26日", "教龄满15年", "直道长100米",
])
def test_words_dates_and_ordinals_are_not_quantities(text):
    assert find_quantities(text) == []


def test_quantities_keep_their_place_in_the_text():
    text = "新建改扩建学校13所,新增学位2800个"
    first, second = find_quantities(text)
    assert text[first.start:first.end] == "13所"
    assert text[second.start:second.end] == "2800个"


def test_chinese_numerals_use_cn2an_for_the_core_only():
    assert to_decimal("两千八百") == 2800
    assert to_decimal("一百零五") == 105
    assert to_decimal("十三五") is None


def test_shares_that_lost_their_percent_sign_are_flagged_damaged():
    damaged = find_damaged_shares("已累计达62所,占405;现全市已达到50,离“十二五”70的目标")
    assert [(q.text, q.unit, q.damaged) for q in damaged] == [("405", "%", True), ("50", "%", True), ("70", "%", True)]
