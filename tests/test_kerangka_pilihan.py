"""The app shell's unit picker lists exactly the units the user may see (``instansi_terlihat``,
read from the roles loaded once per request): those of its unit roles and every unit of its pemda
roles' pemda; and its remembered links are those ``django.urls.reverse`` gives (issue #17: CPU per
page)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.urls import reverse as django_reverse

from akun.izin import instansi_terlihat
from akun.models import Peran
from organisasi.models import Instansi
from sakip import kerangka
from tests.factories import InstansiFactory

pytestmark = pytest.mark.django_db


def _ids(qs):
    return sorted(qs.values_list("id", flat=True))


def test_picker_units_are_the_visible_units(pengguna_demo, demo):
    lain = InstansiFactory()  # another pemda's unit
    User = get_user_model()
    tanpa = User.objects.create_user("tanpa_peran", password="x-Kerangka-123")
    dua = User.objects.create_user("dua_peran", password="x-Kerangka-123")
    Peran.objects.create(user=dua, jenis="operator", instansi=lain)
    Peran.objects.create(user=dua, jenis="pembaca", instansi=demo)
    Peran.objects.create(user=dua, jenis="admin_pemda", pemda=lain.pemda)
    for user in [*pengguna_demo.values(), tanpa, dua]:
        user = User.objects.get(pk=user.pk)  # a fresh object, as per request
        diharapkan = Instansi.objects.filter(  # from the roles, by subqueries
            Q(id__in=Peran.objects.filter(user=user, instansi__isnull=False).values("instansi_id"))
            | Q(pemda_id__in=Peran.objects.filter(user=user, pemda__isnull=False).values("pemda_id"))
        )
        assert _ids(instansi_terlihat(user)) == _ids(diharapkan), user.username
    assert _ids(instansi_terlihat(User.objects.get(pk=dua.pk))) == sorted({demo.id, lain.id})
    assert not instansi_terlihat(AnonymousUser()).exists()


def test_remembered_links_are_reverse(demo):
    for nama, kw in [
        ("dasbor:beranda", None),
        ("dasbor:unit", {"slug": demo.slug}),
        ("pengukuran:realisasi", {"slug": demo.slug, "tahun": 2024, "periode": "TW2"}),
        ("pengukuran:realisasi", {"slug": demo.slug, "tahun": 2025, "periode": "TW2"}),
    ]:
        assert kerangka.reverse(nama, kwargs=kw) == django_reverse(nama, kwargs=kw)
        assert kerangka.reverse(nama, kwargs=kw) == django_reverse(nama, kwargs=kw)  # remembered
