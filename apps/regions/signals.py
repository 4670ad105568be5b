"""Forget the cached regions with records whenever a record that places itself in a region changes."""
from django.db.models.signals import m2m_changed, post_delete, post_save

from apps.regions.selectors import regions_recorded_forget


def _forget(sender, **kwargs) -> None:
    regions_recorded_forget()


def connect() -> None:
    from apps.documents.models import Document
    from apps.initiatives.models import Initiative
    from apps.proposals.models import Proposal
    from apps.targets.models import Observation, Target

    for model in (Document, Proposal, Target, Observation, Initiative):
        post_save.connect(_forget, sender=model, dispatch_uid=f"regions_recorded_{model.__name__}_save")
        post_delete.connect(_forget, sender=model, dispatch_uid=f"regions_recorded_{model.__name__}_delete")
    m2m_changed.connect(_forget, sender=Document.regions.through, dispatch_uid="regions_recorded_document_regions")
