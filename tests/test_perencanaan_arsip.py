"""Archiving (tahun_nonaktif) instead of deleting: from the chosen year an item leaves the targets
grid and new Perjanjian Kinerja, earlier years keep it; the year must come after its last use
(signed PK, realisasi, budget link); it can be made active again; every change is audited."""

from decimal import Decimal

import pytest

from audit.models import Aksi, Jejak
from dasar.galat import Ditolak
from pengukuran.models import Realisasi
from perencanaan import services
from perencanaan.models import PKIndikator, Target
from tests.factories import PejabatFactory
from tests.renstra_bantu import renstra_kecil

pytestmark = pytest.mark.django_db


def test_archive_year_after_last_use_only():
    r = renstra_kecil()
    Realisasi.objects.create(indikator=r.ik1, tahun=2025, periode="TW4", nilai=Decimal(80))
    url = f"/unit/kec-baru/renstra/indikator/{r.ik1.pk}/arsipkan/"
    resp = r.op.post(url, {"tahun_nonaktif": "2025"})
    assert resp.status_code == 200
    assert "masih dipakai pada tahun 2025: arsipkan mulai 2026" in resp.content.decode()
    r.ik1.refresh_from_db()
    assert r.ik1.tahun_nonaktif is None
    # the sasaran above it is used through it, too
    with pytest.raises(Ditolak, match="Sasaran S1.1 masih dipakai pada tahun 2025"):
        services.arsipkan(user=r.op_user, obj=r.s1, tahun=2024)
    resp = r.op.post(url, {"tahun_nonaktif": "2026"})
    assert resp.status_code == 302
    r.ik1.refresh_from_db()
    assert r.ik1.tahun_nonaktif == 2026
    j = Jejak.objects.get(objek="perencanaan.Indikator", objek_id=str(r.ik1.pk), aksi=Aksi.UBAH)
    assert (j.field, j.lama, j.baru) == ("tahun_nonaktif", "", "2026")
    assert "diarsipkan mulai 2026" in r.op.get("/unit/kec-baru/renstra/").content.decode()


def test_archived_items_leave_the_grid_and_new_pk_from_that_year():
    r = renstra_kecil()
    Target.objects.create(indikator=r.ik1, tahun=2025, nilai=80)
    Target.objects.create(indikator=r.ik1, tahun=2026, nilai=82)
    Target.objects.create(indikator=r.ik3, tahun=2026, nilai=60)
    services.arsipkan(user=r.op_user, obj=r.s2, tahun=2026)  # IK3 through its sasaran
    services.arsipkan(user=r.op_user, obj=r.ik1, tahun=2027)
    html = r.op.get("/unit/kec-baru/renstra/target/").content.decode()
    assert f'name="t-{r.ik1.pk}-2026"' in html and f'name="t-{r.ik1.pk}-2027"' not in html
    assert f'name="t-{r.ik3.pk}-2025"' in html and f'name="t-{r.ik3.pk}-2026"' not in html
    # a value for an archived year is refused, nothing saved
    with pytest.raises(Ditolak, match="IK3 diarsipkan untuk tahun 2026"):
        services.simpan_target_renstra(
            user=r.op_user, renstra=r.renstra, isian={(r.ik3.id, 2026): (Decimal(70), None)}
        )
    assert Target.objects.get(indikator=r.ik3, tahun=2026).nilai == 60
    pejabat = PejabatFactory(instansi=r.unit)
    pk = services.buat_pk(user=r.op_user, instansi=r.unit, tahun=2026, pihak_pertama=pejabat)
    assert list(PKIndikator.objects.filter(pk_dokumen=pk).values_list("indikator__kode", flat=True)) == [
        "IK1"
    ]
    pk25 = services.buat_pk(user=r.op_user, instansi=r.unit, tahun=2025, pihak_pertama=pejabat)
    assert list(PKIndikator.objects.filter(pk_dokumen=pk25).values_list("indikator__kode", flat=True)) == [
        "IK1"
    ]


def test_active_again():
    r = renstra_kecil()
    services.arsipkan(user=r.op_user, obj=r.t1, tahun=2027)
    resp = r.op.post(f"/unit/kec-baru/renstra/tujuan/{r.t1.pk}/arsipkan/", {"tahun_nonaktif": ""})
    assert resp.status_code == 302
    r.t1.refresh_from_db()
    assert r.t1.tahun_nonaktif is None
    assert Jejak.objects.filter(objek="perencanaan.Tujuan", field="tahun_nonaktif").count() == 2


def test_year_outside_2000_2100_is_refused():
    r = renstra_kecil()
    resp = r.op.post(f"/unit/kec-baru/renstra/tujuan/{r.t1.pk}/arsipkan/", {"tahun_nonaktif": "3025"})
    assert resp.status_code == 200 and resp.context["form"].errors["tahun_nonaktif"]
    r.t1.refresh_from_db()
    assert r.t1.tahun_nonaktif is None


def test_periksa_asks_no_target_for_an_archived_year():
    from pengukuran.periksa import periksa

    r = renstra_kecil()
    for y in (2025, 2026, 2027):
        Target.objects.create(indikator=r.ik1, tahun=y, nilai=80)
        Target.objects.create(indikator=r.ik2, tahun=y, nilai=5)
    Target.objects.create(indikator=r.ik3, tahun=2025, nilai=60)
    tanpa_target = lambda: {  # noqa: E731
        t.message
        for t in periksa(r.unit, 2025)
        if t.where == "indikator IK3" and "belum ada target" in t.message
    }
    assert len(tanpa_target()) == 2  # 2026 and 2027
    services.arsipkan(user=r.op_user, obj=r.s2, tahun=2026)
    assert tanpa_target() == set()
