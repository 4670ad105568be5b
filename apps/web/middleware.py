"""The language of a request: the address's for the pages, the cookie's for the admin, the request's for the API."""
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from apps.curation.api.errors import is_api_request

# Paths outside ``i18n_patterns`` (policytracker/urls.py) that follow the visitor's chosen language.
COOKIE_LANGUAGE_PATHS = ("/admin/", "/i18n/")


class ChosenLanguageMiddleware(LocaleMiddleware):
    """``LocaleMiddleware`` without the browser's ``Accept-Language``.

    The analysts read Chinese and many use browsers set to English, so nothing is guessed:

    - the pages say their language in the address: ``/en/…`` is English, any other page
      Chinese (``LANGUAGE_CODE``), whatever cookie or browser the reader has, so a shared
      link shows what its sender saw;
    - the admin has no prefixed addresses: it follows the language a curator chose with its
      switch (``set_language`` stores it in the language cookie);
    - API clients are programs that say what they read: under /api/ ``Accept-Language`` counts.
    """

    def process_request(self, request):
        if is_api_request(request):
            language = translation.get_language_from_request(request)
        elif prefixed := translation.get_language_from_path(request.path_info):
            language = prefixed
        elif request.path_info.startswith(COOKIE_LANGUAGE_PATHS):
            language = _chosen_language(request)
        else:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


def _chosen_language(request) -> str:
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    try:
        return translation.get_supported_language_variant(chosen) if chosen else settings.LANGUAGE_CODE
    except LookupError:
        return settings.LANGUAGE_CODE
