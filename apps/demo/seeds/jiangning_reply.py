"""Seed 000: 江宁区教育局's reply to CPPCC proposal JNZX13010181 (蔡晶), posted 2022-10-14.

Repost on a labour-agency site that names itself nowhere but in its spam footer, so the
source site is left empty. The page gives only the posting date and no result code,
文号, signer or contact.
"""
import datetime
from decimal import Decimal

from apps.commitments.models import CommitmentKind
from apps.documents.models import DocumentType
from apps.initiatives.models import Theme
from apps.organizations.models import OrganizationKind
from apps.proposals.models import ProposalKind, ProposerRole
from apps.targets.models import Comparator

from . import common
from .schema import (
    CitationSpec, CommitmentSpec, DocumentSpec, IndicatorSpec, InitiativeSpec, ObservationSpec, OrganizationSpec,
    ProposalSpec, ProposerSpec, ReplySpec, SeedPage, TargetSpec,
)

JIANGNING = "320115"
POSTED = datetime.date(2022, 10, 14)

BUREAU = OrganizationSpec(
    name="南京市江宁区教育局", short_name="区教育局", kind=OrganizationKind.EDUCATION_BUREAU, region=JIANGNING
)

RESOURCE_PLAN = InitiativeSpec(
    name="教育资源布局优化提升三年行动计划", theme=Theme.RESOURCES, region=JIANGNING,
    start_year=2017, end_year=2019, description="全面、快速推进教育资源新建、改扩建项目。",
)
RESOURCE_PLAN_SUCCESSOR = InitiativeSpec(
    name="教育资源布局优化提升攻坚克难三年行动计划", theme=Theme.RESOURCES, region=JIANGNING,
    start_year=2020, end_year=2022, parent=RESOURCE_PLAN,
    description="2020年起接续启动,对全区各片区教育资源建设项目全面部署与推进。",
)
QUALITY_COVERAGE = InitiativeSpec(
    name="义务教育优质资源全覆盖", theme=Theme.BALANCE, region=JIANGNING, start_year=2019,
    description="《关于进一步推进江宁区义务教育优质资源全覆盖实施意见》:街道学校与区内优质学校合作办学。",
)
TALENT_INCENTIVES = InitiativeSpec(
    name="教育系统人才引进培养激励制度", theme=Theme.TEACHERS, region=JIANGNING,
    description="安家费补贴、一次性人才资助、优秀人才培养津贴。",
)

COVERAGE = IndicatorSpec(name="义务教育紧密型集团化办学覆盖率", unit="%")
ROTATING_SHARE = IndicatorSpec(
    name="义务教育学校流动教师占符合流动条件教师比例", unit="%",
    description="当年流动的教师人数占符合流动教师条件总数的比例。",
)
BACKBONE_SHARE_OF_ROTATING = IndicatorSpec(name="流动教师中骨干教师占比", unit="%")
NEW_HIRES_TO_STREET_SCHOOLS = IndicatorSpec(
    name="新招聘教师充实到街道学校的比例", unit="%", description="每年新招聘教师中分配到街道(乡镇)学校的比例。"
)

GROUP_COVERAGE_2025 = TargetSpec(
    indicator=COVERAGE, region=JIANGNING, comparator=Comparator.GTE, value=Decimal("60"), deadline_year=2025,
    initiative=common.SCHOOL_GROUPS,
    quote="到2025年,全区义务教育紧密型集团化办学覆盖率将达到60%以上",
)

SEED = SeedPage(
    file_name="000_bfc45f867f23e2c2.txt",
    document=DocumentSpec(
        title="对江宁区政协十三届一次会议第JNZX13010181号提案的答复",
        doc_type=DocumentType.REPLY,
        regions=(JIANGNING,),
        organization=BUREAU,
        publish_date=POSTED,
        citations=(
            CitationSpec(title="关于进一步推进江宁区义务教育优质资源全覆盖实施意见"),
            CitationSpec(title="关于深化教育体制改革的实施意见"),
            CitationSpec(title="关于深入推进义务教育集团化办学的实施意见"),
            CitationSpec(title="江宁区义务教育阶段学校集团化办学实施意见"),
            CitationSpec(title="江宁区教育系统引进培养优秀人才实施办法"),
            CitationSpec(title="江宁区教育系统一次性人才资助实施办法"),
            CitationSpec(title="关于江宁区教育系统优秀人才培养津贴的发放管理办法"),
            CitationSpec(title="教育部等八部门关于进一步激发中小学办学活力的若干意见"),
        ),
    ),
    proposal=ProposalSpec(
        kind=ProposalKind.PROPOSAL,
        session="江宁区政协十三届一次会议",
        number="JNZX13010181",
        title="推进城乡教育优质均衡发展进而留住人才",
        region=JIANGNING,
        subject="城乡教育优质均衡发展",
        proposers=(ProposerSpec(name="蔡晶", role=ProposerRole.CPPCC_MEMBER),),
        # The posting date stands in for the reply date: the letter itself is undated.
        reply=ReplySpec(responding_organization=BUREAU, reply_date=POSTED),
    ),
    initiatives=(
        RESOURCE_PLAN, RESOURCE_PLAN_SUCCESSOR, QUALITY_COVERAGE, TALENT_INCENTIVES,
        common.SCHOOL_GROUPS, common.BRANCH_SCHOOLS, common.BALANCED_COMPULSORY, common.SMART_CAMPUS,
        common.TEACHER_ROTATION,
    ),
    targets=(GROUP_COVERAGE_2025,),
    # "近年来 … 均超" and "每年将近": standing figures as of the reply, dated by it.
    observations=(
        ObservationSpec(
            indicator=ROTATING_SHARE, region=JIANGNING, value=Decimal("15"), observed_on=POSTED,
            quote="近年来,全区义务教育学校流动教师人数占符合流动教师条件总数比例均超15%",
        ),
        ObservationSpec(
            indicator=BACKBONE_SHARE_OF_ROTATING, region=JIANGNING, value=Decimal("60"), observed_on=POSTED,
            quote="其中流动的骨干教师占比均超60%",
        ),
        ObservationSpec(
            indicator=NEW_HIRES_TO_STREET_SCHOOLS, region=JIANGNING, value=Decimal("50"), observed_on=POSTED,
            quote="在满足城区新增学校的前提下,每年将近50%的新招聘教师充实到街道学校",
        ),
    ),
    # The reply's promises. None names a year but the numeric one, so they stay open.
    commitments=(
        CommitmentSpec(
            summary="加大优质教育资源建设力度,规范有序推进义务教育集团化办学",
            quote="下一步,我们将进一步加大全区优质教育资源建设力度,提升义务教育优质均衡发展水平,规范有序推进义务教育集团化办学",
            kind=CommitmentKind.STRENGTHEN,
        ),
        CommitmentSpec(
            summary="通过名校办分校、名校合作办学、高校合作办学培育优质教育资源",
            quote="全区将继续通过名校办分校、名校合作办学、高校合作办学等多种形式,持续做好优质教育资源培育工作",
            kind=CommitmentKind.STRENGTHEN,
        ),
        CommitmentSpec(
            summary="到2025年义务教育紧密型集团化办学覆盖率达到60%以上",
            quote="区教育局将继续积极推进义务教育紧密型集团化办学工作,到2025年,全区义务教育紧密型集团化办学覆盖率将达到60%以上",
            kind=CommitmentKind.TARGET, deadline_year=2025, target=GROUP_COVERAGE_2025,
        ),
    ),
)
