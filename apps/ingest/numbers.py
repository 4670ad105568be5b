"""Quantities in running Chinese text: `60%以上`, `3-4所`, `1.16亿元`, `两千八百个`, `下降1个百分点`.

No library reads ranges, 以上/左右/多 or units (TOOLING.md), so a regex finds each quantity
and cn2an converts only its numeric core; magnitudes (万, 亿) are applied in Decimal.
Stored text is never rewritten with cn2an: it turns 十三五 into 45 and 五育并举 into 5育并举.
"""
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an

# Percentage points: a change or a gap between shares (提高2个百分点), not a share itself.
POINT_UNITS = ("个百分点", "百分点")
MAGNITUDES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6}
# Counters and measures, longest first so 人次 wins over 人 and 个百分点 over 个.
UNITS = sorted(
    [
        "个百分点", "百分点", "人次", "平方米", "公里", "课时", "周岁", "小时", "元", "个", "所", "名", "人", "次",
        "项", "家", "场", "篇", "处", "座", "间", "台", "套", "条", "位", "户", "亩", "分", "倍", "张", "本", "册",
        "门", "种", "部", "支", "期", "批", "班", "届", "节", "米", "岁", "年", "天", "月", "堂",
    ],
    key=len, reverse=True,
)
# Units that make a number a duration, an age or a date part rather than an amount.
NOT_AMOUNTS = {"年", "天", "月", "岁", "周岁", "小时", "期", "届", "批", "节", "米"}
# Thousands may be grouped by commas or, in typeset reports, by a (thin) space: `1 376所`.
ARABIC = r"\d{1,3}(?:[ \u2009\u00a0]\d{3})+(?![\d.])|\d+(?:,\d{3})*(?:\.\d+)?"
CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+"
UNIT = "|".join(UNITS)
QUANTITY = re.compile(
    rf"""
    (?P<pct_prefix>百分之)?
    (?:
        (?P<num>{ARABIC})(?:\s*(?P<sep>[-~—–至到])\s*(?P<num2>{ARABIC}))?
        \s*(?P<mag>千万|百万|万|亿)?
      | (?P<cnum>{CHINESE})(?:(?P<csep>[-~至到])(?P<cnum2>{CHINESE}))?
    )
    (?P<more>多|余)?
    \s*(?P<pct>%|‰)?
    (?P<unit>{UNIT})?
    (?P<suffix>及以上|以上|以下|以内|左右|上下)?
    """,
    re.VERBOSE,
)
# Words right before a number that say how it compares (longest first).
PREFIX_COMPARATORS = [
    # Negated forms first: 不超过 ends like 超过 but means the opposite.
    (re.compile(r"(不低于|不少于)$"), "gte"),
    (re.compile(r"(不超过|不高于|不多于)$"), "lte"),
    (re.compile(r"(保持在|保持|稳定在|维持在)$"), "maintain"),
    (re.compile(r"(不低于|不少于|至少|超过|多于|高于|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增至|达到|达|超)$"), "gte"),
    (re.compile(r"(不超过|不高于|不多于|低于|少于|控制在|降到|降至|下降到|下降至|降低到|降低至)$"), "lte"),
    (re.compile(r"(约|近|将近|接近|大约)$"), "approx"),
    (re.compile(r"(提高|提升|增加|增长|上升|增)$"), "increase_by"),
    (re.compile(r"(下降|降低|减少|压减|缩减)$"), "decrease_by"),
]
SUFFIX_COMPARATORS = {"以上": "gte", "及以上": "gte", "以下": "lte", "以内": "lte", "左右": "approx", "上下": "approx"}
ORDINAL_BEFORE = re.compile(r"(第|No\.?|JNZX)$")
YEAR_LIKE = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class Quantity:
    """One quantity as printed: ``value``/``value_max`` in the printed unit (7170 万元), with
    ``base_value`` the same amount in the bare unit (71700000 元)."""

    text: str
    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    unit: str
    comparator: str
    magnitude: Decimal = Decimal(1)
    damaged: bool = False

    @property
    def base_value(self) -> Decimal:
        return self.value * self.magnitude

    @property
    def base_unit(self) -> str:
        return self.unit.removeprefix("千万").removeprefix("百万").lstrip("万亿") or self.unit

    @property
    def is_percentage(self) -> bool:
        return self.unit in ("%", "‰", *POINT_UNITS)


def to_decimal(numeral: str) -> Decimal | None:
    """An Arabic or Chinese numeral (`7,600`, `1.16`, `两千八百`) as a Decimal, or None."""
    numeral = re.sub(r"[,\s\u2009\u00a0]", "", numeral)
    try:
        return Decimal(numeral)
    except InvalidOperation:
        pass
    try:
        return Decimal(str(cn2an.cn2an(numeral, "normal")))
    except (ValueError, KeyError):
        return None


def _comparator(text: str, match: re.Match, before: str) -> str:
    if match.group("num2") or match.group("cnum2"):
        return "range"
    suffix = match.group("suffix")
    for pattern, comparator in PREFIX_COMPARATORS:
        if pattern.search(before):
            if comparator in ("maintain", "increase_by", "decrease_by") or not suffix:
                return comparator
    if suffix:
        return SUFFIX_COMPARATORS[suffix]
    if match.group("more"):
        return "gte"
    return "eq"


def _quantity(text: str, match: re.Match) -> Quantity | None:
    before = text[max(0, match.start() - 6): match.start()].rstrip()
    unit = match.group("unit") or ""
    pct = match.group("pct") or ("%" if match.group("pct_prefix") else "")
    if match.group("cnum"):
        # Chinese numerals count only with a unit (两千八百个), and not inside words (十三五, 五育).
        if not (unit or pct) or unit in NOT_AMOUNTS or ORDINAL_BEFORE.search(before):
            return None
        if match.group("cnum") == "十" and unit == "分":
            return None  # 十分重要: the adverb "very", not ten points
        value, value_max = to_decimal(match.group("cnum")), None
        if match.group("cnum2"):
            value_max = to_decimal(match.group("cnum2"))
        small = value is not None and value < 10 and not re.search("[十百千万亿]", match.group("cnum"))
        if value is None or (small and value_max is None and unit != "个百分点"):
            # 一是, 五个方面, 两学一做: small Chinese numerals are words, not figures.
            return None
        magnitude = Decimal(1)
        mag = ""
    else:
        if ORDINAL_BEFORE.search(before) or (unit in NOT_AMOUNTS and not pct and not _counts_years(text, match)):
            return None
        value = to_decimal(match.group("num"))
        value_max = to_decimal(match.group("num2")) if match.group("num2") else None
        if value_max is not None and YEAR_LIKE.match(match.group("num")) and YEAR_LIKE.match(match.group("num2")):
            return None  # 2020-2035: a span of years
        mag = match.group("mag") or ""
        magnitude = MAGNITUDES.get(mag, Decimal(1))
        if not (unit or pct or mag):
            return None
        if pct and unit and unit not in POINT_UNITS:
            unit = ""  # 60%的班级: the % is the unit, the counter belongs to the noun
    if value is None:
        return None
    end = match.end()
    if pct:
        unit = pct
        if match.group("pct") and not match.group("suffix"):
            end = match.end("pct")
    return Quantity(
        text=text[match.start(): end],
        start=match.start(),
        end=end,
        value=value,
        value_max=value_max,
        unit=f"{mag}{unit}",
        comparator=_comparator(text, match, before),
        magnitude=magnitude,
    )


def _counts_years(text: str, match: re.Match) -> bool:
    """`受教育年限达到11.53年`: years as the amount measured, not a date or a duration."""
    return match.group("unit") == "年" and bool(re.search(r"年限[^,。;]*$", text[: match.start()]))


# `三分之二以上`: a share written as a fraction, read as a percentage to one decimal.
FRACTION = re.compile(r"(?P<den>[一二三四五六七八九十\d]+)分之(?P<num>[一二三四五六七八九十\d]+)(?P<suffix>及以上|以上|以下|左右)?")


def _fractions(text: str) -> list[Quantity]:
    found = []
    for match in FRACTION.finditer(text):
        numerator, denominator = to_decimal(match.group("num")), to_decimal(match.group("den"))
        if not numerator or not denominator or numerator >= denominator:
            continue
        value = (numerator * 100 / denominator).quantize(Decimal("0.1"))
        suffix = match.group("suffix")
        comparator = SUFFIX_COMPARATORS[suffix] if suffix else "eq"
        found.append(Quantity(match.group(), match.start(), match.end(), value, None, "%", comparator))
    return found


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order, with its span and comparator."""
    found = _fractions(text)
    taken = [(q.start, q.end) for q in found]
    for match in QUANTITY.finditer(text):
        if not match.group(0).strip() or not (match.group("num") or match.group("cnum")):
            continue
        quantity = _quantity(text, match)
        if quantity is not None and not any(start <= quantity.start < end for start, end in taken):
            found.append(quantity)
    return sorted(found, key=lambda q: q.start)


# A share printed without its % sign or decimal point (`占405` for 40.5%): conversion damage.
BARE_SHARE = re.compile(
    rf"(?:(?:占|率|比例|达到|达)\s*(?P<num>\d{{2,4}})|[”\s](?P<goal>\d{{2,3}})(?=的目标))(?![\d.%‰]|\s*(?:{UNIT}|万|亿))"
)


def find_damaged_shares(text: str) -> list[Quantity]:
    """Bare numbers where a share is expected: the curator must check them against the source."""
    found = []
    for match in BARE_SHARE.finditer(text):
        group = "num" if match.group("num") else "goal"
        if YEAR_LIKE.match(match.group(group)):
            continue
        value = Decimal(match.group(group))
        before = text[max(0, match.start() - 6): match.start(group)]
        comparator = "eq"
        for pattern, name in PREFIX_COMPARATORS:
            if pattern.search(before.rstrip()):
                comparator = name if name in ("gte", "lte", "approx") else "eq"
                break
        found.append(
            Quantity(
                text=match.group(group), start=match.start(group), end=match.end(group), value=value,
                value_max=None, unit="%", comparator=comparator, damaged=True,
            )
        )
    return found
