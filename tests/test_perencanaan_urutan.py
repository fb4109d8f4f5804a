"""Reordering: ▲/▼ (a POST per move, no script needed) swap an item with its neighbour among its
siblings only; the siblings are renumbered, the tree and the targets grid follow the order, and
each changed position is audited."""

import pytest

from audit.models import Aksi, Jejak
from perencanaan import services
from perencanaan.models import Indikator, Sasaran
from tests.factories import IndikatorFactory
from tests.renstra_bantu import renstra_kecil

pytestmark = pytest.mark.django_db


def _urut(model, **f):
    return list(model.objects.filter(**f).order_by("urutan", "kode").values_list("kode", flat=True))


def test_move_up_and_down_among_siblings():
    r = renstra_kecil()
    resp = r.op.post(f"/unit/kec-baru/renstra/sasaran/{r.s2.pk}/geser/", {"arah": "naik"})
    assert resp.status_code == 302 and resp["Location"].endswith(f"#sasaran-{r.s2.pk}")
    assert _urut(Sasaran, tujuan=r.t1) == ["S1.2", "S1.1"]
    html = r.op.get("/unit/kec-baru/renstra/").content.decode()
    assert html.index("S1.2") < html.index("S1.1")
    j = Jejak.objects.filter(objek="perencanaan.Sasaran", aksi=Aksi.UBAH, field="urutan")
    assert {(x.objek_id, x.lama, x.baru) for x in j} == {(str(r.s2.pk), "2", "1"), (str(r.s1.pk), "1", "2")}
    # the first cannot go up: nothing changes
    r.op.post(f"/unit/kec-baru/renstra/sasaran/{r.s2.pk}/geser/", {"arah": "naik"})
    assert _urut(Sasaran, tujuan=r.t1) == ["S1.2", "S1.1"]
    r.op.post(f"/unit/kec-baru/renstra/sasaran/{r.s2.pk}/geser/", {"arah": "turun"})
    assert _urut(Sasaran, tujuan=r.t1) == ["S1.1", "S1.2"]


def test_indicators_move_within_their_sasaran_and_the_grid_follows():
    r = renstra_kecil()
    assert services.geser(user=r.op_user, obj=r.ik2, arah="naik")
    assert _urut(Indikator, sasaran=r.s1) == ["IK2", "IK1"]
    assert not services.geser(user=r.op_user, obj=r.ik3, arah="naik")  # alone in S1.2
    html = r.op.get("/unit/kec-baru/renstra/target/").content.decode()
    assert (
        html.index(f"t-{r.ik2.pk}-2025") < html.index(f"t-{r.ik1.pk}-2025") < html.index(f"t-{r.ik3.pk}-2025")
    )


def test_new_items_go_last_and_a_bad_direction_changes_nothing():
    r = renstra_kecil()
    r.op.post(
        "/unit/kec-baru/renstra/indikator/baru/",
        {
            "kode": "IK4",
            "nama": "Indikator baru",
            "level": "sasaran",
            "sasaran": r.s1.pk,
            "satuan": "%",
            "polaritas": "positif",
            "agregasi": "terakhir",
            "sumber_realisasi": "manual",
        },
    )
    assert _urut(Indikator, sasaran=r.s1) == ["IK1", "IK2", "IK4"]
    IndikatorFactory(sasaran=r.s1, kode="IK0", urutan=0)  # e.g. from a workbook: no position yet
    resp = r.op.post(f"/unit/kec-baru/renstra/indikator/{r.ik1.pk}/geser/", {"arah": "kiri"}, follow=True)
    assert "naik atau turun" in resp.content.decode()
    assert _urut(Indikator, sasaran=r.s1) == ["IK0", "IK1", "IK2", "IK4"]
