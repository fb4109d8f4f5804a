"""Browser: an operator of a new unit builds its Renstra in the app — the period, one tujuan, two
sasaran, three indicators (one of negative polarity, one whose realisasi comes from the SKM) —,
pastes the targets from a spreadsheet range into the grid (an ambiguous "1.250" is refused and
every typed value kept; corrected by typing) and saves once, then edits the IKU sheet. The
database is checked after each step; axe-core on every page reached."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from perencanaan.models import Indikator, Renstra, Sasaran, Target, Tujuan
from tests.conftest import cek_aksesibilitas
from tests.unit_baru_bantu import unit_baru

pytestmark = pytest.mark.django_db(transaction=True)

# a range copied from a spreadsheet: 3 indicators × 3 years, Indonesian numbers, a final line break
TEMPEL = "80,5\t82\t84,25\r\n12\t1.250\t8\r\n60\t70,5\t75\r\n"


def masuk(page, base):
    page.goto(f"{base}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill("op-baru")
    page.get_by_label("Kata sandi").fill("tidak-dipakai-1")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/$"))


def tempel(page, label, teks):
    """Paste ``teks`` into the cell labelled ``label`` as the browser does for Ctrl+V of a
    spreadsheet range (a paste event carrying text/plain)."""
    sel = page.get_by_label(label, exact=True)
    sel.focus()
    sel.evaluate(
        """(el, teks) => {
            const dt = new DataTransfer();
            dt.setData("text/plain", teks);
            el.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
        }""",
        teks,
    )


def indikator(page, kode, nama, satuan, polaritas, agregasi, sumber, iku=False):
    page.get_by_label("Kode").fill(kode)
    page.get_by_label("Nama indikator").fill(nama)
    page.get_by_label("Satuan").fill(satuan)
    page.get_by_label("Polaritas").select_option(polaritas)
    page.get_by_label("Agregasi").select_option(agregasi)
    page.get_by_label("Sumber realisasi").select_option(sumber)
    if iku:
        page.get_by_label("Indikator Kinerja Utama (IKU)").check()
    cek_aksesibilitas(page)
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text(f"Indikator {kode} disimpan.")).to_be_visible()


def test_operator_builds_the_renstra_pastes_targets_and_edits_the_iku_sheet(live_server, page):
    u = unit_baru()
    base = live_server.url
    masuk(page, base)

    # the Renstra period
    page.goto(f"{base}/unit/kec-baru/renstra/")
    expect(page.get_by_text("Belum ada Renstra.")).to_be_visible()
    cek_aksesibilitas(page)
    page.get_by_role("link", name="Buat Renstra").click()
    page.get_by_label("Tahun awal").fill("2025")
    page.get_by_label("Tahun akhir").fill("2027")
    page.get_by_label("Nama Renstra").fill("Renstra Kecamatan Baru 2025–2027")
    page.get_by_label("RPJMD/RPD yang diacu").fill("RPD Kota Baru 2025–2027")
    cek_aksesibilitas(page)
    page.get_by_role("button", name="Simpan").click()
    renstra = Renstra.objects.get(instansi=u.unit)
    assert (renstra.tahun_awal, renstra.tahun_akhir) == (2025, 2027)

    # one tujuan
    page.get_by_role("link", name="+ Tujuan — Renstra Kecamatan Baru 2025–2027").click()
    page.get_by_label("Kode").fill("T1")
    page.get_by_label("Uraian tujuan").fill("Terwujudnya pelayanan publik kecamatan yang prima")
    expect(page.get_by_text("contoh: Terwujudnya pelayanan publik")).to_be_visible()
    cek_aksesibilitas(page)
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Tujuan T1 disimpan.")).to_be_visible()
    t1 = Tujuan.objects.get(instansi=u.unit)
    assert t1.renstra == renstra and t1.kode == "T1"
    cek_aksesibilitas(page)

    # two sasaran
    for kode, uraian in (
        ("S1.1", "Meningkatnya kepuasan masyarakat atas pelayanan"),
        ("S1.2", "Meningkatnya ketertiban wilayah"),
    ):
        page.get_by_role("link", name="+ Sasaran untuk Tujuan T1").click()
        expect(page.get_by_label("Tujuan")).to_have_value(str(t1.pk))
        page.get_by_label("Kode").fill(kode)
        page.get_by_label("Uraian sasaran").fill(uraian)
        page.get_by_role("button", name="Simpan").click()
        expect(page.get_by_text(f"Sasaran {kode} disimpan.")).to_be_visible()
    assert list(Sasaran.objects.filter(tujuan=t1).values_list("kode", "urutan")) == [("S1.1", 1), ("S1.2", 2)]

    # three indicators: from the SKM (IKU), of negative polarity, and a percentage
    page.get_by_role("link", name="+ Indikator untuk Sasaran S1.1").click()
    expect(page.get_by_text("positif — makin tinggi makin baik, contoh IKM")).to_be_visible()
    expect(page.get_by_text("terakhir / jumlah / rata-rata triwulan")).to_be_visible()
    indikator(page, "IKU1", "Indeks Kepuasan Masyarakat", "nilai", "positif", "terakhir", "skm", iku=True)
    page.get_by_role("link", name="+ Indikator untuk Sasaran S1.1").click()
    indikator(page, "IK2", "Jumlah pengaduan masyarakat", "aduan", "negatif", "jumlah", "manual")
    page.get_by_role("link", name="+ Indikator untuk Sasaran S1.2").click()
    indikator(page, "IKU3", "Persentase zona tertib", "%", "positif", "rata-rata", "manual", iku=True)
    rows = {i.kode: i for i in Indikator.objects.filter(instansi=u.unit).select_related("sasaran")}
    assert set(rows) == {"IKU1", "IK2", "IKU3"}
    assert (rows["IKU1"].sumber_realisasi, rows["IKU1"].iku, rows["IKU1"].sasaran.kode) == (
        "skm",
        True,
        "S1.1",
    )
    assert (rows["IK2"].polaritas, rows["IK2"].agregasi, rows["IK2"].iku) == ("negatif", "jumlah", False)
    assert (rows["IKU3"].sasaran.kode, rows["IKU3"].agregasi) == ("S1.2", "rata-rata")
    cek_aksesibilitas(page)

    # the targets grid: paste a 3×3 range at the first cell
    page.get_by_role("link", name="Isi target semua indikator").click()
    cek_aksesibilitas(page)
    tempel(page, "Target IKU1 2025", TEMPEL)
    expect(page.get_by_label("Target IKU1 2025", exact=True)).to_have_value("80,5")
    expect(page.get_by_label("Target IK2 2026", exact=True)).to_have_value("1.250")
    expect(page.get_by_label("Target IKU3 2027", exact=True)).to_have_value("75")
    expect(page.get_by_role("status")).to_have_text("Sel terisi: 9. Periksa, lalu Simpan.")
    page.get_by_role("button", name="Simpan").click()
    # "1.250" reads two ways: refused, nothing saved, every typed value still there
    expect(page.get_by_text("1 sel belum benar; tidak ada yang disimpan.")).to_be_visible()
    expect(page.get_by_text("“1.250” dapat dibaca 1250 atau 1,25").first).to_be_visible()
    expect(page.get_by_label("Target IKU1 2027", exact=True)).to_have_value("84,25")
    expect(page.get_by_label("Target IK2 2026", exact=True)).to_have_attribute("aria-invalid", "true")
    assert not Target.objects.exists()
    cek_aksesibilitas(page)
    page.get_by_label("Target IK2 2026", exact=True).fill("10")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Target disimpan (9 sel berubah).")).to_be_visible()
    got = {(t.indikator.kode, t.tahun): t.nilai for t in Target.objects.select_related("indikator")}
    assert got == {
        ("IKU1", 2025): Decimal("80.5"),
        ("IKU1", 2026): Decimal(82),
        ("IKU1", 2027): Decimal("84.25"),
        ("IK2", 2025): Decimal(12),
        ("IK2", 2026): Decimal(10),
        ("IK2", 2027): Decimal(8),
        ("IKU3", 2025): Decimal(60),
        ("IKU3", 2026): Decimal("70.5"),
        ("IKU3", 2027): Decimal(75),
    }
    cek_aksesibilitas(page)

    # the IKU sheet, one form for every IKU
    page.goto(f"{base}/unit/kec-baru/iku/")
    cek_aksesibilitas(page)
    page.get_by_role("link", name="Ubah lembar IKU").click()
    iku1 = page.get_by_role("group", name="IKU1 — Indeks Kepuasan Masyarakat")
    iku1.get_by_label("Alasan pemilihan").fill("Mengukur langsung mutu pelayanan yang dirasakan masyarakat")
    iku1.get_by_label("Formulasi").fill("Rata-rata NRR tertimbang × 25")
    iku1.get_by_label("Sumber data").fill("Laporan SKM semester")
    iku1.get_by_label("Penanggung jawab").fill("Sekretaris Kecamatan")
    iku3 = page.get_by_role("group", name="IKU3 — Persentase zona tertib")
    iku3.get_by_label("Penanggung jawab").fill("Kasi Ketenteraman dan Ketertiban")
    cek_aksesibilitas(page)
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Lembar IKU disimpan (2 indikator diubah).")).to_be_visible()
    expect(page.get_by_role("cell", name="Kasi Ketenteraman dan Ketertiban")).to_be_visible()
    cek_aksesibilitas(page)
    ik1 = Indikator.objects.get(instansi=u.unit, kode="IKU1")
    assert (ik1.alasan, ik1.formulasi, ik1.sumber_data, ik1.penanggung_jawab) == (
        "Mengukur langsung mutu pelayanan yang dirasakan masyarakat",
        "Rata-rata NRR tertimbang × 25",
        "Laporan SKM semester",
        "Sekretaris Kecamatan",
    )
    assert (
        Indikator.objects.get(instansi=u.unit, kode="IKU3").penanggung_jawab
        == "Kasi Ketenteraman dan Ketertiban"
    )
