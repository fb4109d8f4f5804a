"""An issued version's files never change: after editing a text block and an indicator, the
stored DOCX and PDF are byte-identical and the stored hashes unchanged."""

import hashlib

import pytest

from laporan.models import TerbitanLKIP
from laporan.services import simpan_teks, terbitkan_lkip
from perencanaan.models import Indikator
from tests.terbitan_bantu import baca, tanpa_libreoffice

pytestmark = pytest.mark.django_db


def test_issued_files_unchanged_after_later_edits(pengguna_demo, demo, monkeypatch, masuk_sebagai):
    tanpa_libreoffice(monkeypatch)
    t = terbitkan_lkip(user=pengguna_demo["pimpinan"], instansi=demo, tahun=2024)
    docx, pdf, sha, isi = baca(t.berkas_docx), baca(t.berkas_pdf), t.sha256, t.isi_beku
    simpan_teks(
        user=pengguna_demo["operator"],
        instansi=demo,
        tahun=2024,
        bagian="kata_pengantar",
        teks="Diubah kemudian.",
    )
    ind = Indikator.objects.get(instansi=demo, kode="IKU2")
    ind.nama = "Nama Diubah Setelah Terbit"
    ind.save()
    t = TerbitanLKIP.objects.get(pk=t.pk)
    assert baca(t.berkas_docx) == docx and baca(t.berkas_pdf) == pdf
    assert (t.sha256, t.isi_beku) == (sha, isi)
    assert hashlib.sha256(docx).hexdigest() == t.sha256_docx
    # the download serves the stored bytes, not a new rendering
    c = masuk_sebagai("pembaca")
    r = c.get(f"/unit/{demo.slug}/lkip/2024/terbitan/1.docx")
    assert r.status_code == 200 and r.content == docx
    r = c.get(f"/unit/{demo.slug}/lkip/2024/terbitan/1.pdf")
    assert r.status_code == 200 and r.content == pdf
