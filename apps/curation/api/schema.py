"""OpenAPI details drf-spectacular cannot guess for the read API."""
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.settings import api_settings

FORMAT_DESCRIPTION = (
    "Response format: json (the default) or csv. CSV flattens nested fields into dotted columns, "
    "joins lists with '; ', starts with a UTF-8 byte-order mark, and on a list holds every filtered "
    "row (up to a cap) rather than one page."
)


class ApiAutoSchema(AutoSchema):
    """Describes the ``format`` parameter and the record's path parameter on every operation.

    A viewset's ``parameter_examples`` (``{"list": {"region": "320115"}}``) adds an example value to
    parameters described elsewhere (by its FilterSet), without redescribing them.
    """

    def _get_parameters(self):
        parameters = super()._get_parameters()
        examples = getattr(self.view, "parameter_examples", {}).get(getattr(self.view, "action", None), {})
        for parameter in parameters:
            if parameter["name"] in examples:
                parameter["example"] = examples[parameter["name"]]
        return parameters

    def get_override_parameters(self):
        parameters = [
            *super().get_override_parameters(),
            OpenApiParameter(
                api_settings.URL_FORMAT_OVERRIDE, OpenApiTypes.STR, OpenApiParameter.QUERY,
                enum=["json", "csv"], description=FORMAT_DESCRIPTION,
            ),
        ]
        lookup = getattr(self.view, "lookup_url_kwarg", None) or getattr(self.view, "lookup_field", None)
        if lookup == "pk":
            lookup = "id"  # drf-spectacular names a "pk" path parameter "id" (SCHEMA_COERCE_PATH_PK)
        if lookup and f"{{{lookup}}}" in self.path:
            parameters.append(OpenApiParameter(
                lookup, getattr(self.view, "lookup_schema", OpenApiTypes.INT), OpenApiParameter.PATH,
                description=getattr(self.view, "lookup_description", "The record's id."),
            ))
        return parameters
