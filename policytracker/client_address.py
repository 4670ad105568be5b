"""Which address a request comes from, for every per-address rule (API throttling, login limits).

``REMOTE_ADDR`` is the peer that opened the connection. ``X-Forwarded-For`` is written by
whoever sends the request, so it is believed only as far as the deployment declares proxies
in front of it (``TRUSTED_PROXIES``): each trusted proxy appends the address it saw, so with
N proxies the N-th entry from the right is the one the outermost proxy received the request
from, and anything left of it may be made up by the client.
"""
from django.conf import settings


def client_address(request) -> str:
    """The address to count this request against (``AXES_CLIENT_IP_CALLABLE`` and the API throttle)."""
    peer = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies == 0 or not forwarded:
        return peer
    # Fewer entries than proxies: the request skipped the outer ones; the leftmost is the furthest seen.
    return forwarded[-min(proxies, len(forwarded))]
