"""Survey intake that neither loses nor doubles: the one-time token, the atomic rate limit.

The parallel tests post from threads, each with its own database connection, so they are
transactional (no outer test transaction hides the races); run on SQLite and PostgreSQL.
"""

import threading

import pytest
from django.db import connection
from django.test import Client, override_settings

from skm.models import BatasKiriman, Responden
from skm.services import kunci_klien, token_formulir

URL = "/s/bantargebang/"


def _data(token=None, **extra):
    return {"token": token or token_formulir(), **{f"u{i}": "3" for i in range(1, 10)}, **extra}


@pytest.fixture(autouse=True)
def _satu_menit(menit_tetap):
    """The limit counts per minute: every post of a test falls in the same one."""


def _serentak(posts: list[dict]) -> list[int]:
    """POST every form at the same moment from its own thread (own connection); status codes."""
    siap = threading.Barrier(len(posts))
    hasil: list[int | Exception] = [0] * len(posts)

    def kirim(k, meta):
        try:
            c = Client()
            siap.wait()
            hasil[k] = c.post(URL, meta.pop("data"), **meta).status_code
        except Exception as exc:  # noqa: BLE001 (reported by the assertion below)
            hasil[k] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=kirim, args=(k, dict(p))) for k, p in enumerate(posts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not [h for h in hasil if isinstance(h, Exception)], hasil
    return hasil


@pytest.mark.django_db(transaction=True)
def test_four_parallel_posts_of_one_form_store_one_row(demo):
    data = _data()
    codes = _serentak([{"data": data, "REMOTE_ADDR": "10.1.0.1"} for _ in range(4)])
    assert codes == [302] * 4
    assert Responden.objects.count() == 1
    assert BatasKiriman.objects.get().jumlah == 1  # the repeats did not use up the limit


@pytest.mark.django_db(transaction=True)
def test_four_parallel_posts_of_four_forms_with_the_same_answers_store_four(demo):
    codes = _serentak([{"data": _data(), "REMOTE_ADDR": "10.1.0.1"} for _ in range(4)])
    assert codes == [302] * 4
    assert Responden.objects.count() == 4


@pytest.mark.django_db(transaction=True)
@override_settings(SKM_MAKS_PER_MENIT=5)
def test_the_rate_limit_lets_exactly_n_through_under_parallel_posts(demo):
    codes = _serentak([{"data": _data(), "REMOTE_ADDR": "10.1.0.7"} for _ in range(8)])
    assert sorted(codes) == [302] * 5 + [429] * 3
    assert Responden.objects.count() == 5


pytestmark_db = pytest.mark.django_db


@pytestmark_db
@override_settings(SKM_MAKS_PER_MENIT=3)
def test_ipv6_addresses_of_one_64_share_a_limit(demo):
    codes = [
        Client().post(URL, _data(), REMOTE_ADDR=f"2001:db8:1:2:{k:x}::{k + 1:x}").status_code
        for k in range(5)
    ]
    assert codes == [302, 302, 302, 429, 429]
    lain = Client().post(URL, _data(), REMOTE_ADDR="2001:db8:1:3::1")  # the next /64: another household
    assert lain.status_code == 302 and Responden.objects.count() == 4


def test_the_key_groups_ipv6_by_64_and_keeps_ipv4_addresses_apart():
    assert kunci_klien("2001:db8::1") == kunci_klien("2001:db8::ffff:1:2:3")
    assert kunci_klien("2001:db8::1") != kunci_klien("2001:db8:0:1::1")
    assert kunci_klien("10.0.0.1") != kunci_klien("10.0.0.2")
    assert kunci_klien("::ffff:10.0.0.1") == kunci_klien("10.0.0.1")
    assert len(kunci_klien("bukan alamat")) == 64 and "10.0.0.1" not in kunci_klien("10.0.0.1")


@pytestmark_db
@override_settings(SKM_MAKS_PER_MENIT=2)
def test_forged_forwarded_for_without_a_trusted_proxy_does_not_bypass_the_limit(demo):
    codes = [
        Client()
        .post(URL, _data(), REMOTE_ADDR="10.2.0.1", HTTP_X_FORWARDED_FOR=f"198.51.100.{k}")
        .status_code
        for k in range(4)
    ]
    assert codes == [302, 302, 429, 429] and Responden.objects.count() == 2


@pytestmark_db
@override_settings(SKM_MAKS_PER_MENIT=2, PROXY_TEPERCAYA=1)
def test_behind_the_trusted_proxy_entries_the_client_prepends_are_not_read(demo):
    codes = [
        Client()
        .post(URL, _data(), REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"198.51.100.{k}, 203.0.113.9")
        .status_code
        for k in range(4)
    ]
    assert codes == [302, 302, 429, 429] and Responden.objects.count() == 2
