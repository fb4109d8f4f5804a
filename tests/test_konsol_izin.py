"""The pemda console with real objects: the pemda's admin opens every page of its own pemda's
objects; another pemda's admin gets 404 on each of them (and its posts change nothing); users
without the admin_pemda role get 404 on the console itself."""

import pytest
from django.test import Client

from akun.models import Peran
from audit.models import Jejak
from organisasi.models import Instansi, Pejabat, SubUnit
from tests.factories import PejabatFactory, SubUnitFactory

pytestmark = pytest.mark.django_db


def _objek(d):
    sub = SubUnitFactory(instansi=d.unit_a, kode="kel-a")
    pj = PejabatFactory(instansi=d.unit_a, kode="camat")
    peran = Peran.objects.get(user=d.op_a)
    return sub, pj, peran


def _url(d, sub, pj, peran):
    op = d.op_a.pk
    get = [
        "/konsol/",
        "/konsol/profil/",
        "/konsol/unit/",
        "/konsol/unit/baru/",
        "/konsol/pejabat/",
        "/konsol/pejabat/baru/",
        "/konsol/pengguna/",
        "/konsol/pengguna/baru/",
    ]
    milik = [
        "/konsol/unit/unit-a/",
        "/konsol/unit/unit-a/subunit/baru/",
        f"/konsol/unit/unit-a/subunit/{sub.pk}/",
        "/konsol/unit/unit-a/pejabat/baru/",
        "/konsol/unit/unit-a/pegawai/2025/",
        f"/konsol/pejabat/{pj.pk}/",
        f"/konsol/pengguna/{op}/",
        f"/konsol/pengguna/{op}/peran/",
    ]
    post = [
        "/konsol/unit/unit-a/status/",
        f"/konsol/unit/unit-a/subunit/{sub.pk}/status/",
        f"/konsol/pejabat/{pj.pk}/status/",
        f"/konsol/pengguna/{op}/status/",
        f"/konsol/pengguna/{op}/tautan/",
        f"/konsol/pengguna/{op}/otp/",
        f"/konsol/peran/{peran.pk}/hapus/",
    ]
    return get, milik, post


def _klien(user):
    c = Client()
    c.force_login(user)
    return c


def test_the_pemda_admin_opens_every_page_of_its_pemda(dua_pemda):
    d = dua_pemda
    get, milik, post = _url(d, *_objek(d))
    c = _klien(d.admin_a)
    for url in get + milik:
        assert c.get(url).status_code == 200, url
    for url in post:
        assert c.get(url).status_code == 405, url


def test_another_pemdas_admin_gets_404_and_changes_nothing(dua_pemda):
    d = dua_pemda
    sub, pj, peran = _objek(d)
    get, milik, post = _url(d, sub, pj, peran)
    c = _klien(d.admin_b)
    for url in get:  # its own console
        assert c.get(url).status_code == 200, url
    for url in milik:
        assert c.get(url).status_code == 404, url
        assert (
            c.post(url, {"nama": "Diambil alih", "first_name": "X", "jenis": "viewer"}).status_code == 404
        ), url
    for url in post:
        assert c.post(url, {"aktif": "0"}).status_code == 404, url
    assert (
        Instansi.objects.get(pk=d.unit_a.pk).aktif
        and Instansi.objects.get(pk=d.unit_a.pk).nama != "Diambil alih"
    )
    assert SubUnit.objects.get(pk=sub.pk).aktif and Pejabat.objects.get(pk=pj.pk).aktif
    d.op_a.refresh_from_db()
    assert d.op_a.is_active and Peran.objects.filter(pk=peran.pk).exists()
    assert not Jejak.objects.exists()


def test_no_one_else_sees_the_console(dua_pemda):
    d = dua_pemda
    get, milik, _post = _url(d, *_objek(d))
    for user in (d.op_a, d.eval_b):
        c = _klien(user)
        for url in get + milik:
            assert c.get(url).status_code == 404, (user, url)
    for url in get:
        r = Client().get(url)
        assert r.status_code == 302 and r.url.startswith("/akun/masuk/"), url


def test_the_side_navigation_links_the_console_for_the_admin_only(dua_pemda):
    d = dua_pemda
    assert 'href="/konsol/"' in _klien(d.admin_a).get("/unit/unit-a/").content.decode()
    assert 'href="/konsol/"' not in _klien(d.op_a).get("/unit/unit-a/").content.decode()


def test_make_run_no_longer_opens_the_django_admin_to_admin_pemda():
    """The console covers what the confined admin offered: the development environment of
    `make run` leaves SAKIP_ADMIN_PEMDA off (the admin is for superusers there too)."""
    from pathlib import Path

    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
    dev_env = makefile.split("DEV_ENV :=", 1)[1].split("\n\n", 1)[0]
    assert "DJANGO_DEBUG=1" in dev_env and "SAKIP_ADMIN_PEMDA" not in dev_env
