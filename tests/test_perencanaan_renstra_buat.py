"""A unit with no Renstra creates one in the app: its operator or the pemda's admin; the period
is checked (years 2000–2100, end not before start, at most five years, no overlap) and a refusal
names the field; nothing is saved on a refusal; the creation is audited."""

import pytest

from audit.models import Aksi, Jejak
from perencanaan.models import Renstra
from tests.unit_baru_bantu import unit_baru

pytestmark = pytest.mark.django_db
URL = "/unit/kec-baru/renstra/buat/"
SAH = {
    "tahun_awal": "2025",
    "tahun_akhir": "2029",
    "nama": "Renstra Kecamatan Baru 2025–2029",
    "rpjmd": "RPJMD Kota Baru 2025–2029",
}


def test_empty_unit_offers_buat_renstra_to_its_operator_only():
    u = unit_baru()
    html = u.op.get("/unit/kec-baru/renstra/").content.decode()
    assert "Belum ada Renstra." in html and URL in html
    html = u.pembaca.get("/unit/kec-baru/renstra/").content.decode()
    assert "Belum ada Renstra." in html and URL not in html
    form = u.op.get(URL).content.decode()
    assert "contoh: 2025" in form and "RPJMD/RPD" in form and "contoh: RPJMD" in form


def test_operator_creates_the_renstra_audited():
    u = unit_baru()
    r = u.op.post(URL, SAH)
    assert r.status_code == 302 and r["Location"] == "/unit/kec-baru/renstra/"
    renstra = Renstra.objects.get(instansi=u.unit)
    assert (renstra.tahun_awal, renstra.tahun_akhir) == (2025, 2029)
    assert renstra.nama == SAH["nama"] and renstra.rpjmd == SAH["rpjmd"]
    jejak = Jejak.objects.filter(objek="perencanaan.Renstra", objek_id=str(renstra.pk), aksi=Aksi.BUAT)
    assert {j.field for j in jejak} == {"nama", "tahun_awal", "tahun_akhir", "rpjmd"}
    assert jejak.first().user == u.op_user
    assert SAH["nama"] in u.op.get("/unit/kec-baru/renstra/").content.decode()


def test_pemda_admin_may_create_it_too():
    u = unit_baru()
    assert u.admin.post(URL, {**SAH, "tahun_awal": "2026", "tahun_akhir": "2026"}).status_code == 302
    assert Renstra.objects.filter(instansi=u.unit, tahun_awal=2026, tahun_akhir=2026).count() == 1


@pytest.mark.parametrize(
    "ubah, bidang, pesan",
    [
        ({"tahun_akhir": "2024"}, "tahun_akhir", "sebelum tahun awal"),
        ({"tahun_akhir": "2030"}, "tahun_akhir", "paling lama 5 tahun"),
        ({"tahun_awal": "1999"}, "tahun_awal", "2000"),
        ({"tahun_akhir": "2101"}, "tahun_akhir", "2100"),
        ({"tahun_awal": "dua ribu"}, "tahun_awal", "bilangan"),
        ({"nama": "  "}, "nama", "tidak boleh kosong"),
        ({"rpjmd": ""}, "rpjmd", "tidak boleh kosong"),
    ],
)
def test_invalid_period_is_refused_with_the_field_named(ubah, bidang, pesan):
    u = unit_baru()
    r = u.op.post(URL, {**SAH, **ubah})
    assert r.status_code == 200
    assert pesan in " ".join(r.context["form"].errors[bidang]).lower()
    assert not Renstra.objects.exists()


def test_overlapping_period_is_refused():
    u = unit_baru()
    u.op.post(URL, SAH)
    r = u.op.post(URL, {**SAH, "tahun_awal": "2029", "tahun_akhir": "2033", "nama": "Renstra berikutnya"})
    assert r.status_code == 200
    assert "bertumpang tindih" in " ".join(r.context["form"].errors["tahun_awal"])
    assert Renstra.objects.filter(instansi=u.unit).count() == 1
    # the next period, right after, is accepted
    assert u.op.post(URL, {**SAH, "tahun_awal": "2030", "tahun_akhir": "2034"}).status_code == 302
    assert Renstra.objects.filter(instansi=u.unit).count() == 2


def test_viewer_gets_403_and_others_404():
    u = unit_baru()
    assert u.pembaca.get(URL).status_code == 403
    assert u.pembaca.post(URL, SAH).status_code == 403
    assert u.pimpinan.post(URL, SAH).status_code == 403
    assert u.op_tetangga.post(URL, SAH).status_code == 404
    assert u.admin_lain.post(URL, SAH).status_code == 404
    assert u.admin_lain.get(URL).status_code == 404
    assert not Renstra.objects.exists()
