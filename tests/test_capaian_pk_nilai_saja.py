"""``capaian_pk`` without a preloaded Pengukuran reads the PK indicators' realisasi as plain value
tuples (``nilai_saja``: the API's pemda page builds thousands of rows per request) and gives
exactly the rows it gives with a full Pengukuran — the golden capaian of the demo included."""

from decimal import Decimal

import pytest

from pengukuran.selectors import NilaiTersimpan, Pengukuran, capaian_pk

pytestmark = pytest.mark.django_db


def test_sama_dengan_pengukuran_lengkap(demo):
    ids = [demo.id]
    ringan = capaian_pk(ids, 2024)[demo.id]
    lengkap = capaian_pk(ids, 2024, Pengukuran(ids, [2024]))[demo.id]
    assert [b.as_dict() for b in ringan] == [b.as_dict() for b in lengkap]
    assert [(b.indikator.kode, b.capaian.quantize(Decimal("0.1"))) for b in ringan][:3] == [
        ("IKU1", Decimal("97.8")),
        ("IKU2", Decimal("100.8")),
        ("IKU3", Decimal("145.8")),
    ]


def test_nilai_saja_menyimpan_tupel():
    peng = Pengukuran([], [2024], nilai_saja=True)
    assert peng.manual == {}
    assert NilaiTersimpan._fields == ("id", "indikator_id", "tahun", "periode", "nilai")


def test_nilai_saja_dari_data(demo):
    peng = Pengukuran([demo.id], [2024], nilai_saja=True)
    baris = [r for per in peng.manual.values() for r in per.values()]
    assert baris and all(isinstance(r, NilaiTersimpan) for r in baris)
    lengkap = Pengukuran([demo.id], [2024])
    assert {(k, p): r.nilai for k, per in peng.manual.items() for p, r in per.items()} == {
        (k, p): r.nilai for k, per in lengkap.manual.items() for p, r in per.items()
    }
