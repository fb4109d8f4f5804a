"""``+ Tujuan`` on a unit without a Renstra is not a server error: it sends the operator to
"Buat Renstra" with a message, and saves nothing."""

import pytest

from perencanaan.models import Tujuan
from tests.unit_baru_bantu import unit_baru

pytestmark = pytest.mark.django_db


def test_tambah_tujuan_without_renstra_sends_to_buat_renstra():
    u = unit_baru()
    r = u.op.get("/unit/kec-baru/renstra/tujuan/baru/")
    assert r.status_code == 302 and r["Location"] == "/unit/kec-baru/renstra/buat/"
    r = u.op.post("/unit/kec-baru/renstra/tujuan/baru/", {"kode": "T1", "uraian": "Tujuan"}, follow=True)
    assert r.status_code == 200
    assert "buat Renstra terlebih dahulu" in r.content.decode()
    assert not Tujuan.objects.exists()


def test_after_creating_the_renstra_the_tujuan_is_added_to_it():
    u = unit_baru()
    u.op.post(
        "/unit/kec-baru/renstra/buat/",
        {"tahun_awal": "2025", "tahun_akhir": "2027", "nama": "Renstra 2025–2027", "rpjmd": "RPD Kota Baru"},
    )
    r = u.op.post("/unit/kec-baru/renstra/tujuan/baru/", {"kode": "T1", "uraian": "Kecamatan yang tertib"})
    assert r.status_code == 302
    t = Tujuan.objects.get(instansi=u.unit)
    assert t.renstra.nama == "Renstra 2025–2027" and t.kode == "T1"
