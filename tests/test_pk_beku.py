"""Signed means frozen: a signed PK's documents render only from the snapshot stored at signing.

Compared byte for byte: the DOCX (``laporan.keluaran.render_docx`` dates every zip entry
1980-01-01 and keeps the template's core properties, so equal content gives equal bytes) and the
HTML; the DOCX's extracted text (paragraphs, tables, page header) is compared too, to say what
differs when it does.
"""

import datetime
import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation
from docx import Document

from akun.models import Peran
from dasar.sidik import sidik
from laporan import keluaran
from laporan.perjanjian import bangun_perjanjian
from organisasi.models import Instansi, Pejabat
from perencanaan import services
from perencanaan.models import Indikator, PerjanjianKinerja, PKIndikator
from tests.wb_utils import column_of, demo_copy

pytestmark = pytest.mark.django_db


def _isi_docx(data: bytes) -> list[str]:
    doc = Document(io.BytesIO(data))
    parts = [p.text for s in doc.sections for p in s.header.paragraphs]
    parts += [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return parts


def _render(instansi, tahun):
    dok = bangun_perjanjian(instansi, tahun)
    return keluaran.render_docx(dok), keluaran.render_html(dok)


def _ganti_nama(instansi):
    """The edits of the attack: an indicator, both officials and the unit renamed after signing."""
    ind = Indikator.objects.get(instansi=instansi, kode="IKU1")
    ind.nama = "Indikator Diganti Setelah Tanda Tangan"
    ind.satuan = "Poin"
    ind.save()
    for p in Pejabat.objects.filter(pemda=instansi.pemda):
        p.nama, p.jabatan, p.nip = "PEJABAT LAIN", "Jabatan Lain", "198001012005011002"
        p.save()
    Instansi.objects.filter(pk=instansi.pk).update(nama="Kecamatan Berganti Nama", kota="Kota Lain")


def test_the_imported_signed_pk_has_its_snapshot(demo):
    pk = PerjanjianKinerja.objects.get(instansi=demo, tahun=2024, versi=1)
    assert pk.ditandatangani
    isi = pk.isi_beku
    assert pk.sha256 == sidik(isi) and len(pk.sha256) == 64
    assert isi["instansi"] == "Kecamatan Bantargebang" and isi["pemda"] == "Kota Bekasi"
    assert isi["pihak_pertama"] == {
        "nama": "CECEP MIFTAH FARID, S.STP., M.M.",
        "jabatan": "Camat Bantargebang",
        "pangkat_golongan": "Pembina Tingkat I (IV/b)",
        "nip": "19760913 199701 1 001",
    }
    assert isi["pihak_kedua"]["jabatan"] == "Penjabat Wali Kota Bekasi"
    assert [r["target"] for r in isi["indikator"]] == ["83", "74,15", "40 %"]
    assert len(isi["program"]) == 5 and isi["jumlah_anggaran"] == "Rp 23.459.734.760"
    assert isi["tempat_tanggal"].startswith("Bantargebang, ")
    teks = bangun_perjanjian(demo, 2024).semua_teks()
    assert f"Kode verifikasi SHA-256: {pk.sha256}" in teks


def test_signed_pk_document_unchanged_after_renames(demo):
    docx_sebelum, html_sebelum = _render(demo, 2024)
    sha = PerjanjianKinerja.objects.get(instansi=demo, tahun=2024, versi=1).sha256
    assert f"Kode verifikasi SHA-256: {sha}" in _isi_docx(docx_sebelum)
    _ganti_nama(demo)
    demo.refresh_from_db()
    docx_sesudah, html_sesudah = _render(demo, 2024)
    assert _isi_docx(docx_sesudah) == _isi_docx(docx_sebelum)
    assert docx_sesudah == docx_sebelum and html_sesudah == html_sebelum
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(docx_sesudah)).infolist()} == {
        keluaran.ZIP_TANGGAL
    }
    pk = PerjanjianKinerja.objects.get(instansi=demo, tahun=2024, versi=1)
    assert pk.sha256 == sha == sidik(pk.isi_beku)
    teks = "\n".join(_isi_docx(docx_sesudah))
    assert "Diganti" not in teks and "PEJABAT LAIN" not in teks and "Berganti" not in teks
    assert "Indeks Kepuasan Masyarakat Terhadap Layanan Publik" in teks and "CECEP MIFTAH FARID" in teks


def test_a_draft_renders_live_and_signing_freezes_it(demo):
    lama = PerjanjianKinerja.objects.get(instansi=demo, tahun=2024, versi=1)
    user = get_user_model().objects.create_user("pimpinan-uji", password="x")
    Peran.objects.create(user=user, jenis=Peran.Jenis.OPERATOR, instansi=demo)
    Peran.objects.create(user=user, jenis=Peran.Jenis.PIMPINAN, instansi=demo)
    draf = services.buat_pk(
        user=user,
        instansi=demo,
        tahun=2024,
        pihak_pertama=lama.pihak_pertama,
        pihak_kedua=lama.pihak_kedua,
        sumber="pk",
    )
    assert draf.versi == 2 and draf.isi_beku is None and draf.sha256 == ""
    ind = Indikator.objects.get(instansi=demo, kode="IKU1")
    ind.nama = "Nama Baru Sebelum Tanda Tangan"
    ind.save()
    # the signed versi 1 stays in force (and frozen) while versi 2 is a draft
    assert "Nama Baru Sebelum Tanda Tangan" not in bangun_perjanjian(demo, 2024).semua_teks()
    Pejabat.objects.filter(pk=lama.pihak_kedua_id).update(nama="Dr. H. Wali Kota, M.Si.")
    draf.refresh_from_db()
    services.ubah_penandatangan(
        user=user,
        pk=draf,
        pihak_pertama=lama.pihak_pertama,
        pihak_kedua=draf.pihak_kedua,
        tempat="Bekasi",
        tanggal=datetime.date(2024, 7, 1),
    )
    services.tandatangani(user=user, pk=draf)
    draf.refresh_from_db()
    assert draf.isi_beku["tempat_tanggal"] == "Bekasi, 1 Juli 2024"
    assert draf.ditandatangani and draf.sha256 == sidik(draf.isi_beku)
    assert draf.isi_beku["versi"] == 2
    assert draf.isi_beku["indikator"][0]["indikator"] == "Nama Baru Sebelum Tanda Tangan"
    docx_sebelum, html_sebelum = _render(demo, 2024)
    ind.nama = "Nama Sesudah Tanda Tangan"
    ind.save()
    docx_sesudah, html_sesudah = _render(demo, 2024)
    assert _isi_docx(docx_sesudah) == _isi_docx(docx_sebelum)
    assert docx_sesudah == docx_sebelum and html_sesudah == html_sebelum
    assert f"Kode verifikasi SHA-256: {draf.sha256}" in html_sesudah
    assert "Perjanjian Kinerja Perubahan ke-1" in html_sesudah


def test_a_draft_shows_no_verification_code_and_reads_live_data(demo):
    lama = PerjanjianKinerja.objects.get(instansi=demo, tahun=2024, versi=1)
    draf = PerjanjianKinerja.objects.create(
        instansi=demo, tahun=2025, versi=1, pihak_pertama=lama.pihak_pertama, pihak_kedua=lama.pihak_kedua
    )
    ind = Indikator.objects.get(instansi=demo, kode="IKU1")
    PKIndikator.objects.create(pk_dokumen=draf, indikator=ind, target=84, no=1)
    ind.nama = "Nama Draf Terkini"
    ind.save()
    teks = "\n".join(bangun_perjanjian(demo, 2025).semua_teks())
    assert "Nama Draf Terkini" in teks and "Kode verifikasi" not in teks


def test_reimport_with_other_names_keeps_the_frozen_snapshot(demo, tmp_path):
    pk = PerjanjianKinerja.objects.get(instansi=demo, tahun=2024, versi=1)
    sebelum, sha = pk.isi_beku, pk.sha256
    html_sebelum = _render(demo, 2024)[1]
    path = demo_copy(
        tmp_path,
        {
            ("pejabat", f"{column_of('pejabat', 'nama')}2"): "CAMAT BARU",
            ("indikator", f"{column_of('indikator', 'nama')}2"): "Indikator Impor Baru",
        },
    )
    call_command("import_workbook", str(path))
    assert Pejabat.objects.filter(nama="CAMAT BARU").exists()
    assert Indikator.objects.filter(nama="Indikator Impor Baru").exists()
    pk.refresh_from_db()
    assert pk.isi_beku == sebelum and pk.sha256 == sha
    assert _render(demo, 2024)[1] == html_sebelum


def test_a_pk_signed_before_snapshots_existed_is_frozen_on_first_render(demo):
    PerjanjianKinerja.objects.filter(instansi=demo, tahun=2024).update(isi_beku=None, sha256="")
    html = _render(demo, 2024)[1]
    pk = PerjanjianKinerja.objects.get(instansi=demo, tahun=2024, versi=1)
    assert pk.isi_beku is not None and pk.sha256 == sidik(pk.isi_beku)
    assert f"Kode verifikasi SHA-256: {pk.sha256}" in html


def test_the_pk_page_shows_the_signed_content_and_its_code(pengguna_demo, masuk_sebagai):
    demo = Instansi.objects.get(slug="bantargebang")
    sha = PerjanjianKinerja.objects.get(instansi=demo, tahun=2024, versi=1).sha256
    _ganti_nama(demo)
    html = masuk_sebagai("pembaca").get("/unit/bantargebang/pk/2024/").content.decode()
    assert f"<code>{sha}</code>" in html and "Ditampilkan sebagaimana ditandatangani." in html
    assert "Indeks Kepuasan Masyarakat Terhadap Layanan Publik" in html and "CECEP MIFTAH FARID" in html
    assert "Indikator Diganti Setelah Tanda Tangan" not in html and "PEJABAT LAIN" not in html
    c = masuk_sebagai("pembaca")
    c.post("/i18n/setlang/", {"language": "en", "next": "/"})
    with translation.override("id"):  # the request activates English in this thread: not beyond this test
        assert "SHA-256 verification code" in c.get("/unit/bantargebang/pk/2024/").content.decode()


def test_the_import_freezes_in_bulk_what_signing_one_would_store(demo, django_assert_max_num_queries):
    from laporan.perjanjian import bekukan_banyak, isi_beku_pk

    pk = PerjanjianKinerja.objects.select_related("pihak_pertama", "pihak_kedua", "instansi__pemda").get(
        instansi=demo, tahun=2024, versi=1
    )
    assert isi_beku_pk(pk) == (pk.isi_beku, pk.sha256)  # the one-PK path gives the same content
    # many PKs at once: a fixed number of queries
    lain = []
    for i in range(5):
        ins = Instansi.objects.create(pemda=demo.pemda, slug=f"unit-{i}", nama=f"Kecamatan {i}")
        camat = Pejabat.objects.create(
            pemda=demo.pemda, instansi=ins, kode="camat", nama=f"Camat {i}", jabatan="Camat"
        )
        p = PerjanjianKinerja.objects.create(instansi=ins, tahun=2024, pihak_pertama=camat)
        PKIndikator.objects.create(
            pk_dokumen=p, indikator=Indikator.objects.get(kode="IKU1"), target=80, no=1
        )
        PerjanjianKinerja.objects.filter(pk=p.pk).update(status="ditandatangani")
        lain.append(p.pk)
    pks = list(
        PerjanjianKinerja.objects.filter(pk__in=lain).select_related(
            "pihak_pertama", "pihak_kedua", "instansi__pemda"
        )
    )
    with django_assert_max_num_queries(12):
        assert bekukan_banyak(pks) == 5
    for p in PerjanjianKinerja.objects.filter(pk__in=lain):
        assert (
            p.sha256 == sidik(p.isi_beku)
            and p.isi_beku["pihak_kedua"]["jabatan"] == "Penjabat Wali Kota Bekasi"
        )


def test_periksa_reports_a_signed_pk_whose_content_no_longer_matches_its_code(demo):
    from pengukuran.periksa import periksa

    def pesan():
        with translation.override("id"):
            return [t.message for t in periksa(demo, 2024) if t.where == "pk 2024 versi 1"]

    assert pesan() == []
    isi = PerjanjianKinerja.objects.get(instansi=demo, tahun=2024, versi=1).isi_beku
    isi["indikator"][0]["target"] = "99"
    PerjanjianKinerja.objects.filter(instansi=demo, tahun=2024, versi=1).update(isi_beku=isi)
    assert pesan() == ["isi Perjanjian Kinerja yang ditandatangani tidak cocok dengan kode verifikasinya"]
