"""Kiosk mode: a counter tablet the unit's staff enabled has its own, higher rate limit."""

import pytest
from django.test import Client, override_settings

from audit.models import Jejak
from skm.models import PerangkatKios, Responden
from skm.services import COOKIE_KIOS, token_formulir

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("menit_tetap")]  # the limit per minute
KIOS = "/unit/bantargebang/skm/kios/"
URL = "/s/bantargebang/"


@pytest.fixture(autouse=True)
def _bukan_di_pergantian_menit():
    import time

    if time.time() % 60 > 50:
        time.sleep(61 - time.time() % 60)


def _kirim(c, n):
    return [
        c.post(
            URL, {"token": token_formulir(), **{f"u{i}": "4" for i in range(1, 10)}}, REMOTE_ADDR="10.5.5.5"
        ).status_code
        for _ in range(n)
    ]


def _tablet(masuk_sebagai, nama="Tablet loket 1"):
    c = masuk_sebagai("operator")
    r = c.post(KIOS, {"bagian": "aktifkan", "nama": nama})
    assert r.status_code == 302 and r["Location"] == URL
    tablet = Client()  # the staff member logs out; the tablet's browser keeps the kiosk cookie
    tablet.cookies[COOKIE_KIOS] = c.cookies[COOKIE_KIOS].value
    assert c.cookies[COOKIE_KIOS]["httponly"]
    return tablet


@override_settings(SKM_MAKS_PER_MENIT=2, SKM_KIOS_MAKS_PER_MENIT=5)
def test_an_enabled_tablet_has_its_own_higher_limit_and_it_is_audited(pengguna_demo, masuk_sebagai):
    tablet = _tablet(masuk_sebagai)
    assert _kirim(tablet, 7) == [302] * 5 + [429] * 2
    assert "responden berikutnya" in tablet.get("/s/bantargebang/terima-kasih/").content.decode()
    assert "responden berikutnya" not in Client().get("/s/bantargebang/terima-kasih/").content.decode()
    # a phone behind the same office address still has the normal limit of its own
    assert _kirim(Client(), 3) == [302, 302, 429]
    assert Responden.objects.count() == 7
    p = PerangkatKios.objects.get()
    assert (p.nama, p.aktif, p.dibuat_oleh.username) == ("Tablet loket 1", True, "operator")
    assert Jejak.objects.filter(
        aksi="buat", keterangan="mode kios", instansi__slug="bantargebang", user__username="operator"
    ).exists()


@override_settings(SKM_MAKS_PER_MENIT=2, SKM_KIOS_MAKS_PER_MENIT=5)
def test_a_disabled_tablet_or_a_forged_cookie_has_the_normal_limit(pengguna_demo, masuk_sebagai):
    tablet = _tablet(masuk_sebagai)
    p = PerangkatKios.objects.get()
    admin = masuk_sebagai("adminpemda")
    assert admin.post(KIOS, {"bagian": "nonaktifkan", "perangkat": p.id}).status_code == 302
    p.refresh_from_db()
    assert (
        not p.aktif
        and Jejak.objects.filter(
            aksi="ubah", keterangan="mode kios dimatikan", user__username="adminpemda"
        ).exists()
    )
    assert _kirim(tablet, 3) == [302, 302, 429]

    palsu = Client()
    palsu.cookies[COOKIE_KIOS] = p.kunci  # the key without the server's signature
    assert _kirim(palsu, 1) == [429]  # same address, the normal limit is used up


def test_only_the_units_operator_or_admin_may_enable_kiosk_mode(pengguna_demo, masuk_sebagai):
    for peran in ("pembaca", "pimpinan", "evaluator"):
        assert masuk_sebagai(peran).post(KIOS, {"bagian": "aktifkan", "nama": "x"}).status_code == 403
    assert (
        not PerangkatKios.objects.exists()
        and not Jejak.objects.filter(aksi="buat", keterangan="mode kios").exists()
    )


@override_settings(SKM_MAKS_PER_MENIT=1, SKM_KIOS_MAKS_PER_MENIT=5)
def test_a_tablet_of_one_unit_is_no_kiosk_for_another(pengguna_demo, masuk_sebagai):
    from tests.factories import InstansiFactory

    tablet = _tablet(masuk_sebagai)
    lain = InstansiFactory()
    data = {**{f"u{i}": "4" for i in range(1, 10)}}
    codes = [
        tablet.post(
            f"/s/{lain.slug}/", {"token": token_formulir(), **data}, REMOTE_ADDR="10.6.6.6"
        ).status_code
        for _ in range(2)
    ]
    assert codes == [302, 429]


def test_disabling_an_unknown_device_is_a_message(pengguna_demo, masuk_sebagai):
    r = masuk_sebagai("operator").post(KIOS, {"bagian": "nonaktifkan", "perangkat": "999"}, follow=True)
    assert r.status_code == 200 and "Perangkat kios tidak ditemukan." in r.content.decode()


def test_the_kiosk_page_speaks_english_too(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    assert "Aktifkan mode kios di perangkat ini" in c.get(KIOS).content.decode()
    from django.utils import translation

    try:
        c.post("/i18n/setlang/", {"language": "en", "next": KIOS})
        html = c.get(KIOS).content.decode()
    finally:
        translation.activate("id")  # leave the thread in the default language for the next test
    assert "Turn on kiosk mode on this device" in html and "answers per minute from that device" in html
