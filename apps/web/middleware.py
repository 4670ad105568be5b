"""The pages' language: Chinese unless the visitor chose English with the switch; the API's, the request's."""
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from apps.curation.api.errors import is_api_request


class ChosenLanguageMiddleware(LocaleMiddleware):
    """``LocaleMiddleware`` without the browser's ``Accept-Language``.

    The analysts read Chinese and many use browsers set to English; the pages stay in
    Chinese (``LANGUAGE_CODE``) until the switch (``set_language``) stores a choice in
    the language cookie, which is then honoured everywhere, the admin included.

    API clients are programs that say what they read: under /api/ ``Accept-Language`` counts.
    """

    def process_request(self, request):
        if is_api_request(request):
            translation.activate(translation.get_language_from_request(request))
            request.LANGUAGE_CODE = translation.get_language()
            return
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        try:
            language = translation.get_supported_language_variant(chosen) if chosen else settings.LANGUAGE_CODE
        except LookupError:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
