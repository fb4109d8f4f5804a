"""`manage.py rencana_aksi --format json` of a unit whose pemda plans per month: an indicator
with months gets ``bulan`` (B01..B12 with the month's name and target) beside its quarters,
which are the ones derived from the months; an indicator planned per quarter has no ``bulan``."""

from decimal import Decimal

from perencanaan import services
from perencanaan.models import PKIndikator

D = Decimal
IKU3 = [5, 5, 10, 10, 15, 20, 20, 25, 30, 30, 35, 40]


def test_json_includes_the_months(pengguna_demo, run_json):
    row = PKIndikator.objects.select_related("indikator__instansi__pemda").get(
        pk_dokumen__instansi__slug="bantargebang", pk_dokumen__tahun=2024, indikator__kode="IKU3"
    )
    ind = row.indikator
    pemda = ind.instansi.pemda
    pemda.periode_rencana_aksi = "bulan"
    pemda.save()
    services.simpan_rencana_aksi(
        user=pengguna_demo["operator"],
        instansi=ind.instansi,
        tahun=2024,
        target={},
        langkah={},
        target_bulan={ind.id: [D(v) for v in IKU3]},
    )
    out = run_json("rencana_aksi", "--instansi", "bantargebang", "--tahun", "2024")
    per = {i["kode"]: i for i in out["indikator"]}
    b = per["IKU3"]["bulan"]
    assert [m["periode"] for m in b] == [f"B{i:02d}" for i in range(1, 13)]
    assert b[0]["nama"] == "Januari" and b[11]["nama"] == "Desember"
    assert [m["target"] for m in b] == IKU3
    assert [t["target"] for t in per["IKU3"]["triwulan"]] == [10, 20, 30, 40]
    assert {t["terhadap"] for t in per["IKU3"]["triwulan"]} == {"target triwulan"}
    assert per["IKU3"]["selisih"] is None
    assert "bulan" not in per["IKU1"]
