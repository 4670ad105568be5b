"""The importer's only step that writes: a Draft saved as draft records, in the caller's transaction."""
import operator
import re
from decimal import Decimal
from functools import reduce

from django.apps import apps
from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from apps.commitments.models import Commitment
from apps.curation.models import CurationStatus
from apps.documents.models import ArticleFingerprint, Citation, Document
from apps.ingest.draft import Draft
from apps.ingest.extract.initiatives import Term, theme_guess
from apps.ingest.notes import N_, Note, note
from apps.ingest.pipeline import Reader
from apps.ingest.proposal_match import ProposalMatch, session_region
from apps.initiatives.models import Initiative
from apps.organizations.models import Organization, OrganizationKind
from apps.proposals.models import Proposal, ProposalKind, Proposer, Reply
from apps.regions.models import Region, RegionLevel
from apps.targets.evidence import target_evidence_refresh
from apps.targets.models import Indicator, Observation, Target

DRAFT = CurationStatus.DRAFT
# `关于增加城区学位的建议的答复`: the title a reply letter wraps around the proposal's own.
KIND_WORDS = {ProposalKind.PROPOSAL: "提案", ProposalKind.SUGGESTION: "建议"}  # data, in the pages' language
WRAPPED_TITLE = re.compile(r"(关于.{2,90}?的(?:建议|提案|议案))(?:的)?(?:答复|回复|办理)")
ORGANIZATION_KINDS = [
    ("教育厅", OrganizationKind.EDUCATION_DEPARTMENT),
    ("教育局", OrganizationKind.EDUCATION_BUREAU),
    ("教体局", OrganizationKind.EDUCATION_BUREAU),
    ("政协", OrganizationKind.CPPCC),
    ("人大", OrganizationKind.PEOPLES_CONGRESS),
    ("人民政府", OrganizationKind.GOVERNMENT),
    ("社", OrganizationKind.MEDIA),
    ("网", OrganizationKind.MEDIA),
    ("报", OrganizationKind.MEDIA),
    ("学校", OrganizationKind.SCHOOL),
]

UNNAMED_INDICATOR_NOTE = N_("“%(quote)s”没有指标名：以这句话命名")
UNDATED_OBSERVATION_NOTE = N_("观测值“%(quote)s”在页面上没有日期：未保存")


def _stored(warning: Note | str) -> dict | str:
    return warning.stored() if isinstance(warning, Note) else warning


class DraftWriter:
    """A draft saved as draft records: the document, its places, proposal and reply, citations,
    initiatives, targets and observations, with the notes the curator should read."""

    def __init__(self, draft: Draft, reader: Reader, user, fingerprint: ArticleFingerprint):
        self.draft = draft
        self.reader = reader
        self.user = user
        self.fingerprint = fingerprint
        self.regions: dict[str, Region] = {}
        self.proposal_match: ProposalMatch | None = None

    def save(self) -> Document:
        draft, spec = self.draft, self.draft.document
        region_codes = [r.code for r in spec.regions]
        self._regions_ensure(region_codes + [t.region for t in draft.targets if t.region])
        if draft.proposal and draft.reply:
            self.proposal_match = ProposalMatch.find(draft.proposal, draft.reply, self._proposal_region())
        document = Document(
            title=(spec.title or draft.file)[:300],
            doc_type=spec.doc_type,
            organization=self._organization(spec.organization),
            publish_date=spec.publish_date,
            doc_number=spec.doc_number[:64],
            source_site=spec.source_site[:128],
            source_url=spec.source_url[:500],
            raw_text=draft.raw_text,
            clean_text=draft.clean_text,
            source_file=draft.file[:255],
            import_warnings=[_stored(w) for w in [*draft.warnings, *self._notes()]],
            status=DRAFT,
        )
        document.fingerprint_set(self.fingerprint)
        self._document_save(document, [self.regions[code] for code in region_codes])
        self._citations(document)
        reply = self._reply(document)
        initiatives = self._initiatives(document)
        self._figures(document, initiatives)
        if reply is not None:
            self._commitments(document, reply)
        return document

    def _document_save(self, document: Document, regions: list[Region]) -> None:
        """The document, its places and one history row naming both. Saved and linked the usual
        way, its history is written twice (bare, then again with the places) and its places read
        back for each: about a seventh of an import's time."""
        document.skip_history_when_saving = True
        try:
            document.save()  # the search entry and the remembered figures still follow (post_save)
        finally:
            del document.skip_history_when_saving
        through = Document.regions.through
        links = through.objects.bulk_create([through(document=document, region=region) for region in regions])
        [history] = Document.history.bulk_history_create([document], default_user=self.user)
        history_links = apps.get_model("documents", "HistoricalDocument_regions")
        history_links.objects.bulk_create([
            history_links(id=link.pk, document=document, region_id=link.region_id, history=history) for link in links
        ])

    def _notes(self) -> list[Note]:
        """What saving will leave for the curator, known before anything is written."""
        notes = self.proposal_match.notes() if self.proposal_match else []
        for figure in [*self.draft.targets, *self.draft.observations]:
            if not figure.indicator:
                notes.append(note(UNNAMED_INDICATOR_NOTE, quote=figure.quote[:40]))
        for observation in self.draft.observations:
            if observation.date is None:
                notes.append(note(UNDATED_OBSERVATION_NOTE, quote=observation.quote[:40]))
        return notes

    def _proposal_region(self) -> Region | None:
        code = session_region(
            self.draft.proposal.session if self.draft.proposal else "",
            self.draft.document.specific_region_codes(), self.reader.matcher,
        )
        if code and code not in self.regions:
            self._regions_ensure([code, *self.regions])
        return self.regions.get(code) if code else None

    def _bulk_create(self, model, rows: list) -> list:
        """Rows and their history in two inserts, not two per row."""
        return bulk_create_with_history(rows, model, default_user=self.user) if rows else []

    def _regions_ensure(self, codes: list[str]) -> None:
        """Regions by code, created from the national table when the database lacks them."""
        wanted = set(codes)
        for code in list(wanted):
            place = self.reader.matcher.places.get(code)
            wanted.update(a.code for a in (self.reader.matcher.ancestors(place) if place else []))
        self.regions = {r.code: r for r in Region.objects.filter(code__in=wanted)}
        missing = sorted(wanted - set(self.regions), key=lambda c: (not c.endswith("0000"), not c.endswith("00"), c))
        for code in missing:
            place = self.reader.matcher.places[code]
            level = (
                RegionLevel.PROVINCE if code.endswith("0000")
                else RegionLevel.PREFECTURE if code.endswith("00") else RegionLevel.COUNTY
            )
            # get_or_create: another import running beside this one may be adding the same region.
            self.regions[code], _created = Region.objects.get_or_create(
                code=code, defaults={"name": place.name, "level": level, "parent_id": place.parent},
            )

    def _organization(self, name: str) -> Organization | None:
        if not name:
            return None
        kind = next((k for word, k in ORGANIZATION_KINDS if word in name), OrganizationKind.OTHER)
        places = self.reader.matcher.find(name)[0]
        region = places[-1].code if places else None
        if region and region not in self.regions:
            self._regions_ensure([region, *self.regions])
        organization, _created = Organization.objects.get_or_create(
            name=name[:128], defaults={"kind": kind, "region": self.regions.get(region) if region else None},
        )
        return organization

    def _citations(self, document: Document) -> None:
        """Citations, linked to the cited document when it is held (by 文号, else by title)."""
        cites = self.draft.document.cites
        others = Document.objects.exclude(pk=document.pk)
        by_number = dict(
            others.filter(doc_number__in=[c.doc_number for c in cites if c.doc_number]).values_list("doc_number", "pk")
        )
        by_title = dict(others.filter(title__in=[c.title for c in cites if c.title]).values_list("title", "pk"))
        self._bulk_create(Citation, [
            Citation(
                document=document, cited_title=cite.title[:300], cited_doc_number=cite.doc_number[:64],
                cited_document_id=by_number.get(cite.doc_number) or by_title.get(cite.title),
            )
            for cite in cites
        ])

    def _reply(self, document: Document) -> Reply | None:
        proposal_spec, reply_spec = self.draft.proposal, self.draft.reply
        if proposal_spec is None or reply_spec is None:
            return None
        if not self.proposal_match.reply_wanted:
            return None  # the document's import notes say why
        # get_or_create: an import running beside this one may be creating the same proposal.
        proposal = self.proposal_match.held or Proposal.objects.get_or_create(
            kind=proposal_spec.kind, session=proposal_spec.session[:128], number=proposal_spec.number[:32],
            region=self._proposal_region(),
            defaults={"title": proposal_title(proposal_spec, document.title)[:300], "status": DRAFT},
        )[0]
        has_lead = proposal.proposers.filter(is_lead=True).exists()
        for proposer in proposal_spec.proposers:
            _row, made = Proposer.objects.get_or_create(
                proposal=proposal, name=proposer.name[:64],
                defaults={"role": proposer.role or "", "is_lead": not has_lead},
            )
            has_lead = has_lead or made
        reply = Reply.objects.create(
            proposal=proposal,
            responding_organization=document.organization,
            reply_date=reply_spec.reply_date,
            doc_number=reply_spec.doc_number[:64],
            result_code=reply_spec.result_code,
            disclosure=reply_spec.disclosure,
            signer=reply_spec.signer[:64],
            contact=reply_spec.contact[:128],
            copy_to=list(reply_spec.copy_to),
            result_scheme=reply_spec.result_text[:200],
            document=document,
            status=DRAFT,
        )
        reply.co_handling_organizations.add(*filter(None, map(self._organization, reply_spec.co_handling)))
        return reply

    def _commitments(self, document: Document, reply: Reply) -> None:
        """The reply's promises, made by the replying body, in the proposal's region (else the page's)."""
        page_codes = self.draft.document.specific_region_codes()
        region = reply.proposal.region or (self.regions.get(page_codes[0]) if page_codes else None)
        self._bulk_create(Commitment, [
            Commitment(
                source_document=document, reply=reply, organization=reply.responding_organization, region=region,
                quote=spec.quote, summary=spec.summary[:200], kind=spec.kind, deadline_year=spec.deadline_year,
                status=DRAFT,
            )
            for spec in self.draft.commitments
        ])

    def _initiatives(self, document: Document) -> dict[str, Initiative]:
        """Link the initiatives mentioned: vocabulary entries are generic (no region), programmes
        the page names belong to its first region."""
        vocabulary = {term.name: term for term in self.reader.vocabulary}
        codes = self.draft.document.specific_region_codes()
        wanted = {}
        for name in self.draft.initiatives:
            term = vocabulary.get(name)
            wanted[name] = (term, None if term or not codes else self.regions[codes[0]])
        # The ones already held in one query, by (name, region): a programme's name recurs in many
        # regions. get_or_create only for the rest (rare once a few pages are in).
        pairs = [Q(name=name[:200], region=region) for name, (_term, region) in wanted.items()]
        held = {
            (initiative.name, initiative.region_id): initiative
            for initiative in (Initiative.objects.filter(reduce(operator.or_, pairs)) if pairs else [])
        }
        # New ones in name order: imports running side by side (apps.ingest.parallel) then take
        # the same rows' locks in the same order and cannot deadlock.
        for name, (term, region) in sorted(wanted.items(), key=lambda item: item[0]):
            if (name[:200], region.pk if region else None) not in held:
                held[(name[:200], region.pk if region else None)], _created = Initiative.objects.get_or_create(
                    name=name[:200], region=region,
                    defaults={"theme": term.theme if term else theme_guess(name), "status": DRAFT},
                )
        linked = {name: held[(name[:200], region.pk if region else None)] for name, (_t, region) in wanted.items()}
        # Through rows directly: Initiative's history copies all of an initiative's links on every
        # add, so linking each import through the relation grows with every page ever imported.
        through = Initiative.documents.through
        through.objects.bulk_create(
            [through(initiative=i, document=document) for i in linked.values()], ignore_conflicts=True
        )
        return linked

    @staticmethod
    def _indicator_name(name: str, quote: str) -> str:
        return (name or f"待命名:{quote[:40]}")[:200]

    def _indicators(self, figures: list) -> dict[str, Indicator]:
        """Every figure's indicator by its words: the catalogue's where the words matched an entry,
        else a draft indicator of its own name (curators merge those into the catalogue's)."""
        names, codes = {}, {}
        for figure in figures:
            words = self._indicator_name(figure.indicator, figure.quote)
            if figure.indicator_code:
                codes[words] = figure.indicator_code
            else:
                names.setdefault(words, figure.unit)
        catalogue = {i.code: i for i in Indicator.objects.filter(code__in=set(codes.values()))}
        indicators = {words: catalogue[code] for words, code in codes.items() if code in catalogue}
        names.update({words: "" for words, code in codes.items() if code not in catalogue})
        held = {i.name: i for i in Indicator.objects.filter(name__in=names)}
        for name, unit in sorted(names.items()):  # in name order, as _initiatives creates
            if name not in held:
                held[name], _created = Indicator.objects.get_or_create(name=name, defaults={"unit": unit[:32]})
        return {**held, **indicators}

    def _figures(self, document: Document, initiatives: dict[str, Initiative]) -> None:
        spellings = {
            spelling: name
            for name in initiatives
            for term in [next((t for t in self.reader.vocabulary if t.name == name), Term(name, ""))]
            for spelling in term.spellings
        }
        indicators = self._indicators([*self.draft.targets, *(o for o in self.draft.observations if o.date is not None)])
        targets = [
            Target(
                indicator=indicators[self._indicator_name(target.indicator, target.quote)],
                region=self.regions.get(target.region) if target.region else None,
                initiative=next((initiatives[n] for s, n in spellings.items() if s in target.quote), None),
                comparator=target.comparator,
                value=target.value,
                value_max=target.value_max,
                unit=target.unit[:32],
                deadline_year=target.deadline_year,
                source_document=document,
                quote=target.quote,
                confidence=Decimal(str(target.confidence)),
                status=DRAFT,
            )
            for target in self.draft.targets
        ]
        observations = [
            Observation(
                indicator=indicators[self._indicator_name(observation.indicator, observation.quote)],
                region=self.regions.get(observation.region) if observation.region else None,
                value=observation.value,
                unit=observation.unit[:32],
                observed_on=observation.date,
                source_document=document,
                quote=observation.quote,
                status=DRAFT,
            )
            for observation in self.draft.observations
            if observation.date is not None
        ]
        self._bulk_create(Target, targets)
        self._bulk_create(Observation, observations)
        # bulk_create skips save(): give the new targets their evidence and due day (drafts are
        # listed with their progress to curators). The new observations are drafts: evidence for nothing yet.
        if targets:
            target_evidence_refresh(Target.objects.filter(source_document=document))


def proposal_title(spec, letter_title: str) -> str:
    """The proposal's own title; else the one the letter's title wraps; else what names it
    (`市政协十三届一次会议第227号提案`), never the letter's title itself."""
    if spec.title:
        return spec.title
    wrapped = WRAPPED_TITLE.search(letter_title)
    if wrapped:
        return wrapped.group(1)
    return f"{spec.session}第{spec.number}号{KIND_WORDS.get(spec.kind, '')}"
