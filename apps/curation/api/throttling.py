"""Throttling for anonymous readers."""
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousReaderThrottle(AnonRateThrottle):
    """``AnonRateThrottle`` that reads its rate on every request.

    DRF binds ``THROTTLE_RATES`` when the module is imported, so a rate changed later
    (``override_settings`` in a test, a reloaded configuration) would be ignored.
    """

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
