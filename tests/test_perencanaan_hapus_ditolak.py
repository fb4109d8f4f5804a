"""Deleting a tujuan, sasaran or indikator that is used — by a signed PK, a realisasi or a budget
link (Dukungan), directly or through an indicator under it — is refused with every reason, and
archiving is offered instead; nothing is deleted and nothing is audited as deleted."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from anggaran.models import Dukungan
from audit.models import Aksi, Jejak
from dasar.galat import Ditolak
from pengukuran.models import Realisasi
from perencanaan import services
from perencanaan.models import Indikator, Sasaran, Target, Tujuan
from tests.renstra_bantu import pk_ditandatangani, renstra_kecil

pytestmark = pytest.mark.django_db


def _jumlah():
    return Tujuan.objects.count(), Sasaran.objects.count(), Indikator.objects.count(), Target.objects.count()


def test_signed_pk_realisasi_and_budget_link_are_each_named():
    r = renstra_kecil()
    Target.objects.create(indikator=r.ik1, tahun=2025, nilai=80)
    pk_ditandatangani(r.ik1, 2025)
    Realisasi.objects.create(indikator=r.ik2, tahun=2026, periode="TW1", nilai=Decimal(3))
    Dukungan.objects.create(instansi=r.unit, tahun=2025, kode="7.01.01", indikator=r.ik3)
    sebelum = _jumlah()

    with pytest.raises(Ditolak) as e:
        services.hapus(user=r.op_user, obj=r.t1)
    pesan = str(e.value)
    assert pesan.startswith("Tujuan T1 tidak dapat dihapus")
    assert "Perjanjian Kinerja yang sudah ditandatangani (tahun 2025)" in pesan
    assert "1 realisasi (tahun 2026)" in pesan
    assert "anggaran yang mendukungnya (7.01.01 (2025))" in pesan
    assert "Arsipkan saja" in pesan

    with pytest.raises(Ditolak, match="Sasaran S1.2 tidak dapat dihapus: ditautkan ke anggaran"):
        services.hapus(user=r.op_user, obj=r.s2)
    with pytest.raises(Ditolak, match="Indikator IK2 tidak dapat dihapus: sudah punya 1 realisasi"):
        services.hapus(user=r.op_user, obj=r.ik2)
    assert _jumlah() == sebelum
    assert not Jejak.objects.filter(aksi=Aksi.HAPUS).exists()


def test_the_web_page_shows_the_reasons_and_offers_archiving():
    r = renstra_kecil()
    Realisasi.objects.create(indikator=r.ik1, tahun=2025, periode="TW1", nilai=Decimal(3))
    url = f"/unit/kec-baru/renstra/sasaran/{r.s1.pk}/hapus/"
    html = r.op.get(url).content.decode()
    assert "Sasaran S1.1 tidak dapat dihapus" in html and "sudah punya 1 realisasi (tahun 2025)" in html
    assert "Ya, hapus" not in html
    assert f'action="/unit/kec-baru/renstra/sasaran/{r.s1.pk}/arsipkan/"' in html
    assert 'value="2026"' in html  # archived from the year after its last use
    resp = r.op.post(url, follow=True)
    assert "tidak dapat dihapus" in resp.content.decode()
    assert Sasaran.objects.filter(pk=r.s1.pk).exists() and Indikator.objects.filter(pk=r.ik1.pk).exists()


def test_unused_items_are_deleted_with_a_confirmation_listing_everything_audited():
    r = renstra_kecil()
    Target.objects.create(indikator=r.ik1, tahun=2025, nilai=Decimal("97.8"))
    Target.objects.create(indikator=r.ik2, tahun=2026, nilai=Decimal(5))
    html = r.op.get(f"/unit/kec-baru/renstra/sasaran/{r.s1.pk}/hapus/").content.decode()
    assert (
        "tidak dapat dikembalikan" in html and "IK1" in html and "IK2" in html and "2 target tahunan" in html
    )
    resp = r.op.post(f"/unit/kec-baru/renstra/sasaran/{r.s1.pk}/hapus/")
    assert resp.status_code == 302 and resp["Location"] == "/unit/kec-baru/renstra/"
    assert not Sasaran.objects.filter(pk=r.s1.pk).exists()
    assert set(Indikator.objects.values_list("kode", flat=True)) == {"IK3"}
    assert not Target.objects.exists()
    hapus = Jejak.objects.filter(aksi=Aksi.HAPUS)
    assert {(j.objek, j.field) for j in hapus} >= {
        ("perencanaan.Sasaran", "kode"),
        ("perencanaan.Indikator", "kode"),
        ("perencanaan.Indikator", "target"),
    }
    assert (
        hapus.get(objek="perencanaan.Indikator", objek_id=str(r.ik1.pk), field="target").lama == "2025: 97.8"
    )
    assert {j.user for j in hapus} == {r.op_user}


def test_an_indicator_of_a_draft_pk_leaves_the_draft():
    from perencanaan.models import PKIndikator
    from tests.factories import PejabatFactory, PerjanjianKinerjaFactory, PKIndikatorFactory

    r = renstra_kecil()
    draf = PerjanjianKinerjaFactory(
        instansi=r.unit, tahun=2025, pihak_pertama=PejabatFactory(instansi=r.unit)
    )
    PKIndikatorFactory(pk_dokumen=draf, indikator=r.ik3)
    assert (
        "draf Perjanjian Kinerja tahun 2025"
        in r.op.get(f"/unit/kec-baru/renstra/indikator/{r.ik3.pk}/hapus/").content.decode()
    )
    services.hapus(user=r.op_user, obj=r.ik3)
    assert not PKIndikator.objects.filter(pk_dokumen=draf).exists()
    assert not Indikator.objects.filter(pk=r.ik3.pk).exists()


def test_only_who_sets_the_unit_up_may_delete(django_user_model):
    r = renstra_kecil()
    pembaca = django_user_model.objects.get(username="pembaca-baru")
    with pytest.raises(PermissionDenied):
        services.hapus(user=pembaca, obj=r.ik3)
    assert Indikator.objects.filter(pk=r.ik3.pk).exists()
