"""A workbook uploaded on the unit's page cannot change a realisasi of a quarter whose entry
window has closed: the dry run names the cell and the window, and nothing is saved."""

import datetime as dt
from decimal import Decimal

import pytest

from anggaran.models import BarisAnggaran, RealisasiAnggaran
from jadwal import selectors as jadwal_selectors
from jadwal.models import JendelaEntri
from tests.workbook_unggah_bantu import sel, ubah, unduh, unggah

pytestmark = pytest.mark.django_db


def test_a_closed_budget_quarter_is_refused_in_an_upload(pengguna_demo, masuk_sebagai, monkeypatch):
    b = (
        BarisAnggaran.objects.select_related("sub_kegiatan", "instansi__pemda")
        .filter(instansi__slug="bantargebang", tahun=2024, subunit=None)
        .order_by("id")
        .first()
    )
    r = RealisasiAnggaran.objects.create(baris=b, periode="TW1", nilai=Decimal(1000))  # entered in time
    JendelaEntri.objects.create(
        pemda=r.baris.instansi.pemda,
        tahun=2024,
        alur="anggaran",
        periode="TW1",
        buka=dt.date(2024, 4, 1),
        tutup=dt.date(2024, 4, 15),
    )
    monkeypatch.setattr(jadwal_selectors, "hari_ini", lambda: dt.date(2024, 5, 1))
    c = masuk_sebagai("operator")
    isi = unduh(c)
    cell = sel(
        isi, "realisasi_anggaran", sub_kegiatan=r.baris.sub_kegiatan.kode, periode="TW1", kolom="nilai"
    )
    halaman, _url = unggah(c, ubah(isi, {("realisasi_anggaran", cell): float(r.nilai + Decimal(1000))}))
    html = halaman.content.decode()
    assert f"realisasi_anggaran!{cell}" in html
    assert "Jendela entri realisasi anggaran TW1 2024 ditutup 15 April 2024." in html
    assert RealisasiAnggaran.objects.get(pk=r.pk).nilai == r.nilai
