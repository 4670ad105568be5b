"""Writing planned documents in bulk: one INSERT per table and batch, no per-row save().

Two halves, so that batches can be written on several connections at once:

- ``CorpusWriter.prepare`` (one thread, in order) creates the shared rows a batch needs
  (organizations, initiatives), gives documents and proposals their ids — explicit ids,
  from the document's serial, so the corpus is the same however batches interleave — and
  builds the unsaved rows.
- ``batch_insert`` (any thread, its own connection) inserts a prepared batch in one
  transaction and indexes its documents for search.

``bulk_create`` skips ``save()`` and signals, so what those would do is done here: the
checksum is set by hand and ``search_index_rebuild`` indexes each batch. No
django-simple-history rows are written (see ``apps.demo.corpus``).
"""
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max

from apps.commitments.models import Commitment
from apps.curation.models import CurationStatus
from apps.demo.corpus import material
from apps.demo.corpus.plan import DocumentPlan, InitiativeNeed
from apps.documents.models import Citation, Document, text_checksum
from apps.initiatives.models import Initiative
from apps.organizations.models import Organization
from apps.proposals.models import Proposal, Proposer, Reply, ReplyKind
from apps.search.services import search_index_rebuild
from apps.targets.models import Indicator, Observation, Target

INSERT_BATCH = 2000
# Rows other rows of the same batch point to get their ids here, so that a batch can be
# COPYed (apps.demo.corpus.copy) as well as bulk-inserted.
EXPLICIT_ID_MODELS = [Document, Proposal, Reply, Target]


def _insert(model, rows: list) -> list:
    return model.objects.bulk_create(rows, batch_size=INSERT_BATCH) if rows else []


@dataclass
class PreparedBatch:
    """Unsaved rows of one batch, in the order they must be inserted."""

    documents: list[Document]
    tables: list[tuple[type, list]] = field(default_factory=list)

    # Sent to loader processes by pickle, which cannot name an auto-created through model: send its label.
    def __getstate__(self):
        return {"documents": self.documents, "tables": [(m._meta.label, rows) for m, rows in self.tables]}

    def __setstate__(self, state):
        self.documents = state["documents"]
        self.tables = [(apps.get_model(label), rows) for label, rows in state["tables"]]


def batch_insert(batch: PreparedBatch) -> None:
    """Insert one prepared batch and index its documents, in one transaction on this thread's connection."""
    with transaction.atomic():
        _insert(Document, batch.documents)
        for model, rows in batch.tables:
            _insert(model, rows)
        ids = [document.pk for document in batch.documents]
        search_index_rebuild(documents=Document.objects.filter(pk__in=ids))


def sequences_reset() -> None:
    """Move the id sequences past the explicit ids (PostgreSQL; SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), EXPLICIT_ID_MODELS)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


class CorpusWriter:
    """Keeps what earlier batches created (organizations, initiatives, indicators) and the next ids."""

    def __init__(self):
        self.organizations: dict[str, int] = dict(Organization.objects.values_list("name", "pk"))
        self.initiatives: dict[tuple, int] = {
            (name, region): pk for pk, name, region in Initiative.objects.values_list("pk", "name", "region_id")
        }
        self.indicators: dict[str, int] = dict(Indicator.objects.values_list("name", "pk"))
        self.first_document_id = (Document.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        self.next_ids = {
            model: (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1 for model in (Proposal, Reply, Target)
        }
        self._indicators_ensure()

    def _indicators_ensure(self) -> None:
        specs = material.indicator_specs()
        new = [
            Indicator(name=name, unit=spec.unit, description=spec.description)
            for name, spec in specs.items() if name not in self.indicators
        ]
        for row in _insert(Indicator, new):
            self.indicators[row.name] = row.pk

    def _organizations_ensure(self, plans: list[DocumentPlan]) -> None:
        new: dict[str, Organization] = {}
        for plan in plans:
            if plan.organization and plan.organization[0] not in self.organizations:
                name, short_name, kind, region = plan.organization
                new.setdefault(name, Organization(name=name[:128], short_name=short_name, kind=kind, region_id=region))
        for row in _insert(Organization, list(new.values())):
            self.organizations[row.name] = row.pk

    def _initiatives_ensure(self, needs: Iterable[InitiativeNeed]) -> None:
        """Create missing initiatives, parents in an earlier statement than their children."""
        pending: dict[tuple, InitiativeNeed] = {}
        for need in needs:
            while need is not None and need.key not in self.initiatives:
                pending.setdefault(need.key, need)
                need = need.parent
        while pending:
            ready = [n for n in pending.values() if n.parent is None or n.parent.key in self.initiatives]
            rows = _insert(Initiative, [
                Initiative(
                    name=n.name, region_id=n.region, theme=n.theme, start_year=n.start_year, end_year=n.end_year,
                    description=n.description, parent_id=self.initiatives[n.parent.key] if n.parent else None,
                    status=CurationStatus.PUBLISHED,
                )
                for n in ready
            ])
            for need, row in zip(ready, rows):
                self.initiatives[need.key] = row.pk
                del pending[need.key]

    def _next_id(self, model) -> int:
        pk = self.next_ids[model]
        self.next_ids[model] += 1
        return pk

    def document_id(self, serial: int) -> int:
        return self.first_document_id + serial

    def prepare(self, plans: list[DocumentPlan]) -> PreparedBatch:
        """Shared rows created now (committed); the batch's own rows built, unsaved, with their ids."""
        self._organizations_ensure(plans)
        self._initiatives_ensure(
            need for plan in plans for need in [*plan.initiatives, *(t["initiative"] for t in plan.targets)] if need
        )
        documents, region_links, initiative_links, citations, targets, observations = [], [], [], [], [], []
        proposals, proposers, replies, commitments = [], [], [], []
        for plan in plans:
            document_id = self.document_id(plan.serial)
            organization_id = self.organizations[plan.organization[0]] if plan.organization else None
            documents.append(Document(
                id=document_id, **plan.values, checksum=text_checksum(plan.values["raw_text"]),
                organization_id=organization_id,
            ))
            region_links += [Document.regions.through(document_id=document_id, region_id=code) for code in plan.regions]
            linked = dict.fromkeys(self.initiatives[need.key] for need in plan.initiatives)
            initiative_links += [Initiative.documents.through(initiative_id=pk, document_id=document_id) for pk in linked]
            for citation in plan.citations:
                cited = citation["cited_serial"]
                citations.append(Citation(
                    document_id=document_id, cited_title=citation["cited_title"],
                    cited_doc_number=citation["cited_doc_number"],
                    cited_document_id=self.document_id(cited) if cited is not None else None,
                ))
            own_targets = []
            for target in plan.targets:
                values = dict(target)
                initiative, indicator = values.pop("initiative"), values.pop("indicator")
                own_targets.append(Target(
                    **values, id=self._next_id(Target), indicator_id=self.indicators[indicator],
                    source_document_id=document_id,
                    initiative_id=self.initiatives[initiative.key] if initiative else None,
                ))
            targets += own_targets
            for observation in plan.observations:
                values = dict(observation)
                indicator = values.pop("indicator")
                observations.append(Observation(
                    **values, indicator_id=self.indicators[indicator], source_document_id=document_id,
                ))
            if plan.proposal is not None:
                proposal_id = self._next_id(Proposal)
                values = {k: v for k, v in plan.proposal.items() if k not in ("proposer", "reply")}
                proposals.append(Proposal(id=proposal_id, **values))
                name, role = plan.proposal["proposer"]
                proposers.append(Proposer(proposal_id=proposal_id, name=name, role=role, is_lead=True))
                reply = Reply(
                    **plan.proposal["reply"], id=self._next_id(Reply), proposal_id=proposal_id, document_id=document_id,
                    reply_kind=ReplyKind.FINAL, responding_organization_id=organization_id,
                )
                replies.append(reply)
                for commitment in plan.commitments:
                    values = dict(commitment)
                    target = values.pop("target")
                    commitments.append(Commitment(
                        **values, reply_id=reply.pk, source_document_id=document_id, organization_id=organization_id,
                        target_id=own_targets[target].pk if target is not None else None,
                    ))
        return PreparedBatch(documents, [
            (Document.regions.through, region_links), (Initiative.documents.through, initiative_links),
            (Citation, citations), (Target, targets), (Observation, observations),
            (Proposal, proposals), (Proposer, proposers), (Reply, replies), (Commitment, commitments),
        ])
