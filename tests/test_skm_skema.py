"""SKM unsur read by name and the unit's survey scheme (issue #15 item 2): a workbook whose U8/U9
columns come in another order names the unsur right on the staff page and in the Rencana Tindak
Lanjut; a unit on the 14-unsur scheme (KepMenPAN 25/2004) gets its IKM with the weight 1/14 and
that scheme's bands; bad unsur headers are refused with sheet!CELL."""

import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from rumus.format import format_angka
from rumus.skm import KEPMENPAN_25_2004, PERMENPANRB_14_2017
from skm.models import PengaturanSKM, Responden, RingkasanNRR, SkemaSKM, UnsurSKM
from skm.selectors import ikm_tahun
from workbook.importer import import_workbook

pytestmark = [pytest.mark.django_db]
D = Decimal
DEPAN = ["instansi", "tahun", "periode"]


def _tulis(path, sheet, kepala, baris):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(kepala)
    for b in baris:
        ws.append(b)
    wb.save(path)
    return path


def _pakai_skema(ins, skema):
    from skm.skema import muat

    muat(SkemaSKM, UnsurSKM, skema)  # a test database a transactional test flushed has none
    PengaturanSKM.objects.update_or_create(
        instansi=ins, defaults={"skema": SkemaSKM.objects.get(kode=skema.kode)}
    )


# a publisher's Tabel: U1..U7, then Pengaduan before Sarana (its own order), headers by name
NAMA_PENERBIT = [
    *PERMENPANRB_14_2017.unsur[:7],
    "Penanganan Pengaduan, Saran dan Masukan",
    "SARANA DAN PRASARANA",
]
NILAI_PENERBIT = ["3.2", "3.1", "3.3", "3.4", "3.2", "3.3", "3.4", "3.9", "2.5"]  # Sarana is the lowest


def test_swapped_u8_u9_by_name_on_the_staff_page_and_in_the_rencana_tindak_lanjut(
    pengguna_demo, masuk_sebagai, tmp_path
):
    from docx import Document

    ins = pengguna_demo["operator"].peran.first().instansi
    path = _tulis(
        tmp_path / "p.xlsx",
        "skm_nrr",
        [*DEPAN, *NAMA_PENERBIT],
        [["bantargebang", 2025, "TW1", *NILAI_PENERBIT]],
    )
    h = import_workbook(path)
    assert h.ok, h.errors
    r = RingkasanNRR.objects.get(instansi=ins, tahun=2025)
    assert (r.u8, r.u9) == (D("2.5"), D("3.9"))  # stored by what the header says, not where it stands

    c = masuk_sebagai("operator")
    html = c.get("/unit/bantargebang/skm/2025/").content.decode()
    assert f"U8 Sarana dan Prasarana</td><td>{format_angka(D('2.5'), 3)}</td>" in html
    assert f"U9 Penanganan Pengaduan, Saran, dan Masukan</td><td>{format_angka(D('3.9'), 3)}</td>" in html

    doc = Document(io.BytesIO(c.get("/unit/bantargebang/skm/2025/laporan.docx").content))
    rtl = next(t for t in doc.tables if "Program/Kegiatan" in [x.text for x in t.rows[0].cells])
    pertama = [x.text for x in rtl.rows[1].cells]
    assert pertama[1] == "U8 Sarana dan Prasarana" and pertama[2] == format_angka(D("2.5"), 3)
    assert "sarana dan prasarana" in pertama[3].lower()


def test_code_and_name_that_disagree_are_refused_not_misread(demo, tmp_path):
    kepala = [*DEPAN, *(f"U{i}" for i in range(1, 8)), "U8 Penanganan Pengaduan, Saran dan Masukan", "U9"]
    h = import_workbook(
        _tulis(tmp_path / "x.xlsx", "skm_nrr", kepala, [["bantargebang", 2025, "TW1", *["3"] * 9]])
    )
    assert any(
        e.startswith('skm_nrr!K1: "U8 Penanganan Pengaduan, Saran dan Masukan": U8 is not') for e in h.errors
    )
    assert not RingkasanNRR.objects.filter(tahun=2025).exists()


@pytest.mark.parametrize(
    ("kepala", "galat"),
    [
        (
            ["U8", "Sarana dan Prasarana"],
            'skm_nrr!E1: unsur U8 appears twice ("U8" and "Sarana dan Prasarana")',
        ),
        (["Kualitas Layanan"], 'skm_nrr!D1: unknown column "kualitas layanan"'),
        (["u15"], 'skm_nrr!D1: unknown unsur "u15" (the survey schemes have U1..U14)'),
    ],
)
def test_bad_unsur_headers(demo, tmp_path, kepala, galat):
    semua = [*DEPAN, *kepala, *(f"u{i}" for i in range(1, 10) if f"u{i}" != "u8")]
    baris = [["bantargebang", 2025, "TW1", *["3"] * (len(semua) - 3)]]
    h = import_workbook(_tulis(tmp_path / "x.xlsx", "skm_nrr", semua, baris))
    assert any(e.startswith(galat) for e in h.errors), h.errors
    assert not RingkasanNRR.objects.filter(tahun=2025).exists()


NRR_14 = [D(x) for x in "3.2 3.4 3.3 3.5 3.1 3.6 3.2 3.4 3.3 3.5 3.0 3.4 3.3 3.1".split()]


def test_14_unsur_import_weight_one_fourteenth_and_its_bands(pengguna_demo, masuk_sebagai, tmp_path):
    ins = pengguna_demo["operator"].peran.first().instansi
    _pakai_skema(ins, KEPMENPAN_25_2004)
    kepala = [*DEPAN, *(KEPMENPAN_25_2004.label(i) for i in range(1, 15)), "responden"]
    path = _tulis(
        tmp_path / "k.xlsx", "skm_nrr", kepala, [["bantargebang", 2012, "TAHUN", *map(str, NRR_14), 150]]
    )
    h = import_workbook(path)
    assert h.ok, h.errors
    hasil = ikm_tahun([ins.id], 2012)[ins.id]
    (p,) = hasil.periode
    assert p.nrr == NRR_14
    assert hasil.ikm == p.ikm == sum(NRR_14, D(0)) * 25 / 14  # exact Decimal, 1/14 (not 0,071)
    assert format_angka(hasil.ikm, 2) == "82,68"
    assert hasil.mutu == "A"  # KepMenPAN 25/2004: A ≥ 81,26 (PermenPANRB 14/2017 would say B)
    html = masuk_sebagai("operator").get("/unit/bantargebang/skm/2012/").content.decode()
    assert "U14 Keamanan Pelayanan</td>" in html and "U8 Keadilan Mendapatkan Pelayanan</td>" in html


def test_14_unsur_raw_answers_by_code(demo, tmp_path):
    _pakai_skema(demo, KEPMENPAN_25_2004)
    kepala = [*DEPAN, *(f"u{i}" for i in range(1, 15))]
    jawaban = [[(i + k) % 4 + 1 for i in range(14)] for k in range(6)]
    path = _tulis(
        tmp_path / "r.xlsx", "skm_responden", kepala, [["bantargebang", 2012, "TW1", *j] for j in jawaban]
    )
    h = import_workbook(path)
    assert h.ok, h.errors
    assert Responden.objects.filter(tahun=2012).count() == 6
    (p,) = ikm_tahun([demo.id], 2012)[demo.id].periode
    nrr = [D(sum(col)) / 6 for col in zip(*jawaban, strict=True)]
    assert p.nrr == nrr
    assert p.ikm == D(25 * sum(map(sum, jawaban))) / (14 * 6)  # from the sums, exact, 1/14
    assert abs(p.ikm - sum(nrr, D(0)) * 25 / 14) < D("1e-24")
    from rumus.skm import interval_kepercayaan
    from skm.selectors import interval_per_periode

    per_responden = [D(sum(j)) * 25 / 14 for j in jawaban]  # each respondent's IKM over 14 answers
    assert interval_per_periode(demo, 2012)["TW1"] == interval_kepercayaan(per_responden)


def test_scheme_and_columns_must_agree(demo, tmp_path):
    # a 9-unsur unit (the default scheme) given 14 values
    kepala = [*DEPAN, *(f"u{i}" for i in range(1, 15))]
    h = import_workbook(
        _tulis(tmp_path / "a.xlsx", "skm_nrr", kepala, [["bantargebang", 2012, "TAHUN", *["3"] * 14]])
    )
    assert any(
        e.startswith("skm_nrr!M2: u10 must be blank: instansi bantargebang surveys with PermenPANRB 14/2017")
        for e in h.errors
    ), h.errors
    # a 9-unsur unit given the 14-unsur scheme's names
    kepala = [*DEPAN, *(KEPMENPAN_25_2004.label(i) for i in range(1, 10))]
    h = import_workbook(
        _tulis(tmp_path / "b.xlsx", "skm_nrr", kepala, [["bantargebang", 2012, "TAHUN", *["3"] * 9]])
    )
    assert any(
        e.startswith("skm_nrr!D1: the headers name the unsur of another survey scheme") for e in h.errors
    ), h.errors
    # a 14-unsur unit given only 9
    _pakai_skema(demo, KEPMENPAN_25_2004)
    kepala = [*DEPAN, *(f"u{i}" for i in range(1, 10))]
    h = import_workbook(
        _tulis(tmp_path / "c.xlsx", "skm_nrr", kepala, [["bantargebang", 2012, "TAHUN", *["3"] * 9]])
    )
    assert (
        'skm_nrr!A1: missing required column "u10" (Kewajaran Biaya Pelayanan): instansi bantargebang surveys with KepMenPAN 25/2004 (14 unsur)'
        in h.errors
    )
    assert not RingkasanNRR.objects.filter(tahun=2012).exists()


def test_operator_chooses_the_scheme_on_the_settings_page(pengguna_demo, masuk_sebagai):
    from audit.models import Jejak
    from skm.skema import muat

    from .test_skm_pengaturan import URL, _form

    muat(SkemaSKM, UnsurSKM, PERMENPANRB_14_2017, bawaan=True)  # a flushed test DB
    muat(SkemaSKM, UnsurSKM, KEPMENPAN_25_2004)
    ins = pengguna_demo["operator"].peran.first().instansi
    c = masuk_sebagai("operator")
    html = c.get(URL).content.decode()
    assert "KepMenPAN 25/2004 (14 unsur)" in html and "PermenPANRB 14/2017 (9 unsur)" in html
    assert c.post(URL, _form(skema=KEPMENPAN_25_2004.kode)).status_code == 302
    assert PengaturanSKM.objects.get(instansi=ins).skema.kode == KEPMENPAN_25_2004.kode
    assert Jejak.objects.filter(objek="skm.PengaturanSKM", field="skema", baru="KepMenPAN 25/2004").exists()
    r = c.post(URL, _form(skema="tidak-ada"))
    assert r.status_code == 400 and "Skema survei tidak dikenal." in r.content.decode()
    assert PengaturanSKM.objects.get(instansi=ins).skema.kode == KEPMENPAN_25_2004.kode
    assert c.post(URL, _form(skema="")).status_code == 302  # back to the default
    assert PengaturanSKM.objects.get(instansi=ins).skema is None
    assert c.post(URL, _form()).status_code == 302  # a form without the field leaves it
    assert PengaturanSKM.objects.get(instansi=ins).skema is None


def test_explicit_per_file_order_on_the_command_line(demo, tmp_path):
    from django.core.management import call_command

    kepala = [*DEPAN, *(f"u{i}" for i in range(1, 10))]  # the publisher's own numbering
    path = _tulis(tmp_path / "o.xlsx", "skm_nrr", kepala, [["bantargebang", 2025, "TW1", *NILAI_PENERBIT]])
    call_command("import_workbook", str(path), "--urutan-unsur", "1,2,3,4,5,6,7,9,8")
    r = RingkasanNRR.objects.get(instansi=demo, tahun=2025)
    assert (r.u8, r.u9) == (D("2.5"), D("3.9"))  # its u8 column is unsur 9, its u9 is unsur 8


@pytest.mark.parametrize(
    ("urutan", "galat"),
    [
        ((1, 2, 3, 4, 5, 6, 7, 8, 8), "o.xlsx: unsur order 1,2,3,4,5,6,7,8,8: an unsur is named twice"),
        (
            (1, 2, 3, 4, 5, 6, 7, 9, 15),
            "o.xlsx: unsur order 1,2,3,4,5,6,7,9,15: each must be an unsur number 1..14",
        ),
        ((2, 1), 'skm_nrr!F1: "u3" has no place in the unsur order given (2,1)'),
    ],
)
def test_a_bad_explicit_order_is_refused(demo, tmp_path, urutan, galat):
    kepala = [*DEPAN, *(f"u{i}" for i in range(1, 10))]
    path = _tulis(tmp_path / "o.xlsx", "skm_nrr", kepala, [["bantargebang", 2025, "TW1", *NILAI_PENERBIT]])
    h = import_workbook(path, urutan_unsur=urutan)
    assert galat in h.errors, h.errors
    assert not RingkasanNRR.objects.filter(tahun=2025).exists()


def test_ikm_command_prints_the_14_unsur(demo, tmp_path):
    from django.core.management import call_command

    _pakai_skema(demo, KEPMENPAN_25_2004)
    kepala = [*DEPAN, *(f"u{i}" for i in range(1, 15))]
    assert import_workbook(
        _tulis(tmp_path / "k.xlsx", "skm_nrr", kepala, [["bantargebang", 2012, "TAHUN", *map(str, NRR_14)]])
    ).ok
    out = io.StringIO()
    call_command("ikm", "--instansi", "bantargebang", "--tahun", "2012", stdout=out)
    teks = out.getvalue()
    assert "(KepMenPAN 25/2004)" in teks and "U14" in teks and "IKM tahun 2012: 82,68 (A)" in teks


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    urutan=st.permutations(range(1, 10)),
    bentuk=st.lists(st.sampled_from(["kode", "kode nama", "nama", "NAMA"]), min_size=9, max_size=9),
)
def test_any_column_order_and_header_form_stores_each_unsur_by_its_header(demo, tmp_path, urutan, bentuk):
    sk = PERMENPANRB_14_2017

    def tulis(n, b):
        return {
            "kode": f"U{n}",
            "kode nama": sk.label(n),
            "nama": sk.unsur[n - 1],
            "NAMA": sk.unsur[n - 1].upper(),
        }[b]

    nilai = {n: D(1) + D(n) / 4 for n in range(1, 10)}  # a distinct NRR per unsur
    kepala = [*DEPAN, *(tulis(n, b) for n, b in zip(urutan, bentuk, strict=True))]
    baris = [["bantargebang", 2025, "TW1", *(str(nilai[n]) for n in urutan)]]
    h = import_workbook(_tulis(tmp_path / "h.xlsx", "skm_nrr", kepala, baris))
    assert h.ok, h.errors
    r = RingkasanNRR.objects.get(instansi=demo, tahun=2025, periode="TW1")
    assert r.nrr == [nilai[n] for n in range(1, 10)]
