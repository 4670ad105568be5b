"""``?format=`` must name a format the view has: otherwise a 400 naming the parameter."""
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.settings import api_settings


class StrictFormatNegotiation(DefaultContentNegotiation):
    """DRF answers an unknown ``format`` with a 404 and ignores an empty one."""

    def select_renderer(self, request, renderers, format_suffix=None):
        name = api_settings.URL_FORMAT_OVERRIDE
        if not format_suffix and name in request.query_params:
            known = [renderer.format for renderer in renderers]
            if request.query_params[name] not in known:
                raise ValidationError({name: [_("请选择其中之一：%(formats)s。") % {"formats": ", ".join(known)}]})
        return super().select_renderer(request, renderers, format_suffix)
