"""The pemda-level sheets of the workbook (rpjmd … rpjmd_kontribusi): the demo's RPD Kota Bekasi
2024–2026 and Bantargebang's links survive export → import into an empty database → export; bad
rows are refused naming sheet, cell and rule, nothing saved; a unit's operator uploading its
workbook cannot change the pemda's plan (only its own links)."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from akun.models import Peran
from rpjmd import selectors
from rpjmd.models import IndikatorPemda, Kontribusi, Rpjmd, SasaranPemda, TargetPemda
from workbook import importer, writer
from workbook.services import _tolak_baris

pytestmark = pytest.mark.django_db(transaction=True)

RPD = "rpd-2024-2026"


def test_demo_rpd_and_links_round_trip(demo, tmp_path):
    rpd = Rpjmd.objects.get(kode=RPD)
    assert (rpd.jenis, rpd.tahun_awal, rpd.tahun_akhir) == ("rpd", 2024, 2026)
    ku = selectors.kontribusi_unit(demo)
    assert sorted((k.tujuan.kode, k.sasaran_pemda.kode) for k in ku.semua) == [("T1", "S1.1"), ("T2", "S2.1")]
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(a))
    isi = writer.isi(a)
    assert isi["rpjmd"][1][:3] == ["kota-bekasi", RPD, "rpd"]
    assert len(isi["rpjmd_target"]) == 1 + 15 and len(isi["rpjmd_kontribusi"]) == 1 + 2
    call_command("flush", "--noinput")
    call_command("import_workbook", str(a))
    assert TargetPemda.objects.get(indikator__kode="IKS1.2", tahun=2025).nilai == Decimal("83")
    assert Kontribusi.objects.filter(
        instansi__slug="bantargebang", tujuan__kode="T2", sasaran_pemda__kode="S2.1"
    ).exists()
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(b))
    assert writer.isi(a) == writer.isi(b)


def _baris(**lebih):
    data = {
        "rpjmd": [
            {
                "pemda": "kota-bekasi",
                "kode": "rpjmd-2027-2031",
                "jenis": "rpjmd",
                "nama": "RPJMD 2027-2031",
                "tahun_awal": 2027,
                "tahun_akhir": 2031,
                "visi": "Bekasi maju",
            }
        ],
        "rpjmd_misi": [
            {
                "pemda": "kota-bekasi",
                "rpjmd": "rpjmd-2027-2031",
                "kode": "M1",
                "uraian": "Tata kelola",
                "urutan": 1,
            }
        ],
        "rpjmd_tujuan": [
            {
                "pemda": "kota-bekasi",
                "rpjmd": "rpjmd-2027-2031",
                "kode": "T1",
                "uraian": "Pemerintahan baik",
                "misi": "M1",
            }
        ],
        "rpjmd_sasaran": [
            {
                "pemda": "kota-bekasi",
                "rpjmd": "rpjmd-2027-2031",
                "tujuan": "T1",
                "kode": "S1",
                "uraian": "Pelayanan prima",
            }
        ],
        "rpjmd_indikator": [
            {
                "pemda": "kota-bekasi",
                "rpjmd": "rpjmd-2027-2031",
                "kode": "I1",
                "nama": "IKM",
                "level": "sasaran",
                "induk": "S1",
                "satuan": "Nilai",
            }
        ],
        "rpjmd_target": [
            {
                "pemda": "kota-bekasi",
                "rpjmd": "rpjmd-2027-2031",
                "indikator": "I1",
                "tahun": 2027,
                "nilai": Decimal("80"),
            }
        ],
    }
    data.update(lebih)
    return data


def test_a_new_plan_imports_with_its_tree(demo, tmp_path):
    p = tmp_path / "x.xlsx"
    writer.tulis(_baris(), p)
    hasil = importer.import_workbook(p)
    assert hasil.ok, hasil.errors
    pohon = selectors.pohon_rpjmd(Rpjmd.objects.get(kode="rpjmd-2027-2031"))
    assert [m.misi.kode for m in pohon.misi] == ["M1"]
    (s,) = pohon.semua_sasaran()
    assert s.indikator[0].nilai(2027) == Decimal("80")
    # imported again: nothing changes
    hasil = importer.import_workbook(p)
    assert hasil.counts["rpjmd_target"] == {"created": 0, "updated": 0, "unchanged": 1}


def test_bad_rows_name_sheet_cell_and_rule_and_save_nothing(demo, tmp_path):
    p = tmp_path / "x.xlsx"
    data = _baris(
        rpjmd=[
            {
                "pemda": "kota-bekasi",
                "kode": "rpjmd-2027-2031",
                "jenis": "rpjmd",
                "nama": "RPJMD",
                "tahun_awal": 2026,
                "tahun_akhir": 2031,
            }
        ],
        rpjmd_target=[
            {
                "pemda": "kota-bekasi",
                "rpjmd": "rpjmd-2027-2031",
                "indikator": "I1",
                "tahun": 2035,
                "nilai": Decimal("80"),
            },
            {
                "pemda": "kota-bekasi",
                "rpjmd": "rpjmd-2027-2031",
                "indikator": "I9",
                "tahun": 2027,
                "nilai": Decimal("80"),
            },
        ],
        rpjmd_kontribusi=[
            {
                "instansi": "bantargebang",
                "rpjmd": RPD,
                "sasaran_pemda": "S1.1",
                "level": "sasaran",
                "unsur": "S9.9",
                "uraian": "x",
            }
        ],
    )
    data["rpjmd_indikator"][0]["induk"] = "S7"
    writer.tulis(data, p)
    hasil = importer.import_workbook(p)
    teks = "\n".join(hasil.errors)
    assert "rpjmd!E2: period 2026-2031 overlaps rpjmd rpd-2024-2026 (2024-2026) of the pemda" in teks
    assert 'rpjmd_indikator!F2: unknown sasaran "S7" of rpjmd rpjmd-2027-2031' in teks
    assert 'rpjmd_target!C3: unknown indikator "I9"' in teks
    assert 'rpjmd_kontribusi!E2: unknown sasaran "S9.9" of instansi bantargebang' in teks
    assert not Rpjmd.objects.filter(kode="rpjmd-2027-2031").exists()


def test_target_outside_the_period_is_refused(demo, tmp_path):
    p = tmp_path / "x.xlsx"
    data = _baris()
    data["rpjmd_target"][0]["tahun"] = 2035
    writer.tulis(data, p)
    hasil = importer.import_workbook(p)
    assert any(e.startswith("rpjmd_target!D2: tahun 2035 is outside rpjmd") for e in hasil.errors), (
        hasil.errors
    )
    assert not IndikatorPemda.objects.filter(kode="I1").exists()


def test_operator_upload_may_link_but_not_change_the_plan(demo, django_user_model, tmp_path):
    op = django_user_model.objects.create_user("op-bg")
    Peran.objects.create(user=op, jenis="operator", instansi=demo)
    a = tmp_path / "a.xlsx"
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(a))
    rows, errors = importer.baca(a)
    assert not errors
    # the plan's rows as stored are accepted; a changed uraian is refused at its cell
    rows["rpjmd_sasaran"][0].nilai["uraian"] = "Diubah oleh operator"
    # and the unit's own link may change
    rows["rpjmd_kontribusi"][0].nilai["uraian"] = "Kontribusi baru"
    hasil = importer.import_workbook(a, dibaca=rows, tolak_baris=_tolak_baris(op, demo))
    assert len(hasil.errors) == 1 and hasil.errors[0].startswith("rpjmd_sasaran!E2: RPJMD/RPD pemda hanya")
    del rows["rpjmd_sasaran"]
    hasil = importer.import_workbook(a, dibaca=rows, tolak_baris=_tolak_baris(op, demo))
    assert hasil.ok, hasil.errors
    assert Kontribusi.objects.filter(uraian="Kontribusi baru").count() == 1
    assert SasaranPemda.objects.get(kode="S1.1").uraian.startswith("Meningkatnya Akuntabilitas")
