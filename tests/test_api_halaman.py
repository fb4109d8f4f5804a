"""Lists of the API are paginated: ``halaman`` and ``per_halaman`` (at most 200), ``jumlah`` the
rows in all; the pages together are the whole list, in a stable order."""

import pytest

from tests.api_bantu import klien, token

pytestmark = pytest.mark.django_db


def test_pages_together_are_the_whole_list(pengguna_demo):
    c = klien(token("pembaca"))
    url = "/api/v1/instansi/bantargebang/anggaran/2024/baris"
    semua = c.get(url, {"per_halaman": 200}).json()
    assert semua["jumlah"] == 40 == len(semua["hasil"])
    dikumpulkan = []
    for n in range(1, 6):
        page = c.get(url, {"halaman": n, "per_halaman": 9}).json()
        assert (page["jumlah"], page["halaman"], page["per_halaman"]) == (40, n, 9)
        dikumpulkan += page["hasil"]
    assert len(c.get(url, {"halaman": 5, "per_halaman": 9}).json()["hasil"]) == 4
    assert dikumpulkan == semua["hasil"]
    assert c.get(url, {"halaman": 6, "per_halaman": 9}).json()["hasil"] == []  # past the end: empty
    assert c.get(url).json()["per_halaman"] == 50  # the default
    assert c.get(url, {"per_halaman": 201}).status_code == 400


def test_units_filtered_by_pemda(pengguna_demo):
    from tests.factories import InstansiFactory, PemdaFactory

    lain = PemdaFactory(kode="kab-lain", nama="Kabupaten Lain")
    InstansiFactory(pemda=lain, slug="unit-lain")
    InstansiFactory(pemda=lain, slug="unit-mati", aktif=False)
    c = klien()
    slugs = [u["slug"] for u in c.get("/api/v1/instansi", {"pemda": "kab-lain"}).json()["hasil"]]
    assert slugs == ["unit-lain"]  # an inactive unit is not public
    assert c.get("/api/v1/instansi", {"pemda": "kota-bekasi"}).json()["jumlah"] == 1
    assert c.get("/api/v1/pemda").json()["jumlah"] == 2
    assert c.get("/api/v1/instansi/unit-mati").status_code == 401  # not public, no token
