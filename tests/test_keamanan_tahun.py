"""Years outside 2000–2100 in a URL give 404, never a 500 (issue #12, "Small 500s"): every
route with a year uses the <tahun:...> converter (dasar/tahun.py); year query parameters too."""

import pytest
from django.test import Client

from tests.test_izin_matrix import CASES, all_routes

pytestmark = pytest.mark.django_db
RAKSASA = "99999999999"


def test_no_route_takes_a_plain_int_year():
    routes = [r for r, _ in all_routes()]
    assert not [r for r in routes if "<int:tahun>" in r]
    assert sum("<tahun:tahun>" in r for r in routes) >= 20


@pytest.fixture
def admin(pengguna_demo):
    """The unit's operator: sees every page of the unit (so a 404 is the year's doing)."""
    c = Client()
    assert c.login(username="operator", password="demo-sakip-2024")
    return c


def test_the_same_pages_with_a_real_year_are_found(admin):
    found = [u for r, (u, _h) in CASES.items() if "<tahun:tahun>" in r and admin.get(u).status_code != 404]
    assert len(found) >= 15, found


@pytest.mark.parametrize("tahun", [RAKSASA, "1999", "2101", "0"])
def test_every_year_route_answers_404(admin, tahun):
    diuji = 0
    for route, (url, _harapan) in CASES.items():
        if "<tahun:tahun>" not in route:
            continue
        for contoh in ("/2024/", "/2025/", "/2030/"):
            if contoh in url:
                url = url.replace(contoh, f"/{tahun}/", 1)
                break
        else:
            raise AssertionError(f"no year in {url}")
        for metode in (admin.get, admin.post):
            assert metode(url).status_code == 404, (metode.__name__, url)
        diuji += 1
    assert diuji >= 20


@pytest.mark.parametrize(
    "url",
    [
        "/unit/bantargebang/",
        "/pemda/kota-bekasi/",
        "/unit/bantargebang/zona/",
        "/unit/bantargebang/evaluasi/",
    ],
)
@pytest.mark.parametrize("tahun", [RAKSASA, "1999", "abc"])
def test_year_query_parameter_outside_the_range_is_404(admin, url, tahun):
    assert admin.get(url, {"tahun": tahun}).status_code == 404


def test_a_blank_year_parameter_is_the_default(admin):
    assert admin.get("/unit/bantargebang/", {"tahun": ""}).status_code == 200
