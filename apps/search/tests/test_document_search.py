"""Finding documents by their words, ANDed, ranked, whatever the user types."""
import pytest

from apps.curation.models import CurationStatus
from apps.documents.models import Document
from apps.documents.tests.factories import DocumentFactory
from apps.regions.tests.factories import CountyFactory
from apps.search.services import document_ids_matching, documents_ranked

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    "", " ", "\u3000\n", '"', '""', '"双减', "双减\"", "'", "(", ")", "(双减", "双减 AND", "AND", "OR 双减",
    "NOT", "NOT 双减", "双减 NEAR 集团化办学", "NEAR(双减 集团化办学)", "*", "双减*", "^双减", "tokens:双减",
    ":", "双减 & 集团化办学", "&", "|", "双减 | 县管校聘", "!双减", "<->", "双减 <-> 集团化办学", "\\", "%", "_",
    "双减'; DROP TABLE search_searchentry; --", "{tokens}: 双减", "-双减", "+", "\x00", "双" * 5000,
]


@pytest.fixture
def corpus():
    return {
        "groups": DocumentFactory(
            title="对江宁区政协十三届一次会议第JNZX13010181号提案的答复",
            clean_text="区教育局将继续积极推进义务教育紧密型集团化办学工作,到2025年覆盖率将达到60%以上。",
        ),
        "handan": DocumentFactory(
            title="对人大076号建议的答复",
            clean_text="近两年大力实施集团化办学,组建紧密合作型、半紧密合作型、松散合作型教育集团。",
        ),
        "liyang": DocumentFactory(
            title="溧阳市:深入推进教育高质量发展",
            clean_text="进一步深化县管校聘管理改革。全面落实双减政策,校外培训机构数量进一步减少。",
        ),
        "myopia": DocumentFactory(
            title="泰州海陵:聚焦五大重点任务",
            clean_text="力争儿童青少年近视率下降1个百分点。",
        ),
    }


def ids(queryset):
    return [document.pk for document in queryset]


def matching(q):
    return set(Document.objects.filter(pk__in=document_ids_matching(q)).values_list("pk", flat=True))


def test_a_field_term_finds_the_documents_that_use_it(corpus):
    assert matching("集团化办学") == {corpus["groups"].pk, corpus["handan"].pk}


def test_a_two_character_word_is_found(corpus):
    assert matching("双减") == {corpus["liyang"].pk}


def test_every_term_must_occur(corpus):
    assert matching("紧密型 集团化办学") == {corpus["groups"].pk}
    assert matching("紧密型集团化办学覆盖率") == {corpus["groups"].pk}
    assert matching("双减 集团化办学") == set()


def test_a_word_found_only_in_another_document_does_not_match(corpus):
    assert matching("近视率") == {corpus["myopia"].pk}
    assert corpus["myopia"].pk not in matching("县管校聘")


def test_titles_are_searched(corpus):
    assert matching("溧阳市") == {corpus["liyang"].pk}
    assert matching("政协 提案") == {corpus["groups"].pk}


def test_region_names_are_found_with_or_without_suffix(corpus):
    assert matching("江宁区") == matching("江宁") == {corpus["groups"].pk}


def test_part_of_a_word_is_not_a_match(corpus):
    # Word search, not substring search: 减 alone is not a word of 双减.
    assert matching("减") == set()


@pytest.mark.parametrize("q", HOSTILE_QUERIES)
def test_hostile_queries_give_empty_or_valid_results(corpus, q):
    all_ids = set(Document.objects.values_list("pk", flat=True))
    assert matching(q) <= all_ids
    assert set(ids(documents_ranked(Document.objects.all(), q))) <= all_ids


def test_quotes_and_operators_around_a_word_still_find_it(corpus):
    assert matching('"双减"') == matching("(双减)") == matching("双减*") == {corpus["liyang"].pk}


def test_empty_query_matches_nothing(corpus):
    assert matching("") == set()
    assert ids(documents_ranked(Document.objects.all(), "   ")) == []


def test_ranking_puts_many_occurrences_first():
    once = DocumentFactory(title="工作要点", clean_text="落实双减。" + "推进课后服务。" * 10)
    often = DocumentFactory(title="双减工作要点", clean_text="落实双减。" + "双减成效明显。" * 10)
    DocumentFactory(title="近视防控", clean_text="力争儿童青少年近视率下降。")  # gives the term some rarity
    ranked = list(documents_ranked(Document.objects.all(), "双减"))
    assert ids(ranked) == [often.pk, once.pk]
    assert ranked[0].search_rank > ranked[1].search_rank


def test_ranking_keeps_to_the_given_queryset(corpus):
    corpus["groups"].status = CurationStatus.DRAFT
    corpus["groups"].save()
    assert ids(documents_ranked(Document.objects.published(), "集团化办学")) == [corpus["handan"].pk]


def test_ranking_works_on_a_distinct_queryset(corpus):
    corpus["groups"].regions.set([CountyFactory()])
    assert ids(documents_ranked(Document.objects.in_region("32"), "集团化办学")) == [corpus["groups"].pk]


def test_only_the_newest_candidates_up_to_the_cap_are_ranked(corpus):
    ranked = list(documents_ranked(Document.objects.all(), "集团化办学", limit=1))
    assert ids(ranked) == [corpus["handan"].pk]
    assert ranked[0].search_rank > 0


def test_ranked_results_can_be_counted_and_sliced(corpus):
    ranked = documents_ranked(Document.objects.all(), "集团化办学")
    assert ranked.count() == 2
    assert len(ranked[:1]) == 1


def test_ranking_an_empty_queryset_gives_nothing(corpus):
    assert ids(documents_ranked(Document.objects.none(), "集团化办学")) == []
    assert ids(documents_ranked(Document.objects.filter(pk__in=[]), "集团化办学")) == []
    assert list(documents_ranked(Document.objects.all(), "").values_list("pk", "search_rank")) == []
