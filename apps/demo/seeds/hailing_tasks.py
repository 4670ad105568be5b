"""Seed 002: 泰州市海陵区's five key tasks, 江苏省教育厅's article reposted by 教育装备采购网 on 2022-04-08.

The tasks are the district's plan for 2022, the year every target on the page is set for.
"""
import datetime
from decimal import Decimal

from apps.documents.models import DocumentType
from apps.initiatives.models import Theme
from apps.organizations.models import OrganizationKind
from apps.targets.models import Comparator

from . import common
from .schema import CitationSpec, DocumentSpec, IndicatorSpec, InitiativeSpec, OrganizationSpec, SeedPage, TargetSpec

HAILING = "321202"
YEAR = 2022

PROVINCIAL_DEPARTMENT = OrganizationSpec(
    name="江苏省教育厅", short_name="省教育厅", kind=OrganizationKind.EDUCATION_DEPARTMENT, region="320000"
)

RED_SEA_GEESE = InitiativeSpec(
    name="“红海雁阵”工程", theme=Theme.PARTY_BUILDING, region=HAILING,
    description="深入推进“一校一品”党建文化品牌建设。",
)
NEW_QUALITY_JUNIOR = InitiativeSpec(name="新优质初中建设工程", theme=Theme.QUALITY, region=HAILING)

MODEL_SCHOOLS = IndicatorSpec(name="学科教研示范学校命名数", unit="所")
PROVINCIAL_PROJECTS = IndicatorSpec(name="省级内涵建设项目新立项数", unit="个")
ART_PROGRAMMES = IndicatorSpec(name="艺术特色项目和精品社团数", unit="个")
HOME_SCHOOL_BRANDS = IndicatorSpec(name="“家校共育”社区教育品牌数", unit="个")
PUBLIC_KINDERGARTEN_COVERAGE = IndicatorSpec(name="普惠性幼儿园覆盖率", unit="%")
EYE_SCREENINGS = IndicatorSpec(name="区级中小学生视力筛查次数", unit="次")
MYOPIA_RATE = IndicatorSpec(name="儿童青少年近视率", unit="%")


def _target(indicator, comparator, value, quote, *, value_max=None, initiative=None, unit=None) -> TargetSpec:
    return TargetSpec(
        indicator=indicator, region=HAILING, comparator=comparator, value=Decimal(value),
        value_max=None if value_max is None else Decimal(value_max), quote=quote, deadline_year=YEAR,
        initiative=initiative, unit=unit,
    )


SEED = SeedPage(
    file_name="002_309da62706959858.txt",
    document=DocumentSpec(
        title="泰州海陵:聚焦五大重点任务 推动教育高质量发展",
        doc_type=DocumentType.NEWS,
        regions=(HAILING,),
        organization=PROVINCIAL_DEPARTMENT,
        publish_date=datetime.date(2022, 4, 8),
        source_site="教育装备采购网",
        citations=(
            CitationSpec(title="关于建立中小学校党组织领导的校长负责制的意见(试行)"),
            CitationSpec(title="习近平新时代中国特色社会主义思想学生读本"),
            CitationSpec(title="中小学教学工作规程"),
            CitationSpec(title="中小学作业布置和批改指南"),
            CitationSpec(title="紧密型教育集团捆绑考核评价办法(试行)"),
            CitationSpec(title="师德师风建设十项禁令"),
        ),
    ),
    initiatives=(
        RED_SEA_GEESE, NEW_QUALITY_JUNIOR,
        common.SCHOOL_GROUPS, common.BALANCED_COMPULSORY, common.PRESCHOOL_UNIVERSAL, common.SMART_CAMPUS,
        common.TUTORING_REGULATION, common.MYOPIA_PREVENTION,
    ),
    targets=(
        _target(MODEL_SCHOOLS, Comparator.RANGE, "3", "命名3-4所学科教研示范学校", value_max="4"),
        _target(PROVINCIAL_PROJECTS, Comparator.RANGE, "1", "新立项1-2个省级内涵建设项目", value_max="2"),
        _target(ART_PROGRAMMES, Comparator.RANGE, "3", "遴选和培育3-4个艺术特色项目和精品社团", value_max="4"),
        _target(HOME_SCHOOL_BRANDS, Comparator.RANGE, "1", "培育1-2个“家校共育”社区教育品牌", value_max="2"),
        _target(
            PUBLIC_KINDERGARTEN_COVERAGE, Comparator.MAINTAIN, "92", "确保普惠性幼儿园覆盖率保持在92%以上",
            initiative=common.PRESCHOOL_UNIVERSAL,
        ),
        _target(
            EYE_SCREENINGS, Comparator.EQ, "2", "完成2次区级中小学生视力筛查",
            initiative=common.MYOPIA_PREVENTION,
        ),
        _target(
            MYOPIA_RATE, Comparator.DECREASE_BY, "1", "力争儿童青少年近视率下降1个百分点",
            initiative=common.MYOPIA_PREVENTION, unit="个百分点",
        ),
    ),
)
