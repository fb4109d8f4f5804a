"""Who may build the Renstra, on real rows and by POST: the unit's operator and the pemda's admin
(``atur``); its viewer and pimpinan get 403, another unit's operator of the same pemda and
another pemda's admin 404, and nothing changes. Every route of tests/izin_perencanaan.py."""

import pytest
from django.test import Client

from audit.models import Jejak
from perencanaan.models import Indikator, Sasaran, Target, Tujuan
from tests.izin_perencanaan import CASES
from tests.renstra_bantu import renstra_kecil

pytestmark = pytest.mark.django_db


def _halaman(r):
    """(route, URL, POST data) of every Renstra-building page, on the unit's rows."""
    return [
        (
            "unit/<slug:slug>/renstra/<str:jenis>/baru/",
            "/unit/kec-baru/renstra/tujuan/baru/",
            {"kode": "T9", "uraian": "Baru"},
        ),
        (
            "unit/<slug:slug>/renstra/<str:jenis>/<int:pk>/",
            f"/unit/kec-baru/renstra/sasaran/{r.s1.pk}/",
            {"tujuan": r.t1.pk, "kode": "S1.1", "uraian": "Diubah"},
        ),
        (
            "unit/<slug:slug>/renstra/<str:jenis>/<int:pk>/hapus/",
            f"/unit/kec-baru/renstra/indikator/{r.ik2.pk}/hapus/",
            {},
        ),
        (
            "unit/<slug:slug>/renstra/<str:jenis>/<int:pk>/arsipkan/",
            f"/unit/kec-baru/renstra/tujuan/{r.t1.pk}/arsipkan/",
            {"tahun_nonaktif": "2027"},
        ),
        (
            "unit/<slug:slug>/renstra/<str:jenis>/<int:pk>/geser/",
            f"/unit/kec-baru/renstra/sasaran/{r.s2.pk}/geser/",
            {"arah": "naik"},
        ),
        ("unit/<slug:slug>/renstra/target/", "/unit/kec-baru/renstra/target/", {f"t-{r.ik1.pk}-2025": "90"}),
        ("unit/<slug:slug>/iku/ubah/", "/unit/kec-baru/iku/ubah/", {f"{r.ik1.pk}-alasan": "Alasan"}),
    ]


def _keadaan():
    return (
        list(Tujuan.objects.values_list("kode", "uraian", "urutan", "tahun_nonaktif")),
        list(Sasaran.objects.values_list("kode", "uraian", "urutan", "tahun_nonaktif")),
        list(Indikator.objects.values_list("kode", "alasan", "urutan", "tahun_nonaktif")),
        list(Target.objects.values_list("indikator__kode", "tahun", "nilai")),
    )


# The cascade's and the staff RHK's pages (also in tests/izin_perencanaan.py) have their own POST
# rights tests: tests/test_jenjang_halaman.py and tests/test_jenjang_rhk_ekspor.py.
LAIN = ("/jenjang/", "/rhk/")


def test_every_route_is_covered_here():
    r = renstra_kecil()
    renstra = {route for route in CASES if not any(k in route for k in LAIN)}
    assert {route for route, _u, _d in _halaman(r)} == renstra


def test_readers_and_outsiders_cannot_write():
    r = renstra_kecil()
    sebelum = _keadaan()
    for route, url, data in _halaman(r):
        geser = route.endswith("geser/")
        for c, status in ((r.pembaca, 403), (r.pimpinan, 403), (r.op_tetangga, 404), (r.admin_lain, 404)):
            assert c.get(url).status_code == status, (url, status)
            assert c.post(url, data).status_code == status, (url, status)
        assert Client().post(url, data).status_code == 302  # to the login page
        assert r.op.get(url).status_code == (405 if geser else 200), url
        assert r.admin.get(url).status_code == (405 if geser else 200), url
    assert _keadaan() == sebelum
    assert not Jejak.objects.exists()


def test_the_operator_and_the_pemda_admin_write():
    r = renstra_kecil()
    for c in (r.op, r.admin):
        for _route, url, data in _halaman(r):
            if url.endswith("/hapus/") and c is r.admin:
                continue  # deleted by the operator already
            if data.get("kode") == "T9" and c is r.admin:
                data = {**data, "kode": "T8"}
            assert c.post(url, data).status_code == 302, url
    assert not Indikator.objects.filter(pk=r.ik2.pk).exists()
    assert Tujuan.objects.filter(kode__in=["T8", "T9"]).count() == 2
    assert Tujuan.objects.get(pk=r.t1.pk).tahun_nonaktif == 2027
    assert Target.objects.get(indikator=r.ik1, tahun=2025).nilai == 90
    assert Indikator.objects.get(pk=r.ik1.pk).alasan == "Alasan"
    assert {j.user.username for j in Jejak.objects.select_related("user")} == {"op-baru", "admin-baru"}
