"""Django settings for the SAKIP platform.

Database: SQLite file ``db.sqlite3`` by default; ``DATABASE_URL`` picks another
(``postgres://postgres@127.0.0.1:5432/sakip`` for PostgreSQL,
``sqlite:////abs/path.sqlite3`` for another SQLite file).
"""

import os
from pathlib import Path

import dj_database_url

from dasar.lingkungan import baca_int

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "organisasi",
    "perencanaan",
    "pengukuran",
    "anggaran",
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sakip.middleware.IndonesiaDulu",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "akun.sesi.SesiAman",  # idle timeout, absolute session age, forced password change (akun/sesi.py)
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
            ],
        },
    },
]

WSGI_APPLICATION = "sakip.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}

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
STATICFILES_DIRS = [BASE_DIR / "static", ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist")]
BUKTI_MAKS_BYTES = 10 * 1024 * 1024  # evidence uploads: at most 10 MB
# Uploaded evidence and photos: outside the web root, served only through permission-checked views.
MEDIA_ROOT = Path(os.environ.get("SAKIP_MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Generated documents (LKIP, PK, LHE) are written here before download.
DOKUMEN_ROOT = Path(os.environ.get("SAKIP_DOKUMEN_ROOT", BASE_DIR / "var" / "dokumen"))

# Reverse proxies in front of gunicorn whose X-Forwarded-For is believed (dasar/klien.py); 0: none.
PROXY_TEPERCAYA = baca_int("SAKIP_PROXY_TEPERCAYA", 0, minimum=0, maksimum=5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Where the demo workbook lives (generated from data/demo/source by `python manage.py build_demo`).
DEMO_WORKBOOK = BASE_DIR / "data" / "demo" / "bantargebang-2024.xlsx"

# Serve static files from the apps' and project's static dirs without collectstatic (whitenoise).
WHITENOISE_USE_FINDERS = True
