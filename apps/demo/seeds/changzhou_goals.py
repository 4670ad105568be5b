"""Seed 001: 常州日报's 2022-01-06 round-up of 2022 goals for 钟楼区 and 溧阳市.

An annual-goals page: every commitment on it is for 2022. The 2021 figures for 钟楼区
(92.45 points, first in the city) are observations, dated at the end of that year.
"""
import datetime
from decimal import Decimal

from apps.documents.models import DocumentType
from apps.initiatives.models import Theme
from apps.organizations.models import OrganizationKind
from apps.targets.models import Comparator

from . import common
from .schema import (
    CitationSpec, DocumentSpec, IndicatorSpec, InitiativeSpec, ObservationSpec, OrganizationSpec, SeedPage,
    TargetSpec,
)

ZHONGLOU = "320404"
LIYANG = "320481"
YEAR = 2022
END_OF_2021 = datetime.date(2021, 12, 31)

NEWSPAPER = OrganizationSpec(
    name="常州日报社", short_name="常州日报", kind=OrganizationKind.MEDIA, region="320400"
)

ZHONGLOU_RESOURCES = InitiativeSpec(
    name="资源配置提速三年行动计划", theme=Theme.RESOURCES, region=ZHONGLOU, start_year=2022, end_year=2024,
    description="加快推进“未来教育港”建设,新建改扩建学校,扩容优质资源。",
)
ZHONGLOU_889 = InitiativeSpec(
    name="“889优质教育”集团化工程", theme=Theme.BALANCE, region=ZHONGLOU, parent=common.SCHOOL_GROUPS,
)
ZHONGLOU_PARTY = InitiativeSpec(
    name="党建引领四大工程", theme=Theme.PARTY_BUILDING, region=ZHONGLOU,
    description="领导干部政治教育、党内组织生活规范、干部队伍素养提升、作风行风政风建设。",
)
LIYANG_WELFARE = InitiativeSpec(
    name="教育惠民工程", theme=Theme.RESOURCES, region=LIYANG,
    description="教室空调、实验室和机房改造,校舍改造,“全电食堂”。",
)
LIYANG_PRESCHOOL = InitiativeSpec(
    name="推进学前教育更好发展三年行动计划", theme=Theme.PRESCHOOL, region=LIYANG, start_year=2021, end_year=2023,
)


def _indicator(name: str, unit: str) -> IndicatorSpec:
    return IndicatorSpec(name=name, unit=unit)


SCHOOLS_BUILT = _indicator("新建改扩建学校数", "所")
NEW_PLACES = _indicator("新增学位数", "个")
NEW_QUALITY_SCHOOLS = _indicator("市新优质学校创建数", "所")
QUALITY_KINDERGARTENS = _indicator("省市优质幼儿园创建数", "所")
WELFARE_SPENDING = _indicator("教育惠民工程投入", "万元")
AIR_CONDITIONING = _indicator("中小学教室空调覆盖率", "%")
REBUILD_SPENDING = _indicator("校舍改造工程投入", "亿元")
ELECTRIC_CANTEENS = _indicator("“全电食堂”改造数", "所")
HIGH_LEVEL_HIRES = _indicator("高层次教育人才引进数", "名")
STAFFED_SHARE = _indicator("编制内和员额制教师总数占核编数比例", "%")
KINDERGARTEN_CLASS_SIZE = _indicator("幼儿园班额达标比例", "%")
VOCATIONAL_PROGRAMMES = _indicator("新增五年制高职专业数", "个")
PRACTICE_PLACES = _indicator("职业体验实践岗位数", "个")
TRAINEE_VISITS = _indicator("各类培训完成人次", "万人次")
TUTORING_INSTITUTIONS = _indicator("学科类校外培训机构数量", "")
MODERNIZATION_SCORE = _indicator("江苏省教育现代化建设监测得分", "分")
MODERNIZATION_RANK = _indicator("江苏省教育现代化建设监测大市排名", "名")


def _target(indicator, region, comparator, value, quote, *, value_max=None, initiative=None) -> TargetSpec:
    return TargetSpec(
        indicator=indicator, region=region, comparator=comparator,
        value=None if value is None else Decimal(value), value_max=None if value_max is None else Decimal(value_max),
        quote=quote, deadline_year=YEAR, initiative=initiative,
    )


SEED = SeedPage(
    file_name="001_af0b095c7b96bd7e.txt",
    document=DocumentSpec(
        title="辖市区年度教育“小目标”",
        doc_type=DocumentType.ANNUAL_GOALS,
        regions=(ZHONGLOU, LIYANG),
        organization=NEWSPAPER,
        publish_date=datetime.date(2022, 1, 6),
        source_site="常州日报",
        citations=(
            CitationSpec(title="钟楼区教育资源建设专项规划(2020-2035)"),
            CitationSpec(title="钟楼区教育资源配置五年行动计划(2020-2025)"),
            CitationSpec(title="新时代校内校外协同育人体系创新与实践研究"),
            CitationSpec(title="溧阳市高层次教育人才引进、培养奖励办法"),
            CitationSpec(title="溧阳市推进学前教育更好发展三年行动计划(2021-2023年)"),
        ),
    ),
    initiatives=(
        ZHONGLOU_RESOURCES, ZHONGLOU_889, ZHONGLOU_PARTY, LIYANG_WELFARE, LIYANG_PRESCHOOL,
        common.SCHOOL_GROUPS, common.BALANCED_COMPULSORY, common.PRESCHOOL_UNIVERSAL, common.DOUBLE_REDUCTION,
        common.COUNTY_HIRING, common.TUTORING_REGULATION,
    ),
    targets=(
        _target(
            SCHOOLS_BUILT, ZHONGLOU, Comparator.EQ, "13",
            "2022年将实施资源配置提速三年行动计划,加快推进“未来教育港”建设,新建改扩建学校13所",
            initiative=ZHONGLOU_RESOURCES,
        ),
        _target(
            NEW_PLACES, ZHONGLOU, Comparator.EQ, "2800",
            "新增学位2800个,不断补齐民生短板",
            initiative=ZHONGLOU_RESOURCES,
        ),
        _target(
            NEW_QUALITY_SCHOOLS, ZHONGLOU, Comparator.EQ, "2",
            "全年争创市新优质学校2所",
        ),
        _target(
            QUALITY_KINDERGARTENS, ZHONGLOU, Comparator.APPROX, "3",
            "省市优质园3所左右",
        ),
        _target(
            WELFARE_SPENDING, LIYANG, Comparator.EQ, "7170",
            "深入实施教育惠民工程,总投入7170万元",
            initiative=LIYANG_WELFARE,
        ),
        _target(
            AIR_CONDITIONING, LIYANG, Comparator.EQ, "100",
            "实现中小学教室空调全覆盖",
            initiative=LIYANG_WELFARE,
        ),
        _target(
            REBUILD_SPENDING, LIYANG, Comparator.EQ, "1.16",
            "投入1.16亿元,实施后六小学、平桥小学校舍改造工程",
            initiative=LIYANG_WELFARE,
        ),
        _target(
            ELECTRIC_CANTEENS, LIYANG, Comparator.EQ, "11",
            "改造“全电食堂”11所",
            initiative=LIYANG_WELFARE,
        ),
        _target(
            HIGH_LEVEL_HIRES, LIYANG, Comparator.RANGE, "1",
            "力争引进高层次教育人才1-2名",
            value_max="2",
        ),
        _target(
            STAFFED_SHARE, LIYANG, Comparator.GTE, "70",
            "力争编制内和员额制教师总数占核编数比例提高至70%",
        ),
        _target(
            KINDERGARTEN_CLASS_SIZE, LIYANG, Comparator.GTE, "85",
            "力争县域内85%以上的班额达标",
            initiative=common.PRESCHOOL_UNIVERSAL,
        ),
        _target(
            VOCATIONAL_PROGRAMMES, LIYANG, Comparator.RANGE, "3",
            "新增江苏省联合职业技术学院五年制高职专业3-4个",
            value_max="4",
        ),
        _target(
            PRACTICE_PLACES, LIYANG, Comparator.GTE, "5000",
            "建成1个省级中小学职业体验中心,提供实践体验工作5000个以上",
        ),
        _target(
            TRAINEE_VISITS, LIYANG, Comparator.EQ, "1.5",
            "全年完成各类培训1.5万人次",
        ),
        # "明显减少" names no amount: a decrease with no value, which no figure can be judged against.
        _target(
            TUTORING_INSTITUTIONS, LIYANG, Comparator.DECREASE_BY, None,
            "确保学科类校外培训机构数量明显减少",
            initiative=common.TUTORING_REGULATION,
        ),
    ),
    observations=(
        ObservationSpec(
            indicator=MODERNIZATION_SCORE, region=ZHONGLOU, value=Decimal("92.45"), observed_on=END_OF_2021,
            quote="在江苏省教育现代化建设监测中以92.45分位列大市第一",
        ),
        ObservationSpec(
            indicator=MODERNIZATION_RANK, region=ZHONGLOU, value=Decimal("1"), observed_on=END_OF_2021,
            quote="在江苏省教育现代化建设监测中以92.45分位列大市第一",
        ),
    ),
)
