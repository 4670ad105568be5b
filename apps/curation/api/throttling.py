"""Throttling for anonymous readers, counted in the cache every worker shares."""
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from policytracker.client_address import client_address


class AnonymousReaderThrottle(AnonRateThrottle):
    """``AnonRateThrottle`` that reads its rate on every request and counts per client address.

    DRF binds ``THROTTLE_RATES`` when the module is imported, so a rate changed later
    (``override_settings`` in a test, a reloaded configuration) would be ignored. DRF's own
    address believes ``X-Forwarded-For`` unless ``NUM_PROXIES`` is set; the project's rule
    (``policytracker.client_address``) is the one django-axes uses too.
    """

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_address(request)
