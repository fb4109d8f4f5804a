"""Settings that fail closed: strict environment helpers, the client address behind proxies,
no debug page without DEBUG, security headers under the production environment."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from dasar import lingkungan
from dasar.klien import alamat_klien


@pytest.mark.parametrize(
    ("mentah", "hasil"),
    [
        ("1", True),
        ("true", True),
        ("YES", True),
        (" on ", True),
        ("0", False),
        ("False", False),
        ("off", False),
    ],
)
def test_baca_bool_understands_the_usual_spellings(monkeypatch, mentah, hasil):
    monkeypatch.setenv("X_UJI", mentah)
    assert lingkungan.baca_bool("X_UJI", not hasil) is hasil


@pytest.mark.parametrize("mentah", ["ture", "2", "y", "enabled", "1.0"])
def test_baca_bool_refuses_anything_else(monkeypatch, mentah):
    monkeypatch.setenv("X_UJI", mentah)
    with pytest.raises(ImproperlyConfigured, match="X_UJI"):
        lingkungan.baca_bool("X_UJI", False)


def test_unset_or_empty_gives_the_default(monkeypatch):
    monkeypatch.delenv("X_UJI", raising=False)
    assert lingkungan.baca_bool("X_UJI", True) is True
    monkeypatch.setenv("X_UJI", "  ")
    assert lingkungan.baca_int("X_UJI", 7) == 7
    assert lingkungan.baca_daftar("X_UJI", ["a"]) == ["a"]
    assert lingkungan.baca_teks("X_UJI", "b") == "b"


@pytest.mark.parametrize("mentah", ["1y", "3.5", "١٢", "0x10", "", "-"])
def test_baca_int_refuses_what_is_not_a_whole_number(monkeypatch, mentah):
    monkeypatch.setenv("X_UJI", mentah or "--")
    with pytest.raises(ImproperlyConfigured, match="X_UJI"):
        lingkungan.baca_int("X_UJI", 0)


def test_baca_int_bounds(monkeypatch):
    monkeypatch.setenv("X_UJI", "31536000")
    assert lingkungan.baca_int("X_UJI", 0, minimum=0) == 31536000
    monkeypatch.setenv("X_UJI", "-1")
    with pytest.raises(ImproperlyConfigured, match="from 0"):
        lingkungan.baca_int("X_UJI", 0, minimum=0)


def test_baca_daftar_and_pilihan(monkeypatch):
    monkeypatch.setenv("X_UJI", " a.example , b.example")
    assert lingkungan.baca_daftar("X_UJI") == ["a.example", "b.example"]
    monkeypatch.setenv("X_UJI", "a.example,,b.example")
    with pytest.raises(ImproperlyConfigured):
        lingkungan.baca_daftar("X_UJI")
    monkeypatch.setenv("X_UJI", "warning")
    assert lingkungan.baca_pilihan("X_UJI", "INFO", ("INFO", "WARNING")) == "WARNING"
    monkeypatch.setenv("X_UJI", "LOUD")
    with pytest.raises(ImproperlyConfigured, match="one of INFO, WARNING"):
        lingkungan.baca_pilihan("X_UJI", "INFO", ("INFO", "WARNING"))


# --- the client address ------------------------------------------------------------------------


def _permintaan(remote="10.0.0.9", xff=None):
    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.PROXY_TEPERCAYA = 0
    assert alamat_klien(_permintaan("203.0.113.5")) == "203.0.113.5"
    assert alamat_klien(_permintaan("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_one_proxy_takes_the_rightmost_entry_only(settings):
    settings.PROXY_TEPERCAYA = 1
    assert alamat_klien(_permintaan(xff="203.0.113.5")) == "203.0.113.5"
    # the client forged two entries; our proxy appended the real address at the right
    assert alamat_klien(_permintaan(xff="1.1.1.1, 2.2.2.2, 203.0.113.5")) == "203.0.113.5"
    assert alamat_klien(_permintaan(xff=None)) == "10.0.0.9"


def test_two_proxies_take_the_second_entry_from_the_right(settings):
    settings.PROXY_TEPERCAYA = 2
    assert alamat_klien(_permintaan(xff="6.6.6.6, 203.0.113.5, 192.0.2.10")) == "203.0.113.5"
    # fewer entries than proxies: the leftmost, which one of our proxies wrote
    assert alamat_klien(_permintaan(xff="203.0.113.5")) == "203.0.113.5"


def test_garbage_and_ipv6(settings):
    settings.PROXY_TEPERCAYA = 1
    assert alamat_klien(_permintaan(xff="1.1.1.1, <script>")) == "10.0.0.9"
    assert alamat_klien(_permintaan(xff="2001:DB8:0:0::1")) == "2001:db8::1"
    assert alamat_klien(_permintaan(xff=" , ")) == "10.0.0.9"


# --- the settings under an environment, in a fresh process ---------------------------------------
import io  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
KUNCI = "k" * 10 + "0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"  # 50+ varied characters
# The production environment of docs/deploy.md (example values), as `make check-deploy` sets it.
PRODUKSI = {
    "DJANGO_SECRET_KEY": KUNCI,
    "DJANGO_ALLOWED_HOSTS": "kinerja.example.go.id",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://kinerja.example.go.id",
    "DJANGO_PROXY_SSL_HEADER": "X-Forwarded-Proto",
    "SAKIP_PROXY_TEPERCAYA": "1",
    "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1",
    "DJANGO_HSTS_PRELOAD": "1",
}
CETAK = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
    "s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, s.PROXY_TEPERCAYA, s.ALLOWED_HOSTS)"
)


def _jalankan(env, *args):
    """Run with exactly ``env`` (plus PATH and a throw-away database): nothing inherited."""
    bersih = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DATABASE_URL": "sqlite:///:memory:", **env}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=bersih, capture_output=True, text=True, timeout=120
    )


def test_no_environment_at_all_refuses_to_start_and_never_runs_debug():
    r = _jalankan({}, "manage.py", "check")
    assert r.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in r.stderr


def test_debug_is_off_unless_asked_for():
    r = _jalankan({"DJANGO_SECRET_KEY": KUNCI, "DJANGO_SETTINGS_MODULE": "sakip.settings"}, "-c", CETAK)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("False True True True 31536000 None 0 ")  # closed by default
    dev = _jalankan(
        {"DJANGO_SECRET_KEY": "dev", "DJANGO_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "sakip.settings"},
        "-c",
        CETAK,
    )
    assert dev.returncode == 0 and dev.stdout.startswith("True False False False 0 "), dev.stderr


@pytest.mark.parametrize(
    "env",
    [
        {"DJANGO_SECRET_KEY": "short-key"},  # too weak with DEBUG off
        {"DJANGO_SECRET_KEY": KUNCI, "DJANGO_DEBUG": "ture"},
        {"DJANGO_SECRET_KEY": KUNCI, "DJANGO_HSTS_SECONDS": "1y"},
        {"DJANGO_SECRET_KEY": KUNCI, "SAKIP_PROXY_TEPERCAYA": "-1"},
        {"DJANGO_SECRET_KEY": KUNCI, "DJANGO_CSRF_TRUSTED_ORIGINS": "kinerja.example.go.id"},
        {"DJANGO_SECRET_KEY": KUNCI, "DJANGO_EMAIL_HOST_PASSWORD": "rahasia"},  # password without TLS
        {"DJANGO_SECRET_KEY": KUNCI, "SAKIP_LOG_LEVEL": "LOUD"},
        {"DJANGO_SECRET_KEY": KUNCI, "SAKIP_SOFFICE_TIMEOUT": "2m"},
        {"DJANGO_SECRET_KEY": KUNCI, "SAKIP_SOFFICE_TIMEOUT": "0"},
    ],
)
def test_bad_values_stop_the_start(env):
    r = _jalankan({**env, "DJANGO_SETTINGS_MODULE": "sakip.settings"}, "-c", CETAK)
    assert r.returncode != 0 and "ImproperlyConfigured" in r.stderr


def test_production_environment_passes_check_deploy():
    r = _jalankan(PRODUKSI, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert r.returncode == 0, r.stdout + r.stderr
    v = _jalankan({**PRODUKSI, "DJANGO_SETTINGS_MODULE": "sakip.settings"}, "-c", CETAK)
    assert v.stdout.strip() == (
        "False True True True 31536000 ('HTTP_X_FORWARDED_PROTO', 'https') 1 ['kinerja.example.go.id']"
    )


# --- error pages and headers, in this process with DEBUG off -------------------------------------


def _meledak(request):
    raise RuntimeError("rahasia-di-dalam-traceback")


def _biasa(request):
    return HttpResponse("<p>ok</p>")


urlpatterns = [path("meledak/", _meledak), path("biasa/", _biasa)]


@pytest.fixture
def urlconf_uji(settings):
    from sakip import urls

    settings.ROOT_URLCONF = __name__
    urlpatterns[2:] = urls.urlpatterns  # the real pages stay reachable (base.html links to them)
    yield
    del urlpatterns[2:]


@pytest.mark.django_db
def test_404_is_the_indonesian_page_without_the_url_list(client, settings):
    settings.DEBUG = False
    r = client.get("/tidak-ada/sama-sekali/")
    html = r.content.decode()
    assert r.status_code == 404
    assert "Halaman tidak ditemukan" in html
    assert "URLconf" not in html and "unit/&lt;slug:slug&gt;" not in html and "unit/<slug" not in html


@pytest.mark.django_db
def test_500_is_the_indonesian_page_and_the_traceback_goes_to_the_log(client, settings, urlconf_uji):
    settings.DEBUG = False
    client.raise_request_exception = False
    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(type(f).__name__ == "FilterIdPermintaan" for f in h.filters)
    )
    log = io.StringIO()
    lama = handler.setStream(log)
    try:
        r = client.get("/meledak/")
    finally:
        handler.setStream(lama)
    html = r.content.decode()
    assert r.status_code == 500
    assert "Terjadi kesalahan" in html
    assert "rahasia-di-dalam-traceback" not in html and "Traceback" not in html and "DATABASE" not in html
    rid = r["X-Request-ID"]
    teks = log.getvalue()
    assert f"[{rid}]" in teks and "Traceback" in teks and "rahasia-di-dalam-traceback" in teks


@pytest.mark.django_db
def test_403_and_400_pages_are_indonesian(client, settings):
    settings.DEBUG = False
    r = Client_csrf().post("/akun/masuk/", {"username": "x", "password": "y"})
    assert r.status_code == 403 and "Formulir kedaluwarsa" in r.content.decode()
    r = client.get("/sehat/", HTTP_HOST="penyerang.example")
    assert r.status_code == 400 and "Permintaan tidak valid" in r.content.decode()


def Client_csrf():  # noqa: N802
    from django.test import Client

    return Client(enforce_csrf_checks=True)


@pytest.mark.django_db
def test_security_headers_under_the_production_values(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    r = client.get("/akun/masuk/", secure=True)
    assert r.status_code == 200
    assert r["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    csp = r["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "camera=()" in r["Permissions-Policy"] and "geolocation=()" in r["Permissions-Policy"]
    assert re.fullmatch(r"[0-9a-f]{32}", r["X-Request-ID"])
    assert r["X-Content-Type-Options"] == "nosniff" and r["X-Frame-Options"] == "DENY"
    # plain HTTP is redirected, except the health check a local monitor calls
    assert client.get("/akun/masuk/").status_code == 301
    assert client.get("/sehat/").status_code == 200


@pytest.mark.django_db
def test_health_check_answers_without_login(client):
    r = client.get("/sehat/")
    assert r.status_code == 200 and r.content == b"ok\n"
    assert client.post("/sehat/").status_code == 405


# --- no inline script or style (the Content-Security-Policy allows neither) ---------------------
TERLARANG = re.compile(r"""style=|<style|\son[a-z]+\s*=|javascript:|<script(?![^>]*\bsrc=)""", re.I)


def test_no_template_has_inline_script_or_style():
    templat = [
        p
        for p in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in p.parts and "node_modules" not in p.parts
    ]
    assert len(templat) > 20
    temuan = [
        f"{p.relative_to(ROOT)}: {m.group(0)}" for p in templat for m in TERLARANG.finditer(p.read_text())
    ]
    assert temuan == []


def test_rendered_pages_have_no_inline_style_but_the_nonced_one(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pembaca")
    for url, grafik in (
        ("/unit/bantargebang/", True),
        ("/unit/bantargebang/lkip/2024/", True),
        ("/unit/bantargebang/reviu/2024/", False),
        ("/unit/bantargebang/skm/2024/", True),
    ):
        r = c.get(url)
        assert r.status_code == 200, url
        html = r.content.decode()
        nonce = re.search(r"'nonce-([^']+)'", r["Content-Security-Policy"])
        tanpa_nonce = html.replace(f'<style nonce="{nonce.group(1)}">', "") if nonce else html
        assert ("<svg" in html) is grafik, url  # the charts are there, drawn without inline CSS
        assert TERLARANG.findall(tanpa_nonce) == [], url
