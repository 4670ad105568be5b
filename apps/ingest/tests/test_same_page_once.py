"""The same page, once: another dress of a held page is a duplicate naming the document that holds
it, and a reply to a held proposal joins it (a second reply only when it is another letter)."""
import opencc
import pytest

from apps.documents.models import ArticleFingerprint, Document
from apps.ingest.notes import note_text
from apps.ingest.services import Capture, captures_import, document_import
from apps.proposals.models import Proposal, Reply
from apps.proposals.tests.factories import ProposalFactory
from apps.regions.tests.factories import PrefectureFactory, ProvinceFactory

from .test_document_import import counts

pytestmark = pytest.mark.django_db
NEWS = "002_309da62706959858.txt"
REPLY = "003_52d8804a3cf02937.txt"
NAVIGATION = "网站首页 | 新闻中心 | 政务公开 | 联系我们\n当前位置:首页 > 教育动态 > 区县动态\n"
FOOTER = "\n上一篇:关于做好暑期安全工作的通知\n版权所有:某某区教育局 备案号:苏ICP备12345678号\n"
# A paragraph of real content, more than a tenth of a seed's article: the page says more.
MORE = (
    "今年起,全区还将新建和改扩建中小学、幼儿园十所,新增学位六千个,并同步配齐师资;"
    "同时推进教师县管校聘管理改革,完善城乡学校结对帮扶机制,每年选派骨干教师到乡村学校支教,"
    "组织名师工作室送教下乡,开展课堂教学展示和专题培训,带动乡村学校教育教学质量整体提升;"
    "加快智慧校园建设,实现优质数字教育资源全覆盖,让每个孩子都能享有公平而有质量的教育。"
) * 2


def dresses(text: str) -> dict[str, bytes]:
    return {
        "gbk": text.encode("gb18030"),
        "blank lines and spaces": "\n\n".join(f"  {line}  " for line in text.splitlines()).encode(),
        "junk around it": (NAVIGATION + text + FOOTER).encode(),
        "traditional characters": opencc.OpenCC("s2t").convert(text).encode(),
    }


@pytest.mark.parametrize("dress", ["gbk", "blank lines and spaces", "junk around it", "traditional characters"])
def test_the_same_page_in_another_dress_is_a_duplicate_naming_the_held_document(seed_bytes, dress):
    held = document_import(raw=seed_bytes[NEWS], filename="002.txt").document
    before = counts()
    result = document_import(raw=dresses(seed_bytes[NEWS].decode())[dress], filename=f"002 {dress}.txt")
    assert result.status == "duplicate" and result.document is None
    assert result.held.pk == held.pk
    assert str(result.draft.error) == f"已收录为文件 {held.pk} “{held.title}”"
    assert counts() == before


def test_a_stray_line_the_cleaner_keeps_does_not_make_the_page_new(seed_bytes):
    text = seed_bytes[NEWS].decode()
    held = document_import(raw=seed_bytes[NEWS], filename="002.txt").document
    title = "泰州海陵:聚焦五大重点任务 推动教育高质量发展\n"
    stray = text.replace(title, title + "扫一扫在手机上查看当前页面\n", 1).encode()
    result = document_import(raw=stray, filename="002-stray.txt", dry_run=True)
    assert ArticleFingerprint.of(result.draft.clean_text).checksum != held.content_checksum  # found by its lines
    assert result.status == "duplicate" and result.held.pk == held.pk


def test_a_page_that_says_more_is_a_new_document(seed_bytes):
    document_import(raw=seed_bytes[NEWS], filename="002.txt")
    text = seed_bytes[NEWS].decode()
    more = text.replace("。", "。" + MORE, 1)
    assert document_import(raw=more.encode(), filename="002-more.txt").status == "ok"
    assert Document.objects.count() == 2


def test_the_same_reply_with_another_trailing_newline_creates_neither_document_nor_reply(seed_bytes):
    held = document_import(raw=seed_bytes[REPLY], filename="003.txt").document
    result = document_import(raw=seed_bytes[REPLY].rstrip(b"\n") + b"\n\n\n", filename="003-again.txt")
    assert result.status == "duplicate" and result.held.pk == held.pk
    assert (Document.objects.count(), Proposal.objects.count(), Reply.objects.count()) == (1, 1, 1)


def test_a_second_reply_letter_to_the_same_proposal_joins_it_with_a_note(seed_bytes):
    document_import(raw=seed_bytes[REPLY], filename="003.txt")
    later = seed_bytes[REPLY].decode().replace("邯教办2018〕57", "邯教办2018〕88").replace("联系人", "经复查,特再次答复。\n联系人", 1)
    result = document_import(raw=later.encode(), filename="003-later.txt")
    proposal = Proposal.objects.get()
    assert sorted(proposal.replies.values_list("doc_number", flat=True)) == ["邯教办〔2018〕57号", "邯教办〔2018〕88号"]
    assert "提案/建议 邯郸市第十五届人民代表大会 第76号已收录：这份答复加在它下面" in [
        note_text(w) for w in result.document.import_warnings
    ]


def test_the_same_reply_letter_in_another_page_adds_no_second_reply(seed_bytes):
    first = document_import(raw=seed_bytes[REPLY], filename="003.txt").document
    # Another capture with a paragraph of its own: another page, but the same letter (date and 文号).
    other = seed_bytes[REPLY].decode().replace("联系人", MORE + "\n联系人", 1)
    result = document_import(raw=other.encode(), filename="003-other-site.txt")
    assert result.status == "ok" and Reply.objects.count() == 1
    assert Reply.objects.get().document == first
    assert (
        f"提案/建议 邯郸市第十五届人民代表大会 第76号已有同一日期、同一文号的答复（文件 {first.pk}）：未再添加答复"
        in [note_text(w) for w in result.document.import_warnings]
    )


def test_a_proposal_of_the_same_session_and_number_in_another_region_is_another_proposal(seed_bytes):
    PrefectureFactory(code="130400", name="邯郸市", parent=ProvinceFactory(code="130000", name="河北省"))
    elsewhere = ProposalFactory(
        kind="suggestion", session="邯郸市第十五届人民代表大会", number="76",
        region=PrefectureFactory(code="320100", name="南京市"),
    )
    result = document_import(raw=seed_bytes[REPLY], filename="003.txt")
    assert result.status == "ok"
    reply = Reply.objects.get()
    assert reply.proposal != elsewhere and reply.proposal.region_id == "130400"
    assert not elsewhere.replies.exists()


def test_in_one_group_a_page_of_an_earlier_ones_article_is_its_duplicate(seed_bytes):
    text = seed_bytes[NEWS].decode()
    first, again = captures_import([
        Capture(seed_bytes[NEWS], "002.txt"), Capture(dresses(text)["junk around it"], "002-again.txt"),
    ])
    assert (first.status, again.status) == ("ok", "duplicate") and again.held.pk == first.document.pk
    assert Document.objects.count() == 1


def test_in_one_group_the_same_reply_letter_in_another_page_adds_no_second_reply(seed_bytes):
    other = seed_bytes[REPLY].decode().replace("联系人", MORE + "\n联系人", 1)
    first, second = captures_import([Capture(seed_bytes[REPLY], "003.txt"), Capture(other.encode(), "003-other.txt")])
    assert (first.status, second.status) == ("ok", "ok")
    assert (Proposal.objects.count(), Reply.objects.count()) == (1, 1)
    assert Reply.objects.get().document == first.document
