"""Every answer under /api/v1/ is JSON in the request's language, errors included.

DRF answers the errors its views raise; what happens before a view runs (an address no view
has, a query string with too many parameters) is answered here.
"""
from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from rest_framework import exceptions
from rest_framework.authentication import BasicAuthentication
from rest_framework.views import exception_handler

API_PATH = "/api/"
# As DRF writes JSON: Chinese as it is, not as \u escapes.
UNESCAPED = {"ensure_ascii": False, "separators": (",", ":")}


def is_api_request(request) -> bool:
    return request.path_info.startswith(API_PATH)


def api_exception_handler(exc, context):
    """DRF's handler, with two answers put right.

    A missing record is "未找到。" ("Not found.") in the request's language, not Django's
    English "No Document matches the given query."; and wrong HTTP Basic credentials are a
    401 that says how to authenticate, where DRF, whose first authenticator (the session)
    has no such header, turns them into a 403.
    """
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    request = context.get("request")
    if isinstance(exc, exceptions.AuthenticationFailed) and request is not None and "HTTP_AUTHORIZATION" in request.META:
        exc.status_code = 401
        exc.auth_header = BasicAuthentication().authenticate_header(request)
    return exception_handler(exc, context)


def api_not_found(request, *args, **kwargs):
    """Any address under /api/v1/ that names no list, record, schema or docs page."""
    return JsonResponse({"detail": str(exceptions.NotFound.default_detail)}, status=404, json_dumps_params=UNESCAPED)


class QueryLimitMiddleware:
    """A query string with more parameters than ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` is a 400.

    Django raises as soon as anything reads ``request.GET``; left to Django the answer is an
    HTML page, and with DEBUG on the debug page reads the parameters again and fails with a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.GET  # noqa: B018 (parsed here, where the failure can still be answered)
        except TooManyFieldsSent as exc:
            if is_api_request(request):
                message = _("查询参数太多：最多 %(limit)d 个。") % {"limit": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS}
                return JsonResponse({"detail": message}, status=400, json_dumps_params=UNESCAPED)
            return defaults.bad_request(request, exc)
        return self.get_response(request)
