"""Deleting a budget line: confirmed with a summary; refused with the reason when the line has
budget realisasi (the money spent stays with its line) or its year is closed; audited."""

from decimal import Decimal

import pytest

from anggaran import services
from anggaran.models import BarisAnggaran, Dukungan, RealisasiAnggaran
from audit.models import Jejak
from dasar.galat import Ditolak
from pengukuran.models import PengajuanRealisasi
from tests.dpa_bantu import unit_baru
from tests.factories import BarisAnggaranFactory, IndikatorFactory, SubKegiatanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def baris(db):
    ins, sek, _kel = unit_baru()
    sub = SubKegiatanFactory(kode="7.01.01.2.06.0004")
    b = BarisAnggaranFactory(instansi=ins, tahun=2025, sub_kegiatan=sub, subunit=sek, pagu=Decimal(850000))
    return ins, b


def test_a_line_with_realisasi_cannot_be_deleted_and_the_page_says_why(baris, masuk_sebagai):
    ins, b = baris
    RealisasiAnggaran.objects.create(baris=b, periode="TW1", nilai=Decimal(425000))
    c = masuk_sebagai("op-mustikajaya")
    url = f"/unit/mustikajaya/anggaran/2025/baris/{b.id}/hapus/"
    page = c.get(url).content.decode()
    assert "tidak dapat dihapus karena sudah ada realisasi anggaran" in page and "TW1 Rp 425.000" in page
    assert "Ya, hapus baris ini" not in page
    r = c.post(url, follow=True)
    assert BarisAnggaran.objects.filter(pk=b.pk).exists()
    assert "sudah ada realisasi anggaran (TW1 Rp 425.000)" in r.content.decode()
    assert not Jejak.objects.filter(aksi="hapus", objek="anggaran.BarisAnggaran").exists()


def test_a_line_without_realisasi_is_deleted_after_confirmation_with_its_links(baris, masuk_sebagai):
    ins, b = baris
    ind = IndikatorFactory(
        instansi=ins,
        sasaran__instansi=ins,
        sasaran__tujuan__instansi=ins,
        sasaran__tujuan__renstra__instansi=ins,
    )
    Dukungan.objects.create(instansi=ins, tahun=2025, kode=b.sub_kegiatan.kode, indikator=ind)
    Dukungan.objects.create(instansi=ins, tahun=2025, kode="7.01.01", indikator=ind)  # the programme stays
    c = masuk_sebagai("op-mustikajaya")
    url = f"/unit/mustikajaya/anggaran/2025/baris/{b.id}/hapus/"
    page = c.get(url).content.decode()
    assert "7.01.01.2.06.0004" in page and "Rp 850.000" in page and "Ya, hapus baris ini" in page
    r = c.post(url)
    assert r.status_code == 302 and r["Location"] == "/unit/mustikajaya/anggaran/2025/dpa/"
    assert not BarisAnggaran.objects.filter(pk=b.pk).exists()
    assert list(Dukungan.objects.filter(instansi=ins).values_list("kode", flat=True)) == ["7.01.01"]
    assert Jejak.objects.filter(aksi="hapus", objek="anggaran.BarisAnggaran", objek_id=str(b.id)).exists()


def test_a_closed_year_keeps_its_lines(baris):
    ins, b = baris
    PengajuanRealisasi.objects.create(
        instansi=ins, tahun=2025, periode="TW4", status="terkunci", alur="anggaran"
    )
    from django.contrib.auth import get_user_model

    op = get_user_model().objects.get(username="op-mustikajaya")
    with pytest.raises(Ditolak, match="sudah ditutup"):
        services.hapus_baris(user=op, baris_anggaran=b)
    assert BarisAnggaran.objects.filter(pk=b.pk).exists()


def test_readers_cannot_delete(baris, masuk_sebagai):
    ins, b = baris
    url = f"/unit/mustikajaya/anggaran/2025/baris/{b.id}/hapus/"
    assert masuk_sebagai("pim-mustikajaya").post(url).status_code == 403
    unit_baru("rawalumbu")
    assert masuk_sebagai("op-rawalumbu").post(url).status_code == 404
    assert BarisAnggaran.objects.filter(pk=b.pk).exists()
