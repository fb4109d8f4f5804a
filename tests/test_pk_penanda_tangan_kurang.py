"""A PK with a missing signatory (not chosen, or an official without a name), date or place cannot
be signed: the service refuses, naming what is missing, and the PK stays an editable draft."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from audit.models import Jejak
from dasar.galat import Ditolak
from organisasi.models import Pejabat
from perencanaan import services
from perencanaan.models import PerjanjianKinerja
from tests.factories import InstansiFactory, PejabatFactory

pytestmark = pytest.mark.django_db


def _pengguna():
    User = get_user_model()
    return User.objects.get(username="operator"), User.objects.get(username="pimpinan")


def _tandatangani_ditolak(pim, pk, *kata):
    with pytest.raises(Ditolak) as e:
        services.tandatangani(user=pim, pk=pk)
    for k in kata:
        assert k in str(e.value)
    pk.refresh_from_db()
    assert not pk.ditandatangani and pk.isi_beku is None
    assert not Jejak.objects.filter(
        objek="perencanaan.PerjanjianKinerja", objek_id=str(pk.pk), aksi="tandatangani"
    )


def test_missing_signatory_date_or_name_refuses_signing(pk_manual):
    op, pim = _pengguna()
    pk = PerjanjianKinerja.objects.get(instansi=pk_manual.instansi, tahun=2025)
    _tandatangani_ditolak(pim, pk, "PIHAK KEDUA belum dipilih", "tanggal penandatanganan belum diisi")
    walikota = Pejabat.objects.get(kode="walikota")  # the demo's Wali Kota has no name
    services.ubah_penandatangan(
        user=op,
        pk=pk,
        pihak_pertama=pk.pihak_pertama,
        pihak_kedua=walikota,
        tempat="",
        tanggal=dt.date(2025, 1, 2),
    )
    _tandatangani_ditolak(pim, pk, "nama PIHAK KEDUA (Penjabat Wali Kota Bekasi) belum diisi")
    walikota.nama = "TRI ADHIANTO"
    walikota.save()
    services.tandatangani(user=pim, pk=pk)
    pk.refresh_from_db()
    assert pk.ditandatangani and pk.tanggal == dt.date(2025, 1, 2)
    assert pk.isi_beku["pihak_kedua"]["nama"] == "TRI ADHIANTO"
    assert pk.isi_beku["tempat_tanggal"] == "Bantargebang, 2 Januari 2025"  # no place chosen: the unit's kota


def test_signatories_and_date_are_checked(pk_manual):
    op, _pim = _pengguna()
    pk = PerjanjianKinerja.objects.get(instansi=pk_manual.instansi, tahun=2025)
    lain = PejabatFactory(instansi=InstansiFactory())  # an official of another pemda's unit
    with pytest.raises(Ditolak) as e:
        services.ubah_penandatangan(
            user=op,
            pk=pk,
            pihak_pertama=lain,
            pihak_kedua=lain,
            tempat="Bekasi",
            tanggal=dt.date(2026, 12, 1),
        )
    assert set(e.value.bidang) == {"pihak_pertama", "pihak_kedua", "tanggal"}
    assert "harus pada tahun 2024 atau 2025" in e.value.bidang["tanggal"][0]
    with pytest.raises(Ditolak) as e:
        services.ubah_penandatangan(
            user=op,
            pk=pk,
            pihak_pertama=pk.pihak_pertama,
            pihak_kedua=pk.pihak_pertama,
            tempat="",
            tanggal=None,
        )
    assert "harus pejabat lain" in e.value.bidang["pihak_kedua"][0]
    pk.refresh_from_db()
    assert pk.pihak_kedua is None and pk.tanggal is None


def test_content_changed_since_the_confirmation_is_not_signed(pk_manual):
    op, pim = _pengguna()
    pk = PerjanjianKinerja.objects.get(instansi=pk_manual.instansi, tahun=2025)
    kedua = Pejabat.objects.get(kode="walikota")
    kedua.nama = "TRI ADHIANTO"
    kedua.save()
    services.ubah_penandatangan(
        user=op,
        pk=pk,
        pihak_pertama=pk.pihak_pertama,
        pihak_kedua=kedua,
        tempat="Bekasi",
        tanggal=dt.date(2025, 1, 2),
    )
    with pytest.raises(Ditolak, match="berubah sejak halaman konfirmasi"):
        services.tandatangani(user=pim, pk=pk, sha256="0" * 64)
    pk.refresh_from_db()
    assert not pk.ditandatangani
