"""The change history reads the way people talk: it names the indicator and the field in
Indonesian (the field's verbose_name, never ``analisis_tindak_lanjut``), and shows old and new
values the Indonesian way (71,5; 2 Januari 2025; Diajukan; an official by name)."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model

from organisasi.models import Pejabat
from perencanaan import services as perencanaan
from perencanaan.models import PerjanjianKinerja
from tests.realisasi_bantu import isian

pytestmark = pytest.mark.django_db


def _tabel_riwayat(html: str) -> str:
    m = re.search(r'<table class="riwayat">.*?</table>', html, re.S)
    assert m, "no history table"
    return m.group(0)


def test_realisasi_history_names_indicator_field_and_formats_values(pk_manual, masuk_sebagai):
    op = masuk_sebagai("operator")
    url = "/unit/bantargebang/realisasi/2025/TW1/"
    op.post(url, isian(nilai="70"))
    op.post(url, isian(nilai="71,5", versi=1, analisis_tindak_lanjut="Tambah petugas loket"))
    op.post(f"{url}status/", {"aksi": "ajukan"})
    tabel = _tabel_riwayat(op.get(url).content.decode())
    assert "Realisasi IKU9 Persentase Layanan Selesai Tepat Waktu, Triwulan I 2025" in tabel
    assert "<td>Nilai</td><td>70</td><td>71,5</td>" in tabel
    assert "<td>Langkah selanjutnya</td><td>-</td><td>Tambah petugas loket</td>" in tabel
    assert "<td>Status</td><td>Draf</td><td>Diajukan</td>" in tabel
    assert "Pengajuan realisasi kinerja Triwulan I 2025" in tabel
    for mentah in ("analisis_", "pengukuran.", "71.5", "diajukan<"):
        assert mentah not in tabel


def test_pk_signatory_change_reads_by_name_and_date(pk_manual, masuk_sebagai):
    op = get_user_model().objects.get(username="operator")
    pk = PerjanjianKinerja.objects.get(tahun=2025, instansi__slug="bantargebang")
    walikota = Pejabat.objects.get(kode="walikota")
    walikota.nama = "TRI ADHIANTO"
    walikota.save()
    perencanaan.ubah_penandatangan(
        user=op,
        pk=pk,
        pihak_pertama=pk.pihak_pertama,
        pihak_kedua=walikota,
        tempat="Bekasi",
        tanggal=dt.date(2025, 1, 2),
    )
    html = masuk_sebagai("adminpemda").get("/audit/").content.decode()
    tabel = _tabel_riwayat(html)
    assert "Perjanjian Kinerja 2025 versi 1" in tabel
    assert "<td>Pihak kedua</td><td>-</td><td>TRI ADHIANTO — Penjabat Wali Kota Bekasi</td>" in tabel
    assert "<td>Tanggal penandatanganan</td><td>-</td><td>2 Januari 2025</td>" in tabel
    assert "<td>Tempat penandatanganan</td><td>-</td><td>Bekasi</td>" in tabel
    assert "pihak_kedua_id" not in tabel
