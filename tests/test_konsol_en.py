"""The pemda console speaks English when the user chooses it (the English catalogue)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_console_in_english(dua_pemda):
    c = Client()
    c.force_login(dua_pemda.admin_a)
    c.post("/i18n/setlang/", {"language": "en", "next": "/konsol/"})
    html = c.get("/konsol/").content.decode()
    assert "Pemda console" in html and "Units and sub-units" in html and "1 active unit" in html
    html = c.get("/konsol/unit/baru/").content.decode()
    assert "Short address (slug)" in html and "e.g. bekasi-timur" in html
