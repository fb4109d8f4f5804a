"""A PK Perubahan starts from the source chosen explicitly (today's Renstra targets or the previous
PK) and its page shows the differences: indicator, old target, new target."""

import re
from decimal import Decimal

import pytest

from perencanaan.models import PerjanjianKinerja, Target
from perencanaan.selectors import beda_target

pytestmark = pytest.mark.django_db


def _baris(html: str, nama: str) -> str:
    m = re.search(r"<tr class=\"beda-\w+\"><td>" + re.escape(nama) + r"</td>.*?</tr>", html, re.S)
    assert m, nama
    return m.group(0)


def test_revision_from_renstra_shows_the_changed_target(pengguna_demo, masuk_sebagai):
    op = masuk_sebagai("operator")
    Target.objects.filter(indikator__kode="IKU1", tahun=2024).update(nilai=Decimal("85.5"))
    halaman = op.get("/unit/bantargebang/pk/2024/buat/").content.decode()
    baris = _baris(halaman, "Indeks Kepuasan Masyarakat Terhadap Layanan Publik")
    assert "83,00" in baris and "85,50" in baris and "target diubah" in baris
    assert "Target Renstra terkini" in halaman and "PK sebelumnya" in halaman
    assert (
        op.post("/unit/bantargebang/pk/2024/buat/", {}).status_code == 400
    )  # no source chosen: nothing made
    assert PerjanjianKinerja.objects.filter(tahun=2024).count() == 1
    op.post("/unit/bantargebang/pk/2024/buat/", {"sumber": "renstra"})
    baru = PerjanjianKinerja.objects.get(tahun=2024, versi=2)
    assert baru.indikator.get(indikator__kode="IKU1").target == Decimal("85.5")
    assert (baru.pihak_pertama_id, baru.pihak_kedua_id) == (
        PerjanjianKinerja.objects.get(tahun=2024, versi=1).pihak_pertama_id,
        PerjanjianKinerja.objects.get(tahun=2024, versi=1).pihak_kedua_id,
    )
    pk_html = op.get("/unit/bantargebang/pk/2024/").content.decode()
    assert "Perbedaan dari versi sebelumnya" in pk_html
    baris = _baris(pk_html, "Indeks Kepuasan Masyarakat Terhadap Layanan Publik")
    assert "83,00" in baris and "85,50" in baris and "target diubah" in baris


def test_revision_from_the_previous_pk_keeps_its_targets(pengguna_demo, masuk_sebagai):
    op = masuk_sebagai("operator")
    Target.objects.filter(indikator__kode="IKU1", tahun=2024).update(nilai=Decimal("85.5"))
    op.post("/unit/bantargebang/pk/2024/buat/", {"sumber": "pk"})
    baru = PerjanjianKinerja.objects.get(tahun=2024, versi=2)
    assert baru.indikator.get(indikator__kode="IKU1").target == Decimal(83)
    pk_html = op.get("/unit/bantargebang/pk/2024/").content.decode()
    assert "target diubah" not in pk_html and "tetap" in pk_html


def test_beda_target_lists_added_and_dropped_indicators():
    class Ind:
        def __init__(self, id, kode):
            self.id, self.kode, self.nama, self.satuan = id, kode, f"Indikator {kode}", "%"

    a, b, c = Ind(1, "A"), Ind(2, "B"), Ind(3, "C")
    beda = beda_target([(a, Decimal(1)), (b, Decimal(2))], [(a, Decimal(1)), (c, Decimal(3))])
    assert [(x.kode, x.lama, x.baru, x.jenis) for x in beda] == [
        ("A", Decimal(1), Decimal(1), "tetap"),
        ("C", None, Decimal(3), "tambah"),
        ("B", Decimal(2), None, "hapus"),
    ]
