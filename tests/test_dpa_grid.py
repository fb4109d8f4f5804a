"""The DPA grid: every line of a unit-year (sub-kegiatan, sub-unit, pagu murni, pagu perubahan,
cash plan TW1–TW4) saved in one POST; one bad cell saves nothing and the page shows every value
as typed, with the cell's message."""

import re
from decimal import Decimal

import pytest

from anggaran.models import BarisAnggaran
from audit.models import Jejak
from pengukuran.models import PengajuanRealisasi
from tests.dpa_bantu import data_dari_halaman, data_grid, unit_baru

pytestmark = pytest.mark.django_db
URL = "/unit/mustikajaya/anggaran/2025/dpa/"


@pytest.fixture
def unit(db):
    return unit_baru()


def _empat_baris(sek, kel):
    return [
        {
            "sub_kegiatan": "7.01.01.2.02.0001 Penyediaan Gaji dan Tunjangan ASN",
            "subunit": sek.id,
            "pagu_murni": "8.500.000.000",
            "pagu": "8.750.000.000",
            "kas_tw1": "2.125.000.000",
            "kas_tw2": "2.125.000.000",
            "kas_tw3": "2.250.000.000",
            "kas_tw4": "2.250.000.000",
        },
        {
            "sub_kegiatan": "7.01.01.2.06.0004",
            "subunit": sek.id,
            "pagu_murni": "850,000",
            "kas_tw1": "850.000",
        },
        {
            "sub_kegiatan": "7.01.03.2.02.0002",
            "subunit": kel.id,
            "pagu_murni": "Rp 1.250.000.000",
            "kas_tw2": "625.000.000",
            "kas_tw3": "625.000.000",
        },
        {
            "sub_kegiatan": "Pemberdayaan Masyarakat di Kelurahan",
            "subunit": kel.id,
            "pagu_murni": "300000000",
        },
    ]


def test_the_grid_saves_every_line_in_one_post(unit, masuk_sebagai):
    ins, sek, kel = unit
    c = masuk_sebagai("op-mustikajaya")
    page = c.get(URL)
    assert page.status_code == 200 and 'name="baris-0-sub_kegiatan"' in page.content.decode()
    r = c.post(URL, data_grid(_empat_baris(sek, kel)))
    assert r.status_code == 302, r.content.decode()[:3000]
    lines = {b.sub_kegiatan.kode: b for b in BarisAnggaran.objects.filter(instansi=ins, tahun=2025)}
    assert set(lines) == {"7.01.01.2.02.0001", "7.01.01.2.06.0004", "7.01.03.2.02.0002", "7.01.03.2.02.0003"}
    gaji = lines["7.01.01.2.02.0001"]
    assert (gaji.pagu_murni, gaji.pagu) == (Decimal("8500000000"), Decimal("8750000000"))
    assert gaji.kas == (
        Decimal("2125000000"),
        Decimal("2125000000"),
        Decimal("2250000000"),
        Decimal("2250000000"),
    )
    assert gaji.subunit == sek
    logistik = lines["7.01.01.2.06.0004"]
    assert (logistik.pagu_murni, logistik.pagu, logistik.kas_tw1) == (
        Decimal(850000),
        Decimal(850000),
        Decimal(850000),
    )
    assert (
        lines["7.01.03.2.02.0002"].pagu == Decimal("1250000000") and lines["7.01.03.2.02.0002"].subunit == kel
    )
    assert lines["7.01.03.2.02.0003"].pagu == Decimal("300000000")  # picked by its exact name
    assert (
        Jejak.objects.filter(objek="anggaran.BarisAnggaran", aksi="buat")
        .values("objek_id")
        .distinct()
        .count()
        == 4
    )
    # the page shows the saved lines with the running totals computed by the server
    page = c.get(URL).content.decode()
    assert "Rp 8.750.000.000" in page and "Rp 10.300.850.000" in page  # Σ pagu (perubahan, else murni)


def test_a_second_save_changes_in_place(unit, masuk_sebagai):
    ins, sek, kel = unit
    c = masuk_sebagai("op-mustikajaya")
    assert c.post(URL, data_grid(_empat_baris(sek, kel))).status_code == 302
    rows, awal = data_dari_halaman(c.get(URL))
    assert awal == 4
    rows[0]["kas_tw4"] = "2.500.000.000"
    r = c.post(URL, data_grid(rows, awal))
    assert r.status_code == 302
    assert BarisAnggaran.objects.filter(instansi=ins).count() == 4
    b = BarisAnggaran.objects.get(instansi=ins, sub_kegiatan__kode="7.01.01.2.02.0001")
    assert b.kas_tw4 == Decimal("2500000000")
    ubah = Jejak.objects.filter(objek="anggaran.BarisAnggaran", aksi="ubah", objek_id=str(b.id))
    assert [(j.field, j.lama, j.baru) for j in ubah] == [("kas_tw4", "2250000000", "2500000000")]
    # saving the unchanged page again changes nothing
    rows, awal = data_dari_halaman(c.get(URL))
    assert c.post(URL, data_grid(rows, awal)).status_code == 302
    assert Jejak.objects.filter(objek="anggaran.BarisAnggaran", aksi="ubah").count() == 1


def test_one_bad_cell_saves_nothing_and_keeps_every_value(unit, masuk_sebagai):
    ins, sek, kel = unit
    c = masuk_sebagai("op-mustikajaya")
    rows = _empat_baris(sek, kel)
    rows[2]["kas_tw3"] = "625.000.00"  # a misplaced thousands separator
    r = c.post(URL, data_grid(rows))
    assert r.status_code == 400
    assert not BarisAnggaran.objects.filter(instansi=ins).exists()
    html = r.content.decode()
    for v in ("8.500.000.000", "8.750.000.000", "850,000", "Rp 1.250.000.000", "625.000.00", "300000000"):
        assert f'value="{v}"' in html, v
    form = r.context["formset"].forms[2]
    assert "625.000.00" in form.errors["kas_tw3"][0]
    assert not r.context["formset"].forms[0].errors


def test_refusals_by_the_service_are_shown_on_their_cells_and_save_nothing(unit, masuk_sebagai):
    ins, sek, kel = unit
    other = unit_baru("rawalumbu")[1]
    c = masuk_sebagai("op-mustikajaya")
    rows = _empat_baris(sek, kel)
    rows[1]["sub_kegiatan"] = "7.01.09.2.01.0001"  # no such code
    rows[3]["subunit"] = other.id  # another unit's sub-unit: refused by the form's choices
    rows.append(
        {"sub_kegiatan": "7.01.01.2.02.0001", "subunit": sek.id, "pagu_murni": "1"}
    )  # twice at one sub-unit
    rows.append({"sub_kegiatan": "7.01.01.2.06.0009", "pagu_murni": "-5.000"})
    r = c.post(URL, data_grid(rows))
    assert r.status_code == 400 and not BarisAnggaran.objects.exists()
    forms = r.context["formset"].forms
    assert "subunit" in forms[3].errors
    # the sub-unit error stops the formset before the service; fix it and see the service's messages
    rows[3]["subunit"] = kel.id
    r = c.post(URL, data_grid(rows))
    assert r.status_code == 400 and not BarisAnggaran.objects.exists()
    forms = r.context["formset"].forms
    assert "tidak ada di nomenklatur" in forms[1].errors["sub_kegiatan"][0]
    assert "sudah ada di baris 1" in forms[4].errors["sub_kegiatan"][0]
    assert "negatif" in forms[5].errors["pagu_murni"][0]
    assert 'value="7.01.09.2.01.0001"' in r.content.decode()


def test_a_closed_quarter_keeps_its_cash_plan_and_a_closed_year_its_lines(unit, masuk_sebagai):
    ins, sek, kel = unit
    c = masuk_sebagai("op-mustikajaya")
    assert c.post(URL, data_grid(_empat_baris(sek, kel))).status_code == 302
    # the performance workflow's lock is not the budget's
    PengajuanRealisasi.objects.create(
        instansi=ins, tahun=2025, periode="TW1", status="terkunci", alur="kinerja"
    )
    rows, awal = data_dari_halaman(c.get(URL))
    rows[0]["kas_tw1"] = "2.000.000.000"
    assert c.post(URL, data_grid(rows, awal)).status_code == 302
    PengajuanRealisasi.objects.create(
        instansi=ins, tahun=2025, periode="TW1", status="terkunci", alur="anggaran"
    )
    rows, awal = data_dari_halaman(c.get(URL))
    rows[0]["kas_tw1"] = "1"
    r = c.post(URL, data_grid(rows, awal))
    assert r.status_code == 400
    assert "TW1 2025 sudah diajukan atau dikunci" in r.context["formset"].forms[0].errors["kas_tw1"][0]
    assert BarisAnggaran.objects.get(instansi=ins, sub_kegiatan__kode="7.01.01.2.02.0001").kas_tw1 == Decimal(
        "2000000000"
    )
    # the closed quarter's cells are read-only in the browser, the others not
    html = c.get(URL).content.decode()
    tags = re.findall(r'<input [^>]*name="baris-(?:\d+|__prefix__)-(kas_tw\d)"[^>]*>', html)
    assert tags.count("kas_tw1") == 8  # 4 lines, 3 empty rows and the template row
    for tag in re.findall(r'<input [^>]*name="baris-(?:\d+|__prefix__)-kas_tw\d"[^>]*>', html):
        assert ("readonly" in tag) == ("kas_tw1" in tag), tag
    # a later quarter stays open
    rows[0]["kas_tw1"] = "2.000.000.000"
    rows[0]["kas_tw2"] = "2.000.000.000"
    assert c.post(URL, data_grid(rows, awal)).status_code == 302
    PengajuanRealisasi.objects.create(
        instansi=ins, tahun=2025, periode="TW4", status="diajukan", alur="anggaran"
    )
    rows, awal = data_dari_halaman(c.get(URL))
    rows[awal] = {"sub_kegiatan": "7.01.02.2.01.0001", "pagu_murni": "5.000.000"}
    r = c.post(URL, data_grid(rows, awal))
    assert (
        r.status_code == 400 and "sudah ditutup" in r.context["formset"].forms[awal].errors["sub_kegiatan"][0]
    )
    assert BarisAnggaran.objects.filter(instansi=ins).count() == 4


def test_a_line_changed_by_someone_else_is_not_overwritten(unit, masuk_sebagai):
    ins, sek, kel = unit
    c = masuk_sebagai("op-mustikajaya")
    assert c.post(URL, data_grid(_empat_baris(sek, kel))).status_code == 302
    rows, awal = data_dari_halaman(c.get(URL))
    BarisAnggaran.objects.filter(instansi=ins, sub_kegiatan__kode="7.01.01.2.02.0001").update(kas_tw2=1)
    rows[0]["kas_tw3"] = "1"
    r = c.post(URL, data_grid(rows, awal))
    assert r.status_code == 400 and "diubah oleh pengguna lain" in r.content.decode()
    assert BarisAnggaran.objects.get(instansi=ins, sub_kegiatan__kode="7.01.01.2.02.0001").kas_tw3 == Decimal(
        "2250000000"
    )


def test_readers_and_other_units_cannot_post(unit, masuk_sebagai):
    ins, sek, kel = unit
    unit_baru("rawalumbu")
    data = data_grid(_empat_baris(sek, kel))
    assert masuk_sebagai("pim-mustikajaya").post(URL, data).status_code == 403
    assert masuk_sebagai("op-rawalumbu").post(URL, data).status_code == 404
    assert not BarisAnggaran.objects.exists()


def test_correcting_the_pagu_murni_of_an_unrevised_line_corrects_its_pagu(unit, masuk_sebagai):
    ins, sek, kel = unit
    c = masuk_sebagai("op-mustikajaya")
    assert c.post(URL, data_grid(_empat_baris(sek, kel))).status_code == 302
    rows, awal = data_dari_halaman(c.get(URL))
    logistik = next(r for r in rows if str(r["sub_kegiatan"]).startswith("7.01.01.2.06.0004"))
    assert logistik["pagu"] == ""  # no revision: the revised-pagu cell is empty
    logistik["pagu_murni"] = "900.000"
    assert c.post(URL, data_grid(rows, awal)).status_code == 302
    b = BarisAnggaran.objects.get(instansi=ins, sub_kegiatan__kode="7.01.01.2.06.0004")
    assert (b.pagu_murni, b.pagu) == (Decimal(900000), Decimal(900000))
    gaji = BarisAnggaran.objects.get(instansi=ins, sub_kegiatan__kode="7.01.01.2.02.0001")
    assert gaji.pagu == Decimal("8750000000")  # the revised line keeps its revised pagu
