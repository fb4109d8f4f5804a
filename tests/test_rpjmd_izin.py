"""Who may keep the pemda's RPJMD/RPD and a unit's links to it: the pemda's admin keeps the plan
(another pemda's admin gets 404, a unit's operator too); a unit's operator links its own tujuan
(an operator of another pemda gets 404, and the service refuses a sasaran of another pemda or a
tujuan of another unit); who may only read gets 403 on a save."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from akun.models import Peran
from dasar.galat import Ditolak
from rpjmd import services
from rpjmd.models import Kontribusi
from tests.factories import PemdaFactory
from tests.rpjmd_bantu import rpd_kecil

pytestmark = pytest.mark.django_db


def _masuk(django_user_model, username, **peran):
    u = django_user_model.objects.create_user(username)
    Peran.objects.create(user=u, **peran)
    c = Client()
    c.force_login(u)
    return u, c


@pytest.fixture
def dua(db, django_user_model):
    a = rpd_kecil(dengan_kontribusi=False)
    b = rpd_kecil(pemda=PemdaFactory(kode="kota-lain", nama="Kota Lain"), dengan_kontribusi=False)
    return a, b


def test_another_pemdas_admin_gets_404(dua, django_user_model):
    a, b = dua
    _u, c = _masuk(django_user_model, "admin-lain", jenis="admin_pemda", pemda=b.pemda)
    for url in (
        f"/konsol/rpjmd/{a.rpd.pk}/",
        f"/konsol/rpjmd/{a.rpd.pk}/ubah/",
        f"/konsol/rpjmd/{a.rpd.pk}/sasaran/",
        f"/konsol/rpjmd/{a.rpd.pk}/sasaran/{a.s11.pk}/hapus/",
        f"/konsol/rpjmd/{a.rpd.pk}/hapus/",
    ):
        assert c.get(url).status_code == 404, url
        assert c.post(url).status_code == 404, url
    assert c.get(f"/konsol/rpjmd/{b.rpd.pk}/").status_code == 200
    assert c.get(f"/konsol/rpjmd/{b.rpd.pk}/lain/").status_code == 404  # no such level
    with pytest.raises(PermissionDenied):
        services.hapus(user=_u, obj=a.s12)


def test_operator_of_another_pemda_is_refused(dua, django_user_model):
    a, b = dua
    op_b, c = _masuk(django_user_model, "op-lain", jenis="operator", instansi=b.unit1)
    assert c.get(f"/unit/{a.unit1.slug}/sasaran-pemda/").status_code == 404
    assert c.post(f"/unit/{a.unit1.slug}/sasaran-pemda/", {}).status_code == 404
    assert c.get("/konsol/rpjmd/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.simpan_kontribusi(
            user=op_b, instansi=a.unit1, baris=[{"unsur": a.ut1, "sasaran_pemda": a.s11, "uraian": "x"}]
        )
    # on its own unit: a sasaran of another pemda, or a tujuan of another unit, is refused
    with pytest.raises(Ditolak, match="pemda unit ini"):
        services.simpan_kontribusi(
            user=op_b, instansi=b.unit1, baris=[{"unsur": b.ut1, "sasaran_pemda": a.s11, "uraian": "x"}]
        )
    with pytest.raises(Ditolak, match="bukan milik unit ini"):
        services.simpan_kontribusi(
            user=op_b, instansi=b.unit1, baris=[{"unsur": b.ut2, "sasaran_pemda": b.s11, "uraian": "x"}]
        )
    # the form offers only its pemda's sasaran: another pemda's id is not a choice
    r = c.post(
        f"/unit/{b.unit1.slug}/sasaran-pemda/",
        {
            "k-TOTAL_FORMS": "1",
            "k-INITIAL_FORMS": "0",
            "k-0-unsur": f"t:{b.ut1.pk}",
            "k-0-sasaran_pemda": str(a.s11.pk),
            "k-0-uraian": "x",
        },
    )
    assert r.status_code == 200 and not Kontribusi.objects.exists()


def test_reader_may_see_but_not_save(dua, django_user_model):
    a, _b = dua
    _u, c = _masuk(django_user_model, "pimpinan-satu", jenis="pimpinan", instansi=a.unit1)
    teks = c.get(f"/unit/{a.unit1.slug}/sasaran-pemda/").content.decode()
    assert "Ubah tautan" not in teks
    assert c.post(f"/unit/{a.unit1.slug}/sasaran-pemda/", {}).status_code == 403
    k = Kontribusi.objects.create(sasaran_pemda=a.s11, instansi=a.unit1, tujuan=a.ut1, uraian="x")
    assert c.post(f"/unit/{a.unit1.slug}/sasaran-pemda/{k.pk}/hapus/").status_code == 403
    assert Kontribusi.objects.filter(pk=k.pk).exists()
    _op, c2 = _masuk(django_user_model, "op-satu-lain", jenis="operator", instansi=a.unit2)
    # another unit of the same pemda cannot unlink this unit's link either (404 inside its page)
    assert c2.post(f"/unit/{a.unit2.slug}/sasaran-pemda/{k.pk}/hapus/").status_code == 404
