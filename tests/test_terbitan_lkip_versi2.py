"""A later issue is a new version listing what changed from the previous one (sections, tables,
numbers), in Indonesian; an unchanged content is not issued again."""

import pytest

from dasar.galat import Ditolak
from laporan.models import TerbitanLKIP
from laporan.services import simpan_teks, terbitkan_lkip
from perencanaan.models import Indikator
from tests.terbitan_bantu import tanpa_libreoffice

pytestmark = pytest.mark.django_db


def test_second_issue_is_version_2_with_the_changes_listed(pengguna_demo, demo, monkeypatch):
    tanpa_libreoffice(monkeypatch)
    pimpinan = pengguna_demo["pimpinan"]
    v1 = terbitkan_lkip(user=pimpinan, instansi=demo, tahun=2024)
    simpan_teks(
        user=pengguna_demo["operator"],
        instansi=demo,
        tahun=2024,
        bagian="kata_pengantar",
        teks="Pengantar baru.",
    )
    ind = Indikator.objects.get(instansi=demo, kode="IKU2")
    lama = ind.nama
    ind.nama = "Indikator Dengan Nama Baru"
    ind.save()
    v2 = terbitkan_lkip(user=pimpinan, instansi=demo, tahun=2024)
    v2 = TerbitanLKIP.objects.get(pk=v2.pk)
    assert v2.nomor == 2 and v2.sha256 != v1.sha256
    assert TerbitanLKIP.objects.filter(instansi=demo, tahun=2024).count() == 2
    assert "Teks bagian Kata Pengantar berubah" in v2.perubahan
    sel = [
        p for p in v2.perubahan if p.startswith("Tabel ") and f"{lama} \u2192 Indikator Dengan Nama Baru" in p
    ]
    assert sel, v2.perubahan
    assert v2.berkas_docx != v1.berkas_docx and v2.berkas_pdf != v1.berkas_pdf


def test_unchanged_content_is_not_issued_again(pengguna_demo, demo, monkeypatch):
    tanpa_libreoffice(monkeypatch)
    terbitkan_lkip(user=pengguna_demo["pimpinan"], instansi=demo, tahun=2024)
    with pytest.raises(Ditolak, match="sama dengan versi 1"):
        terbitkan_lkip(user=pengguna_demo["pimpinan"], instansi=demo, tahun=2024)
    assert TerbitanLKIP.objects.filter(instansi=demo, tahun=2024).count() == 1
