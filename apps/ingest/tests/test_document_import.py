"""The import service: drafts saved, duplicates and bad files refused, nothing half-written."""
import datetime
import io
import zipfile
from decimal import Decimal

import pytest

from apps.curation.models import CurationStatus
from apps.documents.models import Citation, Document
from apps.initiatives.models import Initiative
from apps.organizations.models import Organization
from apps.proposals.models import Proposal, Reply
from apps.regions.models import Region
from apps.regions.tests.factories import CountyFactory, PrefectureFactory
from apps.ingest.notes import note_text
from apps.ingest.services import document_import, import_reader
from apps.targets.models import Indicator, Observation, Target

pytestmark = pytest.mark.django_db

TABLES = [Document, Citation, Organization, Proposal, Reply, Initiative, Indicator, Target, Observation]


def counts():
    return [model.objects.count() for model in TABLES]


def test_the_five_seeds_become_drafts_in_an_empty_database(seed_bytes):
    reader = import_reader()
    for name, raw in seed_bytes.items():
        result = document_import(raw=raw, filename=name, reader=reader)
        assert result.status == "ok" and result.document.pk
    assert Document.objects.count() == 5
    assert set(Document.objects.values_list("status", flat=True)) == {CurationStatus.DRAFT}
    assert set(Target.objects.values_list("status", flat=True)) == {CurationStatus.DRAFT}
    assert Target.objects.count() == 28
    # An observation needs a date: the undated report keeps only the two its sentences date (2016年…).
    assert Observation.objects.count() == 18


def test_a_reply_is_saved_with_its_proposal_reply_regions_and_figures(seed_bytes):
    document = document_import(raw=seed_bytes["003_52d8804a3cf02937.txt"], filename="003.txt").document
    assert document.title == "对人大076号建议的答复"
    assert document.source_file == "003.txt"
    assert list(document.regions.values_list("code", flat=True)) == ["130400"]
    assert document.organization.name == "邯郸市教育局"
    assert document.organization.region_id == "130400"
    reply = Reply.objects.get(document=document)
    assert (reply.proposal.session, reply.proposal.number, reply.proposal.kind) == (
        "邯郸市第十五届人民代表大会", "76", "suggestion",
    )
    assert reply.proposal.lead_proposer.name == "赵强"
    assert (reply.result_code, reply.disclosure, reply.signer, reply.reply_date) == (
        "B", True, "杨华云", datetime.date(2018, 7, 26),
    )
    assert reply.copy_to == ["市人大常委会选举任免代表工作委员会", "市政府办公厅"]
    assert document.citations.filter(cited_doc_number="邯教〔2017〕42号").exists()
    target = Target.objects.get(source_document=document)
    assert (target.comparator, target.value, target.deadline_year, target.confidence) == (
        "gte", Decimal(15), None, Decimal("0.90"),
    )
    assert target.quote.endswith("总数的15%")
    assert any("2018年726" in note_text(w) for w in document.import_warnings)
    assert document.raw_text != document.clean_text and "365bet" in document.raw_text


def test_regions_missing_from_the_table_are_added_with_their_parents(seed_bytes):
    document_import(raw=seed_bytes["000_bfc45f867f23e2c2.txt"], filename="000.txt")
    jiangning = Region.objects.get(code="320115")
    assert [r.code for r in jiangning.ancestors()] == ["320000", "320100"]


def test_an_existing_region_table_is_used_as_it_is(seed_bytes):
    city = PrefectureFactory(code="321200", name="泰州市")
    CountyFactory(code="321202", name="海陵区", parent=city)
    document = document_import(raw=seed_bytes["002_309da62706959858.txt"], filename="002.txt").document
    # The page names 江苏省泰州市海陵区: the province is added, the held city and district are used.
    assert list(document.regions.values_list("code", flat=True)) == ["320000", "321200", "321202"]
    assert Region.objects.count() == 3 and Region.objects.get(code="321202").parent_id == "321200"


def test_importing_the_same_page_again_creates_nothing_and_says_so(seed_bytes):
    first = document_import(raw=seed_bytes["001_af0b095c7b96bd7e.txt"], filename="001.txt")
    before = counts()
    again = document_import(raw=seed_bytes["001_af0b095c7b96bd7e.txt"], filename="copy-of-001.txt")
    assert again.status == "duplicate" and again.document is None and again.held.pk == first.document.pk
    assert str(again.draft.error) == f"已收录为文件 {first.document.pk} “{first.document.title}”"
    assert counts() == before


def test_the_same_page_in_another_encoding_is_a_duplicate(seed_bytes):
    document_import(raw=seed_bytes["000_bfc45f867f23e2c2.txt"], filename="000.txt")
    text = seed_bytes["000_bfc45f867f23e2c2.txt"].decode("utf-8")
    assert document_import(raw=text.encode("gb18030"), filename="000-gbk.txt").status == "duplicate"


def _zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "到2025年覆盖率将达到60%以上。")
    return buffer.getvalue()


@pytest.mark.parametrize("raw, reason", [
    (b"", "文件是空的"),
    (b"\x00\x01\x02\x03" * 100, "二进制文件"),
    (_zip_bytes(), "ZIP 压缩包"),
    (bytes([0x81, 0xFF, 0x30, 0xFE]) * 200, "无法解码"),
    ("网站首页 | 联系我们".encode("gbk"), "不是文章"),
])
def test_bad_files_give_a_reason_and_create_nothing(raw, reason):
    before = counts()
    result = document_import(raw=raw, filename="bad.txt")
    assert result.status == "error" and reason in str(result.draft.error)
    assert result.document is None
    assert counts() == before


def test_an_oversized_file_is_refused_by_the_setting(settings, seed_bytes):
    settings.IMPORT_MAX_BYTES = 1000
    result = document_import(raw=seed_bytes["000_bfc45f867f23e2c2.txt"], filename="big.txt")
    assert result.status == "error" and "上限是 1,000 字节" in str(result.draft.error)
    assert Document.objects.count() == 0


def test_a_dry_run_reads_everything_and_writes_nothing(seed_bytes):
    before = counts()  # the catalogue of indicators is there from the migrations
    result = document_import(raw=seed_bytes["001_af0b095c7b96bd7e.txt"], filename="001.txt", dry_run=True)
    assert result.status == "ok" and len(result.draft.targets) == 15
    assert counts() == before


def test_vocabulary_entries_are_generic_initiatives_and_curators_aliases_count(seed_bytes):
    Initiative.objects.create(name="家校共育", theme="quality", aliases="家校共育社区教育品牌、家长学校")
    document = document_import(raw=seed_bytes["002_309da62706959858.txt"], filename="002.txt").document
    names = set(document.initiatives.values_list("name", flat=True))
    assert {"集团化办学", "近视防控", "家校共育", "“红海雁阵”工程"} <= names
    assert Initiative.objects.get(name="集团化办学").region is None
    assert Initiative.objects.get(name="“红海雁阵”工程").region_id == "321202"
    myopia = Target.objects.get(source_document=document, comparator="decrease_by")
    assert myopia.initiative.name == "近视防控"


def test_a_second_reply_to_a_held_proposal_is_attached_to_it(seed_bytes):
    raw = seed_bytes["000_bfc45f867f23e2c2.txt"]
    document_import(raw=raw, filename="000.txt")
    follow_up = (
        raw.decode("utf-8").replace("于2022年10月14日发表", "于2023年3月2日发表")
        .replace("感谢您对我区教育事业的关心和支持!", "特此再次答复。").encode("utf-8")
    )
    result = document_import(raw=follow_up, filename="000-again.txt")
    assert result.status == "ok"
    assert Proposal.objects.count() == 1
    assert Proposal.objects.get().replies.count() == 2
    assert "提案/建议 江宁区政协十三届一次会议 第JNZX13010181号已收录：这份答复加在它下面" in [
        note_text(w) for w in result.document.import_warnings
    ]


def test_a_page_saved_by_someone_else_meanwhile_is_a_duplicate_not_a_crash(seed_bytes, monkeypatch):
    from apps.ingest import services

    raw = seed_bytes["002_309da62706959858.txt"]
    held = {"done": False}
    original = services.marks_if_held

    def held_only_after_the_first_look(pages):
        if not held["done"]:
            held["done"] = True
            [(draft, _fingerprint)] = pages
            Document.objects.create(title="同一页面", doc_type="news", raw_text=draft.raw_text)
            return [None]
        return original(pages)

    monkeypatch.setattr(services, "marks_if_held", held_only_after_the_first_look)
    result = document_import(raw=raw, filename="002.txt")
    assert result.status == "duplicate" and result.document is None
    assert Document.objects.count() == 1 and Target.objects.count() == 0


def test_a_figure_whose_words_match_the_catalogue_lands_on_its_indicator(seed_bytes):
    document = document_import(raw=seed_bytes["000_bfc45f867f23e2c2.txt"], filename="000.txt").document
    target = Target.objects.get(source_document=document)
    assert target.indicator.code == "tight_group_schooling_coverage"
    assert not Indicator.objects.filter(name="义务教育紧密型集团化办学覆盖率", code__isnull=True).exists()


def test_an_imported_document_has_one_history_entry_naming_its_places_and_importer(seed_bytes, django_user_model):
    curator = django_user_model.objects.create_user("curator")
    document = document_import(raw=seed_bytes["000_bfc45f867f23e2c2.txt"], filename="000.txt", user=curator).document
    [entry] = document.history.all()
    assert entry.history_type == "+" and entry.history_user == curator
    places = set(document.regions.values_list("pk", flat=True))
    assert places and set(entry.regions.values_list("region_id", flat=True)) == places
    # A curator's later change of places is recorded as before, with the places after it.
    document.regions.remove(*places)
    latest = document.history.latest()
    assert latest.history_type == "~" and not latest.regions.exists()
