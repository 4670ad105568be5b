"""Loading the five seed pages as curated, published records (``manage.py load_demo``).

Every record is found by its natural key and saved only when a field differs, so a
second run writes nothing: no new rows and no new django-simple-history entries.
"""
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import models, transaction

from apps.commitments.models import Commitment
from apps.curation.models import CurationStatus
from apps.demo.seeds import SEEDS
from apps.demo.seeds.schema import DocumentSpec, IndicatorSpec, InitiativeSpec, OrganizationSpec, ProposalSpec, SeedPage
from apps.documents.models import Citation, Document, text_checksum
from apps.initiatives.models import Initiative
from apps.organizations.models import Organization
from apps.proposals.models import Proposal, Proposer, Reply, ReplyKind
from apps.regions.services import RegionLoadResult, regions_load
from apps.targets.models import Indicator, Observation, Target

CHANGE_REASON = "load_demo"
PUBLISHED = CurationStatus.PUBLISHED


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class DemoLoadSummary:
    regions: RegionLoadResult
    tallies: dict[str, Tally] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(t.created or t.updated for t in self.tallies.values())

    def lines(self) -> list[str]:
        """One line per kind of record: how many were created, updated or left as they were."""
        regions = self.regions
        lines = [f"Region: {regions.created} created, {regions.updated} updated, {regions.unchanged} unchanged"]
        for label, t in self.tallies.items():
            lines.append(f"{label}: {t.created} created, {t.updated} updated, {t.unchanged} unchanged")
        return lines


def record_upsert(model: type[models.Model], *, lookup: dict, values: dict) -> tuple[models.Model, str]:
    """Find a row by its natural key and bring it to ``values``; save only when a field differs.

    Returns the row and "created", "updated" or "unchanged". Foreign keys go in as
    ``<name>_id`` so the comparison needs no query.
    """
    row = model.objects.filter(**lookup).first()
    if row is None:
        row = model(**lookup, **values)
        row._change_reason = CHANGE_REASON
        row.save()
        return row, "created"
    changed = {name: value for name, value in values.items() if getattr(row, name) != value}
    if not changed:
        return row, "unchanged"
    for name, value in changed.items():
        setattr(row, name, value)
    row._change_reason = CHANGE_REASON
    row.save()
    return row, "updated"


def links_sync(row: models.Model, relation: str, wanted: Iterable, *, keep_others: bool = False) -> bool:
    """Make a many-to-many relation hold ``wanted`` (primary keys); touch it only if it differs.

    With ``keep_others`` links made by curators outside the demo are left in place.
    """
    manager = getattr(row, relation)
    wanted, current = set(wanted), set(manager.values_list("pk", flat=True))
    missing, extra = wanted - current, set() if keep_others else current - wanted
    row._change_reason = CHANGE_REASON
    if missing:
        manager.add(*missing)
    if extra:
        manager.remove(*extra)
    return bool(missing or extra)


class _DemoLoader:
    def __init__(self):
        # Initiative → the pages that mention it; filled as pages load, read by initiative().
        self.mentions: dict[InitiativeSpec, list[Document]] = {}
        self.tallies: dict[str, Tally] = {}
        self.organizations: dict[OrganizationSpec, Organization] = {}
        self.indicators: dict[str, tuple[IndicatorSpec, Indicator]] = {}
        self.initiatives: dict[InitiativeSpec, Initiative] = {}

    def upsert(self, model, *, lookup: dict, values: dict, links_changed=lambda row: False):
        row, outcome = record_upsert(model, lookup=lookup, values=values)
        if links_changed(row) and outcome == "unchanged":
            outcome = "updated"
        tally = self.tallies.setdefault(model.__name__, Tally())
        setattr(tally, outcome, getattr(tally, outcome) + 1)
        return row

    def organization(self, spec: OrganizationSpec | None) -> Organization | None:
        if spec is None:
            return None
        if spec not in self.organizations:
            self.organizations[spec] = self.upsert(
                Organization, lookup={"name": spec.name},
                values={"short_name": spec.short_name, "kind": spec.kind, "region_id": spec.region},
            )
        return self.organizations[spec]

    def document(self, seed: SeedPage) -> Document:
        spec: DocumentSpec = seed.document
        organization = self.organization(spec.organization)
        raw_text = seed.raw_text()
        document = self.upsert(
            Document, lookup={"checksum": text_checksum(raw_text)},
            values={
                "title": spec.title, "doc_type": spec.doc_type, "organization_id": getattr(organization, "pk", None),
                "publish_date": spec.publish_date, "doc_number": spec.doc_number, "source_url": spec.source_url,
                "source_site": spec.source_site, "raw_text": raw_text, "clean_text": seed.clean_text(),
                "status": PUBLISHED,
            },
            links_changed=lambda row: links_sync(row, "regions", spec.regions),
        )
        for citation in spec.citations:
            self.upsert(
                Citation, values={},
                lookup={"document": document, "cited_title": citation.title, "cited_doc_number": citation.doc_number},
            )
        return document

    def proposal(self, spec: ProposalSpec, *, document: Document) -> Proposal:
        proposal = self.upsert(
            Proposal, lookup={"kind": spec.kind, "session": spec.session, "number": spec.number},
            values={"title": spec.title, "region_id": spec.region, "subject": spec.subject, "status": PUBLISHED},
        )
        for proposer in spec.proposers:
            self.upsert(
                Proposer, lookup={"proposal": proposal, "name": proposer.name},
                values={"role": proposer.role, "is_lead": proposer.is_lead},
            )
        reply = spec.reply
        self.upsert(
            Reply, lookup={"document": document},
            values={
                "proposal_id": proposal.pk, "reply_kind": ReplyKind.FINAL,
                "responding_organization_id": self.organization(reply.responding_organization).pk,
                "reply_date": reply.reply_date, "doc_number": reply.doc_number, "result_code": reply.result_code,
                "result_scheme": reply.result_scheme, "disclosure": reply.disclosure, "signer": reply.signer,
                "contact": reply.contact, "copy_to": list(reply.copy_to), "status": PUBLISHED,
            },
            links_changed=lambda row: links_sync(row, "co_handling_organizations", ()),
        )
        return proposal

    def initiative(self, spec: InitiativeSpec) -> Initiative:
        """Parents first; the pages that mention it are added to whatever curators have linked."""
        if spec not in self.initiatives:
            parent = self.initiative(spec.parent) if spec.parent else None
            documents = self.mentions.get(spec, [])
            self.initiatives[spec] = self.upsert(
                Initiative, lookup={"name": spec.name, "region_id": spec.region},
                values={
                    "theme": spec.theme, "start_year": spec.start_year, "end_year": spec.end_year,
                    "parent_id": getattr(parent, "pk", None), "description": spec.description, "status": PUBLISHED,
                },
                links_changed=lambda row: links_sync(row, "documents", [d.pk for d in documents], keep_others=True),
            )
        return self.initiatives[spec]

    def indicator(self, spec: IndicatorSpec) -> Indicator:
        known = self.indicators.get(spec.name)
        if known is not None:
            if known[0] != spec:
                raise ValueError(f"Two seed pages define the indicator {spec.name!r} differently.")
            return known[1]
        indicator = self.upsert(
            Indicator, lookup={"name": spec.name}, values={"unit": spec.unit, "description": spec.description}
        )
        self.indicators[spec.name] = (spec, indicator)
        return indicator

    def figures(self, seed: SeedPage, *, document: Document) -> None:
        for target in seed.targets:
            initiative = self.initiative(target.initiative) if target.initiative else None
            self.upsert(
                Target,
                lookup={
                    "source_document": document, "indicator": self.indicator(target.indicator),
                    "region_id": target.region, "quote": target.quote,
                },
                values={
                    "comparator": target.comparator, "value": target.value, "value_max": target.value_max,
                    "unit": target.indicator.unit if target.unit is None else target.unit,
                    "deadline_year": target.deadline_year, "initiative_id": getattr(initiative, "pk", None),
                    "progress_override": target.progress_override, "progress_note": target.progress_note,
                    "status": PUBLISHED,
                },
            )
        for observation in seed.observations:
            self.upsert(
                Observation,
                lookup={
                    "source_document": document, "indicator": self.indicator(observation.indicator),
                    "region_id": observation.region, "quote": observation.quote,
                },
                values={
                    "value": observation.value, "unit": observation.indicator.unit,
                    "observed_on": observation.observed_on, "status": PUBLISHED,
                },
            )


    def commitments(self, seed: SeedPage, *, document: Document) -> None:
        reply = Reply.objects.select_related("proposal").get(document=document)
        for spec in seed.commitments:
            target = Target.objects.get(source_document=document, quote=spec.target.quote) if spec.target else None
            self.upsert(
                Commitment, lookup={"source_document": document, "quote": spec.quote},
                values={
                    "reply": reply, "organization_id": reply.responding_organization_id,
                    "region_id": reply.proposal.region_id, "summary": spec.summary, "kind": spec.kind,
                    "deadline_year": spec.deadline_year, "target": target, "status": PUBLISHED,
                },
            )


@transaction.atomic
def demo_load(*, seeds: Sequence[SeedPage] = SEEDS) -> DemoLoadSummary:
    """Load the seed pages with their organizations, proposals, initiatives, targets and observations.

    Regions are loaded first, so this works on an empty database. Idempotent.
    """
    summary = DemoLoadSummary(regions=regions_load())
    loader = _DemoLoader()
    documents = {}
    for seed in seeds:
        document = documents[seed.file_name] = loader.document(seed)
        if seed.proposal is not None:
            loader.proposal(seed.proposal, document=document)
        for spec in seed.initiatives:
            loader.mentions.setdefault(spec, []).append(document)
    # Only once every page is in, so each initiative is linked to all the pages that mention it.
    for spec in list(loader.mentions):
        loader.initiative(spec)
    for seed in seeds:
        loader.figures(seed, document=documents[seed.file_name])
        if seed.commitments:
            loader.commitments(seed, document=documents[seed.file_name])
    summary.tallies = loader.tallies
    return summary
