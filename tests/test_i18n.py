"""The UI speaks Bahasa Indonesia by default; English is available."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_default_is_indonesian_and_english_is_available(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    assert "Indikator Kinerja Utama" in c.get("/unit/bantargebang/").content.decode()
    c.post("/i18n/setlang/", {"language": "en", "next": "/unit/bantargebang/"})
    html = c.get("/unit/bantargebang/").content.decode()
    assert "Key Performance Indicators (IKU)" in html and "Budget absorption per programme" in html
    assert "97,8 %" in html  # numbers stay in the Indonesian format the documents use


def test_browser_language_does_not_switch_the_ui(pengguna_demo):
    c = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Nama pengguna" in c.get("/akun/masuk/").content.decode()
