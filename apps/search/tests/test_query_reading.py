"""What a query finds beyond its exact words: parts, other spellings, phrases, sentences, nearest matches."""
import pytest

from apps.curation.models import CurationStatus
from apps.documents.models import Document
from apps.documents.tests.factories import DocumentFactory
from apps.initiatives.tests.factories import InitiativeFactory
from apps.search.services import document_ids_matching, documents_ranked, documents_search

pytestmark = pytest.mark.django_db


def matching(q):
    """What the search page finds for ``q`` (full matches only)."""
    return {d.pk for d in documents_ranked(Document.objects.all(), q)}


def filtered(q):
    """What the API's ``q`` filter finds: the index's answer."""
    return set(Document.objects.filter(pk__in=document_ids_matching(q)).values_list("pk", flat=True))


def ranked(q):
    return [d.pk for d in documents_ranked(Document.objects.all(), q)]


def test_a_long_word_is_found_where_its_parts_stand_close_together():
    joined = DocumentFactory(clean_text="补发普惠性民办幼儿园奖补资金。")
    scattered = DocumentFactory(clean_text="普惠政策落实到位。全县新建幼儿园3所。")
    assert matching("普惠性幼儿园") == {joined.pk}
    assert scattered.pk not in matching("普惠性幼儿园")


def test_a_word_the_text_cuts_otherwise_is_still_found():
    page = DocumentFactory(clean_text="学校也将视情况减免贫困学生课后服务费用。")
    assert matching("课后服务费") == {page.pk}


def test_a_named_initiative_is_widened_to_its_other_spellings():
    page = DocumentFactory(clean_text="义务教育学校流动教师人数占比均超15%。")
    assert matching("教师交流轮岗") == {page.pk}
    search = documents_search(Document.objects.all(), "教师交流轮岗")
    assert "流动教师" in search.query.concepts[0].widened


def test_a_draft_initiative_widens_nothing_until_it_is_published():
    page = DocumentFactory(clean_text="推进城乡学校手拉手结对帮扶。")
    initiative = InitiativeFactory(name="城乡学校共同体", aliases="手拉手结对", region=None, status=CurationStatus.DRAFT)
    assert matching("城乡学校共同体") == set()
    initiative.status = CurationStatus.PUBLISHED
    initiative.save()
    assert matching("城乡学校共同体") == {page.pk}


def test_a_quoted_phrase_is_found_only_as_typed():
    phrase = DocumentFactory(clean_text="推动义务教育优质均衡发展。")
    apart = DocumentFactory(clean_text="义务教育阶段入学率100%。创建优质均衡发展县。")
    assert matching('"义务教育优质均衡"') == matching("“义务教育优质均衡”") == {phrase.pk}
    assert matching("义务教育 优质均衡") == {phrase.pk, apart.pk}


def test_words_typed_together_stand_close_and_words_apart_anywhere():
    together = DocumentFactory(clean_text="完善职业教育管理体制。")
    apart = DocumentFactory(clean_text="推进职业教育提质培优。" + "加强党建工作。" * 8 + "深化教育督导体制改革。")
    assert matching("职业教育体制") == {together.pk}
    assert matching("职业教育 体制") == {together.pk, apart.pk}


def test_without_quotes_words_close_together_rank_first():
    apart = DocumentFactory(title="工作要点", clean_text="义务教育阶段入学率100%。" + "其他工作。" * 30 + "创建优质均衡发展县。")
    close = DocumentFactory(title="工作要点", clean_text="推动义务教育优质均衡发展。")
    assert ranked("义务教育 优质均衡") == [close.pk, apart.pk]


def test_a_page_about_a_term_ranks_above_one_that_lists_it():
    listed = DocumentFactory(title="2024年工作要点", clean_text="深化教育评价改革、县管校聘改革、招生机制改革、课堂教学改革。")
    about = DocumentFactory(title="教师管理", clean_text="进一步深化县管校聘管理改革,盘活现有师资,力争交流教师200名。")
    assert ranked("县管校聘") == [about.pk, listed.pk]


def test_a_target_sentence_weighs_more_than_a_passing_mention():
    passing = DocumentFactory(title="答复", clean_text="助力在职教师学历(学位)提升。")
    target = DocumentFactory(title="答复", clean_text="新建学校13所,新增学位2800个。")
    assert ranked("学位") == [target.pk, passing.pk]


def test_nothing_matching_in_full_gives_the_nearest_matches_said_so():
    near = DocumentFactory(clean_text="乡村教师队伍建设。落实生活补助待遇。")
    search = documents_search(Document.objects.all(), "乡村教师待遇保障")
    assert search.relaxed and [d.pk for d in search.documents] == [near.pk]
    assert ranked("乡村教师待遇保障") == []


def test_nearest_matches_keep_to_the_given_queryset():
    DocumentFactory(clean_text="乡村教师队伍建设。落实生活补助待遇。", status=CurationStatus.DRAFT)
    search = documents_search(Document.objects.published(), "乡村教师待遇保障")
    assert list(search.documents) == []


def test_a_query_nothing_is_near_still_finds_nothing():
    DocumentFactory(clean_text="推进集团化办学。")
    search = documents_search(Document.objects.all(), "量子计算")
    assert list(search.documents) == [] and not search.relaxed


def test_the_api_filter_takes_the_index_s_answer_without_reading_the_text():
    whole = DocumentFactory(title="要点", clean_text="推进集团化办学。")
    apart = DocumentFactory(title="要点", clean_text="推动义务教育阶段入学。" + "加强党建工作。" * 8 + "创建优质均衡发展县。")
    assert filtered("集团化办学") == {whole.pk}
    assert filtered('"义务教育优质均衡"') == {apart.pk} and matching('"义务教育优质均衡"') == set()


def test_a_chunk_is_found_where_its_words_parts_stand_interleaved():
    plan = DocumentFactory(title="通知", clean_text="关于印发教育事业发展“十四五”规划的通知。")
    unrelated = DocumentFactory(title="通知", clean_text="“十四五”期间新建学校。" + "加强党建工作。" * 8 + "教育督导规划。")
    assert matching("十四五教育规划") == {plan.pk}
    assert unrelated.pk not in matching("十四五教育规划")


def test_a_glued_word_is_found_by_its_core_beside_the_other_words_of_its_chunk():
    dormitory = DocumentFactory(title="答复", clean_text="启动乡村教师周转宿舍建设工程。")
    housing = DocumentFactory(title="答复", clean_text="新建教师周转房48套。")
    assert ranked("教师周转房") == [housing.pk, dormitory.pk]
    # Alone, the glued word is found only as typed: 周转 by itself is any turnover.
    assert matching("周转房") == {housing.pk}


def test_a_name_ending_in_school_is_also_found_shortened():
    shortened = DocumentFactory(clean_text="实施农村义务教育薄弱校改造项目100个。")
    full = DocumentFactory(clean_text="全面改善薄弱学校基本办学条件,完成改造。")
    assert matching("薄弱学校改造") == {shortened.pk, full.pk}
    assert matching("薄弱校") == {shortened.pk, full.pk}
    search = documents_search(Document.objects.all(), "薄弱学校改造")
    assert "薄弱校" in search.query.concepts[0].widened
