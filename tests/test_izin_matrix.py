"""Authorisation matrix: every URL of the URLconf × every role × own unit vs another unit.

A user of another kecamatan gets 404 for Bantargebang's pages; anonymous users are sent
to the login page. New URLs must be added to CASES (the test fails on an unlisted URL).
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from akun.models import Peran
from tests.factories import InstansiFactory

pytestmark = pytest.mark.django_db
PASSWORD = "demo-sakip-2024"


def all_routes(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            yield from all_routes(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.name


# route → (URL to request, expected status per role; "other" = operator of another kecamatan)
UNIT = {"operator": 200, "pimpinan": 200, "evaluator": 200, "adminpemda": 200, "pembaca": 200, "other": 404,
        "anon": 302}
CASES = {
    "": ("/", {**UNIT, "other": 200}),
    "unit/<slug:slug>/": ("/unit/bantargebang/", UNIT),
    "pemda/<slug:kode>/": ("/pemda/kota-bekasi/", {"operator": 404, "pimpinan": 404, "evaluator": 200,
                                                  "adminpemda": 200, "pembaca": 404, "other": 404, "anon": 302}),
}
SKIP_PREFIXES = ("admin/", "akun/", "i18n/")  # Django's own views, tested by Django


@pytest.fixture
def clients(pengguna_demo):
    from django.contrib.auth import get_user_model

    other_unit = InstansiFactory(slug="rawalumbu", nama="Kecamatan Rawalumbu")
    other = get_user_model().objects.create_user("op-rawalumbu", password=PASSWORD)
    Peran.objects.create(user=other, jenis="operator", instansi=other_unit)
    out = {"anon": Client()}
    for name in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca"):
        out[name] = Client()
        assert out[name].login(username=name, password=PASSWORD)
    out["other"] = Client()
    assert out["other"].login(username="op-rawalumbu", password=PASSWORD)
    return out


def test_every_url_is_in_the_matrix():
    routes = {r for r, _ in all_routes() if not r.startswith(SKIP_PREFIXES)}
    unlisted = routes - set(CASES)
    assert not unlisted, f"add these routes to the authorisation matrix: {sorted(unlisted)}"


def test_matrix(clients):
    for url, expected in CASES.values():
        for role, status in expected.items():
            got = clients[role].get(url).status_code
            assert got == status, f"{role} GET {url}: {got}, expected {status}"
