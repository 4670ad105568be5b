"""The importer's only step that writes: drafts saved as draft records, in the caller's transaction."""
import operator
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce

from django.apps import apps
from django.db import IntegrityError, transaction
from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from apps.commitments.models import Commitment
from apps.curation import memo
from apps.curation.models import CurationStatus
from apps.documents.models import ArticleFingerprint, Citation, Document, text_checksum
from apps.ingest.draft import Draft
from apps.ingest.extract.initiatives import Term, theme_guess
from apps.ingest.notes import N_, Note, note
from apps.ingest.pipeline import Reader
from apps.ingest.proposal_match import ProposalMatch, session_region
from apps.initiatives.models import Initiative
from apps.organizations.models import Organization, OrganizationKind
from apps.proposals.models import Proposal, ProposalKind, Proposer, Reply
from apps.regions.models import Region, RegionLevel
from apps.search.services import search_entries_update
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


@dataclass
class _Page:
    """One draft of the group being written, and what writing it has made so far."""

    draft: Draft
    fingerprint: ArticleFingerprint
    proposal_match: ProposalMatch | None = None
    document: Document | None = None
    reply: Reply | None = None
    initiatives: dict[str, Initiative] = field(default_factory=dict)

    @property
    def region_codes(self) -> list[str]:
        return [r.code for r in self.draft.document.regions]


class DraftWriter:
    """Drafts saved as draft records: each document, its places, proposal and reply, citations,
    initiatives, targets and observations, with the notes the curator should read.

    A group of pages is written with one statement per table for all of them (the replies'
    proposals excepted): a page's own statements, some twenty, cost more than reading it. The
    caller keeps out of one group two pages of the same article or the same proposal
    (``apps.ingest.services``): neither would see the other's records.
    """

    def __init__(self, drafts: list[tuple[Draft, ArticleFingerprint]], reader: Reader, user):
        self.pages = [_Page(draft, fingerprint) for draft, fingerprint in drafts]
        self.reader = reader
        self.user = user
        self.regions: dict[str, Region] = {}
        self.organizations: dict[str, Organization | None] = {}

    def save(self) -> list[Document]:
        pages = self.pages
        self._regions_ensure([
            code for page in pages
            for code in [*page.region_codes, *(t.region for t in page.draft.targets if t.region)]
        ])
        for page in pages:
            if page.draft.proposal and page.draft.reply:
                page.proposal_match = ProposalMatch.find(
                    page.draft.proposal, page.draft.reply, self._proposal_region(page.draft),
                )
        self._organizations_ensure([page.draft.document.organization for page in pages])
        for page in pages:
            page.document = self._document(page)
        self._documents_save(pages)
        self._citations(pages)
        self._replies(pages)
        self._initiatives(pages)
        self._figures(pages)
        self._commitments(pages)
        return [page.document for page in pages]

    def _document(self, page: _Page) -> Document:
        draft, spec = page.draft, page.draft.document
        document = Document(
            title=(spec.title or draft.file)[:300],
            doc_type=spec.doc_type,
            organization=self.organizations.get(spec.organization),
            publish_date=spec.publish_date,
            doc_number=spec.doc_number[:64],
            source_site=spec.source_site[:128],
            source_url=spec.source_url[:500],
            raw_text=draft.raw_text,
            clean_text=draft.clean_text,
            source_file=draft.file[:255],
            import_warnings=[_stored(w) for w in [*draft.warnings, *self._notes(page)]],
            status=DRAFT,
        )
        document.fingerprint_set(page.fingerprint)
        document.checksum = text_checksum(document.raw_text)  # what Document.save() would set
        return document

    def _documents_save(self, pages: list[_Page]) -> None:
        """The documents, their places, one history row each naming both, and their search entries.

        Inserted together, so what ``Document.save()`` and its signals do is done here: the search
        entries, the remembered figures forgotten. Saved and linked one by one, each document's
        history was written twice (bare, then with its places) and its places read back each time.
        """
        documents = Document.objects.bulk_create([page.document for page in pages])
        search_entries_update(documents=documents)
        memo.forget_all()
        through = Document.regions.through
        links = through.objects.bulk_create([
            through(document=page.document, region=self.regions[code]) for page in pages for code in page.region_codes
        ])
        histories = Document.history.bulk_history_create(documents, default_user=self.user)
        history_of = {document.pk: history for document, history in zip(documents, histories)}
        history_links = apps.get_model("documents", "HistoricalDocument_regions")
        history_links.objects.bulk_create([
            history_links(id=link.pk, document_id=link.document_id, region_id=link.region_id,
                          history=history_of[link.document_id])
            for link in links
        ])

    def _notes(self, page: _Page) -> list[Note]:
        """What saving will leave for the curator, known before anything is written."""
        notes = page.proposal_match.notes() if page.proposal_match else []
        for figure in [*page.draft.targets, *page.draft.observations]:
            if not figure.indicator:
                notes.append(note(UNNAMED_INDICATOR_NOTE, quote=figure.quote[:40]))
        for observation in page.draft.observations:
            if observation.date is None:
                notes.append(note(UNDATED_OBSERVATION_NOTE, quote=observation.quote[:40]))
        return notes

    def _proposal_region(self, draft: Draft) -> Region | None:
        code = session_region(
            draft.proposal.session if draft.proposal else "", draft.document.specific_region_codes(), self.reader.matcher,
        )
        if code:
            self._regions_ensure([code])
        return self.regions.get(code) if code else None

    def _bulk_create(self, model, rows: list) -> list:
        """Rows and their history in two inserts, not two per row."""
        return bulk_create_with_history(rows, model, default_user=self.user) if rows else []

    def _regions_ensure(self, codes: list[str]) -> None:
        """Regions by code (and their ancestors) in ``self.regions``, created from the national
        table when the database lacks them."""
        wanted = set(codes) - set(self.regions)
        for code in list(wanted):
            place = self.reader.matcher.places.get(code)
            wanted.update(a.code for a in (self.reader.matcher.ancestors(place) if place else []))
        wanted -= set(self.regions)
        if not wanted:
            return
        self.regions.update({r.code: r for r in Region.objects.filter(code__in=wanted)})
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

    def _organizations_ensure(self, names: list[str]) -> None:
        """Organizations by name in ``self.organizations``: the held ones in one query, the others
        created (in name order, as ``_initiatives`` creates) in the region their name gives."""
        wanted = sorted({name for name in names if name and name not in self.organizations})
        if not wanted:
            return
        held = {o.name: o for o in Organization.objects.filter(name__in=[name[:128] for name in wanted])}
        places = {name: self.reader.matcher.find(name)[0] for name in wanted if name[:128] not in held}
        self._regions_ensure([found[-1].code for found in places.values() if found])
        for name in wanted:
            if name[:128] not in held:
                kind = next((k for word, k in ORGANIZATION_KINDS if word in name), OrganizationKind.OTHER)
                region = self.regions[places[name][-1].code] if places[name] else None
                held[name[:128]], _created = Organization.objects.get_or_create(
                    name=name[:128], defaults={"kind": kind, "region": region},
                )
            self.organizations[name] = held[name[:128]]

    def _organization(self, name: str) -> Organization | None:
        self._organizations_ensure([name])
        return self.organizations.get(name)

    def _citations(self, pages: list[_Page]) -> None:
        """Citations, linked to the cited document when it is held (by 文号, else by title), never to
        the citing one."""
        cites = [(page.document, cite) for page in pages for cite in page.draft.document.cites]
        by_number, by_title = defaultdict(list), defaultdict(list)
        numbers = {cite.doc_number for _d, cite in cites if cite.doc_number}
        titles = {cite.title for _d, cite in cites if cite.title}
        for number, pk in Document.objects.filter(doc_number__in=numbers).values_list("doc_number", "pk") if numbers else []:
            by_number[number].append(pk)
        for title, pk in Document.objects.filter(title__in=titles).values_list("title", "pk") if titles else []:
            by_title[title].append(pk)

        def cited(document: Document, cite) -> int | None:
            found = [pk for pk in [*by_number.get(cite.doc_number, []), *by_title.get(cite.title, [])] if pk != document.pk]
            return found[0] if found else None

        self._bulk_create(Citation, [
            Citation(
                document=document, cited_title=cite.title[:300], cited_doc_number=cite.doc_number[:64],
                cited_document_id=cited(document, cite),
            )
            for document, cite in cites
        ])

    def _replies(self, pages: list[_Page]) -> None:
        """Each reply letter's reply, under the proposal held or a new one (``_grouped`` keeps two
        pages of one proposal out of a group, so the new ones are distinct)."""
        wanted = [page for page in pages if page.proposal_match and page.proposal_match.reply_wanted]
        proposals = self._proposals_create([page for page in wanted if page.proposal_match.held is None])
        for page in wanted:
            if page.proposal_match.held is not None:
                proposals[id(page)] = page.proposal_match.held
                self._proposers_add(page.proposal_match.held, page.draft.proposal.proposers)
        replies = self._bulk_create(Reply, [self._reply(page, proposals[id(page)]) for page in wanted])
        for page, reply in zip(wanted, replies):
            page.reply = reply
            co_handling = [*filter(None, map(self._organization, page.draft.reply.co_handling))]
            if co_handling:
                reply.co_handling_organizations.add(*co_handling)

    def _proposals_create(self, pages: list[_Page]) -> dict[int, Proposal]:
        """New proposals and their proposers, by page, together; one by one if another import has
        just created one of them."""
        proposals = [
            Proposal(
                kind=page.draft.proposal.kind, session=page.draft.proposal.session[:128],
                number=page.draft.proposal.number[:32], region=self._proposal_region(page.draft),
                title=proposal_title(page.draft.proposal, page.document.title)[:300], status=DRAFT,
            )
            for page in pages
        ]
        try:
            with transaction.atomic():
                self._bulk_create(Proposal, proposals)
                self._bulk_create(Proposer, [
                    Proposer(proposal=proposal, name=name, role=proposer.role or "", is_lead=index == 0)
                    for page, proposal in zip(pages, proposals)
                    for index, (name, proposer) in enumerate(_by_name(page.draft.proposal.proposers).items())
                ])
        except IntegrityError:
            proposals = []
            for page in pages:
                spec = page.draft.proposal
                # get_or_create: an import running beside this one may be creating the same proposal.
                proposal = Proposal.objects.get_or_create(
                    kind=spec.kind, session=spec.session[:128], number=spec.number[:32],
                    region=self._proposal_region(page.draft),
                    defaults={"title": proposal_title(spec, page.document.title)[:300], "status": DRAFT},
                )[0]
                self._proposers_add(proposal, spec.proposers)
                proposals.append(proposal)
        return {id(page): proposal for page, proposal in zip(pages, proposals)}

    @staticmethod
    def _proposers_add(proposal: Proposal, proposers: list) -> None:
        """The proposers a held proposal lacks; the first new one leads if none does."""
        has_lead = proposal.proposers.filter(is_lead=True).exists()
        for proposer in proposers:
            _row, made = Proposer.objects.get_or_create(
                proposal=proposal, name=proposer.name[:64],
                defaults={"role": proposer.role or "", "is_lead": not has_lead},
            )
            has_lead = has_lead or made

    @staticmethod
    def _reply(page: _Page, proposal: Proposal) -> Reply:
        spec = page.draft.reply
        return Reply(
            proposal=proposal,
            responding_organization=page.document.organization,
            reply_date=spec.reply_date,
            doc_number=spec.doc_number[:64],
            result_code=spec.result_code,
            disclosure=spec.disclosure,
            signer=spec.signer[:64],
            contact=spec.contact[:128],
            copy_to=list(spec.copy_to),
            result_scheme=spec.result_text[:200],
            document=page.document,
            status=DRAFT,
        )

    def _commitments(self, pages: list[_Page]) -> None:
        """The replies' promises, made by the replying body, in the proposal's region (else the page's)."""
        commitments = []
        for page in pages:
            reply = page.reply
            if reply is None:
                continue
            page_codes = page.draft.document.specific_region_codes()
            region = reply.proposal.region or (self.regions.get(page_codes[0]) if page_codes else None)
            commitments += [
                Commitment(
                    source_document=page.document, reply=reply, organization=reply.responding_organization,
                    region=region, quote=spec.quote, summary=spec.summary[:200], kind=spec.kind,
                    deadline_year=spec.deadline_year, status=DRAFT,
                )
                for spec in page.draft.commitments
            ]
        self._bulk_create(Commitment, commitments)

    def _initiatives(self, pages: list[_Page]) -> None:
        """Link the initiatives mentioned: vocabulary entries are generic (no region), programmes
        the page names belong to its first region."""
        vocabulary = {term.name: term for term in self.reader.vocabulary}
        wanted = {}  # (name, region) → term, for the whole group
        for page in pages:
            codes = page.draft.document.specific_region_codes()
            for name in page.draft.initiatives:
                term = vocabulary.get(name)
                region = None if term or not codes else self.regions[codes[0]]
                wanted[(name[:200], region)] = term
        # The ones already held in one query, by (name, region): a programme's name recurs in many
        # regions. get_or_create only for the rest (rare once a few pages are in).
        pairs = [Q(name=name, region=region) for name, region in wanted]
        held = {
            (initiative.name, initiative.region_id): initiative
            for initiative in (Initiative.objects.filter(reduce(operator.or_, pairs)) if pairs else [])
        }
        # New ones in name order: imports running side by side (apps.ingest.parallel) then take
        # the same rows' locks in the same order and cannot deadlock.
        for (name, region), term in sorted(wanted.items(), key=lambda item: (item[0][0], _pk(item[0][1]) or 0)):
            if (name, _pk(region)) not in held:
                held[(name, _pk(region))], _created = Initiative.objects.get_or_create(
                    name=name, region=region,
                    defaults={"theme": term.theme if term else theme_guess(name), "status": DRAFT},
                )
        for page in pages:
            codes = page.draft.document.specific_region_codes()
            page.initiatives = {
                name: held[(name[:200], None if vocabulary.get(name) or not codes else self.regions[codes[0]].pk)]
                for name in page.draft.initiatives
            }
        # Through rows directly: Initiative's history copies all of an initiative's links on every
        # add, so linking each import through the relation grows with every page ever imported.
        through = Initiative.documents.through
        through.objects.bulk_create([
            through(initiative=initiative, document=page.document)
            for page in pages for initiative in page.initiatives.values()
        ], ignore_conflicts=True)

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
        catalogue = {i.code: i for i in Indicator.objects.filter(code__in=set(codes.values()))} if codes else {}
        indicators = {words: catalogue[code] for words, code in codes.items() if code in catalogue}
        names.update({words: "" for words, code in codes.items() if code not in catalogue})
        held = {i.name: i for i in Indicator.objects.filter(name__in=names)} if names else {}
        missing = sorted((name, unit) for name, unit in names.items() if name not in held)
        try:
            # Most are new: an indicator named by its sentence is that page's own.
            with transaction.atomic():
                held.update({i.name: i for i in self._bulk_create(Indicator, [
                    Indicator(name=name, unit=unit[:32]) for name, unit in missing
                ])})
        except IntegrityError:  # one of them created meanwhile by an import beside this one
            for name, unit in missing:  # in name order, as _initiatives creates
                held[name], _created = Indicator.objects.get_or_create(name=name, defaults={"unit": unit[:32]})
        return {**held, **indicators}

    def _figures(self, pages: list[_Page]) -> None:
        dated = {id(page): [o for o in page.draft.observations if o.date is not None] for page in pages}
        indicators = self._indicators([
            figure for page in pages for figure in [*page.draft.targets, *dated[id(page)]]
        ])
        targets, observations = [], []
        for page in pages:
            spellings = {
                spelling: name
                for name in page.initiatives
                for term in [next((t for t in self.reader.vocabulary if t.name == name), Term(name, ""))]
                for spelling in term.spellings
            }
            targets += [
                Target(
                    indicator=indicators[self._indicator_name(target.indicator, target.quote)],
                    region=self.regions.get(target.region) if target.region else None,
                    initiative=next((page.initiatives[n] for s, n in spellings.items() if s in target.quote), None),
                    comparator=target.comparator,
                    value=target.value,
                    value_max=target.value_max,
                    unit=target.unit[:32],
                    deadline_year=target.deadline_year,
                    source_document=page.document,
                    quote=target.quote,
                    confidence=Decimal(str(target.confidence)),
                    status=DRAFT,
                )
                for target in page.draft.targets
            ]
            observations += [
                Observation(
                    indicator=indicators[self._indicator_name(observation.indicator, observation.quote)],
                    region=self.regions.get(observation.region) if observation.region else None,
                    value=observation.value,
                    unit=observation.unit[:32],
                    observed_on=observation.date,
                    source_document=page.document,
                    quote=observation.quote,
                    status=DRAFT,
                )
                for observation in dated[id(page)]
            ]
        self._bulk_create(Target, targets)
        self._bulk_create(Observation, observations)
        # bulk_create skips save(): give the new targets their evidence and due day (drafts are
        # listed with their progress to curators). The new observations are drafts: evidence for nothing yet.
        if targets:
            target_evidence_refresh(Target.objects.filter(pk__in=[target.pk for target in targets]))


def _by_name(proposers: list) -> dict:
    """A proposal's proposers, each name once, in the page's order (the first leads)."""
    unique = {}
    for proposer in proposers:
        unique.setdefault(proposer.name[:64], proposer)
    return unique


def _pk(row) -> int | None:
    return row.pk if row is not None else None


def proposal_title(spec, letter_title: str) -> str:
    """The proposal's own title; else the one the letter's title wraps; else what names it
    (`市政协十三届一次会议第227号提案`), never the letter's title itself."""
    if spec.title:
        return spec.title
    wrapped = WRAPPED_TITLE.search(letter_title)
    if wrapped:
        return wrapped.group(1)
    return f"{spec.session}第{spec.number}号{KIND_WORDS.get(spec.kind, '')}"
