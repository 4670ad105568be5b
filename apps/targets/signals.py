"""Keeping each target's stored evidence true when an observation is saved or deleted (apps.targets.evidence)."""
from apps.targets.evidence import observation_pairs_refresh


def observation_saved(sender, instance, **kwargs):
    current = (instance.indicator_id, instance.region_id)
    # A figure moved to another indicator or region stops being evidence where it was.
    observation_pairs_refresh({getattr(instance, "stored_pair", current), current})
    instance.stored_pair = current


def observation_deleted(sender, instance, **kwargs):
    observation_pairs_refresh({getattr(instance, "stored_pair", (instance.indicator_id, instance.region_id))})
