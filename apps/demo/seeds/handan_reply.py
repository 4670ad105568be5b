"""Seed 003: 邯郸市教育局's reply to suggestion No. 76 (赵强) of the 15th Handan People's Congress.

The page drops characters: the session ordinal (“第十五届人民代表大会 次会议”), the 〔 and 号 of
the 文号 (printed ``邯教办2018〕57``), the 日 of the date (``2018年726``) and the separator
between the two copy-to bodies. The fields below restore the 文号, date and copy-to list;
the session stays as printed, without an ordinal, because none can be read from the page.
The result letter is printed without the scheme that defines it, so ``result_scheme`` is empty.
"""
import datetime
from decimal import Decimal

from apps.commitments.models import CommitmentKind
from apps.documents.models import DocumentType
from apps.initiatives.models import Theme
from apps.organizations.models import OrganizationKind
from apps.proposals.models import ProposalKind, ProposerRole, ResultCode
from apps.targets.models import Comparator

from . import common
from .schema import (
    CitationSpec, CommitmentSpec, DocumentSpec, IndicatorSpec, InitiativeSpec, ObservationSpec, OrganizationSpec,
    ProposalSpec, ProposerSpec, ReplySpec, SeedPage, TargetSpec,
)

HANDAN = "130400"
REPLIED = datetime.date(2018, 7, 26)
DOC_NUMBER = "邯教办〔2018〕57号"

BUREAU = OrganizationSpec(
    name="邯郸市教育局", short_name="市教育局", kind=OrganizationKind.EDUCATION_BUREAU, region=HANDAN
)

FLAGSHIP_SCHOOLS = InitiativeSpec(
    name="名校带动工程", theme=Theme.BALANCE, region=HANDAN,
    description="紧密、半紧密、松散合作型教育集团,“六统一”运行机制。",
)

GROUPS = IndicatorSpec(name="县域教育集团数", unit="个")
TIGHT_GROUPS = IndicatorSpec(name="紧密型教育集团数", unit="个")
SEMI_TIGHT_GROUPS = IndicatorSpec(name="半紧密型教育集团数", unit="个")
LOOSE_GROUPS = IndicatorSpec(name="松散型教育集团数", unit="个")
SCHOOLS_IN_GROUPS = IndicatorSpec(name="教育集团涵盖中小学数", unit="所")
GROUP_COVERAGE = IndicatorSpec(
    name="义务教育集团化办学覆盖率", unit="%", description="所有类型(紧密、半紧密、松散)教育集团合计的覆盖率。"
)
ROTATED_IN_THREE_YEARS = IndicatorSpec(name="近三年参与交流的教师校长人数", unit="人")
BACKBONE_ROTATION_SHARE = IndicatorSpec(
    name="符合交流条件的骨干教师年度交流比例", unit="%",
    description="每年参与交流的骨干教师占符合交流条件的骨干教师总数的比例。",
)


def _observed(indicator: IndicatorSpec, value: str, quote: str) -> ObservationSpec:
    return ObservationSpec(indicator=indicator, region=HANDAN, value=Decimal(value), observed_on=REPLIED, quote=quote)


SEED = SeedPage(
    file_name="003_52d8804a3cf02937.txt",
    document=DocumentSpec(
        title="对人大076号建议的答复",
        doc_type=DocumentType.REPLY,
        regions=(HANDAN,),
        organization=BUREAU,
        publish_date=REPLIED,
        doc_number=DOC_NUMBER,
        source_site="邯郸教育局",
        citations=(
            CitationSpec(
                title="邯郸市教育局关于推行集团化办学 推进义务教育均衡发展的意见", doc_number="邯教〔2017〕42号"
            ),
            CitationSpec(title="关于进一步明确义务教育集团化办学形式的通知", doc_number="邯教〔2017〕89号"),
            CitationSpec(title="关于义务教育阶段集团化办学行政及教学人员交流的通知", doc_number="邯教〔2017〕90号"),
            CitationSpec(title="邯郸市教育局关于集团化办学工作的考核方案", doc_number="邯教〔2017〕91号"),
            CitationSpec(title="进一步加强市直教育集团建设的通知", doc_number="邯教〔2018〕90号"),
            CitationSpec(title="关于推进县域内义务教育学校教师校长交流工作的指导意见"),
            # 《代表建议办理情况征询意见表》 is the feedback form attached to the reply, not a document.
        ),
    ),
    proposal=ProposalSpec(
        kind=ProposalKind.SUGGESTION,
        session="邯郸市第十五届人民代表大会",
        number="76",
        title="关于均衡城乡教育资源,组建全市大教育集团网的建议",
        region=HANDAN,
        subject="均衡城乡教育资源、集团化办学",
        proposers=(ProposerSpec(name="赵强", role=ProposerRole.DEPUTY),),
        reply=ReplySpec(
            responding_organization=BUREAU,
            reply_date=REPLIED,
            doc_number=DOC_NUMBER,
            result_code=ResultCode.B,
            disclosure=True,
            signer="杨华云",
            contact="侯朝发 6269956",
            copy_to=("市人大常委会选举任免代表工作委员会", "市政府办公厅"),
        ),
    ),
    initiatives=(FLAGSHIP_SCHOOLS, common.SCHOOL_GROUPS, common.TEACHER_ROTATION, common.RURAL_TEACHERS),
    # A standing rule since 2014, with no deadline: a target all the same, unlike the figures below.
    targets=(
        TargetSpec(
            indicator=BACKBONE_ROTATION_SHARE, region=HANDAN, comparator=Comparator.GTE, value=Decimal("15"),
            initiative=common.TEACHER_ROTATION,
            quote="县域内符合交流条件的骨干教师每年参与交流的比例不低于符合交流条件的骨干教师总数的15%",
        ),
    ),
    observations=(
        _observed(GROUPS, "437", "各县(市、区)教育集团由去年的206个,增加到437个"),
        _observed(TIGHT_GROUPS, "181", "紧密型教育集团181个"),
        _observed(SEMI_TIGHT_GROUPS, "72", "半紧密型教育集团72个"),
        _observed(LOOSE_GROUPS, "184", "松散型教育集团184个"),
        _observed(SCHOOLS_IN_GROUPS, "1878", "涵盖中小学1878所"),
        _observed(GROUP_COVERAGE, "60", "市义务教育集团化覆盖率达到 60%以上"),
        _observed(ROTATED_IN_THREE_YEARS, "7600", "近三年我市参与交流的教师校长达7600多人"),
    ),
    commitments=(
        CommitmentSpec(
            summary="兼并薄弱学校、托管新建学校,建立紧密型、半紧密型和松散型教育集团",
            quote="下一步,我市将进一步扩优教育资源加快落实集团化办学的步伐通过兼并薄弱学校、托管新建学校建立紧密型教育集团,"
                  "通过优质学校牵头建立半紧密合作型和松散合作型教育集团,使更多的学校办优、变强",
            kind=CommitmentKind.STRENGTHEN,
        ),
        CommitmentSpec(
            summary="探索按办学体制、层次、区域和水平组建多种形式的教育集团",
            quote="下一步,我全市将探索组建多种形式的教育集团",
            kind=CommitmentKind.OTHER,
        ),
    ),
)
