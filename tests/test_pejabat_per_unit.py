"""Officials are keyed per unit: importing another unit's workbook never moves Bantargebang's Camat."""

import pytest
from django.db import IntegrityError, transaction

from laporan import keluaran
from laporan.perjanjian import bangun_perjanjian
from organisasi.models import Instansi, Pejabat
from perencanaan.models import PerjanjianKinerja
from workbook import writer
from workbook.importer import import_workbook

pytestmark = pytest.mark.django_db


def _workbook_bekasi_timur(path, nama_camat="ARIF BEKASI TIMUR, S.STP.", pk=True):
    data = {
        "instansi": [
            {
                "slug": "bekasi-timur",
                "nama": "Kecamatan Bekasi Timur",
                "pemda": "kota-bekasi",
                "jenis": "kecamatan",
            }
        ],
        "pejabat": [
            {
                "pemda": "kota-bekasi",
                "kode": "camat",
                "jabatan": "Camat Bekasi Timur",
                "instansi": "bekasi-timur",
                "nama": nama_camat,
                "nip": "198001012005011002",
            }
        ],
    }
    if pk:
        data["pk"] = [
            {
                "instansi": "bekasi-timur",
                "tahun": 2024,
                "versi": 1,
                "pihak_pertama": "camat",
                "pihak_kedua": "walikota",
                "status": "draft",
            }
        ]
    writer.tulis(data, path)
    return path


def test_two_kecamatan_each_have_a_camat_and_the_import_moves_neither(demo, tmp_path):
    camat = Pejabat.objects.get(instansi=demo, kode="camat")
    pk = PerjanjianKinerja.objects.get(instansi=demo, tahun=2024, versi=1)
    isi_beku, sha = pk.isi_beku, pk.sha256
    html = keluaran.render_html(bangun_perjanjian(demo, 2024))

    hasil = import_workbook(_workbook_bekasi_timur(tmp_path / "bt.xlsx"))
    assert hasil.ok, hasil.errors
    timur = Instansi.objects.get(slug="bekasi-timur")
    assert Pejabat.objects.filter(pemda=demo.pemda, kode="camat").count() == 2
    lain = Pejabat.objects.get(instansi=timur, kode="camat")
    assert lain.id != camat.id and lain.nama == "ARIF BEKASI TIMUR, S.STP."
    # Bantargebang's Camat is where and who it was
    camat_lagi = Pejabat.objects.get(pk=camat.pk)
    assert (camat_lagi.instansi_id, camat_lagi.nama, camat_lagi.jabatan, camat_lagi.nip) == (
        demo.id,
        camat.nama,
        camat.jabatan,
        camat.nip,
    )
    # the other unit's PK names its own camat and the pemda's Wali Kota
    pk_timur = PerjanjianKinerja.objects.get(instansi=timur, tahun=2024)
    assert pk_timur.pihak_pertama_id == lain.id
    assert pk_timur.pihak_kedua == Pejabat.objects.get(pemda=demo.pemda, instansi=None, kode="walikota")

    # a later rename of the other unit's camat, by re-import, leaves Bantargebang unchanged too
    hasil = import_workbook(_workbook_bekasi_timur(tmp_path / "bt2.xlsx", nama_camat="NAMA LAIN", pk=False))
    assert hasil.ok, hasil.errors
    assert Pejabat.objects.get(pk=camat.pk).nama == camat.nama
    pk.refresh_from_db()
    assert PerjanjianKinerja.objects.get(pk=pk.pk).pihak_pertama_id == camat.id
    assert (pk.isi_beku, pk.sha256) == (isi_beku, sha)
    assert keluaran.render_html(bangun_perjanjian(demo, 2024)) == html
    # and re-importing Bantargebang's own workbook still matches its own camat
    from django.conf import settings

    hasil = import_workbook(settings.DEMO_WORKBOOK)
    assert hasil.ok, hasil.errors
    assert hasil.counts["pejabat"]["created"] == 0
    assert Pejabat.objects.get(instansi=timur, kode="camat").nama == "NAMA LAIN"


def test_a_pk_naming_an_unknown_official_says_where(demo, tmp_path):
    path = tmp_path / "bt.xlsx"
    writer.tulis(
        {
            "instansi": [{"slug": "bekasi-timur", "nama": "Kecamatan Bekasi Timur", "pemda": "kota-bekasi"}],
            "pk": [{"instansi": "bekasi-timur", "tahun": 2024, "versi": 1, "pihak_pertama": "camat"}],
        },
        path,
    )
    hasil = import_workbook(path)
    # Bantargebang's camat is not Bekasi Timur's: the row is refused, naming sheet, cell and unit
    assert hasil.errors == [
        'pk!D2: unknown pejabat "camat" (neither of instansi bekasi-timur nor of its pemda)'
    ]
    assert not Instansi.objects.filter(slug="bekasi-timur").exists()


def test_the_database_keeps_kode_unique_per_unit_and_per_pemda(demo):
    with pytest.raises(IntegrityError), transaction.atomic():
        Pejabat.objects.create(pemda=demo.pemda, instansi=demo, kode="camat", jabatan="Camat Kedua")
    with pytest.raises(IntegrityError), transaction.atomic():
        Pejabat.objects.create(pemda=demo.pemda, instansi=None, kode="walikota", jabatan="Wali Kota Kedua")
    lain = Instansi.objects.create(pemda=demo.pemda, slug="lain", nama="Kecamatan Lain")
    Pejabat.objects.create(pemda=demo.pemda, instansi=lain, kode="camat", jabatan="Camat Lain")
    assert Pejabat.objects.filter(kode="camat").count() == 2
