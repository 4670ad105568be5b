"""Serializer pieces shared by every app's API."""
from urllib.parse import urlencode

from django.urls import reverse as django_reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

# Descriptions of fields that mean the same on every record.
COMMON_DESCRIPTIONS = {
    "url": "This record in the API.",
    "id": "The record's identifier; stable across edits.",
    "status": "Curation status: draft, reviewed or published. Anonymous readers see published records only.",
    "created_at": "When the record was created.",
    "updated_at": "When the record last changed; pass it back as updated_since to sync incrementally.",
}


class DescribedFieldsMixin:
    """Every field gets an OpenAPI description: ``Meta.descriptions``, a common one, or its label.

    ``Meta.descriptions`` maps field names to text and works for declared fields too,
    where DRF's ``extra_kwargs`` does not.
    """

    def get_fields(self):
        fields = super().get_fields()
        own = getattr(getattr(self, "Meta", None), "descriptions", {})
        for name, field in fields.items():
            text = own.get(name) or field.help_text or COMMON_DESCRIPTIONS.get(name) or field.label
            field.help_text = str(text) if text else name.replace("_", " ").capitalize()
        return fields


class ApiModelSerializer(DescribedFieldsMixin, serializers.HyperlinkedModelSerializer):
    """Records link to each other by URL; the numeric ``id`` is given too, for joins."""


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class LinkField(serializers.Field):
    """A URL built from a record's id alone (``source="document_id"``): no query, ``null`` for no id."""

    def __init__(self, view_name: str, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        self.view_name = view_name

    def to_representation(self, value):
        return reverse(self.view_name, kwargs={"pk": value}, request=self.context.get("request"))


def list_url(request, basename: str, **filters) -> str:
    """The absolute URL of an API list narrowed by filters (``/api/v1/targets/?indicator=3``)."""
    url = f"{django_reverse(f'{basename}-list')}?{urlencode(filters)}"
    return request.build_absolute_uri(url) if request is not None else url
