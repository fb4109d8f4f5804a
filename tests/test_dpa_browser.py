"""Browser (Debian chromium via Playwright, axe-core on every page): the operator of a new
kecamatan builds its DPA in the app — four budget lines in two programmes, picked by code or name
from the type-ahead list, with pagu and cash plans typed the Indonesian way while the running
totals follow — saves once, then links the lines to the indicators they support."""

import re
from decimal import Decimal

import pytest

from anggaran.models import BarisAnggaran, Dukungan
from tests.conftest import cek_aksesibilitas
from tests.dpa_bantu import PASSWORD, unit_baru
from tests.factories import IndikatorFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _indikator(ins, kode, nama):
    return IndikatorFactory(
        instansi=ins,
        sasaran__instansi=ins,
        sasaran__tujuan__instansi=ins,
        sasaran__tujuan__renstra__instansi=ins,
        sasaran__tujuan__renstra__tahun_awal=2025,
        sasaran__tujuan__renstra__tahun_akhir=2027,
        kode=kode,
        nama=nama,
    )


def _pilih(page, nomor, ketik, kode):
    """Type into the row's sub-kegiatan field, wait for the type-ahead list to offer ``kode``,
    and take that entry."""
    field = page.get_by_label(f"Sub kegiatan baris {nomor}", exact=True)
    field.fill(ketik)
    page.wait_for_function(
        """([kode]) => { const o = [...document.querySelectorAll('#daftar-sub-kegiatan option')];
            return o.length > 0 && o.length < 30 && o.some(x => x.value.startsWith(kode + ' ')); }""",
        arg=[kode],
    )
    value = page.eval_on_selector(
        "#daftar-sub-kegiatan",
        "(d, kode) => [...d.options].find(x => x.value.startsWith(kode + ' ')).value",
        kode,
    )
    field.fill(value)


def _isi(page, nomor, **sel):
    for label, teks in sel.items():
        page.get_by_label(f"{label} baris {nomor}", exact=True).fill(teks)


def test_operator_builds_the_dpa_and_links_it_to_indicators(live_server, page):
    ins, sek, kel = unit_baru()
    ikm = _indikator(ins, "IKU1", "Indeks Kepuasan Masyarakat")
    tertib = _indikator(ins, "IKU2", "Persentase Wilayah yang Tertib")

    page.goto(f"{live_server.url}/unit/mustikajaya/anggaran/2025/dpa/")
    page.get_by_label("Nama pengguna").fill("op-mustikajaya")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/anggaran/2025/dpa/$"))
    cek_aksesibilitas(page)

    # line 1: by words of the name; the running totals follow the typing
    _pilih(page, 1, "gaji tunjangan", "7.01.01.2.02.0001")
    page.get_by_label("Sub unit baris 1", exact=True).select_option(label="Sekretariat")
    _isi(page, 1, **{"Pagu murni": "8.500.000.000", "TW1": "2.125.000.000"})
    baris1 = page.locator("tbody#baris-dpa tr").nth(0)
    assert baris1.locator("[data-jumlah-kas]").inner_text() == "Rp 2.125.000.000"
    assert baris1.locator("[data-selisih]").inner_text() == "Rp 6.375.000.000"
    _isi(page, 1, **{"TW2": "2.125.000.000", "TW3": "2.125.000.000", "TW4": "2.125.000.000"})
    assert baris1.locator("[data-selisih]").inner_text() == "Rp 0"
    # line 2: by code, the same programme; "850,000" is Rp 850.000
    _pilih(page, 2, "7.01.01.2.06.0004", "7.01.01.2.06.0004")
    page.get_by_label("Sub unit baris 2", exact=True).select_option(label="Sekretariat")
    _isi(
        page,
        2,
        **{"Pagu murni": "850,000", "Pagu perubahan": "1.000.000", "TW1": "500.000", "TW2": "500.000"},
    )
    assert page.locator("tbody#baris-dpa tr").nth(1).locator("[data-selisih]").inner_text() == "Rp 0"
    # lines 3 and 4: programme 7.01.03, one a new row added with "Tambah baris"
    _pilih(page, 3, "sarana prasarana kelurahan", "7.01.03.2.02.0002")
    page.get_by_label("Sub unit baris 3", exact=True).select_option(label="Kelurahan Mustikasari")
    _isi(page, 3, **{"Pagu murni": "1.250.000.000", "TW2": "625.000.000", "TW3": "600.000.000"})
    assert page.locator("tbody#baris-dpa tr").nth(2).locator("[data-selisih]").inner_text() == "Rp 25.000.000"
    page.get_by_role("button", name="Tambah baris").click()
    _pilih(page, 4, "7.01.03.2.02.0003", "7.01.03.2.02.0003")
    page.get_by_label("Sub unit baris 4", exact=True).select_option(label="Kelurahan Mustikasari")
    _isi(page, 4, **{"Pagu murni": "300.000.000", "TW4": "300.000.000"})
    assert page.locator('[data-total="kas"]').inner_text() == "Rp 10.026.000.000"
    assert page.locator('[data-total="selisih"]').inner_text() == "Rp 25.000.000"
    cek_aksesibilitas(page)
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(re.compile(r".*/anggaran/2025/dpa/$"))
    assert "DPA 2025 disimpan: 4 baris baru" in page.locator(".pesan").inner_text()
    lines = {b.sub_kegiatan.kode: b for b in BarisAnggaran.objects.filter(instansi=ins, tahun=2025)}
    assert set(lines) == {"7.01.01.2.02.0001", "7.01.01.2.06.0004", "7.01.03.2.02.0002", "7.01.03.2.02.0003"}
    assert lines["7.01.01.2.02.0001"].pagu == Decimal("8500000000")
    assert lines["7.01.01.2.02.0001"].kas == (Decimal("2125000000"),) * 4
    assert (lines["7.01.01.2.06.0004"].pagu_murni, lines["7.01.01.2.06.0004"].pagu) == (
        Decimal(850000),
        Decimal(1000000),
    )
    assert lines["7.01.03.2.02.0002"].subunit == kel and lines["7.01.01.2.02.0001"].subunit == sek
    assert {b.sub_kegiatan.kegiatan.program.kode for b in lines.values()} == {"7.01.01", "7.01.03"}
    # the server shows the same totals after saving
    assert page.locator('[data-total="kas"]').inner_text() == "Rp 10.026.000.000"
    cek_aksesibilitas(page)

    # the confirmation page of a deletion (then back without deleting)
    page.get_by_role("link", name="Hapus baris 2").click()
    assert "7.01.01.2.06.0004" in page.locator("main").inner_text()
    cek_aksesibilitas(page)
    page.get_by_role("link", name="Batal").click()
    page.wait_for_url(re.compile(r".*/anggaran/2025/dpa/$"))

    # link the budget to the indicators it supports
    page.get_by_role("link", name="Dukungan anggaran untuk indikator").click()
    page.wait_for_url(re.compile(r".*/anggaran/2025/dukungan/$"))
    cek_aksesibilitas(page)
    page.get_by_label("7.01.01 mendukung IKU1 Indeks Kepuasan Masyarakat").check()
    page.get_by_label("7.01.03 mendukung IKU1 Indeks Kepuasan Masyarakat").check()
    page.get_by_label("7.01.03.2.02.0002 mendukung IKU2 Persentase Wilayah yang Tertib").check()
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(re.compile(r".*/anggaran/2025/dukungan/$"))
    assert "3 ditambah" in page.locator(".pesan").inner_text()
    assert set(Dukungan.objects.filter(instansi=ins, tahun=2025).values_list("kode", "indikator_id")) == {
        ("7.01.01", ikm.id),
        ("7.01.03", ikm.id),
        ("7.01.03.2.02.0002", tertib.id),
    }
    cek_aksesibilitas(page)
