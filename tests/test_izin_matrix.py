"""Authorisation matrix: every URL of the URLconf × every role × own unit vs another unit.

A user of another kecamatan gets 404 for Bantargebang's pages; anonymous users are sent
to the login page. New URLs must be added to CASES (the test fails on an unlisted URL).
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from akun.models import Peran
from tests.factories import InstansiFactory

pytestmark = pytest.mark.django_db
PASSWORD = "demo-sakip-2024"


def all_routes(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            yield from all_routes(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.name


from tests import (  # noqa: E402
    izin_akun,
    izin_anggaran,
    izin_api,
    izin_evaluasi,
    izin_jadwal,
    izin_konsol,
    izin_kotak,
    izin_laporan,
    izin_panduan,
    izin_perencanaan,
    izin_pk_jabatan,
    izin_pohon,
    izin_portal,
    izin_realisasi,
    izin_renaksi,
    izin_rpjmd,
    izin_skm,
    izin_tugas,
    izin_unit,
    izin_workbook,
)
from tests.izin_common import EDIT, POST_ISI, PUBLIK, UNIT  # noqa: F401,E402

BASE_CASES = {
    "sehat/": ("/sehat/", PUBLIK),  # the health check: no login
    "": ("/", {**UNIT, "other": 200}),
    "unit/<slug:slug>/": ("/unit/bantargebang/", UNIT),
    "unit/<slug:slug>/realisasi/<tahun:tahun>/<str:periode>/": (
        "/unit/bantargebang/realisasi/2025/TW4/",
        UNIT,
    ),
    "unit/<slug:slug>/realisasi/<tahun:tahun>/<str:periode>/<str:kode>/pratinjau/": (
        "/unit/bantargebang/realisasi/2025/TW4/IKU9/pratinjau/?nilai=5",
        UNIT,
    ),
    # POST-only views answer GET with 405 once the user may see the unit
    "unit/<slug:slug>/realisasi/<tahun:tahun>/<str:periode>/status/": (
        "/unit/bantargebang/realisasi/2025/TW4/status/",
        {**UNIT, **{r: 405 for r in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")}},
    ),
    "unit/<slug:slug>/bukti/<int:pk>/": (
        "/unit/bantargebang/bukti/999/",
        {**UNIT, **{r: 404 for r in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")}},
    ),
    "unit/<slug:slug>/renstra/": ("/unit/bantargebang/renstra/", UNIT),
    "unit/<slug:slug>/iku/": ("/unit/bantargebang/iku/", UNIT),
    "unit/<slug:slug>/pk/<tahun:tahun>/": ("/unit/bantargebang/pk/2024/", UNIT),
    # the operator's page to make a PK or a PK Perubahan (choosing its source); its POST makes it
    "unit/<slug:slug>/pk/<tahun:tahun>/buat/": ("/unit/bantargebang/pk/2024/buat/", EDIT),
    "unit/<slug:slug>/pk/<tahun:tahun>/penandatangan/": (
        "/unit/bantargebang/pk/2024/penandatangan/",
        POST_ISI,
    ),
    "unit/<slug:slug>/pk/<tahun:tahun>/target/<int:row_id>/": (
        "/unit/bantargebang/pk/2024/target/1/",
        POST_ISI,
    ),
    # the pimpinan's confirmation page (what will be frozen, or what is missing); its POST signs
    "unit/<slug:slug>/pk/<tahun:tahun>/<int:versi>/tandatangani/": (
        "/unit/bantargebang/pk/2024/1/tandatangani/",
        {**POST_ISI, "operator": 403, "pimpinan": 200},
    ),
    "unit/<slug:slug>/pk/<tahun:tahun>/<int:versi>/dokumen/": ("/unit/bantargebang/pk/2024/1/dokumen/", UNIT),
    "unit/<slug:slug>/anggaran/<tahun:tahun>/": ("/unit/bantargebang/anggaran/2024/", UNIT),
    "unit/<slug:slug>/anggaran/<tahun:tahun>/realisasi/<str:periode>/": (
        "/unit/bantargebang/anggaran/2024/realisasi/TW1/",
        UNIT,
    ),
    "unit/<slug:slug>/anggaran/<tahun:tahun>/realisasi/<str:periode>/simpan/": (
        "/unit/bantargebang/anggaran/2024/realisasi/TW1/simpan/",
        POST_ISI,
    ),
    "unit/<slug:slug>/zona/": ("/unit/bantargebang/zona/", UNIT),
    "unit/<slug:slug>/zona/foto/<int:pk>/": (
        "/unit/bantargebang/zona/foto/1/",
        {**UNIT, **{r: 404 for r in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")}},
    ),
    "unit/<slug:slug>/zona/nilai/": ("/unit/bantargebang/zona/nilai/", POST_ISI),
    "audit/": (
        "/audit/",
        {
            "operator": 404,
            "pimpinan": 404,
            "evaluator": 404,
            "adminpemda": 200,
            "pembaca": 404,
            "other": 404,
            "anon": 302,
        },
    ),
    # SKM: the public questionnaire, poster and results need no login; staff results like other unit pages
    "s/<slug:slug>/": ("/s/bantargebang/", PUBLIK),
    "s/<slug:slug>/<slug:layanan>/": ("/s/bantargebang/L1/", PUBLIK),
    "s/<slug:slug>/terima-kasih/": ("/s/bantargebang/terima-kasih/", PUBLIK),
    "s/<slug:slug>/poster/": ("/s/bantargebang/poster/", PUBLIK),
    "publik/<slug:slug>/skm/<tahun:tahun>/": ("/publik/bantargebang/skm/2024/", PUBLIK),
    "unit/<slug:slug>/skm/<tahun:tahun>/": ("/unit/bantargebang/skm/2024/", UNIT),
    # respondents' personal data: the unit's operator and pimpinan only
    "unit/<slug:slug>/skm/<tahun:tahun>/responden.xlsx": (
        "/unit/bantargebang/skm/2024/responden.xlsx",
        {**UNIT, "evaluator": 403, "adminpemda": 403, "pembaca": 403},
    ),
    "pemda/<slug:kode>/": (
        "/pemda/kota-bekasi/",
        {
            "operator": 404,
            "pimpinan": 404,
            "evaluator": 200,
            "adminpemda": 200,
            "pembaca": 404,
            "other": 404,
            "anon": 302,
        },
    ),
}
CASES = {
    **BASE_CASES,
    **izin_laporan.CASES,
    **izin_evaluasi.CASES,
    **izin_skm.CASES,
    **izin_akun.CASES,
    **izin_unit.CASES,
    **izin_tugas.CASES,
    **izin_realisasi.CASES,
    **izin_jadwal.CASES,
    **izin_kotak.CASES,
    **izin_workbook.CASES,
    **izin_anggaran.CASES,
    **izin_perencanaan.CASES,
    **izin_pk_jabatan.CASES,
    **izin_renaksi.CASES,
    **izin_konsol.CASES,
    **izin_rpjmd.CASES,
    **izin_panduan.CASES,
    **izin_portal.CASES,
    **izin_pohon.CASES,
    **izin_api.CASES,
}
SKIP_PREFIXES = ("admin/", "i18n/")  # Django's own views, tested by Django (the admin: test_admin_pemda_*)


def make_other_operator(masuk_sebagai):
    """A logged-in operator of another kecamatan (another pemda)."""
    from django.contrib.auth import get_user_model

    other_unit = InstansiFactory(slug="rawalumbu", nama="Kecamatan Rawalumbu")
    other = get_user_model().objects.create_user("op-rawalumbu", password=PASSWORD)
    Peran.objects.create(user=other, jenis="operator", instansi=other_unit)
    return masuk_sebagai("op-rawalumbu")


@pytest.fixture
def clients(pk_manual, masuk_sebagai):
    out = {"anon": Client()}
    for name in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca"):
        out[name] = masuk_sebagai(name)
    out["other"] = make_other_operator(masuk_sebagai)
    return out


def test_every_url_is_in_the_matrix():
    routes = {r for r, _ in all_routes() if not r.startswith(SKIP_PREFIXES)}
    unlisted = routes - set(CASES)
    assert not unlisted, f"add these routes to the authorisation matrix: {sorted(unlisted)}"


def test_matrix(clients):
    for url, expected in CASES.values():
        for role, status in expected.items():
            got = clients[role].get(url).status_code
            assert got == status, f"{role} GET {url}: {got}, expected {status}"


def test_every_write_view_requires_a_csrf_token(pk_manual, masuk_sebagai):
    """CSRF on every form: each POST-only route refuses a post without the token (403)."""
    c = masuk_sebagai("operator", enforce_csrf_checks=True)
    # the REST API (api/v1/) is exempt: it never reads the session, so a browser's cookie gives no
    # right there to forge (test_api_matrix_with_tokens, test_api_csrf.py)
    posts = [
        url for url, expected in CASES.values() if 405 in expected.values() and not url.startswith("/api/")
    ]
    assert len(posts) >= 8
    for url in posts:
        assert c.post(url, {}).status_code == 403, url
    public = Client(enforce_csrf_checks=True)
    assert public.post("/akun/masuk/", {"username": "operator", "password": PASSWORD}).status_code == 403


# --- the REST API with tokens (tests/izin_api.py) -------------------------------------------------


def test_every_api_route_is_in_the_token_matrix():
    routes = {r for r, _ in all_routes() if r.startswith("api/")}
    assert routes == set(izin_api.TOKEN_CASES), sorted(routes ^ set(izin_api.TOKEN_CASES))


def test_api_matrix_with_tokens(pk_manual, masuk_sebagai):
    import json

    from anggaran.models import BarisAnggaran
    from tests.api_bantu import klien, operator_lain, token

    operator_lain()
    callers = {
        name: klien(token(name)) for name in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")
    }
    callers["other"] = klien(token("op-rawalumbu"))
    callers["anon"] = klien()
    baris = BarisAnggaran.objects.filter(instansi__slug="bantargebang", tahun=2024).order_by("id").first()
    for method, url, body, expected in izin_api.TOKEN_CASES.values():
        data = json.dumps(body).replace('"<baris>"', str(baris.id)) if body is not None else None
        for caller, status in expected.items():
            c = callers[caller]
            if data is None:
                got = getattr(c, method)(url)
            else:
                got = getattr(c, method)(url, data=data, content_type="application/json")
            assert got.status_code == status, (
                f"{caller} {method.upper()} {url}: {got.status_code}, expected {status}"
            )
