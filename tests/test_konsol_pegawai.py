"""A unit's staff counts (LKIP Tabel 1.1) on one console page: rows added, changed and deleted in
one save, audited; a bad cell refuses the whole save and keeps what was typed."""

import pytest
from django.test import Client

from audit.models import Jejak
from organisasi.models import Pegawai

pytestmark = pytest.mark.django_db
URL = "/konsol/unit/unit-a/pegawai/2025/"


def _klien(user):
    c = Client()
    c.force_login(user)
    return c


def test_rows_added_changed_and_deleted_in_one_save(dua_pemda):
    d = dua_pemda
    c = _klien(d.admin_a)
    r = c.post(
        URL,
        {
            "kategori_baru_0": "PNS",
            "s1_baru_0": "12",
            "sma_baru_0": "3",
            "kategori_baru_1": "PPPK",
            "d3_baru_1": "2",
        },
    )
    assert r.status_code == 302
    pns = Pegawai.objects.get(instansi=d.unit_a, tahun=2025, kategori="PNS")
    pppk = Pegawai.objects.get(instansi=d.unit_a, tahun=2025, kategori="PPPK")
    assert (pns.s1, pns.sma, pns.jumlah, pppk.jumlah) == (12, 3, 15, 2)
    data = {f"kategori_{pns.id}": "PNS", f"s1_{pns.id}": "13", f"sma_{pns.id}": "3"}
    data |= {f"kategori_{pppk.id}": "PPPK", f"d3_{pppk.id}": "2", f"hapus_{pppk.id}": "on"}
    assert c.post(URL, data).status_code == 302
    pns.refresh_from_db()
    assert pns.s1 == 13 and not Pegawai.objects.filter(pk=pppk.pk).exists()
    assert set(Jejak.objects.filter(objek="organisasi.Pegawai").values_list("aksi", flat=True)) == {
        "buat",
        "ubah",
        "hapus",
    }
    assert Jejak.objects.get(objek="organisasi.Pegawai", aksi="ubah").field == "s1"


def test_a_bad_cell_saves_nothing_and_keeps_the_values(dua_pemda):
    d = dua_pemda
    c = _klien(d.admin_a)
    for data, pesan in (
        (
            {"kategori_baru_0": "PNS", "s1_baru_0": "-1", "sma_baru_0": "4"},
            "lebih besar dari atau sama dengan 0",
        ),
        ({"kategori_baru_0": "PNS", "kategori_baru_1": "pns", "sma_baru_0": "4"}, "tertulis dua kali"),
        ({"kategori_baru_0": "", "sma_baru_0": "4"}, "Isi kategori"),
    ):
        r = c.post(URL, data)
        html = r.content.decode()
        assert r.status_code == 200 and pesan in html, html[-2500:]
        assert 'name="sma_baru_0" value="4"' in html
    assert not Pegawai.objects.exists() and not Jejak.objects.exists()
    assert _klien(d.admin_b).post(URL, {"kategori_baru_0": "PNS"}).status_code == 404
