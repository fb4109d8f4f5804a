"""The portal speaks Bahasa Indonesia by default and English after the language switch (the
pages and the open data's dictionary); numbers stay in the Indonesian format."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

UNIT = "/publik/kota-bekasi/bantargebang/"


def test_english_switch(demo):
    c = Client()
    html = c.get(UNIT + "?tahun=2024").content.decode()
    assert "Dokumen yang diterbitkan" in html and "Data terbuka" in html
    c.post("/i18n/setlang/", {"language": "en", "next": UNIT})
    html = c.get(UNIT + "?tahun=2024").content.decode()
    assert '<html lang="en">' in html
    for teks in ("Performance portal of Kecamatan Bantargebang", "Published documents", "Key Performance Indicators 2024", "Budget absorption per programme 2024", "Open data"):  # fmt: skip
        assert teks in html, teks
    assert "97,8 %" in html and "Dokumen yang diterbitkan" not in html
    html = c.get("/publik/kota-bekasi/").content.decode()
    assert "Performance portal of Kota Bekasi" in html and "Regional agency" in html
    kamus = c.get(UNIT + "data/kamus.json").json()["kamus"]
    assert kamus["ikm"]["kolom"]["responden"].startswith("number of respondents")
    c.post("/i18n/setlang/", {"language": "id", "next": UNIT})
    assert "Dokumen yang diterbitkan" in c.get(UNIT).content.decode()
