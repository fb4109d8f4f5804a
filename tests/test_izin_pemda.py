"""Pemda-level permission checks in akun/izin.py (pemda dashboard, comparison, audit log,
evaluation templates, SKM setup, the Django admin): only roles held for the pemda itself count."""

import pytest
from django.contrib.auth.models import AnonymousUser, User

from akun import izin
from akun.models import Peran
from evaluasi.models import TemplatEvaluasi
from tests.factories import InstansiFactory, PemdaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dunia():
    pemda, lain = PemdaFactory(), PemdaFactory()
    unit, unit_lain = InstansiFactory(pemda=pemda), InstansiFactory(pemda=lain)
    return pemda, lain, unit, unit_lain


def _user(nama, *peran, staff=False):
    u = User.objects.create_user(nama, password="x", is_staff=staff)
    for jenis, lingkup in peran:
        kunci = "pemda" if lingkup.__class__.__name__ == "Pemda" else "instansi"
        Peran.objects.create(user=u, jenis=jenis, **{kunci: lingkup})
    return User.objects.get(pk=u.pk)  # no cached roles


def test_boleh_pemda_counts_only_roles_for_the_pemda(dunia):
    pemda, lain, unit, _ = dunia
    admin = _user("admin", ("admin_pemda", pemda))
    evaluator = _user("evaluator", ("evaluator", pemda))
    operator = _user("operator", ("operator", unit))
    evaluator_unit = _user("evaluator_unit", ("evaluator", unit))
    assert izin.boleh_pemda(admin, "lihat", pemda) and izin.boleh_pemda(admin, "kelola", pemda)
    assert izin.boleh_pemda(admin, "kelola", pemda.id)  # the id works too
    assert not izin.boleh_pemda(admin, "lihat", lain)
    assert izin.boleh_pemda(evaluator, "lihat", pemda)
    assert not izin.boleh_pemda(evaluator, "kelola", pemda)
    for u in (operator, evaluator_unit, AnonymousUser()):
        assert not izin.boleh_pemda(u, "lihat", pemda)
    with pytest.raises(ValueError):
        izin.boleh_pemda(admin, "isi", pemda)


def test_pemda_lists(dunia):
    pemda, lain, unit, unit_lain = dunia
    admin = _user("admin", ("admin_pemda", pemda), ("evaluator", lain))
    assert izin.pemda_boleh(admin, "kelola") == [pemda.id]
    assert izin.pemda_boleh(admin, "lihat") == sorted([pemda.id, lain.id])
    assert set(izin.pemda_terlihat(admin)) == {pemda, lain}
    assert izin.pemda_kelolaan(admin) == pemda.id
    operator = _user("operator", ("operator", unit_lain))
    assert list(izin.pemda_terlihat(operator)) == []
    assert izin.pemda_kelolaan(operator) is None
    assert izin.pemda_anggota(operator) == [lain.id]  # through the unit
    assert izin.pemda_anggota(admin) == sorted([pemda.id, lain.id])
    assert list(izin.pemda_terlihat(AnonymousUser())) == []
    assert izin.pemda_kelolaan(AnonymousUser()) is None
    assert izin.pemda_anggota(AnonymousUser()) == []


def test_templates_skm_setup_and_admin_site(dunia):
    pemda, lain, unit, _ = dunia
    admin = _user("admin", ("admin_pemda", pemda), staff=True)
    operator = _user("operator", ("operator", unit), staff=True)
    pimpinan = _user("pimpinan", ("pimpinan", unit))
    bawaan = TemplatEvaluasi(jenis="akip", tahun=2024, nama="bawaan", pemda=None)
    milik = TemplatEvaluasi(jenis="akip", tahun=2024, nama="milik", pemda=pemda)
    milik_lain = TemplatEvaluasi(jenis="akip", tahun=2024, nama="lain", pemda=lain)
    assert izin.boleh_kelola_templat(admin, milik)
    assert not izin.boleh_kelola_templat(admin, bawaan)
    assert not izin.boleh_kelola_templat(admin, milik_lain)
    assert not izin.boleh_kelola_templat(operator, milik)
    assert izin.adalah_admin_pemda(admin) and not izin.adalah_admin_pemda(operator)

    assert izin.boleh_atur_skm(admin, unit) and izin.boleh_atur_skm(operator, unit)
    assert not izin.boleh_atur_skm(pimpinan, unit)

    assert izin.boleh_admin(admin)
    assert not izin.boleh_admin(operator)  # staff, but not admin_pemda
    bukan_staf = _user("bukan_staf", ("admin_pemda", pemda))
    assert not izin.boleh_admin(bukan_staf)
    root = User.objects.create_superuser("root", password="x")
    assert izin.boleh_admin(root)
