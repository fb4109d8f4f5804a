"""`manage.py rencana_aksi --instansi bantargebang --tahun 2024 --format json`: per PK indicator the
quarter targets, the realisasi entered per quarter and the capaian of each quarter against the
quarter's target (docs/rencana_aksi.md); without a plan the annual target, flagged."""

from decimal import Decimal

from pengukuran.models import Realisasi
from perencanaan import services
from perencanaan.models import PKIndikator, TargetTriwulan

D = Decimal


def test_json_per_indicator_and_quarter(pengguna_demo, run_json):
    out = run_json("rencana_aksi", "--instansi", "bantargebang", "--tahun", "2024")
    assert out["instansi"] == "bantargebang" and out["tahun"] == 2024
    kode = [i["kode"] for i in out["indikator"]]
    assert kode == ["IKU1", "IKU2", "IKU3"]
    ikm = out["indikator"][0]
    assert set(ikm) == {
        "no", "kode", "indikator", "satuan", "polaritas", "agregasi", "target_tahunan", "rencana_aksi",
        "selisih", "status", "status_triwulan", "triwulan", "langkah",
    }  # fmt: skip
    assert [t["periode"] for t in ikm["triwulan"]] == ["TW1", "TW2", "TW3", "TW4"]
    # the demo's illustrative plan (data/demo/README.md): IKU1's mean of the quarters is 83
    assert ikm["rencana_aksi"] is True and [t["target"] for t in ikm["triwulan"]] == [82, 82.5, 83.5, 84]
    TargetTriwulan.objects.filter(indikator__kode="IKU1").delete()

    # a plan for IKU3 (Persentase Wilayah yang Tertib, 'terakhir', annual 40) and a TW2 value
    row = PKIndikator.objects.select_related("indikator").get(
        pk_dokumen__instansi__slug="bantargebang", pk_dokumen__tahun=2024, indikator__kode="IKU3"
    )
    ind = row.indikator
    assert ind.agregasi == "terakhir" and row.target == D(40)
    services.simpan_rencana_aksi(
        user=pengguna_demo["operator"],
        instansi=ind.instansi,
        tahun=2024,
        target={ind.id: [D(10), D(20), D(30), D(40)]},
        langkah={ind.id: [services.IsianLangkah("TW2", "Patroli zona bersama kelurahan", "Kasi Trantib")]},
    )
    Realisasi.objects.filter(indikator=ind, tahun=2024, periode__in=["TW3", "TW4"]).delete()
    Realisasi.objects.update_or_create(indikator=ind, tahun=2024, periode="TW2", defaults={"nilai": D(25)})
    out = run_json("rencana_aksi", "--instansi", "bantargebang", "--tahun", "2024")
    iku3 = next(i for i in out["indikator"] if i["kode"] == "IKU3")
    assert iku3["rencana_aksi"] is True and iku3["selisih"] is None
    tw2 = iku3["triwulan"][1]
    assert tw2 == {
        "periode": "TW2",
        "target": 20,
        "terhadap": "target triwulan",
        "realisasi": 25,
        "capaian": 125,
        "kategori": "Sangat Baik",
    }
    assert iku3["langkah"] == [
        {
            "periode": "TW2",
            "uraian": "Patroli zona bersama kelurahan",
            "penanggung_jawab": "Kasi Trantib",
            "sub_kegiatan": None,
        }
    ]
    # the latest quarter with a realisasi is judged against its own target: 25 ≥ 20
    assert (iku3["status"], iku3["status_triwulan"]) == ("sesuai rencana", "TW2")
    # an indicator without a plan is compared with the annual target, and says so
    iku1 = out["indikator"][0]
    assert iku1["rencana_aksi"] is False and iku1["status"] is None
    assert {t["terhadap"] for t in iku1["triwulan"]} == {"target tahunan"}
    assert all(t["target"] == iku1["target_tahunan"] for t in iku1["triwulan"])
