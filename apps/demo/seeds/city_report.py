"""Seed 004: a prefecture city's report to its county bureau chiefs, from a document-sharing site.

The city's name is blanked (地区市), so the document, its targets and its observation have
no region, and there is no issuing body: a placeholder organization would be a false
record that later imports could attach to. The page is undated and its years are
damaged (“2016年预算比2016年增加”); DOMAIN.md dates it about 2016.

Conversion lost the page's % signs and decimal points (占405, 增长率1291). Only the
figures DOMAIN.md reads are loaded: 校园文化先进单位 at 50% towards the 十二五 goal of
70% (十二五 ends in 2015), and the second half-year's plans, which name no year.

With no place, progress cannot match the 50% to the 70% target by region; the page itself
sets one beside the other after the 十二五 ended, so the curator's judgement is "missed".
"""
import datetime
from decimal import Decimal

from apps.documents.models import DocumentType
from apps.initiatives.models import Theme
from apps.targets.models import Comparator, TargetProgress

from . import common
from .schema import DocumentSpec, IndicatorSpec, InitiativeSpec, ObservationSpec, SeedPage, TargetSpec

REPORTED = datetime.date(2016, 6, 30)  # "about 2016", mid-year: the report reviews the first half-year

CULTURE_UNITS_SHARE = IndicatorSpec(name="校园文化先进单位占比", unit="%")
IDLE_SITES = IndicatorSpec(name="盘活闲置校产数", unit="处")
PRIVATE_PILOTS = IndicatorSpec(name="民办学校综合改革试点数(第二批)", unit="所")
GROUPS_CONSOLIDATED = IndicatorSpec(name="整合提升的教育集团学校数", unit="所")

PRIVATE_SCHOOL_REFORM = InitiativeSpec(name="民办学校综合改革试点", theme=Theme.RESOURCES)


def _plan(indicator, value, quote, initiative=None) -> TargetSpec:
    return TargetSpec(
        indicator=indicator, region=None, comparator=Comparator.EQ, value=Decimal(value), quote=quote,
        initiative=initiative,
    )


SEED = SeedPage(
    file_name="004_3f3e4db4f3d2d089.txt",
    document=DocumentSpec(
        title="地区市教育局各县市区教育局长例会汇报材料:追求有质量公平 推进内涵式发展",
        doc_type=DocumentType.WORK_REPORT,
        regions=(),
        organization=None,
        publish_date=None,
        source_site="人人文库网",
    ),
    initiatives=(common.SCHOOL_GROUPS, PRIVATE_SCHOOL_REFORM),
    targets=(
        TargetSpec(
            indicator=CULTURE_UNITS_SHARE, region=None, comparator=Comparator.GTE, value=Decimal("70"),
            deadline_year=2015, quote="离“十二五”70的目标又前进了一大步",
            progress_override=TargetProgress.MISSED,
            progress_note="页面称“现全市已达到50,离‘十二五’70的目标又前进了一大步”:"
                          "“十二五”已于2015年结束,仍未达到70%。",
        ),
        _plan(IDLE_SITES, "92", "盘活全市92处闲置校产"),
        _plan(PRIVATE_PILOTS, "40", "推进第二批40所民办学校综合改革试点", PRIVATE_SCHOOL_REFORM),
        _plan(GROUPS_CONSOLIDATED, "6", "对现有6所教育集团学校进行整合提升", common.SCHOOL_GROUPS),
    ),
    observations=(
        ObservationSpec(
            indicator=CULTURE_UNITS_SHARE, region=None, value=Decimal("50"), observed_on=REPORTED,
            quote="再创校园文化先进单位20所,现全市已达到50",
        ),
    ),
)
