"""Settings shared by every environment. Values that differ come from the environment."""
import datetime
from pathlib import Path

from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from policytracker.env import (
    env_bool, env_cache, env_database, env_database_replicas, env_date, env_int, env_list, env_networks, env_rate,
    env_str, env_tasks,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "policytracker.axes_app.AxesConfig",
    "apps.curation",
    "apps.regions",
    "apps.organizations",
    "apps.documents",
    "apps.proposals",
    "apps.initiatives",
    "apps.targets",
    "apps.commitments",
    "apps.ingest",
    "apps.review",
    "apps.demo",
    "apps.search",
    "apps.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from the application server, compressed and cached for ever
    # once collectstatic has named them by content (production's STORAGES).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware that keeps Chinese unless the visitor picks English (apps/web/middleware.py).
    "apps.web.middleware.ChosenLanguageMiddleware",
    # Too many query parameters: a 400 (JSON under /api/) before anything else reads them.
    "apps.curation.api.errors.QueryLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Writes, the admin and staff read the primary, not a replica (policytracker/replicas.py).
    "policytracker.replicas.PrimaryReadsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out login before a password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "policytracker.urls"
WSGI_APPLICATION = "policytracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Short page queries, planned for them (docs/performance.md): JIT compiled the targets' progress
# count for 45 of its 72 ms, and starting parallel workers made the admin's target page 84 ms
# instead of 17 (100 k documents). work_mem: a common search word's matches are looked up in a
# hash (apps.search.matching.documents_holding); when they do not fit PostgreSQL's default of 4 MB
# the planner scans them once per document instead: 25 s for 480,000 matches at a million documents.
POSTGRESQL_SESSION_OPTIONS = "-c jit=off -c max_parallel_workers_per_gather=0 -c work_mem=64MB"
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A URL's own ?options= wins.
    DATABASES["default"]["OPTIONS"] = {
        "options": POSTGRESQL_SESSION_OPTIONS, **DATABASES["default"].get("OPTIONS", {}),
    }
# Read replicas of the primary (docs/production.md): public reads go to them, writes, the admin,
# staff and anything read right after a write to the primary (policytracker/replicas.py).
DATABASE_REPLICAS = []
for _alias, _replica in env_database_replicas("DATABASE_REPLICA_URLS").items():
    _replica["OPTIONS"] = {"options": POSTGRESQL_SESSION_OPTIONS, **_replica.get("OPTIONS", {})}
    # The test runner gives a replica no database of its own: it reads the primary's test database.
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[_alias] = _replica
    DATABASE_REPLICAS.append(_alias)
DATABASE_ROUTERS = ["policytracker.replicas.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# State every worker process must share: anonymous API clients' request counts and the pages'
# remembered figures (apps/curation/memo.py). Keyed by the database, so two sites served from
# one machine (the load test beside `make serve`) do not mix figures.
CACHES = {
    "default": env_cache(
        "REDIS_URL", directory=str(BASE_DIR / ".cache"), key_prefix=str(DATABASES["default"]["NAME"]),
    ),
}

# Background jobs (the importer's batches, apps/ingest/tasks.py) through Django's Tasks API:
# in the database by default, run by `manage.py import_worker` (django-tasks-db's db_worker);
# on Redis through RQ when REDIS_URL is set, so workers on several machines share one queue.
TASKS, RQ_QUEUES = env_tasks("REDIS_URL")
# django-rq is installed for its worker command only; its English-only dashboard stays out of the admin.
RQ_SHOW_ADMIN_LINK = False

# How many proxies in front of the application append the client's address to X-Forwarded-For
# (docs/production.md). 0: the header is ignored and every per-address rule uses REMOTE_ADDR.
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", default=0, minimum=0)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Where collectstatic writes and WhiteNoise serves from.
STATIC_ROOT = Path(env_str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))

# Content-Security-Policy (django-csp 4) in every environment, so a page that breaks it
# breaks in development and in the tests too. No inline script or style runs without the
# request's nonce ({{ request.csp_nonce }}); nothing loads from another origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        # django-simple-history's history page carries one fixed style attribute
        # (simple_history/object_history_list.html); only that exact text is allowed.
        "style-src-attr": ["'unsafe-hashes'", "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Failed logins (django-axes): after AXES_FAILURE_LIMIT failures for one user name from
# one address, that pair is refused, right password or not, for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# The same address as the API throttle counts, X-Forwarded-For only as far as TRUSTED_PROXIES says.
AXES_CLIENT_IP_CALLABLE = "policytracker.client_address.client_address"

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": ["apps.curation.api.filter_backend.ApiFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # JSON only (CSV where a view adds it): every answer under /api/v1/ is data, errors included.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "apps.curation.api.negotiation.StrictFormatNegotiation",
    "EXCEPTION_HANDLER": "apps.curation.api.errors.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["apps.curation.api.throttling.AnonymousReaderThrottle"],
    # Requests per second/minute/hour/day an anonymous client (by IP) may make, e.g. "120/minute".
    "DEFAULT_THROTTLE_RATES": {"anon": env_rate("API_ANON_RATE", default="120/minute")},
}

SPECTACULAR_SETTINGS = {
    "TITLE": "policytracker API",
    "DESCRIPTION": "Read-only JSON (and CSV with ?format=csv) for Chinese regional education policy: "
                   "regions, organizations, documents, proposals and replies, initiatives, indicators, "
                   "targets and observations. Anonymous readers see published records only.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and ReDoc assets are served from the installed sidecar package, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Error bodies, CSV, anonymous reads and links on every operation (apps/curation/api/schema_hooks.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "apps.curation.api.schema_hooks.policytracker_postprocess",
    ],
    "ENUM_NAME_OVERRIDES": {
        "OrganizationKindEnum": "apps.organizations.models.OrganizationKind",
        "ProposalKindEnum": "apps.proposals.models.ProposalKind",
        "TargetProgressEnum": "apps.targets.models.TargetProgress",
        "CommitmentKindEnum": "apps.commitments.models.CommitmentKind",
        "CommitmentStateEnum": "apps.commitments.models.CommitmentState",
    },
}

# The API's and the list pages' totals are exact up to this many records; past it they say
# "more than" (count_is_estimate in the API) instead of counting every match (apps.curation.paginator).
RESULT_COUNT_CAP = env_int("RESULT_COUNT_CAP", default=10_000, minimum=1)

# Replies are due this many months after a proposal is assigned (交办), unless set.
REPLY_DUE_MONTHS = env_int("REPLY_DUE_MONTHS", default=3)

# The date targets' progress is judged at (achieved, missed, ...); unset means today. Pin it
# to show or test the pages as they stood, or will stand, on a given day.
PROGRESS_TODAY = env_date("PROGRESS_TODAY")

# The importer refuses files larger than this many bytes.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", default=5 * 1024 * 1024)

# An import item a worker has been reading for longer than this is taken for abandoned (the worker
# was killed): the batch page offers to retry it. One page takes well under a second.
IMPORT_ITEM_STALLED_SECONDS = env_int("IMPORT_ITEM_STALLED_SECONDS", default=300, minimum=1)
# Files in one upload to the admin's import page: more are refused with a reason (apps/ingest/uploads.py).
IMPORT_MAX_FILES = env_int("IMPORT_MAX_FILES", default=1000, minimum=1)
# Django refuses a request with more files with a bare 400; one more than the import page takes
# lets that page see the one too many and say so.
DATA_UPLOAD_MAX_NUMBER_FILES = IMPORT_MAX_FILES + 1
# Pages fetched by address (apps/ingest/fetch.py): the whole fetch's time, redirects followed, and
# the private, loopback, link-local or reserved networks that may be fetched from all the same
# (comma-separated, `10.1.0.0/16`; none by default: the worker would reach what only it can reach,
# its own ports, the office network, a cloud's metadata address).
IMPORT_FETCH_TIMEOUT_SECONDS = env_int("IMPORT_FETCH_TIMEOUT_SECONDS", default=20, minimum=1)
IMPORT_FETCH_MAX_REDIRECTS = env_int("IMPORT_FETCH_MAX_REDIRECTS", default=5, minimum=0)
IMPORT_FETCH_ALLOW_PRIVATE_NETWORKS = env_networks("IMPORT_FETCH_ALLOW_PRIVATE_NETWORKS")
# A .zip of pages (apps/ingest/archives.py): its size as uploaded, how many files it may hold and
# how many bytes they may come to once unpacked.
IMPORT_ZIP_MAX_BYTES = env_int("IMPORT_ZIP_MAX_BYTES", default=100 * 1024 * 1024, minimum=1)
IMPORT_ZIP_MAX_FILES = env_int("IMPORT_ZIP_MAX_FILES", default=1000, minimum=1)
IMPORT_ZIP_MAX_UNPACKED_BYTES = env_int("IMPORT_ZIP_MAX_UNPACKED_BYTES", default=500 * 1024 * 1024, minimum=1)
