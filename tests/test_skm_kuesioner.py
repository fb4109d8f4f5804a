"""Public SKM questionnaire: valid posts give the independently computed IKM; bad input stores nothing."""

import random
from decimal import Decimal

import pytest
from django.test import Client, override_settings

from rumus.format import bulat
from skm.models import Responden
from skm.selectors import ikm_tahun
from skm.services import token_formulir

pytestmark = [pytest.mark.django_db]
URL = "/s/bantargebang/"


def _data(jawaban, **extra):
    """A post of a new view of the form (its own one-time token)."""
    return {"token": token_formulir(), **{f"u{i + 1}": str(v) for i, v in enumerate(jawaban)}, **extra}


@override_settings(SKM_MAKS_PER_MENIT=10**6)
def test_1000_random_responses(demo):
    rng = random.Random(2017)
    c = Client()
    semua = []
    for k in range(1000):
        j = [rng.randint(1, 4) for _ in range(9)]
        semua.append(j)
        r = c.post(URL, _data(j, umur=str(20 + k % 50)), REMOTE_ADDR=f"10.0.{k // 250}.{k % 250}")
        assert r.status_code == 302
    assert Responden.objects.count() == 1000
    hasil = ikm_tahun([demo.id], Responden.objects.first().tahun)[demo.id]
    (p,) = hasil.periode
    nrr = [Decimal(sum(col)) / 1000 for col in zip(*semua, strict=True)]
    assert p.nrr == nrr and p.responden == 1000
    assert bulat(p.ikm, 10) == bulat(sum(nrr, Decimal(0)) * 25 / 9, 10)


@pytest.mark.parametrize(
    ("data", "pesan"),
    [(_data([3, 3, 5, 3, 3, 3, 3, 3, 3]), "Unsur 3"), (_data([3] * 9) | {"u1": ""}, "Unsur 1")],
)
def test_bad_answers_rejected(demo, data, pesan):
    r = Client().post(URL, data)
    assert r.status_code == 400 and pesan in r.content.decode()
    assert Responden.objects.count() == 0


def test_csrf_required(demo):
    r = Client(enforce_csrf_checks=True).post(URL, _data([4] * 9))
    assert r.status_code == 403 and Responden.objects.count() == 0


def test_honeypot_and_duplicate(demo):
    c = Client()
    c.post(URL, _data([4] * 9, situs="http://spam"))
    assert Responden.objects.count() == 0
    sekali = _data([4] * 9)
    assert c.post(URL, sekali).status_code == 302
    assert c.post(URL, sekali).status_code == 302  # the same form again (double click): thanked, not stored
    assert Responden.objects.count() == 1
    assert c.post(URL, _data([4] * 9)).status_code == 302  # the next person, same answers, same address
    assert Responden.objects.count() == 2


@pytest.mark.parametrize("token", ["", "palsu", "abc:def:ghi"])
def test_a_post_without_a_valid_token_keeps_the_answers_and_stores_nothing(demo, token):
    r = Client().post(URL, _data([2] * 9, saran="Antrean panjang") | {"token": token})
    html = r.content.decode()
    assert r.status_code == 400 and "kedaluwarsa" in html and "Antrean panjang" in html
    assert 'name="token" value="' in html and Responden.objects.count() == 0


def test_burst_limited(demo, menit_tetap):
    c = Client()
    codes = [
        c.post(URL, _data([(k % 4) + 1, (k // 4) % 4 + 1] + [3] * 7, umur=str(20 + k))).status_code
        for k in range(50)
    ]
    assert Responden.objects.count() == 5
    assert codes.count(429) == 45
    assert "Terlalu banyak" in c.post(URL, _data([1] * 9)).content.decode()


def test_form_page_and_layanan(demo):
    r = Client().get(URL)
    assert r.status_code == 200 and 'name="u9"' in r.content.decode() and "<script" not in r.content.decode()
    assert Client().get("/s/bantargebang/tidak-ada/").status_code == 404
