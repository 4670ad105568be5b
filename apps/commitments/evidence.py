"""Possible evidence for a promise, for a curator to decide on: later published documents of its
region (or the region above) that name its initiative or its key words, and later observations
of its target's indicator there. Nothing here sets a state; the curator does, in one click."""
import datetime
import re
from dataclasses import dataclass

from django.db.models import Model, Q

from apps.commitments.models import Commitment
from apps.documents.models import Document
from apps.ingest.extract.text import sentences
from apps.regions.models import code_prefix
from apps.search.segment import query_terms
from apps.search.services import document_ids_matching
from apps.targets.models import Observation

SHOWN = 5
# Words every promise uses: they say how, not what, and would match every later report.
GENERIC = re.compile(r"^(进一步|加强|推进|积极|继续|持续|加大|力度|工作|全面|不断|努力|提升|优化|完善|推动|落实|做好|确保|争取|探索|建设|发展)$")
KEY_TERMS = 2


@dataclass
class Candidate:
    kind: str  # document or observation
    record: Model
    sentence: str
    reason: str


def key_terms(summary: str) -> list[str]:
    """The longest words of the promise that are not the words every promise uses."""
    words = [term for term in query_terms(summary) if len(term) >= 2 and not GENERIC.match(term)]
    return sorted(words, key=len, reverse=True)[:KEY_TERMS]


def _since(commitment: Commitment) -> datetime.date | None:
    reply_date = commitment.reply.reply_date if commitment.reply else None
    return reply_date or commitment.source_document.publish_date


def _place(commitment: Commitment, field: str) -> Q:
    """The commitment's region and everything under it, or the region right above it."""
    if commitment.region_id is None:
        return Q()
    place = Q(**{f"{field}__startswith": code_prefix(commitment.region_id)})
    parent = commitment.region.parent_id if commitment.region else None
    return place | Q(**{field: parent}) if parent else place


def _sentence(text: str, words: list[str]) -> str:
    return next((s.text.strip() for s in sentences(text) if all(word in s.text for word in words)), "")


def _documents(commitment: Commitment, since) -> list[Candidate]:
    later = Document.objects.published().exclude(pk=commitment.source_document_id).filter(_place(commitment, "regions__code"))
    if since:
        later = later.filter(publish_date__gt=since)
    initiatives = [i for i in commitment.source_document.initiatives.all() if i.name in commitment.quote]
    found = []
    if initiatives:
        for document in later.filter(initiatives__in=initiatives).distinct().order_by("-publish_date")[:SHOWN]:
            named = next((i.name for i in initiatives if i.name in document.clean_text), initiatives[0].name)
            found.append(Candidate("document", document, _sentence(document.clean_text, [named]), named))
    terms = key_terms(commitment.summary)
    if terms:
        matching = later.filter(pk__in=document_ids_matching(" ".join(terms))).distinct().order_by("-publish_date")
        for document in matching[:SHOWN]:
            if all(candidate.record.pk != document.pk for candidate in found):
                found.append(Candidate("document", document, _sentence(document.clean_text, terms), "、".join(terms)))
    return found[:SHOWN]


def _observations(commitment: Commitment, since) -> list[Candidate]:
    if commitment.target is None:
        return []
    later = Observation.objects.published().filter(indicator=commitment.target.indicator_id).filter(
        _place(commitment, "region__code"),
    ).select_related("indicator", "region")
    if since:
        later = later.filter(observed_on__gt=since)
    return [
        Candidate("observation", observation, observation.quote, observation.indicator.name)
        for observation in later.order_by("-observed_on")[:SHOWN]
    ]


def evidence_candidates(commitment: Commitment) -> list[Candidate]:
    since = _since(commitment)
    return [*_observations(commitment, since), *_documents(commitment, since)]
