"""The demo's pohon kinerja 2024: tujuan → sasaran strategis → the cascade (sasaran program →
sasaran kegiatan → output sub kegiatan → staff RHK) where the demo has one, else the programmes of
the budget support links with their kegiatan; each IKU's target, realisasi and capaian are the
`capaian` command's."""

import pytest

pytestmark = pytest.mark.django_db


def _semua(nodes):
    for n in nodes:
        yield n
        yield from _semua(n["anak"])


def test_tree_shape_and_numbers_equal_the_capaian_command(demo, run_json):
    capaian = {r["kode"]: r for r in run_json("capaian", "--instansi", "bantargebang", "--tahun", "2024")}
    out = run_json("pohon", "--instansi", "bantargebang", "--tahun", "2024")
    # the roots are the RPD Kota Bekasi sasaran the two tujuan support (the unit's root parent)
    atas = out["pohon"]
    assert [(n["level"], n["kode"]) for n in atas] == [("sasaran_pemda", "S1.1"), ("sasaran_pemda", "S2.1")]
    akar = [n["anak"][0] for n in atas]
    assert [len(n["anak"]) for n in atas] == [1, 1]
    assert [(n["level"], n["kode"]) for n in akar] == [("tujuan", "T1"), ("tujuan", "T2")]
    assert [s["kode"] for s in akar[0]["anak"]] == ["S1.1", "S1.2"]
    assert [s["kode"] for s in akar[1]["anak"]] == ["S2.1"]
    s11 = akar[0]["anak"][0]
    # the cascade's sasaran program of 7.01.02, then the other supporting programmes
    assert [p["kode"] for p in s11["anak"]] == ["SP1.1", "7.01.03", "7.01.05"]
    assert all(p["level"] == "program" for p in s11["anak"])
    sp = s11["anak"][0]
    assert [a["kode"] for a in sp["anggaran"]] == ["7.01.02"]
    assert [i["kode"] for i in sp["indikator"]] == ["IP1"]  # the programme indicator of the Renstra
    assert sp["pemilik"] == "Sekretaris Kecamatan Bantargebang"
    assert {k["level"] for p in s11["anak"] for k in p["anak"]} == {"kegiatan"}
    levels = [n["level"] for n in _semua([sp])]
    assert levels[:4] == ["program", "kegiatan", "sub_kegiatan", "rhk"]
    ind = {i["kode"]: i for n in _semua(akar) for i in n["indikator"]}
    assert not {"IKU1", "IKU2", "IKU3"} & {i["kode"] for n in atas for i in n["indikator"]}
    for kode in ("IKU1", "IKU2", "IKU3"):
        for kunci in ("target", "realisasi", "capaian", "kategori"):
            assert ind[kode][kunci] == capaian[kode][kunci], (kode, kunci)
    assert (ind["IKU1"]["capaian"], ind["IKU2"]["capaian"], ind["IKU3"]["capaian"]) == (97.8, 100.8, 145.8)
    # the sasaran strategis and their indicators are owned by the unit head (the PK's pihak pertama)
    assert s11["pemilik"] == "Camat Bantargebang" and ind["IKU1"]["pemilik"] == "Camat Bantargebang"


def test_budget_of_a_programme_node_is_the_anggaran_commands(demo, run_json):
    anggaran = run_json("anggaran", "--instansi", "bantargebang", "--tahun", "2024")
    program = {p["kode"]: p for p in anggaran["program"]}
    out = run_json("pohon", "--instansi", "bantargebang", "--tahun", "2024")
    s21 = out["pohon"][1]["anak"][0]["anak"][0]
    (p,) = s21["anak"]
    assert p["kode"] == "SP2.1"
    (a,) = p["anggaran"]
    assert a["kode"] == "7.01.04"
    assert (a["pagu"], a["realisasi"]) == (program["7.01.04"]["pagu"], program["7.01.04"]["realisasi"])
