"""The unit's zones on one page, one save: created, renamed, reordered and deleted (only a zone
never assessed) by the operator or the pemda's admin, audited; a refusal saves nothing."""

import pytest

from audit.models import Aksi, Jejak
from tests.unit_baru_bantu import unit_baru
from zona.models import PenilaianZona, Zona

pytestmark = pytest.mark.django_db
URL = "/unit/kec-baru/zona/atur/"


def kirim(zones, **lain):
    """The page's POST: every zone as it is, overridden by ``lain``."""
    data = {}
    for z in zones:
        data |= {
            f"nama_{z.id}": z.nama,
            f"urutan_{z.id}": z.urutan,
            f"tahun_nonaktif_{z.id}": z.tahun_nonaktif or "",
        }
    return data | lain


def test_operator_creates_zones_in_one_save_audited():
    u = unit_baru()
    assert "Gerbang TPA" in u.op.get(URL).content.decode()  # the example in the help text
    r = u.op.post(
        URL,
        {
            "kode_baru_0": "Z01",
            "nama_baru_0": "Pasar Baru",
            "urutan_baru_0": "2",
            "kode_baru_1": "Z02",
            "nama_baru_1": "Alun-alun",
            "urutan_baru_1": "1",
        },
    )
    assert r.status_code == 302
    assert list(Zona.objects.filter(instansi=u.unit).values_list("kode", "nama", "urutan")) == [
        ("Z02", "Alun-alun", 1),
        ("Z01", "Pasar Baru", 2),
    ]
    assert Jejak.objects.filter(objek="zona.Zona", aksi=Aksi.BUAT, field="kode").count() == 2
    html = u.op.get("/unit/kec-baru/zona/").content.decode()
    assert html.index("Alun-alun") < html.index("Pasar Baru")  # listed by urutan


def test_rename_and_reorder_in_one_save():
    u = unit_baru()
    a = Zona.objects.create(instansi=u.unit, kode="Z01", nama="Pasar", urutan=1)
    b = Zona.objects.create(instansi=u.unit, kode="Z02", nama="Taman", urutan=2)
    r = u.admin.post(URL, kirim([a, b], **{f"nama_{a.id}": "Pasar Induk", f"urutan_{a.id}": "3"}))
    assert r.status_code == 302
    a.refresh_from_db()
    assert (a.nama, a.urutan) == ("Pasar Induk", 3)
    assert [z.kode for z in Zona.objects.filter(instansi=u.unit)] == ["Z02", "Z01"]
    j = Jejak.objects.get(objek="zona.Zona", objek_id=str(a.id), field="nama")
    assert (j.aksi, j.lama, j.baru) == (Aksi.UBAH, "Pasar", "Pasar Induk")


def test_a_zone_never_assessed_may_be_deleted_an_assessed_one_never():
    u = unit_baru()
    a = Zona.objects.create(instansi=u.unit, kode="Z01", nama="Pasar")
    b = Zona.objects.create(instansi=u.unit, kode="Z02", nama="Taman")
    PenilaianZona.objects.create(zona=b, tahun=2024, bulan=1, kategori="baik")
    # the assessed zone has no delete box; forcing one is refused and nothing is saved
    assert f"hapus_{b.id}" not in u.op.get(URL).content.decode()
    r = u.op.post(URL, kirim([a, b], **{f"hapus_{a.id}": "on", f"nama_{b.id}": "Taman Kota"}))
    assert r.status_code == 302
    assert list(Zona.objects.filter(instansi=u.unit).values_list("kode", flat=True)) == ["Z02"]
    assert Jejak.objects.filter(objek="zona.Zona", objek_id=str(a.id), aksi=Aksi.HAPUS).exists()
    from zona import services

    with pytest.raises(services.Ditolak, match="sudah dinilai"):
        services.atur_zona(
            user=u.op_user,
            instansi=u.unit,
            ubah={b.id: {"nama": "Taman", "urutan": 0, "tahun_nonaktif": None, "hapus": True}},
            baru=[],
        )
    assert Zona.objects.filter(pk=b.pk).exists() and PenilaianZona.objects.filter(zona=b).count() == 1


def test_refusals_name_the_zone_and_save_nothing():
    u = unit_baru()
    a = Zona.objects.create(instansi=u.unit, kode="Z01", nama="Pasar")
    r = u.op.post(
        URL, kirim([a], **{f"nama_{a.id}": "Pasar Lama", "kode_baru_0": "Z01", "nama_baru_0": "Lagi"})
    )
    assert r.status_code == 200 and "Kode zona Z01 sudah dipakai" in r.content.decode()
    r = u.op.post(URL, kirim([a], **{"kode_baru_0": "Z 9", "nama_baru_0": "Spasi"}))
    assert r.status_code == 200 and r.context["form"].errors["kode_baru_0"]
    r = u.op.post(URL, kirim([a], **{"kode_baru_0": "Z09"}))
    assert "Isi nama zona baru Z09" in " ".join(r.context["form"].errors["nama_baru_0"])
    a.refresh_from_db()
    assert a.nama == "Pasar" and Zona.objects.count() == 1


def test_viewer_403_other_unit_and_other_pemda_404():
    u = unit_baru()
    data = {"kode_baru_0": "Z01", "nama_baru_0": "Pasar"}
    assert u.pembaca.post(URL, data).status_code == 403
    assert u.pimpinan.get(URL).status_code == 403
    assert u.op_tetangga.post(URL, data).status_code == 404
    assert u.admin_lain.post(URL, data).status_code == 404
    assert not Zona.objects.exists()
