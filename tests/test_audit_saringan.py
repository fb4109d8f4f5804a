"""The audit log filters by unit, person, action and date range (and free text), each alone and
combined; a filter value outside the pemda (another unit, a stranger) is ignored, never a leak."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from akun.models import Peran
from audit.models import Aksi, Jejak, catat
from organisasi.models import Instansi
from tests.factories import InstansiFactory

pytestmark = pytest.mark.django_db


def _pada(jejak_id, tanggal):
    Jejak.objects.filter(pk=jejak_id).update(
        waktu=timezone.make_aware(dt.datetime.combine(tanggal, dt.time(10, 0)))
    )


@pytest.fixture
def jejak(pengguna_demo):
    User = get_user_model()
    bg = Instansi.objects.get(slug="bantargebang")
    lain = InstansiFactory(pemda=bg.pemda, nama="Kecamatan Rawalumbu")
    op, pim = User.objects.get(username="operator"), User.objects.get(username="pimpinan")
    Peran.objects.create(user=op, jenis="operator", instansi=lain)
    asing = InstansiFactory(nama="Kecamatan Pemda Lain")
    rows = {}
    for kunci, user, unit, aksi, tanggal in (
        ("a", op, bg, Aksi.UBAH, dt.date(2025, 1, 10)),
        ("b", pim, bg, Aksi.VERIFIKASI, dt.date(2025, 2, 10)),
        ("c", op, lain, Aksi.UBAH, dt.date(2025, 3, 10)),
        ("d", op, asing, Aksi.UBAH, dt.date(2025, 3, 10)),  # another pemda: never listed
    ):
        catat(user, unit, aksi, {"kota": ("", f"Kota-{kunci}")}, unit)
        j = Jejak.objects.latest("id")
        _pada(j.pk, tanggal)
        rows[kunci] = j
    return {"bg": bg, "lain": lain, "asing": asing, "op": op, "pim": pim, **rows}


def _kota(c, **saring):
    html = c.get("/audit/", saring).content.decode()
    return {k for k in "abcd" if f"Kota-{k}" in html}


def test_filters_alone_and_combined(jejak, masuk_sebagai):
    c = masuk_sebagai("adminpemda")
    assert _kota(c) == {"a", "b", "c"}
    assert _kota(c, unit=jejak["bg"].pk) == {"a", "b"}
    assert _kota(c, pengguna=jejak["op"].pk) == {"a", "c"}
    assert _kota(c, aksi="verifikasi") == {"b"}
    assert _kota(c, dari="2025-02-01") == {"b", "c"}
    assert _kota(c, sampai="2025-02-10") == {"a", "b"}
    assert _kota(c, dari="2025-02-01", sampai="2025-02-28") == {"b"}
    assert _kota(c, unit=jejak["bg"].pk, pengguna=jejak["op"].pk, aksi="ubah") == {"a"}
    assert _kota(c, q="Kota-c") == {"c"}


def test_values_outside_the_pemda_or_malformed_are_ignored(jejak, masuk_sebagai):
    c = masuk_sebagai("adminpemda")
    assert _kota(c, unit=jejak["asing"].pk) == {"a", "b", "c"}
    assert _kota(c, unit="x", pengguna="-1", aksi="palsu", dari="kemarin", sampai="2025-13-45") == {
        "a",
        "b",
        "c",
    }
    html = c.get("/audit/", {"unit": jejak["bg"].pk}).content.decode()
    assert "Kecamatan Pemda Lain" not in html  # not offered as a filter either
    assert f'<option value="{jejak["bg"].pk}" selected>' in html
