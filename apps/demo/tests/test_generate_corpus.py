"""generate_corpus: deterministic for a seed, in the seed pages' proportions, for an empty database only."""
import io
import re
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from apps.commitments.models import Commitment
from apps.demo.corpus import CorpusNotEmpty, corpus_generate
from apps.demo.corpus.material import CITED_MIN_DISTANCE, templates
from apps.demo.seeds import SEEDS
from apps.documents.models import Citation, Document, DocumentType, text_checksum
from apps.initiatives.models import Initiative
from apps.proposals.models import Proposal, Reply
from apps.search.services import document_ids_matching
from apps.targets.models import Observation, Target

pytestmark = pytest.mark.django_db

DOCUMENTS = 200


def first_titles(n: int = 10) -> list[str]:
    return list(Document.objects.order_by("pk").values_list("title", flat=True)[:n])


def test_the_same_seed_gives_the_same_corpus():
    summary = corpus_generate(documents=DOCUMENTS, seed=7)
    titles, counts = first_titles(), summary.counts
    texts = list(Document.objects.order_by("pk").values_list("clean_text", flat=True)[:3])
    for model in (Citation, Target, Observation, Reply, Proposal, Initiative, Document):
        model.objects.all().delete()

    again = corpus_generate(documents=DOCUMENTS, seed=7)

    assert again.counts == counts
    assert first_titles() == titles
    assert list(Document.objects.order_by("pk").values_list("clean_text", flat=True)[:3]) == texts


def test_another_seed_gives_another_corpus():
    corpus_generate(documents=50, seed=1)
    titles = first_titles()
    Document.objects.all().delete()
    corpus_generate(documents=50, seed=2)
    assert first_titles() != titles


def test_records_come_in_the_seed_pages_proportions():
    summary = corpus_generate(documents=DOCUMENTS, seed=3)
    per_seed = {
        "targets": sum(len(s.targets) for s in SEEDS) / len(SEEDS),
        "observations": sum(len(s.observations) for s in SEEDS) / len(SEEDS),
        "citations": sum(len(s.document.citations) for s in SEEDS) / len(SEEDS),
        "replies": sum(s.proposal is not None for s in SEEDS) / len(SEEDS),
    }
    per_document = {
        "targets": summary.counts["Target"] / DOCUMENTS,
        "observations": summary.counts["Observation"] / DOCUMENTS,
        "citations": summary.counts["Citation"] / DOCUMENTS,
        "replies": summary.counts["Reply"] / DOCUMENTS,
    }
    for name, expected in per_seed.items():
        assert per_document[name] == pytest.approx(expected, rel=0.25), name
    assert summary.counts["Proposal"] == summary.counts["Reply"]
    types = Counter(Document.objects.values_list("doc_type", flat=True))
    assert set(types) == {s.document.doc_type for s in SEEDS}
    assert types[DocumentType.REPLY] == summary.counts["Reply"]


def test_documents_are_whole_records():
    corpus_generate(documents=DOCUMENTS, seed=4)
    document = Document.objects.filter(doc_type=DocumentType.REPLY).first()
    assert document.checksum == text_checksum(document.raw_text)
    assert document.clean_text in document.raw_text
    assert document.regions.exists() and document.organization is not None
    reply = Reply.objects.get(document=document)
    assert reply.proposal.proposers.filter(is_lead=True).count() == 1
    assert reply.responding_organization == document.organization
    # Every quote is a sentence of its document's text, as a curator would have copied it.
    for target in Target.objects.select_related("source_document")[:100]:
        assert target.quote in target.source_document.clean_text
    # A reply's promises, as the seed replies make them: each in its text, made by its bureau.
    promises = list(Commitment.objects.select_related("reply", "source_document", "target"))
    assert promises and all(
        p.quote in p.source_document.clean_text and p.reply.document_id == p.source_document_id
        and p.organization_id == p.source_document.organization_id for p in promises
    )
    assert all(p.target.source_document_id == p.source_document_id for p in promises if p.kind == "target")
    # Places in the text are the document's own, not the seed page's.
    names = [r.name for r in document.regions.all()]
    assert any(name in document.clean_text for name in names)


def test_regions_come_from_the_full_table():
    corpus_generate(documents=DOCUMENTS, seed=5)
    regions = set(Document.regions.through.objects.values_list("region_id", flat=True))
    assert len({code[:2] for code in regions}) > 10  # provinces
    assert len(regions) > 100


def test_citations_link_only_to_documents_far_enough_back():
    corpus_generate(documents=50, seed=6)
    # Too small a corpus for any citation to reach CITED_MIN_DISTANCE documents back.
    assert not Citation.objects.filter(cited_document__isnull=False).exists()
    assert CITED_MIN_DISTANCE > 50


def test_generated_documents_are_searchable():
    corpus_generate(documents=DOCUMENTS, seed=8)
    matching = Document.objects.filter(pk__in=document_ids_matching("集团化办学"))
    assert matching.exists()
    # The word as written, another spelling of the initiative (教育集团), or its parts side by side.
    held = re.compile(r"集团化办学|教育集团|集团化|集团[^。]{0,6}办学|办学[^。]{0,6}集团")
    assert all(held.search(f"{d.title}\n{d.clean_text}") for d in matching[:20])
    assert any("集团化办学" in f"{d.title}\n{d.clean_text}" for d in matching[:20])


def test_a_database_holding_documents_is_refused():
    corpus_generate(documents=10, seed=1)
    with pytest.raises(CorpusNotEmpty):
        corpus_generate(documents=10, seed=1)
    with pytest.raises(CommandError, match="empty database only"):
        call_command("generate_corpus", documents=10, stdout=io.StringIO())
    assert Document.objects.count() == 10


def test_the_command_prints_counts_and_time():
    out = io.StringIO()
    call_command("generate_corpus", documents=20, seed=2, stdout=out)
    output = out.getvalue()
    assert "Document: 20" in output
    assert "Generated 20 documents (seed 2) in" in output


def test_every_seed_page_serves_as_a_template():
    assert [t.seed for t in templates()] == list(SEEDS)
    for template in templates():
        quotes = [f.quote for f in (*template.seed.targets, *template.seed.observations)]
        kept = [template.paragraphs[i] for i in template.figure_paragraphs]
        assert all(any(q in p for p in kept) for q in quotes), template.seed.file_name
