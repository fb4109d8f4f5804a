"""Settings for the test suite (pytest.ini points here): the project settings plus what only tests want.

The project keeps two settings modules, not HackSoft's three (base / production / test):
``sakip/settings.py`` is both the base and the production layer, because production differs from
development only by its environment (``DJANGO_DEBUG``, ``DJANGO_SECRET_KEY``, hosts, TLS, SMTP …,
all read by strict helpers and listed in docs/deploy.md). A separate production module would either
repeat those reads or become a second place where a production value can hide; with one module,
``make check-deploy`` checks exactly what gunicorn loads. Tests are the one real layer on top.
"""

import os

# Tests never run with DEBUG on (pytest-django forces DEBUG off) and need no real secret: a fixed,
# test-only key, set before the project settings read it (they refuse to start without one).
os.environ.setdefault(
    "DJANGO_SECRET_KEY", "tests-only-key-never-deployed-0123456789-abcdefghijklmnopqrstuvwxyz"
)

from sakip.settings import *  # noqa: E402, F403
from sakip.settings import PASSWORD_HASHERS as PRODUCTION_PASSWORD_HASHERS  # noqa: E402

# The test client and live_server speak plain HTTP: no redirect to HTTPS, cookies sent over HTTP.
# (The production values are tested in tests/test_keamanan_pengaturan.py, in a subprocess.)
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0

# argon2 is deliberately slow (about 0.1 s of CPU per hash): tests hash with MD5 first. The one test
# that checks argon2 puts PRODUCTION_PASSWORD_HASHERS back with the ``settings`` fixture.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PRODUCTION_PASSWORD_HASHERS]

# The confined admin of admin_pemda (SAKIP_ADMIN_PEMDA, an opt-in kept for installations in
# transition) is what most admin tests exercise; the
# default (superusers only) is tested with the ``settings`` fixture in tests/test_admin_hanya_superuser.py.
SAKIP_ADMIN_PEMDA = True

# Tests run task workers inside the pytest process (tests/tugas_bantu.py): lowering its priority
# would slow the test run against the browsers it starts. tests/test_pekerja_prioritas.py checks it.
PEKERJA_PRIORITAS = "normal"
