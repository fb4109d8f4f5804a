"""A new unit with no data and the people around it, for the tests of setting a unit up in the
app (Renstra period, zones): logged-in test clients per role."""

from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.test import Client

from akun.models import Peran
from tests.factories import InstansiFactory, PemdaFactory


def _masuk(username, **peran):
    user = get_user_model().objects.create_user(username, password="tidak-dipakai-1")
    Peran.objects.create(user=user, **peran)
    c = Client()
    c.force_login(user)
    return user, c


def unit_baru():
    """Kecamatan Baru of Kota Baru (no Renstra, no zone); clients: its operator, a viewer, the
    pemda's admin, the operator of another unit of the same pemda, another pemda's admin."""
    pemda = PemdaFactory(kode="kota-baru", nama="Kota Baru")
    unit = InstansiFactory(pemda=pemda, slug="kec-baru", nama="Kecamatan Baru")
    tetangga = InstansiFactory(pemda=pemda, slug="kec-tetangga", nama="Kecamatan Tetangga")
    lain = PemdaFactory(kode="kota-lain", nama="Kota Lain")
    op_user, op = _masuk("op-baru", jenis="operator", instansi=unit)
    _u, pembaca = _masuk("pembaca-baru", jenis="viewer", instansi=unit)
    _u, pimpinan = _masuk("pimpinan-baru", jenis="pimpinan", instansi=unit)
    _u, admin = _masuk("admin-baru", jenis="admin_pemda", pemda=pemda)
    _u, op_tetangga = _masuk("op-tetangga", jenis="operator", instansi=tetangga)
    _u, admin_lain = _masuk("admin-lain", jenis="admin_pemda", pemda=lain)
    return SimpleNamespace(
        pemda=pemda,
        unit=unit,
        op_user=op_user,
        op=op,
        pembaca=pembaca,
        pimpinan=pimpinan,
        admin=admin,
        op_tetangga=op_tetangga,
        admin_lain=admin_lain,
    )
