"""Writes that span indicators, targets and observations, shared by the admin and commands."""
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from apps.targets.catalogue import alias_split
from apps.targets.evidence import target_evidence_refresh
from apps.targets.models import Indicator, Observation, Target

# history_change_reason is a CharField(max_length=100).
CHANGE_REASON_LENGTH = 100


class IndicatorMergeError(ValueError):
    """A merge that would lose or loop: the message says why, in the curator's language."""


@dataclass(frozen=True)
class MergeResult:
    kept: Indicator
    merged_names: list[str]
    targets_moved: int
    observations_moved: int


def _moved(model, indicators: list[Indicator], kept: Indicator, *, user, reason: str) -> int:
    records = list(model.objects.select_for_update().filter(indicator__in=indicators).order_by("pk"))
    now = timezone.now()
    for record in records:
        record.indicator = kept
        record.updated_at = now  # bulk updates skip auto_now; the edit lock reads it
    bulk_update_with_history(
        records, model, ["indicator", "updated_at"], batch_size=500, default_user=user, default_change_reason=reason
    )
    return len(records)


@transaction.atomic
def indicators_merge(*, kept: Indicator, merged: Iterable[Indicator], user) -> MergeResult:
    """Merge ``merged`` into ``kept``: move their targets and observations, keep their names
    and aliases as aliases of ``kept``, delete them. All or nothing, with a history record
    naming ``user`` for every moved target and observation and for each indicator.

    Refuses to merge an indicator into itself and to merge away a catalogue indicator (one
    with a code): the next catalogue load would bring it back, empty.
    """
    merged = list(Indicator.objects.select_for_update().filter(pk__in=[i.pk for i in merged]).order_by("pk"))
    kept = Indicator.objects.select_for_update().get(pk=kept.pk)
    if not merged:
        raise IndicatorMergeError(_("请至少选择一个要合并的指标。"))
    if any(indicator.pk == kept.pk for indicator in merged):
        raise IndicatorMergeError(_("不能把指标“%(name)s”合并到它自己。") % {"name": kept.name})
    catalogue_rows = [indicator.name for indicator in merged if indicator.code]
    if catalogue_rows:
        raise IndicatorMergeError(
            _("指标目录中的指标不能被合并掉：%(names)s。") % {"names": "、".join(catalogue_rows)}
        )
    reason = (_("并入指标“%(name)s”") % {"name": kept.name})[:CHANGE_REASON_LENGTH]
    targets_moved = _moved(Target, merged, kept, user=user, reason=reason)
    observations_moved = _moved(Observation, merged, kept, user=user, reason=reason)
    # The bulk updates skip save() and its signals: the moved figures may now meet (or miss) kept's targets.
    target_evidence_refresh(Target.objects.filter(indicator=kept))

    spellings = [*alias_split(kept.aliases)]
    for indicator in merged:
        spellings += [indicator.name, *alias_split(indicator.aliases)]
    kept.aliases = "\n".join(spelling for spelling in dict.fromkeys(spellings) if spelling != kept.name)
    kept._history_user = user
    kept._change_reason = (_("合并了：%(names)s") % {"names": "、".join(i.name for i in merged)})[
        :CHANGE_REASON_LENGTH
    ]
    kept.save()
    for indicator in merged:
        indicator._history_user = user
        indicator._change_reason = reason
        indicator.delete()
    return MergeResult(
        kept=kept,
        merged_names=[indicator.name for indicator in merged],
        targets_moved=targets_moved,
        observations_moved=observations_moved,
    )
