"""A PK per jabatan: the Sekretaris Kecamatan's own PK is made from the indicators he owns, signed
by him and the Camat, frozen with its snapshot and SHA-256; later edits of the Renstra target, the
indicator or the officials change neither the snapshot nor the document, and the signed PK refuses
any change. The unit's PK in force (LKIP, capaian) stays the Camat's."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from dasar.sidik import sidik
from laporan.perjanjian import muat_pk
from organisasi.models import Instansi, Pejabat
from pengukuran.selectors import pk_berlaku
from perencanaan import services
from perencanaan.models import PerjanjianKinerja, PKIndikator, PKTerkunci, Target
from tests.pk_jabatan_bantu import NAMA_SEKCAM, sekcam_2025

pytestmark = pytest.mark.django_db


def _user(nama):
    return get_user_model().objects.get(username=nama)


def test_sekcam_pk_signed_and_frozen(demo_pk_jabatan):
    ins = Instansi.objects.get(slug="bantargebang")
    sekcam, (ip1, _ip2) = sekcam_2025(ins)
    camat = Pejabat.objects.get(instansi=ins, kode="camat")
    pk = services.buat_pk(user=_user("operator"), instansi=ins, tahun=2025, jabatan=sekcam)
    assert (pk.jabatan, pk.pihak_pertama, pk.pihak_kedua, pk.versi) == (sekcam, sekcam, camat, 1)
    assert [(r.indikator.kode, r.target) for r in pk.indikator.all()] == [
        ("IP1", Decimal(95)),
        ("IP2", Decimal(90)),
    ]
    services.ubah_penandatangan(
        user=_user("operator"),
        pk=pk,
        pihak_pertama=sekcam,
        pihak_kedua=camat,
        tempat="Bekasi",
        tanggal=dt.date(2025, 1, 2),
    )
    services.tandatangani(user=_user("pimpinan"), pk=pk)
    pk.refresh_from_db()
    assert pk.ditandatangani and pk.sha256 == sidik(pk.isi_beku)
    beku = dict(pk.isi_beku)
    assert beku["jabatan"] == "Sekretaris Kecamatan Bantargebang"
    assert beku["pihak_pertama"]["jabatan"] == "Sekretaris Kecamatan Bantargebang"
    assert beku["pihak_kedua"]["nama"] == camat.nama
    assert [(r["kode"], r["target"][:2]) for r in beku["indikator"]] == [("IP1", "95"), ("IP2", "90")]
    assert beku["pihak_pertama"]["nama"] == NAMA_SEKCAM

    # later edits: the Renstra target, the indicator's name, the officials
    Target.objects.filter(indikator=ip1, tahun=2025).update(nilai=Decimal(50))
    ip1.nama = "Nama indikator diganti"
    ip1.save()
    Pejabat.objects.filter(pk=sekcam.pk).update(nama="PEJABAT BARU")
    data = muat_pk(ins, 2025, jabatan=sekcam)
    assert data.isi == beku and data.sha256 == pk.sha256
    # the signed PK and its rows refuse any change
    row = PKIndikator.objects.filter(pk_dokumen=pk).first()
    row.target = Decimal(1)
    with pytest.raises(PKTerkunci):
        row.save()
    pk.keterangan = "diubah"
    with pytest.raises(PKTerkunci):
        pk.save()
    with pytest.raises(PKTerkunci):
        services.ubah_target(user=_user("operator"), row=row, target=Decimal(2))
    # the unit's PK in force is still the Camat's (none in 2025), and 2024's is the demo's
    assert pk_berlaku([ins.id], 2025) == {}
    assert pk_berlaku([ins.id], 2024)[ins.id].jabatan_id is None
    assert PerjanjianKinerja.objects.filter(instansi=ins, tahun=2025).count() == 1
