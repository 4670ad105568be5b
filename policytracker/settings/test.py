"""Settings for the test suite: same database choice as local, fast hashing."""
import os

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key")

from .base import *  # noqa: E402,F401,F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests run without collectstatic: WhiteNoise looks files up per request instead of
# indexing STATIC_ROOT (and warning that it is missing) at start.
WHITENOISE_AUTOREFRESH = True
