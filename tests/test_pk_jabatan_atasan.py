"""The PIHAK KEDUA of a new PK defaults to the superior: the unit head (Camat) for a position's PK,
the pemda's head (Wali Kota) for the unit head's; the creation form asks only for the position."""

import pytest

from organisasi.models import Instansi, Pejabat
from perencanaan.models import PerjanjianKinerja
from perencanaan.selectors import atasan_bawaan, jabatan_pemilik
from tests.pk_jabatan_bantu import sekcam_2025

pytestmark = pytest.mark.django_db


def test_second_party_defaults_to_the_superior(masuk_sebagai, demo_pk_jabatan):
    ins = Instansi.objects.get(slug="bantargebang")
    sekcam, _ip = sekcam_2025(ins)
    camat = Pejabat.objects.get(instansi=ins, kode="camat")
    walikota = Pejabat.objects.get(instansi__isnull=True, kode="walikota")
    assert atasan_bawaan(ins, sekcam) == camat
    assert atasan_bawaan(ins, None) == walikota
    assert (sekcam, 2) in jabatan_pemilik(ins, 2025)
    assert camat not in [pj for pj, _n in jabatan_pemilik(ins, 2025)]  # the head is not offered

    c = masuk_sebagai("operator")
    form = c.get("/unit/bantargebang/pk/2025/jabatan/buat/").content.decode()
    assert "Sekretaris Kecamatan Bantargebang (2 indikator)" in form and "CECEP MIFTAH FARID" in form
    assert form.split("<main")[1].count("<select") == 1  # only the position is asked
    r = c.post("/unit/bantargebang/pk/2025/jabatan/buat/", {"jabatan": sekcam.pk})
    assert r.status_code == 302 and r["Location"] == "/unit/bantargebang/pk/2025/jabatan/sekcam/"
    pk = PerjanjianKinerja.objects.get(instansi=ins, tahun=2025, jabatan=sekcam)
    assert (pk.pihak_pertama, pk.pihak_kedua, pk.status) == (sekcam, camat, "draft")

    # the head's PK of the year: PIHAK KEDUA the Wali Kota
    c.post("/unit/bantargebang/pk/2025/buat/")
    kepala = PerjanjianKinerja.objects.get(instansi=ins, tahun=2025, jabatan__isnull=True)
    assert (kepala.pihak_pertama, kepala.pihak_kedua) == (camat, walikota)
