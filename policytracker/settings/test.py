"""Settings for the test suite: same database choice as local, fast hashing."""
import atexit
import os
import shutil
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key")

from .base import *  # noqa: E402,F401,F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests run without collectstatic: WhiteNoise looks files up per request instead of
# indexing STATIC_ROOT (and warning that it is missing) at start.
WHITENOISE_AUTOREFRESH = True

if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A test database of this run's own: two suites at once on one server (a second checkout, a
    # run left going) would otherwise drop each other's database or wait on each other's locks.
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_{os.getpid()}"}

if not os.environ.get("REDIS_URL"):
    # A cache folder of this test run's own: two runs at once (and `make run`) share no counts or figures.
    CACHES["default"]["LOCATION"] = tempfile.mkdtemp(prefix="policytracker-test-cache-")
    atexit.register(shutil.rmtree, CACHES["default"]["LOCATION"], ignore_errors=True)
