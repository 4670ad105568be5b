"""The demo records say what DOMAIN.md's "The seeds, read by hand" says."""
import datetime
import re
from decimal import Decimal

import pytest
from django.db import transaction

from apps.commitments.models import Commitment, CommitmentKind
from apps.curation.models import CurationStatus
from apps.demo.seeds import SEEDS
from apps.demo.seeds.schema import RAW_DIR
from apps.demo.services import demo_load
from apps.documents.models import Citation, Document, DocumentType, text_checksum
from apps.initiatives.models import Initiative
from apps.organizations.models import Organization
from apps.proposals.models import Proposal, ProposalKind, Reply
from apps.targets.models import Observation, Target

pytestmark = pytest.mark.django_db

SEED_000, SEED_001, SEED_002, SEED_003, SEED_004 = (seed.file_name for seed in SEEDS)

# What each page commits to, as DOMAIN.md lists it: (region, indicator, comparator, value, value_max, unit, year).
TARGETS = {
    SEED_000: {("320115", "义务教育紧密型集团化办学覆盖率", "gte", "60", None, "%", 2025)},
    SEED_001: {
        ("320404", "新建改扩建学校数", "eq", "13", None, "所", 2022),
        ("320404", "新增学位数", "eq", "2800", None, "个", 2022),
        ("320404", "市新优质学校创建数", "eq", "2", None, "所", 2022),
        ("320404", "省市优质幼儿园创建数", "approx", "3", None, "所", 2022),
        ("320481", "教育惠民工程投入", "eq", "7170", None, "万元", 2022),
        ("320481", "中小学教室空调覆盖率", "eq", "100", None, "%", 2022),
        ("320481", "校舍改造工程投入", "eq", "1.16", None, "亿元", 2022),
        ("320481", "“全电食堂”改造数", "eq", "11", None, "所", 2022),
        ("320481", "高层次教育人才引进数", "range", "1", "2", "名", 2022),
        ("320481", "编制内和员额制教师总数占核编数比例", "gte", "70", None, "%", 2022),
        ("320481", "幼儿园班额达标比例", "gte", "85", None, "%", 2022),
        ("320481", "新增五年制高职专业数", "range", "3", "4", "个", 2022),
        ("320481", "职业体验实践岗位数", "gte", "5000", None, "个", 2022),
        ("320481", "各类培训完成人次", "eq", "1.5", None, "万人次", 2022),
        ("320481", "学科类校外培训机构数量", "decrease_by", None, None, "", 2022),
    },
    SEED_002: {
        ("321202", "学科教研示范学校命名数", "range", "3", "4", "所", 2022),
        ("321202", "省级内涵建设项目新立项数", "range", "1", "2", "个", 2022),
        ("321202", "艺术特色项目和精品社团数", "range", "3", "4", "个", 2022),
        ("321202", "“家校共育”社区教育品牌数", "range", "1", "2", "个", 2022),
        ("321202", "普惠性幼儿园覆盖率", "maintain", "92", None, "%", 2022),
        ("321202", "区级中小学生视力筛查次数", "eq", "2", None, "次", 2022),
        ("321202", "儿童青少年近视率", "decrease_by", "1", None, "个百分点", 2022),
    },
    SEED_003: {("130400", "符合交流条件的骨干教师年度交流比例", "gte", "15", None, "%", None)},
    # The page blanks the city's name, so its figures have no region.
    SEED_004: {
        (None, "校园文化先进单位占比", "gte", "70", None, "%", 2015),
        (None, "盘活闲置校产数", "eq", "92", None, "处", None),
        (None, "民办学校综合改革试点数(第二批)", "eq", "40", None, "所", None),
        (None, "整合提升的教育集团学校数", "eq", "6", None, "所", None),
    },
}

# What each page reports as already reached: (region, indicator, value, unit, observed_on).
OBSERVATIONS = {
    SEED_000: {
        ("320115", "义务教育学校流动教师占符合流动条件教师比例", "15", "%", "2022-10-14"),
        ("320115", "流动教师中骨干教师占比", "60", "%", "2022-10-14"),
        ("320115", "新招聘教师充实到街道学校的比例", "50", "%", "2022-10-14"),
    },
    SEED_001: {
        ("320404", "江苏省教育现代化建设监测得分", "92.45", "分", "2021-12-31"),
        ("320404", "江苏省教育现代化建设监测大市排名", "1", "名", "2021-12-31"),
    },
    SEED_002: set(),
    SEED_003: {
        ("130400", "县域教育集团数", "437", "个", "2018-07-26"),
        ("130400", "紧密型教育集团数", "181", "个", "2018-07-26"),
        ("130400", "半紧密型教育集团数", "72", "个", "2018-07-26"),
        ("130400", "松散型教育集团数", "184", "个", "2018-07-26"),
        ("130400", "教育集团涵盖中小学数", "1878", "所", "2018-07-26"),
        ("130400", "义务教育集团化办学覆盖率", "60", "%", "2018-07-26"),
        ("130400", "近三年参与交流的教师校长人数", "7600", "人", "2018-07-26"),
    },
    SEED_004: {(None, "校园文化先进单位占比", "50", "%", "2016-06-30")},
}

JUNK = {
    SEED_000: ["客服热线", "于2022年10月14日发表", "本文章内容来源于网络", "重新编辑", "劳务派遣", "关于我们", "喀左"],
    SEED_001: ["当前位置", "发布人", "打印", "关闭", "苏ICP备", "版权所有"],
    SEED_002: [
        "教育装备采购网", "课题研修班", "围观", "来源:", "责任编辑", "校体购", "相关阅读", "姜堰", "版权与免责声明",
    ],
    SEED_003: ["<", "id=", "欢迎访问", "今天是", "2016年03月07日", "365bet", "您目前的位置"],
    SEED_004: ["全文预览", "下载本文档", "版权说明", "文档简介", "温馨提示", "最新文档", "承诺书", "评论", "/5"],
}


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """Load once for the module, inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield demo_load()
        transaction.set_rollback(True)


def document(file_name: str) -> Document:
    return Document.objects.get(checksum=text_checksum((RAW_DIR / file_name).read_bytes().decode("utf-8")))


def number(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.normalize():f}"


def test_proposal_jnzx13010181_by_cai_jing_has_its_reply():
    proposal = Proposal.objects.get(
        kind=ProposalKind.PROPOSAL, session="江宁区政协十三届一次会议", number="JNZX13010181"
    )

    assert proposal.title == "推进城乡教育优质均衡发展进而留住人才"
    assert proposal.region_id == "320115"
    assert [(p.name, p.role, p.is_lead) for p in proposal.proposers.all()] == [("蔡晶", "委员", True)]
    reply = proposal.replies.get()
    assert reply.responding_organization.name == "南京市江宁区教育局"
    assert reply.responding_organization.short_name == "区教育局"
    assert reply.reply_date == datetime.date(2022, 10, 14)
    assert reply.result_code == ""
    assert reply.document == document(SEED_000)
    assert "感谢您对我区教育事业的关心和支持!" in reply.full_text


def test_suggestion_76_reply_has_result_b_its_number_date_and_routing():
    proposal = Proposal.objects.get(kind=ProposalKind.SUGGESTION, number="76")
    reply = proposal.replies.get()

    assert proposal.session == "邯郸市第十五届人民代表大会"
    assert proposal.title == "关于均衡城乡教育资源,组建全市大教育集团网的建议"
    assert [(p.name, p.role) for p in proposal.proposers.all()] == [("赵强", "代表")]
    assert reply.result_code == "B"
    assert reply.doc_number == "邯教办〔2018〕57号"
    assert reply.reply_date == datetime.date(2018, 7, 26)
    assert reply.disclosure is True
    assert (reply.signer, reply.contact) == ("杨华云", "侯朝发 6269956")
    assert reply.copy_to == ["市人大常委会选举任免代表工作委员会", "市政府办公厅"]
    assert reply.responding_organization.name == "邯郸市教育局"
    assert reply.document == document(SEED_003)


def test_region_320115_has_the_2025_target_for_tight_school_group_coverage():
    target = Target.objects.get(
        region_id="320115", indicator__name="义务教育紧密型集团化办学覆盖率", deadline_year=2025
    )

    assert (target.comparator, target.value, target.unit) == ("gte", Decimal("60"), "%")
    assert target.initiative.name == "集团化办学"
    assert target.source_document == document(SEED_000)


def test_everything_under_3204_finds_zhonglou_and_liyang_documents():
    changzhou = document(SEED_001)

    assert list(Document.objects.in_region("3204")) == [changzhou]
    assert set(changzhou.regions.values_list("name", flat=True)) == {"钟楼区", "溧阳市"}
    assert changzhou in Document.objects.in_region("320404")
    assert changzhou in Document.objects.in_region("320481")
    assert changzhou in Document.objects.in_region("320000")


@pytest.mark.parametrize("file_name", list(TARGETS))
def test_targets_are_those_domain_reads(file_name):
    loaded = {
        (t.region_id, t.indicator.name, t.comparator, number(t.value), number(t.value_max), t.unit, t.deadline_year)
        for t in Target.objects.filter(source_document=document(file_name)).select_related("indicator")
    }
    assert loaded == TARGETS[file_name]


@pytest.mark.parametrize("file_name", list(OBSERVATIONS))
def test_observations_are_those_domain_reads(file_name):
    loaded = {
        (o.region_id, o.indicator.name, number(o.value), o.unit, o.observed_on.isoformat())
        for o in Observation.objects.filter(source_document=document(file_name)).select_related("indicator")
    }
    assert loaded == OBSERVATIONS[file_name]


def test_every_quote_occurs_verbatim_in_its_documents_clean_text():
    figures = [
        *Target.objects.select_related("source_document"),
        *Observation.objects.select_related("source_document"),
        *Commitment.objects.select_related("source_document"),
    ]

    assert figures
    for figure in figures:
        assert figure.quote and figure.quote in figure.source_document.clean_text, figure.quote


def test_the_two_reply_letters_promises_are_loaded_and_the_numeric_one_names_its_target():
    promised = {c.summary: c for c in Commitment.objects.select_related("reply__proposal", "target")}
    assert {c.reply.proposal.number for c in promised.values()} == {"JNZX13010181", "76"}
    numeric = promised["到2025年义务教育紧密型集团化办学覆盖率达到60%以上"]
    assert numeric.kind == CommitmentKind.TARGET and numeric.target.value == 60 and numeric.deadline_year == 2025


# SHA-256 of shared/corpus/seeds as captured: an editor that strips whitespace from the copies shows here.
CAPTURED_SHA256 = {
    SEED_000: "88de64a2753221b0ddac1f71087281b548103fef2bef26190798531841a78f0a",
    SEED_001: "089d7c42f45221c99e31f2a302b6b1549b6f963459e014576a091f473c36b91d",
    SEED_002: "521d6998701a5d063eee4af278f97e6ee6466666ebbcd390398ff20f979e838c",
    SEED_003: "430859ed3771589517b008b1c7433180aacc0d2b9863fe8171e75d977c5d2d30",
    SEED_004: "66904829be292a0d3d04d393b4f96a50bc76e1ec599a3c8746cc9b283f0617bf",
}


def test_raw_text_is_the_page_as_captured():
    for file_name, sha256 in CAPTURED_SHA256.items():
        loaded = Document.objects.get(checksum=sha256)
        assert loaded.raw_text == (RAW_DIR / file_name).read_bytes().decode("utf-8")


@pytest.mark.parametrize("file_name", list(JUNK))
def test_clean_text_is_the_article_without_the_junk(file_name):
    loaded = document(file_name)

    assert loaded.clean_text == loaded.clean_text.strip()
    for junk in JUNK[file_name]:
        assert junk not in loaded.clean_text, junk
        if file_name != SEED_004:  # the raw page of 004 has these in traditional characters
            assert junk in loaded.raw_text, junk


def test_seed_004_clean_text_is_simplified_without_pinyin_artefacts():
    text = document(SEED_004).clean_text

    assert re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)", text) is None
    assert not set("區縣發鄉態優業創戰學們國") & set(text)
    assert "著" not in text  # 着力, 随着, 面临着: OpenCC leaves 著 there
    assert "占405" in text  # the lost decimal point stays as printed


def test_seed_004_has_no_place_no_body_and_no_damaged_figures():
    report = document(SEED_004)

    assert report.doc_type == DocumentType.WORK_REPORT
    assert not report.regions.exists()
    assert report.organization is None
    values = {value.normalize() for value in report.targets.values_list("value", flat=True)}
    assert not values & {Decimal("405"), Decimal("1291"), Decimal("40.5")}  # 占405: the decimal point is lost


def test_documents_have_the_types_places_and_sources_domain_gives():
    expected = {
        SEED_000: ("reply", {"320115"}, "南京市江宁区教育局", "2022-10-14", ""),
        SEED_001: ("annual_goals", {"320404", "320481"}, "常州日报社", "2022-01-06", "常州日报"),
        SEED_002: ("news", {"321202"}, "江苏省教育厅", "2022-04-08", "教育装备采购网"),
        SEED_003: ("reply", {"130400"}, "邯郸市教育局", "2018-07-26", "邯郸教育局"),
        SEED_004: ("work_report", set(), None, None, "人人文库网"),
    }
    for file_name, (doc_type, regions, organization, published, site) in expected.items():
        loaded = document(file_name)
        assert loaded.doc_type == doc_type
        assert set(loaded.regions.values_list("code", flat=True)) == regions
        assert getattr(loaded.organization, "name", None) == organization
        assert (loaded.publish_date and loaded.publish_date.isoformat()) == published
        assert loaded.source_site == site


def test_handan_reply_cites_five_notices_by_title_and_number():
    cited = Citation.objects.filter(document=document(SEED_003)).exclude(cited_doc_number="")

    assert {(c.cited_doc_number, c.cited_title) for c in cited} == {
        ("邯教〔2017〕42号", "邯郸市教育局关于推行集团化办学 推进义务教育均衡发展的意见"),
        ("邯教〔2017〕89号", "关于进一步明确义务教育集团化办学形式的通知"),
        ("邯教〔2017〕90号", "关于义务教育阶段集团化办学行政及教学人员交流的通知"),
        ("邯教〔2017〕91号", "邯郸市教育局关于集团化办学工作的考核方案"),
        ("邯教〔2018〕90号", "进一步加强市直教育集团建设的通知"),
    }


def test_every_cited_title_is_printed_in_the_clean_text():
    for citation in Citation.objects.select_related("document"):
        assert f"《{citation.cited_title}》" in citation.document.clean_text
        assert citation.cited_doc_number in citation.document.clean_text


def test_jiangning_cites_every_title_in_its_text():
    text = document(SEED_000).clean_text
    cited = set(Citation.objects.filter(document=document(SEED_000)).values_list("cited_title", flat=True))

    assert cited == set(re.findall(r"《([^》]+)》", text))


def test_jiangning_plans_are_2017_and_its_2020_successor():
    first = Initiative.objects.get(name="教育资源布局优化提升三年行动计划", region_id="320115")
    successor = Initiative.objects.get(name="教育资源布局优化提升攻坚克难三年行动计划", region_id="320115")
    coverage = Initiative.objects.get(name="义务教育优质资源全覆盖", region_id="320115")

    assert (first.start_year, successor.start_year, coverage.start_year) == (2017, 2020, 2019)
    assert successor.parent == first
    assert document(SEED_000) in first.documents.all()


def test_school_groups_is_one_initiative_mentioned_by_every_page():
    school_groups = Initiative.objects.get(name="集团化办学", region=None)

    assert school_groups.documents.count() == len(SEEDS)


def test_each_targets_initiative_is_mentioned_by_its_source_document():
    for target in Target.objects.exclude(initiative=None).select_related("initiative", "source_document"):
        assert target.source_document in target.initiative.documents.all(), target


def test_every_demo_record_is_published():
    for model in (Document, Proposal, Reply, Initiative, Target, Observation):
        assert not model.objects.exclude(status=CurationStatus.PUBLISHED).exists(), model


def test_demo_records_pass_model_validation():
    for model in (Organization, Document, Citation, Proposal, Reply, Initiative, Target, Observation):
        for row in model.objects.all():
            row.full_clean(validate_unique=False, validate_constraints=False)
