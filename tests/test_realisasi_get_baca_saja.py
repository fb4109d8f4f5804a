"""Opening the realisasi or budget realisasi page writes nothing: no submission row is created
(the page shows status draf from its absence) and the unit's dashboard cache token survives; the
first save creates the row."""

import pytest
from django.test import Client

from anggaran.models import BarisAnggaran
from pengukuran.models import PengajuanRealisasi
from tembolok.models import Token
from tembolok.services import token

pytestmark = pytest.mark.django_db


def masuk(user):
    c = Client()
    c.force_login(user)
    return c


@pytest.mark.parametrize(
    "url", ["/unit/bantargebang/realisasi/2025/TW4/", "/unit/bantargebang/anggaran/2024/realisasi/TW1/"]
)
def test_page_view_creates_no_row_and_keeps_the_cache(pk_manual, pengguna_demo, url):
    ins = pk_manual.instansi
    PengajuanRealisasi.objects.filter(instansi=ins).delete()
    t = token("i", ins.id)
    r = masuk(pengguna_demo["operator"]).get(url)
    assert r.status_code == 200 and "Draf" in r.content.decode()
    assert not PengajuanRealisasi.objects.filter(instansi=ins).exists()
    assert Token.objects.filter(jenis="i", objek=ins.id, token=t).exists()


def test_first_save_creates_the_submission_row(pk_manual, pengguna_demo):
    ins = pk_manual.instansi
    PengajuanRealisasi.objects.filter(instansi=ins).delete()
    b = BarisAnggaran.objects.get(sub_kegiatan__kode="7.01.01.2.01.0006")  # pagu 5.000.000
    r = masuk(pengguna_demo["operator"]).post(
        "/unit/bantargebang/anggaran/2024/realisasi/TW1/simpan/", {f"baris-{b.id}": "1.250.000"}, follow=True
    )
    assert "disimpan (1 baris berubah)" in r.content.decode()
    p = PengajuanRealisasi.objects.get(instansi=ins, tahun=2024, periode="TW1")
    assert p.status == "draft"
