"""Settings of the embedded demo site: an LMS-shaped XBlock runtime plus both plugin apps, on SQLite.

The plugin apps are found and configured exactly as the LMS does it: edx-django-utils reads the
`lms.djangoapp` entry points (get_plugin_apps) and runs each app's `plugin_settings` (add_plugins).
"""
import os
import secrets
from pathlib import Path

from edx_django_utils.plugins import add_plugins, get_plugin_apps

DEMO_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = DEMO_DIR.parent
# Each pytest-xdist worker keeps its own var folder (uploads, compiled catalogues), as each site keeps its own.
_TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
VAR_DIR = Path(os.environ.get("PUENTES_DEMO_VAR", DEMO_DIR / "var" / _TEST_WORKER))
VAR_DIR.mkdir(parents=True, exist_ok=True)

PROJECT_TYPE = "lms.djangoapp"
SETTINGS_TYPE = os.environ.get("PUENTES_SETTINGS_TYPE", "common")



def _install_secret(path):
    """A secret key made for this install on first start and kept in its var folder (never a fixed one)."""
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("PUENTES_DEMO_SECRET") or _install_secret(VAR_DIR / "secret_key")
DEBUG = os.environ.get("PUENTES_DEMO_DEBUG", "0") == "1"   # tracebacks to the browser only when asked for
X_FRAME_OPTIONS = "DENY"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "submissions",
    "puentes_demo",
] + get_plugin_apps(PROJECT_TYPE)

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "puentes_demo.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "crum.CurrentRequestUserMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "puentes_demo.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
        "django.template.context_processors.i18n",
    ]},
}]


def _database():
    """SQLite by default; MariaDB/MySQL when PUENTES_DB=mysql (tests run both)."""
    if os.environ.get("PUENTES_DB") == "mysql":
        return {
            "ENGINE": "django.db.backends.mysql",
            "NAME": os.environ.get("PUENTES_DB_NAME", "test"),
            "USER": os.environ.get("PUENTES_DB_USER", "root"),
            "PASSWORD": os.environ.get("PUENTES_DB_PASSWORD", ""),
            "HOST": os.environ.get("PUENTES_DB_HOST", "127.0.0.1"),
            "PORT": os.environ.get("PUENTES_DB_PORT", "3306"),
            "OPTIONS": {"charset": "utf8mb4"},
            "TEST": {"NAME": os.environ.get("PUENTES_TEST_DB_NAME", "test_puentes"), "CHARSET": "utf8mb4",
                     "COLLATION": "utf8mb4_unicode_ci"},
        }
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("PUENTES_DEMO_DB", str(VAR_DIR / "demo.sqlite3")),
        # IMMEDIATE: concurrent writers (the server, a Celery worker) wait instead of failing "locked".
        "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es-419", "Español (América Latina)"), ("pt-br", "Português (Brasil)")]
USE_I18N = True
# Where the platform's checkout would be: its i18n service looks for atlas-pulled XBlock catalogues in
# REPO_ROOT/conf/plugins-locale/xblock.v1 and for compiled JS ones in STATICI18N_ROOT (i18n_service.py).
REPO_ROOT = VAR_DIR / "platform"
STATICI18N_ROOT = VAR_DIR / "platform" / "static"
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = str(VAR_DIR / "static")
MEDIA_ROOT = str(VAR_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
EMAIL_BACKEND = os.environ.get("PUENTES_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = "puentes-demo@localhost"

# Celery: eager in the demo unless a broker is named (the hand-off tests start a real worker).
CELERY_BROKER_URL = os.environ.get("PUENTES_CELERY_BROKER", "memory://")
CELERY_TASK_ALWAYS_EAGER = os.environ.get("PUENTES_CELERY_BROKER") is None
CELERY_TASK_EAGER_PROPAGATES = True
# A cache every process shares, as Tutor's Redis cache is (tutor's settings/partials/common_all.py): the hand-off
# benchmark names one so that its producer processes and worker share the "a delivery task is queued" mark.
if os.environ.get("PUENTES_CACHE_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": os.environ["PUENTES_CACHE_URL"]}}

XBLOCK_SETTINGS = {}
# The LMS's own upload limits for handler requests (lms/envs/common.py), enforced by the runtime (limits.py).
STUDENT_FILEUPLOAD_MAX_SIZE = 4 * 1000 * 1000
MAX_FILEUPLOADS_PER_INPUT = 20
# The needs assessment's analysts' page asks the LMS's course roles; the demo's live in CourseRole.
PUENTES_ASSESSMENT_COURSE_STAFF_CHECK = "puentes_demo.roles.is_course_staff"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"puentes": {"handlers": ["console"], "level": "INFO"}},
}

# Every plugin app's settings, the way lms/envs/common.py (and test.py, production.py) add them.
add_plugins(__name__, PROJECT_TYPE, "common")
if SETTINGS_TYPE != "common":
    add_plugins(__name__, PROJECT_TYPE, SETTINGS_TYPE)
