"""Django settings for the SAKIP platform: development and production alike, told apart only by
the environment (every variable is listed in docs/deploy.md); tests add sakip/settings_test.py.

They fail closed: DEBUG is off unless ``DJANGO_DEBUG=1``; without a real ``DJANGO_SECRET_KEY``
the process refuses to start (``make run`` sets a development key with DEBUG on); with DEBUG off
cookies are secure, HTTP redirects to HTTPS and HSTS is sent unless the environment turns them
off. Values are read by the strict helpers of dasar/lingkungan.py, which refuse what they do not
understand.

Database: SQLite file ``db.sqlite3`` by default; ``DATABASE_URL`` picks another
(``postgres://postgres@127.0.0.1:5432/sakip`` for PostgreSQL,
``sqlite:////abs/path.sqlite3`` for another SQLite file).
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured

from dasar.lingkungan import baca_bool, baca_daftar, baca_int, baca_pilihan, baca_teks

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = baca_bool("DJANGO_DEBUG", False)
SECRET_KEY = baca_teks("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. Production: a random value of at least 50 characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))'); development: make run sets one."
    )
if not DEBUG and (
    len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure")
):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY is too weak for DEBUG off: at least 50 varied characters.")
ALLOWED_HOSTS = baca_daftar("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = baca_daftar("DJANGO_CSRF_TRUSTED_ORIGINS")
for _asal in CSRF_TRUSTED_ORIGINS:
    if not _asal.startswith(("https://", "http://")):
        raise ImproperlyConfigured(f"DJANGO_CSRF_TRUSTED_ORIGINS: {_asal!r} must start with https://")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "organisasi",
    "perencanaan",
    "rpjmd",
    "pengukuran",
    "anggaran",
    "pohon",
    "skm",
    "evaluasi",
    "zona",
    "workbook",
    "akun",
    "laporan",
    "dasbor",
    "audit",
    "cadangan",
    "tembolok",
    "tugas",
    "jadwal",
    "pengingat",
    "konsol",
    "portal",
    "api",
    "ninja",  # django-ninja: its Swagger UI page from its own static files, never a CDN (docs/api.md)
    "django_tasks",  # the Tasks API backport (Django 6 has it as django.tasks: then drop this line)
    "django_tasks_db",  # the database backend's table and `manage.py db_worker`
]

MIDDLEWARE = [
    "sakip.middleware.IdPermintaan",
    "dasar.replika.BacaReplika",  # the portal's and the API's reads from the replica, when there is one
    "django.middleware.security.SecurityMiddleware",
    "sakip.middleware.KebijakanIzinBrowser",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sakip.middleware.IndonesiaDulu",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the second factor (akun/sesi.py)
    "django.contrib.messages.middleware.MessageMiddleware",
    "akun.sesi.SesiAman",  # idle timeout, session age, second factor, forced password change
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "sakip.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "sakip.kerangka.kerangka",
            ],
        },
    },
]

WSGI_APPLICATION = "sakip.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=baca_int("DB_CONN_MAX_AGE", 0, minimum=0),
    )
}
# A read replica (dasar/replika.py, docs/architecture.md "Growing past one machine"): the portal's and
# the API's GET requests read from it; every write, and every other page, uses the primary.
if baca_teks("DATABASE_REPLICA_URL"):
    DATABASES["replika"] = dj_database_url.parse(
        baca_teks("DATABASE_REPLICA_URL"), conn_max_age=baca_int("DB_CONN_MAX_AGE", 0, minimum=0)
    )
DATABASE_ROUTERS = ["dasar.replika.RuteReplika"]
SAKIP_REPLIKA_AWALAN = ("/publik/", "/api/")

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

LOGIN_URL = "akun:masuk"
LOGIN_REDIRECT_URL = "dasbor:beranda"
# Sessions (akun/sesi.py): logged out after this many seconds without a request, and after
# SAKIP_SESI_MAKS seconds from login whatever happens (also the cookie's age).
SAKIP_SESI_DIAM = baca_int("SAKIP_SESI_DIAM", 30 * 60, minimum=60, maksimum=24 * 3600)
SAKIP_SESI_MAKS = baca_int("SAKIP_SESI_MAKS", 12 * 3600, minimum=300, maksimum=30 * 24 * 3600)
SESSION_COOKIE_AGE = SAKIP_SESI_MAKS
OTP_TOTP_ISSUER = "SAKIP"  # the name authenticator apps show for the account
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # the admin never shows an authenticator's key or QR code
# A password-reset link in an e-mail works this many seconds (and only once).
PASSWORD_RESET_TIMEOUT = baca_int("SAKIP_RESET_SANDI_DETIK", 3600, minimum=300, maksimum=3 * 24 * 3600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    # the app shell's CSS framework (docs/antarmuka.md): its compiled CSS and JS bundle only
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
]
BUKTI_MAKS_BYTES = 10 * 1024 * 1024  # evidence uploads: at most 10 MB
# Request bodies (docs/deploy.md also limits them at the reverse proxy): a multipart body above
# UNGGAH_MAKS_BYTES is refused (400) from its Content-Length before it is read (dasar/unggahan.py);
# form fields without files at most 2.5 MB; uploaded files above 2.5 MB go to a temporary file.
UNGGAH_MAKS_BYTES = BUKTI_MAKS_BYTES + 1024 * 1024  # the largest file allowed, plus the form around it
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_HANDLERS = [
    "dasar.unggahan.BatasUkuranUnggahan",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Uploaded evidence and photos: outside the web root, served only through permission-checked views.
MEDIA_ROOT = Path(baca_teks("SAKIP_MEDIA_ROOT") or BASE_DIR / "var" / "media")
# Where uploaded files are kept (the FileFields: evidence, zone photos, logos): local files under
# MEDIA_ROOT by default; on S3-compatible object storage (AWS S3, MinIO, Ceph …) when SAKIP_S3_BUCKET
# is set, through django-storages — private objects, served only through the permission-checked
# views as before (docs/architecture.md "Growing past one machine", docs/deploy.md).
S3_BUCKET = baca_teks("SAKIP_S3_BUCKET")
# Generated documents (issued LKIP versions, job results, reviewed uploads): local files here by
# default, the "dokumen" storage below (dasar/dokumen.py is the only code that reads or writes them).
DOKUMEN_ROOT = Path(baca_teks("SAKIP_DOKUMEN_ROOT") or BASE_DIR / "var" / "dokumen")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "dokumen": {"BACKEND": "dasar.dokumen.PenyimpananLokal"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if S3_BUCKET:

    def _s3(prefix: str) -> dict:
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": S3_BUCKET,
                "endpoint_url": baca_teks("SAKIP_S3_ENDPOINT") or None,
                "region_name": baca_teks("SAKIP_S3_REGION") or None,
                "access_key": baca_teks("SAKIP_S3_ACCESS_KEY") or None,
                "secret_key": baca_teks("SAKIP_S3_SECRET_KEY") or None,
                "location": prefix,
                "default_acl": "private",
                "querystring_auth": True,  # never a public URL: files go out through our views only
                "file_overwrite": False,  # two files with the same name never replace each other
            },
        }

    STORAGES["default"] = _s3(baca_teks("SAKIP_S3_PREFIX", "media"))
    STORAGES["dokumen"] = _s3(baca_teks("SAKIP_S3_PREFIX_DOKUMEN", "dokumen"))
# PDFs (laporan/keluaran.py): the Python that has LibreOffice's ``uno`` module, and the seconds one
# DOCX -> PDF conversion may take (keep gunicorn's --timeout above it, docs/deploy.md).
SAKIP_UNO_PYTHON = baca_teks("SAKIP_UNO_PYTHON", "/usr/bin/python3")
SAKIP_SOFFICE_TIMEOUT = baca_int("SAKIP_SOFFICE_TIMEOUT", 120, minimum=1, maksimum=3600)

# --- the task queue (Django's Tasks API; docs/deploy.md, "Antrian tugas") -----------------------
# SAKIP_ANTRIAN=db (default): jobs wait in this database and `manage.py db_worker` runs them (make
# run starts one); rq: jobs go to Redis at SAKIP_REDIS_URL and `manage.py rqworker --job-class
# django_tasks_rq.Job default` runs them, on any number of machines; langsung: run inside the
# request that enqueues them (only for a shell or a test that wants no worker).
ANTRIAN = baca_pilihan("SAKIP_ANTRIAN", "db", ("db", "rq", "langsung"))
REDIS_URL = baca_teks("SAKIP_REDIS_URL", "redis://127.0.0.1:6379/0")
if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(f"SAKIP_REDIS_URL={REDIS_URL!r}: expected redis://host:port/db")
if ANTRIAN == "rq":
    INSTALLED_APPS.append("django_rq")  # `manage.py rqworker`
RQ_SHOW_ADMIN_LINK = False  # its admin dashboard would bring URLs outside akun/izin.py
TASKS = {
    "default": {
        "db": {"BACKEND": "django_tasks_db.DatabaseBackend"},
        "rq": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]},
        "langsung": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }[ANTRIAN]
}
# How a worker of the task queue runs its tasks: latar (default) puts it in the background as its
# first task starts (SCHED_IDLE, niceness 19: documents and imports take only the CPU the web pages
# leave; dasar/prioritas.py), normal leaves its priority alone (a machine that runs only workers).
PEKERJA_PRIORITAS = baca_pilihan("SAKIP_PEKERJA_PRIORITAS", "latar", ("latar", "normal"))
# A job may take this many seconds from its request: RQ kills one running longer, and a job still
# waiting or running after that long (its worker died, no worker runs) is given up, so the next
# same request starts a new one (tugas.services.minta).
TUGAS_BATAS_DETIK = baca_int("SAKIP_TUGAS_BATAS_DETIK", 1800, minimum=60, maksimum=24 * 3600)
# RQ's own settings (django-rq): one queue.
RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": TUGAS_BATAS_DETIK}}
# Finished jobs (their generated files and rows) are kept this many hours, then
# `manage.py hapus_tugas_lama` (or the task tugas.tugas.bersihkan) deletes them.
TUGAS_SIMPAN_JAM = baca_int("SAKIP_TUGAS_SIMPAN_JAM", 72, minimum=1, maksimum=90 * 24)
# A running job records its worker (host:pid) and a heartbeat at each progress report; a job whose
# worker process is gone (same machine) or silent for TUGAS_SENYAP_DETIK seconds (any machine: keep
# it above SAKIP_SOFFICE_TIMEOUT, the longest silent step) is started again by `manage.py
# ulangi_tugas` (cron, every minute) or by the next same request, at most TUGAS_MAKS_PERCOBAAN
# times in all (tugas.services.ulangi_terhenti).
TUGAS_SENYAP_DETIK = baca_int("SAKIP_TUGAS_SENYAP_DETIK", 600, minimum=30, maksimum=24 * 3600)
TUGAS_MAKS_PERCOBAAN = baca_int("SAKIP_TUGAS_MAKS_PERCOBAAN", 3, minimum=1, maksimum=10)

# --- reminders (pengingat, docs/deploy.md "Pengingat") ---------------------------------------------
# The address the reminder e-mails link to (no request to take it from: the daily job runs alone),
# e.g. https://sakip.bekasikota.go.id; empty: `kirim_pengingat` records the reminders in the app
# and sends no e-mail (it says so).
SAKIP_URL_DASAR = baca_teks("SAKIP_URL_DASAR", "http://127.0.0.1:8000" if DEBUG else "").rstrip("/")
if SAKIP_URL_DASAR and not SAKIP_URL_DASAR.startswith(("https://", "http://")):
    raise ImproperlyConfigured(f"SAKIP_URL_DASAR={SAKIP_URL_DASAR!r}: expected https://host")
# Submitted realisasi waiting this many days for verification reminds the unit's pimpinan.
PENGINGAT_VERIFIKASI_HARI = baca_int("SAKIP_PENGINGAT_VERIFIKASI_HARI", 3, minimum=1, maksimum=60)
# Events older than this many days (a return, a submitted or final LKE, an overdue follow-up) are
# not reminded of any more: a first run on an old database does not send its whole history.
PENGINGAT_BATAS_LAMA_HARI = baca_int("SAKIP_PENGINGAT_BATAS_LAMA_HARI", 30, minimum=1, maksimum=365)
# Reminders before a date: days before a window closes (H-7, H-1), and before a follow-up is due.
PENGINGAT_HARI_SEBELUM = (7, 1)

# --- behind the reverse proxy (docs/deploy.md) -----------------------------------------------------
# Reverse proxies in front of gunicorn whose X-Forwarded-For is believed (dasar/klien.py); 0: none.
PROXY_TEPERCAYA = baca_int("SAKIP_PROXY_TEPERCAYA", 0, minimum=0, maksimum=5)
# The Django admin is for superusers; admin_pemda uses the pemda console (konsol/). SAKIP_ADMIN_PEMDA=1
# still lets admin_pemda users (with the staff flag) into an admin confined to their own pemda
# (akun/izin.py): an opt-in for an installation in transition only; off by default.
SAKIP_ADMIN_PEMDA = baca_bool("SAKIP_ADMIN_PEMDA", False)
# The header the proxy sets to "https" on TLS requests, e.g. X-Forwarded-Proto; unset: none trusted.
_HEADER_SSL = baca_teks("DJANGO_PROXY_SSL_HEADER")
if _HEADER_SSL and not _HEADER_SSL.replace("-", "").isalnum():
    raise ImproperlyConfigured(
        f"DJANGO_PROXY_SSL_HEADER={_HEADER_SSL!r}: expected a header name such as X-Forwarded-Proto"
    )
SECURE_PROXY_SSL_HEADER = ("HTTP_" + _HEADER_SSL.upper().replace("-", "_"), "https") if _HEADER_SSL else None
SECURE_SSL_REDIRECT = baca_bool("DJANGO_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^sehat/$"]  # a local health checker speaks plain HTTP to gunicorn
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = baca_bool("DJANGO_SECURE_COOKIES", not DEBUG)
SECURE_HSTS_SECONDS = baca_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = baca_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = baca_bool("DJANGO_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): scripts and styles only from our own static files; no inline
# script, style element or style attribute anywhere (tests/test_keamanan_pengaturan.py checks the
# templates and pages). The one <style> element, the LKIP preview's, carries the request's nonce;
# charts are SVG with presentation attributes (dasar.grafik.tanpa_gaya_sebaris); htmx is told not
# to add its indicator <style> and never to eval (templates/base.html, htmx-config).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", NONCE],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Permissions-Policy (sakip/middleware.py): the pages use none of these browser features.
KEBIJAKAN_IZIN_BROWSER = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=()"
)

# --- e-mail (password reset and notices) --------------------------------------------------------
EMAIL_HOST = baca_teks("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = baca_int("DJANGO_EMAIL_PORT", 25, minimum=1, maksimum=65535)
EMAIL_HOST_USER = baca_teks("DJANGO_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = baca_teks("DJANGO_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = baca_bool("DJANGO_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = baca_bool("DJANGO_EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("DJANGO_EMAIL_USE_TLS and DJANGO_EMAIL_USE_SSL: set at most one")
if EMAIL_HOST_PASSWORD and not (EMAIL_USE_TLS or EMAIL_USE_SSL):
    raise ImproperlyConfigured(
        "DJANGO_EMAIL_HOST_PASSWORD without DJANGO_EMAIL_USE_TLS or _SSL: it would go in clear"
    )
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = SERVER_EMAIL = baca_teks("DJANGO_DEFAULT_FROM_EMAIL", "sakip@localhost")

# --- logging: everything to stderr (gunicorn passes it to the journal), with the request id ------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"id_permintaan": {"()": "sakip.middleware.FilterIdPermintaan"}},
    "formatters": {
        "baris": {"format": "%(asctime)s %(levelname)s %(name)s [%(id_permintaan)s] %(message)s"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["id_permintaan"],
            "formatter": "baris",
        },
    },
    # Django's own "django" logger would print a second copy with DEBUG on: it only propagates here.
    # matplotlib says INFO about every categorical axis: only its warnings.
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "matplotlib": {"level": "WARNING"},
    },
    "root": {
        "handlers": ["stderr"],
        "level": baca_pilihan("SAKIP_LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")),
    },
}

# Survey respondents' personal data (jenis kelamin, umur, pendidikan, pekerjaan, saran, the client
# hash) is kept this many months, then `manage.py hapus_data_pribadi` blanks it (docs/skm.md).
SKM_RETENSI_BULAN = baca_int("SAKIP_SKM_RETENSI_BULAN", 24, minimum=1, maksimum=120)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Where the demo workbook lives (generated from data/demo/source by `python manage.py build_demo`).
DEMO_WORKBOOK = BASE_DIR / "data" / "demo" / "bantargebang-2024.xlsx"
# The demo's illustrative additions loaded after it by `load_demo` (from data/demo/pk_jabatan: the
# Sekretaris Kecamatan's own PK; kept apart so the seed's workbook holds the seed only)
DEMO_WORKBOOK_PK_JABATAN = BASE_DIR / "data" / "demo" / "bantargebang-2024-pk-jabatan.xlsx"

# Serve static files from the apps' and project's static dirs without collectstatic (whitenoise).
WHITENOISE_USE_FINDERS = True
