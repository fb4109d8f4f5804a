"""Folder 16 of the ESR package (Laporan Monev Renaksi): per planned PK indicator and quarter the
Rencana Aksi's target and the realisasi entered, the same figures as pengukuran.selectors."""

import io
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from laporan.esr import paket_esr
from pengukuran.models import Realisasi
from perencanaan.models import TargetTriwulan

pytestmark = pytest.mark.django_db
JALUR = "16 Laporan Monev Renaksi/monev-rencana-aksi-bantargebang-2024.xlsx"


def test_monev_sheet_holds_the_plan_and_the_realisasi(demo):
    # a quarter's realisasi of a planned indicator (the demo enters its realisasi for the year)
    t = TargetTriwulan.objects.filter(indikator__instansi=demo, tahun=2024, periode="TW1").first()
    Realisasi.objects.update_or_create(
        indikator=t.indikator, tahun=2024, periode="TW1", defaults={"nilai": Decimal("12.5")}
    )
    data, _m = paket_esr(demo, 2024)
    ws = load_workbook(io.BytesIO(zipfile.ZipFile(io.BytesIO(data)).read(JALUR)))["Monev per Triwulan"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    rencana = {
        (t.indikator.kode, t.periode): t.nilai
        for t in TargetTriwulan.objects.filter(indikator__instansi=demo, tahun=2024).select_related(
            "indikator"
        )
    }
    assert rencana and {(r[0], r[3]) for r in rows} == set(rencana)
    real = {
        (r.indikator.kode, r.periode): r.nilai
        for r in Realisasi.objects.filter(indikator__instansi=demo, tahun=2024).select_related("indikator")
    }
    dengan_realisasi = 0
    for kode, _nama, _sat, tw, target, pembanding, realisasi, _capaian in rows:
        assert pembanding == "Target triwulan" and Decimal(str(target)) == rencana[(kode, tw)]
        if (kode, tw) in real:
            dengan_realisasi += 1
            assert Decimal(str(realisasi)) == real[(kode, tw)]
        else:
            assert realisasi is None
    assert dengan_realisasi


def test_without_a_plan_it_is_named_missing(demo):
    TargetTriwulan.objects.filter(indikator__instansi=demo).delete()
    from perencanaan.models import LangkahAksi

    LangkahAksi.objects.filter(indikator__instansi=demo).delete()
    _data, m = paket_esr(demo, 2024)
    j = {x["kode"]: x for x in m["jenis"]}
    assert j["16"]["berkas"] == [] and "Rencana Aksi 2024 belum diisi" in j["16"]["tidak_ada"][0]
    assert j["07"]["berkas"] == [] and "Rencana Aksi 2024 belum diisi" in j["07"]["tidak_ada"][0]
