"""Browser (issue #13, "Must show"): a new kecamatan set up from nothing through the app alone.

The database holds only the pemda and one admin_pemda. Through the web only — no /admin/ URL, no
management command — the admin creates the kecamatan with two sub-units, its Camat and the pemda's
Wali Kota and Sekda as signing officials, two layanan, three zones, and the accounts of its
operator and pimpinan, who each set their password through the one-time link. The operator then
builds the Renstra 2025–2027 (one tujuan, two sasaran, three indicators: one of negative polarity,
one whose realisasi comes from the SKM), pastes the targets into the grid, builds four budget
lines in two programmes with their cash plans, links them to the indicators, downloads the unit's
workbook, changes one target in it (openpyxl, as in Excel), uploads it, reads the dry run and
applies it. The database is checked after each step; axe-core runs on every page reached.
"""

import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook
from playwright.sync_api import expect

from akun.models import Peran
from anggaran.models import BarisAnggaran, Dukungan
from audit.models import Jejak
from organisasi.models import Instansi, Layanan, Pejabat, Pemda, SubUnit
from perencanaan.models import Indikator, Renstra, Sasaran, Target, Tujuan
from tests.conftest import cek_aksesibilitas
from workbook.models import UnggahanWorkbook
from zona.models import Zona

pytestmark = pytest.mark.django_db(transaction=True)
SANDI_ADMIN = "sandi-admin-pemda-2024"
SANDI = {"op-jatiasih": "Kopi-Tubruk-Pagi-71", "pim-jatiasih": "Teh-Manis-Sore-72"}
SLUG = "jatiasih"
# a range copied from a spreadsheet: 3 indicators × 3 years (rows in the grid's order), Indonesian numbers
TEMPEL = "82,5\t84\t86\r\n12\t10\t8\r\n60\t70,5\t75\r\n"


def _masuk(page, base, username, sandi):
    page.goto(f"{base}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(sandi)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/$"))


def _simpan(page):
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state("load")


def _pejabat(page, kode, nama, jabatan, pangkat, nip):
    cek_aksesibilitas(page)
    page.get_by_label("Kode pejabat").fill(kode)
    page.get_by_label("Nama lengkap dengan gelar").fill(nama)
    page.get_by_label("Jabatan", exact=True).fill(jabatan)
    page.get_by_label("Pangkat/golongan").fill(pangkat)
    page.get_by_label("NIP").fill(nip)
    _simpan(page)
    expect(page.get_by_role("cell", name=nama)).to_be_visible()


def _akun(page, base, username, depan, peran, unit_nama) -> str:
    """Create the account, give it its role at the unit; returns its one-time link."""
    page.goto(f"{base}/konsol/")
    page.locator("main").get_by_role("link", name="Pengguna dan peran").click()
    cek_aksesibilitas(page)
    page.get_by_role("link", name="Pengguna baru").click()
    cek_aksesibilitas(page)
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Nama depan").fill(depan)
    page.get_by_label("Nama belakang").fill("Jatiasih")
    page.get_by_label("E-mail", exact=True).fill(f"{username}@bekasikota.go.id")
    _simpan(page)
    cek_aksesibilitas(page)
    tautan = page.get_by_label("Tautan sekali pakai").input_value()
    assert "/akun/sandi-baru/" in tautan
    page.get_by_role("link", name="Lanjut: beri peran").click()
    cek_aksesibilitas(page)
    page.get_by_label("Peran", exact=True).select_option(peran)
    page.get_by_label("Lingkup peran").select_option(label=unit_nama)
    _simpan(page)
    expect(page.get_by_role("cell", name=unit_nama, exact=True)).to_be_visible()
    return tautan


def _sandi_lewat_tautan(browser, tautan, username):
    """The account's owner opens the link in its own browser and chooses the password."""
    konteks = browser.new_context()
    tamu = konteks.new_page()
    tamu.goto(tautan)
    cek_aksesibilitas(tamu)
    tamu.locator("#id_new_password1").fill(SANDI[username])
    tamu.locator("#id_new_password2").fill(SANDI[username])
    tamu.get_by_role("button", name="Simpan kata sandi baru").click()
    tamu.wait_for_load_state("load")
    cek_aksesibilitas(tamu)
    konteks.close()
    assert get_user_model().objects.get(username=username).check_password(SANDI[username])


def _tempel(page, label, teks):
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


def _indikator(page, kode, nama, satuan, polaritas, agregasi, sumber, iku=False):
    expect(page.get_by_text("positif — makin tinggi makin baik, contoh IKM")).to_be_visible()
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


def _pilih_sub_kegiatan(page, nomor, ketik, kode):
    """Type into the DPA row's sub-kegiatan field, wait for the type-ahead list to offer
    ``kode``, and take that entry."""
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


def _isi_baris(page, nomor, **sel):
    for label, teks in sel.items():
        page.get_by_label(f"{label} baris {nomor}", exact=True).fill(teks)


def test_a_new_kecamatan_is_set_up_from_nothing_in_the_app(live_server, page, browser, settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    User = get_user_model()
    pemda = Pemda.objects.create(kode="kota-bekasi", nama="Kota Bekasi")
    admin = User.objects.create_user("admin-bekasi", password=SANDI_ADMIN)
    Peran.objects.create(user=admin, jenis="admin_pemda", pemda=pemda)
    assert (Instansi.objects.count(), User.objects.count(), Pejabat.objects.count()) == (0, 1, 0)
    base = live_server.url
    dikunjungi = []
    page.on("request", lambda r: dikunjungi.append(r.url))
    page.set_viewport_size({"width": 1280, "height": 900})

    # --- the pemda's admin, in the pemda console ---------------------------------------------
    _masuk(page, base, "admin-bekasi", SANDI_ADMIN)
    page.get_by_role("navigation", name="Navigasi siklus SAKIP").get_by_role(
        "link", name="Konsol pemda"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Konsol pemda")
    cek_aksesibilitas(page)
    page.get_by_role("link", name="Profil pemda").click()
    cek_aksesibilitas(page)
    page.get_by_label("Tahun berjalan").fill("2025")
    _simpan(page)
    assert Pemda.objects.get(pk=pemda.pk).tahun_berjalan == 2025

    # the kecamatan
    page.goto(f"{base}/konsol/")
    page.get_by_role("link", name="Unit dan sub-unit").click()
    cek_aksesibilitas(page)
    page.get_by_role("link", name="Unit baru").click()
    cek_aksesibilitas(page)
    page.get_by_label("Nama unit").fill("Kecamatan Jatiasih")
    page.get_by_label("Jenis unit").select_option("kecamatan")
    page.get_by_label("Alamat singkat (slug)").fill(SLUG)
    page.get_by_label("Alamat kantor").fill("Jl. Raya Jatiasih No. 1")
    page.get_by_label("Tempat penandatanganan").fill("Bekasi")
    _simpan(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Kecamatan Jatiasih")
    cek_aksesibilitas(page)
    unit = Instansi.objects.get(slug=SLUG)
    assert (unit.pemda_id, unit.jenis, unit.aktif) == (pemda.id, "kecamatan", True)
    url_unit_konsol = page.url

    # two sub-units
    for kode, nama, jenis in (
        ("sekretariat", "Sekretariat Kecamatan", "sekretariat"),
        ("kel-jatiasih", "Kelurahan Jatiasih", "kelurahan"),
    ):
        page.get_by_role("link", name="Sub-unit baru").click()
        cek_aksesibilitas(page)
        page.get_by_label("Kode sub-unit").fill(kode)
        page.get_by_label("Nama sub-unit").fill(nama)
        page.get_by_label("Jenis sub-unit").select_option(jenis)
        _simpan(page)
        expect(page.get_by_role("cell", name=nama)).to_be_visible()
    assert sorted(SubUnit.objects.filter(instansi=unit).values_list("kode", "jenis")) == [
        ("kel-jatiasih", "kelurahan"),
        ("sekretariat", "sekretariat"),
    ]

    # the Camat, the unit's own official
    page.get_by_role("link", name="Pejabat baru").click()
    _pejabat(
        page, "camat", "ASEP SUPRIYATNA, S.STP.", "Camat Jatiasih", "Pembina, IV/a", "19800101 200501 1 002"
    )
    # the Wali Kota and the Sekda, the pemda's own officials (pihak kedua of every unit's PK)
    for kode, nama, jabatan, pangkat, nip in (
        ("walikota", "TRI ADHIANTO, S.T., M.M.", "Wali Kota Bekasi", "", ""),
        (
            "sekda",
            "JUNAEDI, S.Sos., M.Si.",
            "Sekretaris Daerah Kota Bekasi",
            "Pembina Utama Madya, IV/d",
            "196803041992031005",
        ),
    ):
        page.goto(f"{base}/konsol/")
        page.locator("main").get_by_role("link", name="Pejabat penanda tangan").first.click()
        cek_aksesibilitas(page)
        page.get_by_role("link", name="Pejabat pemda baru").click()
        _pejabat(page, kode, nama, jabatan, pangkat, nip)
    pejabat = {(p.instansi_id, p.kode): p for p in Pejabat.objects.all()}
    assert set(pejabat) == {(unit.id, "camat"), (None, "walikota"), (None, "sekda")}
    assert pejabat[(unit.id, "camat")].nip == "198001012005011002"
    assert pejabat[(None, "sekda")].nip == "196803041992031005"

    # two layanan, on the unit's SKM settings page linked from the console
    page.goto(url_unit_konsol)
    page.get_by_role("link", name="Layanan dan pengaturan SKM").click()
    cek_aksesibilitas(page)
    for kode, nama in (("ktp-el", "Perekaman KTP Elektronik"), ("pbb", "Pelayanan PBB")):
        page.get_by_label("Kode (bagian alamat kuesioner").fill(kode)
        page.get_by_label("Nama layanan", exact=True).last.fill(nama)
        page.get_by_role("button", name="Tambah", exact=True).click()
        page.wait_for_load_state("load")
        cek_aksesibilitas(page)
    assert sorted(Layanan.objects.filter(instansi=unit).values_list("kode", "nama")) == [
        ("ktp-el", "Perekaman KTP Elektronik"),
        ("pbb", "Pelayanan PBB"),
    ]

    # three zones, on the unit's zones page linked from the console
    page.goto(url_unit_konsol)
    page.get_by_role("link", name="Atur zona").click()
    cek_aksesibilitas(page)
    for n, (kode, nama) in enumerate(
        (("Z01", "Kantor Kecamatan Jatiasih"), ("Z02", "Pasar Jatiasih"), ("Z03", "Simpang Jatiasih"))
    ):
        page.locator(f"[name=kode_baru_{n}]").fill(kode)
        page.locator(f"[name=nama_baru_{n}]").fill(nama)
        page.locator(f"[name=urutan_baru_{n}]").fill(str(n + 1))
    _simpan(page)
    expect(page.get_by_text("Daftar zona disimpan.")).to_be_visible()
    cek_aksesibilitas(page)
    assert list(Zona.objects.filter(instansi=unit).order_by("urutan").values_list("kode", "urutan")) == [
        ("Z01", 1),
        ("Z02", 2),
        ("Z03", 3),
    ]

    # the operator's and the pimpinan's accounts, each with its role at the unit
    tautan_op = _akun(page, base, "op-jatiasih", "Operator", "operator", "Kecamatan Jatiasih")
    tautan_pim = _akun(page, base, "pim-jatiasih", "Pimpinan", "pimpinan", "Kecamatan Jatiasih")
    assert sorted(Peran.objects.filter(instansi=unit).values_list("user__username", "jenis")) == [
        ("op-jatiasih", "operator"),
        ("pim-jatiasih", "pimpinan"),
    ]
    for username in SANDI:
        assert not User.objects.get(username=username).has_usable_password()

    # each owner sets the password through the one-time link, in its own browser
    _sandi_lewat_tautan(browser, tautan_op, "op-jatiasih")
    _sandi_lewat_tautan(browser, tautan_pim, "pim-jatiasih")
    konteks = browser.new_context()
    pim = konteks.new_page()
    _masuk(pim, base, "pim-jatiasih", SANDI["pim-jatiasih"])
    pim.goto(f"{base}/unit/{SLUG}/")
    expect(pim.locator(".unit-tahun")).to_contain_text("Kecamatan Jatiasih")
    cek_aksesibilitas(pim)
    konteks.close()

    # --- the operator: the Renstra ------------------------------------------------------------
    page.context.clear_cookies()
    _masuk(page, base, "op-jatiasih", SANDI["op-jatiasih"])
    page.goto(f"{base}/unit/{SLUG}/renstra/")
    expect(page.get_by_text("Belum ada Renstra.")).to_be_visible()
    cek_aksesibilitas(page)
    page.get_by_role("link", name="Buat Renstra").click()
    page.get_by_label("Tahun awal").fill("2025")
    page.get_by_label("Tahun akhir").fill("2027")
    page.get_by_label("Nama Renstra").fill("Renstra Kecamatan Jatiasih 2025–2027")
    page.get_by_label("RPJMD/RPD yang diacu").fill("RPJMD Kota Bekasi 2025–2029")
    cek_aksesibilitas(page)
    page.get_by_role("button", name="Simpan").click()
    renstra = Renstra.objects.get(instansi=unit)
    assert (renstra.tahun_awal, renstra.tahun_akhir) == (2025, 2027)

    page.get_by_role("link", name="+ Tujuan — Renstra Kecamatan Jatiasih 2025–2027").click()
    page.get_by_label("Kode").fill("T1")
    page.get_by_label("Uraian tujuan").fill("Terwujudnya pelayanan publik kecamatan yang prima")
    cek_aksesibilitas(page)
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Tujuan T1 disimpan.")).to_be_visible()
    t1 = Tujuan.objects.get(instansi=unit)
    assert (t1.renstra_id, t1.kode) == (renstra.id, "T1")

    for kode, uraian in (
        ("S1.1", "Meningkatnya kepuasan masyarakat atas pelayanan"),
        ("S1.2", "Meningkatnya ketertiban wilayah"),
    ):
        page.get_by_role("link", name="+ Sasaran untuk Tujuan T1").click()
        page.get_by_label("Kode").fill(kode)
        page.get_by_label("Uraian sasaran").fill(uraian)
        cek_aksesibilitas(page)
        page.get_by_role("button", name="Simpan").click()
        expect(page.get_by_text(f"Sasaran {kode} disimpan.")).to_be_visible()
    assert sorted(Sasaran.objects.filter(tujuan=t1).values_list("kode", flat=True)) == ["S1.1", "S1.2"]

    page.get_by_role("link", name="+ Indikator untuk Sasaran S1.1").click()
    _indikator(page, "IKU1", "Indeks Kepuasan Masyarakat", "nilai", "positif", "terakhir", "skm", iku=True)
    page.get_by_role("link", name="+ Indikator untuk Sasaran S1.1").click()
    _indikator(page, "IK2", "Jumlah pengaduan masyarakat", "aduan", "negatif", "jumlah", "manual")
    page.get_by_role("link", name="+ Indikator untuk Sasaran S1.2").click()
    _indikator(
        page, "IKU3", "Persentase Wilayah yang Tertib", "%", "positif", "rata-rata", "manual", iku=True
    )
    ind = {i.kode: i for i in Indikator.objects.filter(instansi=unit).select_related("sasaran")}
    assert set(ind) == {"IKU1", "IK2", "IKU3"}
    assert (ind["IKU1"].sumber_realisasi, ind["IKU1"].iku, ind["IKU1"].sasaran.kode) == ("skm", True, "S1.1")
    assert (ind["IK2"].polaritas, ind["IK2"].agregasi) == ("negatif", "jumlah")
    assert ind["IKU3"].sasaran.kode == "S1.2"
    cek_aksesibilitas(page)

    # the targets grid: a 3×3 range pasted at the first cell, one save
    page.get_by_role("link", name="Isi target semua indikator").click()
    cek_aksesibilitas(page)
    _tempel(page, "Target IKU1 2025", TEMPEL)
    expect(page.get_by_label("Target IKU3 2027", exact=True)).to_have_value("75")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Target disimpan (9 sel berubah).")).to_be_visible()
    cek_aksesibilitas(page)
    target = {(t.indikator.kode, t.tahun): t.nilai for t in Target.objects.select_related("indikator")}
    assert target == {
        ("IKU1", 2025): Decimal("82.5"),
        ("IKU1", 2026): Decimal(84),
        ("IKU1", 2027): Decimal(86),
        ("IK2", 2025): Decimal(12),
        ("IK2", 2026): Decimal(10),
        ("IK2", 2027): Decimal(8),
        ("IKU3", 2025): Decimal(60),
        ("IKU3", 2026): Decimal("70.5"),
        ("IKU3", 2027): Decimal(75),
    }

    # --- the operator: the budget (DPA 2025) --------------------------------------------------
    page.goto(f"{base}/unit/{SLUG}/anggaran/2025/dpa/")
    cek_aksesibilitas(page)
    _pilih_sub_kegiatan(page, 1, "gaji tunjangan", "7.01.01.2.02.0001")
    page.get_by_label("Sub unit baris 1", exact=True).select_option(label="Sekretariat Kecamatan")
    _isi_baris(
        page,
        1,
        **{"Pagu murni": "8.500.000.000", "TW1": "2.125.000.000", "TW2": "2.125.000.000"},
        **{"TW3": "2.125.000.000", "TW4": "2.125.000.000"},
    )
    _pilih_sub_kegiatan(page, 2, "7.01.01.2.06.0004", "7.01.01.2.06.0004")
    page.get_by_label("Sub unit baris 2", exact=True).select_option(label="Sekretariat Kecamatan")
    _isi_baris(page, 2, **{"Pagu murni": "850.000.000", "TW1": "425.000.000", "TW2": "425.000.000"})
    _pilih_sub_kegiatan(page, 3, "sarana prasarana kelurahan", "7.01.03.2.02.0002")
    page.get_by_label("Sub unit baris 3", exact=True).select_option(label="Kelurahan Jatiasih")
    _isi_baris(page, 3, **{"Pagu murni": "1.250.000.000", "TW2": "625.000.000", "TW3": "625.000.000"})
    if page.get_by_label("Sub kegiatan baris 4", exact=True).count() == 0:
        page.get_by_role("button", name="Tambah baris").click()
    _pilih_sub_kegiatan(page, 4, "7.01.03.2.02.0003", "7.01.03.2.02.0003")
    page.get_by_label("Sub unit baris 4", exact=True).select_option(label="Kelurahan Jatiasih")
    _isi_baris(page, 4, **{"Pagu murni": "300.000.000", "TW4": "300.000.000"})
    expect(page.locator('[data-total="kas"]')).to_have_text("Rp 10.900.000.000")
    cek_aksesibilitas(page)
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(re.compile(r".*/anggaran/2025/dpa/$"))
    assert "DPA 2025 disimpan: 4 baris baru" in page.locator(".pesan").inner_text()
    cek_aksesibilitas(page)
    baris = {b.sub_kegiatan.kode: b for b in BarisAnggaran.objects.filter(instansi=unit, tahun=2025)}
    assert set(baris) == {"7.01.01.2.02.0001", "7.01.01.2.06.0004", "7.01.03.2.02.0002", "7.01.03.2.02.0003"}
    assert baris["7.01.01.2.02.0001"].pagu == Decimal("8500000000")
    assert baris["7.01.01.2.02.0001"].kas == (Decimal("2125000000"),) * 4
    assert baris["7.01.03.2.02.0002"].subunit.kode == "kel-jatiasih"
    assert {b.sub_kegiatan.kegiatan.program.kode for b in baris.values()} == {"7.01.01", "7.01.03"}

    # the lines linked to the indicators they support
    page.get_by_role("link", name="Dukungan anggaran untuk indikator").click()
    page.wait_for_url(re.compile(r".*/anggaran/2025/dukungan/$"))
    cek_aksesibilitas(page)
    page.get_by_label("7.01.01 mendukung IKU1 Indeks Kepuasan Masyarakat").check()
    page.get_by_label("7.01.01 mendukung IK2 Jumlah pengaduan masyarakat").check()
    page.get_by_label("7.01.03 mendukung IKU3 Persentase Wilayah yang Tertib").check()
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(re.compile(r".*/anggaran/2025/dukungan/$"))
    assert "3 ditambah" in page.locator(".pesan").inner_text()
    cek_aksesibilitas(page)
    assert set(Dukungan.objects.filter(instansi=unit, tahun=2025).values_list("kode", "indikator__kode")) == {
        ("7.01.01", "IKU1"),
        ("7.01.01", "IK2"),
        ("7.01.03", "IKU3"),
    }

    # --- the operator: the unit's workbook, downloaded, changed, uploaded, applied -------------
    page.goto(f"{base}/unit/{SLUG}/?tahun=2025")
    page.get_by_role("navigation", name="Navigasi siklus SAKIP").get_by_role(
        "link", name="Workbook (unduh/unggah)"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Workbook — Kecamatan Jatiasih")
    cek_aksesibilitas(page)
    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh workbook").click()
    assert unduhan.value.suggested_filename == f"workbook-{SLUG}-2025.xlsx"
    berkas = tmp_path / unduhan.value.suggested_filename
    unduhan.value.save_as(berkas)
    wb = load_workbook(berkas)
    ws = wb["target"]
    kepala = [c.value for c in ws[1]]
    baris_ik2 = next(
        r
        for r in ws.iter_rows(min_row=2)
        if (r[kepala.index("indikator")].value, r[kepala.index("tahun")].value) == ("IK2", 2026)
    )
    assert baris_ik2[kepala.index("target")].value == 10
    baris_ik2[kepala.index("target")].value = 9  # the one change, typed as in Excel
    wb.save(berkas)

    page.get_by_label("Berkas workbook (.xlsx)").set_input_files(str(berkas))
    page.get_by_role("button", name="Unggah dan periksa (uji coba)").click()
    page.wait_for_url(re.compile(r".*/workbook/unggahan/[0-9a-f-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hasil uji coba workbook")
    expect(page.get_by_text("Bila diterapkan: 0 baris baru, 1 diubah,")).to_be_visible()
    expect(page.locator("tr.lembar-target td")).to_have_text(["0", "1", "8"])
    cek_aksesibilitas(page)
    assert Target.objects.get(indikator__kode="IK2", tahun=2026).nilai == Decimal(
        10
    )  # the dry run saved nothing
    page.get_by_role("button", name="Terapkan (0 baru, 1 diubah)").click()
    page.wait_for_load_state("load")
    expect(page.get_by_text("diterapkan: 0 baris baru, 1 diubah")).to_be_visible()
    cek_aksesibilitas(page)
    assert Target.objects.get(indikator__kode="IK2", tahun=2026).nilai == Decimal(9)
    assert Target.objects.filter(indikator__instansi=unit).count() == 9
    assert UnggahanWorkbook.objects.get().status == "diterapkan"
    jejak = Jejak.objects.get(aksi="impor", keterangan="workbook")
    assert f"workbook-{SLUG}-2025.xlsx" in jejak.baru and "target: 0 created, 1 updated" in jejak.baru

    # through the app alone
    assert not [u for u in dikunjungi if "/admin/" in u]
