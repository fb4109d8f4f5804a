"""The capaian of a pemda's units in one paginated list (a Bappeda's dashboard): each unit's item
is what /instansi/{slug}/capaian/{tahun} gives (the capaian command's JSON); anonymous callers get
the units whose PK of the year is signed, a token also the units its user may see."""

import pytest

from perencanaan.models import PerjanjianKinerja
from tests.api_bantu import klien, operator_lain, token

pytestmark = pytest.mark.django_db
URL = "/api/v1/pemda/kota-bekasi/capaian/{tahun}"


def test_items_equal_the_units_capaian_and_follow_what_is_public(pk_manual, run_json):
    lain = operator_lain()  # Rawalumbu: no PK
    data = klien().get(URL.format(tahun=2024)).json()
    assert data["jumlah"] == 1
    assert data["hasil"][0]["indikator"] == run_json(
        "capaian", "--instansi", "bantargebang", "--tahun", "2024"
    )
    # 2025: Bantargebang's PK is a draft, so not public; its operator's token sees it
    assert klien().get(URL.format(tahun=2025)).json()["jumlah"] == 0
    own = klien(token("operator")).get(URL.format(tahun=2025)).json()
    assert [h["instansi"] for h in own["hasil"]] == ["bantargebang"]
    assert own["hasil"][0]["indikator"][0]["kode"] == "IKU9"
    other = klien(token(lain.username)).get(URL.format(tahun=2025)).json()
    assert [(h["instansi"], h["alasan"]) for h in other["hasil"]] == [
        ("rawalumbu", run_json("capaian", "--instansi", "rawalumbu", "--tahun", "2025")["alasan"])
    ]
    # a signed PK makes it public; pagination by unit
    PerjanjianKinerja.objects.filter(instansi__slug="bantargebang", tahun=2025).update(
        status="ditandatangani"
    )
    assert klien().get(URL.format(tahun=2025)).json()["jumlah"] == 1
    halaman = klien(token("adminpemda")).get(URL.format(tahun=2025), {"per_halaman": 1, "halaman": 2}).json()
    assert (halaman["jumlah"], [h["instansi"] for h in halaman["hasil"]]) == (2, ["rawalumbu"])
    assert klien().get("/api/v1/pemda/tidak-ada/capaian/2024").status_code == 404
