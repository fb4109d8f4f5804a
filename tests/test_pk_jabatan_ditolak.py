"""Refusals around a position's PK: who may not make or sign one (403; another unit 404; the
service refuses too), a position without indicators or with a draft already, a PIHAK PERTAMA other
than the position itself; each said as a message, nothing made. Every change is audited."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from audit.models import Jejak
from dasar.galat import Ditolak
from organisasi.models import Instansi, Pejabat
from perencanaan import services
from perencanaan.models import PerjanjianKinerja
from tests.pk_jabatan_bantu import sekcam_2025

pytestmark = pytest.mark.django_db
BUAT = "/unit/bantargebang/pk/2025/jabatan/buat/"


def _user(nama):
    return get_user_model().objects.get(username=nama)


def test_who_may_not(masuk_sebagai, demo_pk_jabatan):
    ins = Instansi.objects.get(slug="bantargebang")
    sekcam, _ip = sekcam_2025(ins)
    for nama in ("pembaca", "evaluator"):
        assert masuk_sebagai(nama).post(BUAT, {"jabatan": sekcam.pk}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.buat_pk(user=_user("pembaca"), instansi=ins, tahun=2025, jabatan=sekcam)
    assert not PerjanjianKinerja.objects.filter(tahun=2025).exists()
    # the operator makes it but may not sign it; the pimpinan may
    op = masuk_sebagai("operator")
    op.post(BUAT, {"jabatan": sekcam.pk})
    pk = PerjanjianKinerja.objects.get(tahun=2025, jabatan=sekcam)
    url = "/unit/bantargebang/pk/2025/jabatan/sekcam/1/tandatangani/"
    assert op.get(url).status_code == 403
    with pytest.raises(PermissionDenied):
        services.tandatangani(user=_user("operator"), pk=pk)
    assert Jejak.objects.filter(
        objek="perencanaan.PerjanjianKinerja", objek_id=str(pk.pk), aksi="buat"
    ).exists()


def test_refusals_are_messages(masuk_sebagai, demo_pk_jabatan):
    ins = Instansi.objects.get(slug="bantargebang")
    sekcam, _ip = sekcam_2025(ins)
    camat = Pejabat.objects.get(instansi=ins, kode="camat")
    op = masuk_sebagai("operator")
    # a position owning no indicator with a 2026 target is not offered, and refused if posted
    r = op.post("/unit/bantargebang/pk/2027/jabatan/buat/", {"jabatan": sekcam.pk})
    assert r.status_code == 400 and "Belum ada jabatan di bawah kepala unit" in r.content.decode()
    with pytest.raises(Ditolak) as e:
        services.buat_pk(user=_user("operator"), instansi=ins, tahun=2027, jabatan=sekcam)
    assert "belum memiliki indikator dengan target tahun 2027" in str(e.value.bidang["jabatan"])
    # a draft already exists: a second one is refused with the reason
    op.post(BUAT, {"jabatan": sekcam.pk})
    r = op.post(BUAT, {"jabatan": sekcam.pk})
    assert r.status_code == 400 and "masih draf" in r.content.decode()
    assert PerjanjianKinerja.objects.filter(tahun=2025, jabatan=sekcam).count() == 1
    # the PIHAK PERTAMA of the Sekcam's PK is the Sekcam
    r = op.post(
        "/unit/bantargebang/pk/2025/jabatan/sekcam/penandatangan/",
        {"pihak_pertama": camat.pk, "pihak_kedua": camat.pk, "tempat": "Bekasi", "tanggal": "2025-01-02"},
    )
    assert (
        r.status_code == 400
        and "PIHAK PERTAMA PK jabatan ini adalah Sekretaris Kecamatan" in r.content.decode()
    )
    pk = PerjanjianKinerja.objects.get(tahun=2025, jabatan=sekcam)
    assert pk.pihak_pertama == sekcam and pk.tanggal is None
    # signing with something missing: a message, nothing signed
    pim = masuk_sebagai("pimpinan")
    r = pim.post("/unit/bantargebang/pk/2025/jabatan/sekcam/1/tandatangani/", {"sha256": "x"}, follow=True)
    assert "Belum dapat ditandatangani" in r.content.decode()
    pk.refresh_from_db()
    assert not pk.ditandatangani
    services.ubah_penandatangan(
        user=_user("operator"),
        pk=pk,
        pihak_pertama=sekcam,
        pihak_kedua=camat,
        tempat="",
        tanggal=dt.date(2025, 1, 2),
    )
    # a signed PK: changing its signatories is refused
    services.tandatangani(user=_user("pimpinan"), pk=pk)
    pk.refresh_from_db()
    with pytest.raises(Ditolak):
        services.ubah_penandatangan(
            user=_user("operator"), pk=pk, pihak_pertama=sekcam, pihak_kedua=camat, tempat="X", tanggal=None
        )
