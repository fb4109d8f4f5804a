"""Settings that fail closed: strict environment helpers, the client address behind proxies,
no debug page without DEBUG, security headers under the production environment."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from dasar import lingkungan
from dasar.klien import alamat_klien


@pytest.mark.parametrize(
    ("mentah", "hasil"),
    [
        ("1", True),
        ("true", True),
        ("YES", True),
        (" on ", True),
        ("0", False),
        ("False", False),
        ("off", False),
    ],
)
def test_baca_bool_understands_the_usual_spellings(monkeypatch, mentah, hasil):
    monkeypatch.setenv("X_UJI", mentah)
    assert lingkungan.baca_bool("X_UJI", not hasil) is hasil


@pytest.mark.parametrize("mentah", ["ture", "2", "y", "enabled", "1.0"])
def test_baca_bool_refuses_anything_else(monkeypatch, mentah):
    monkeypatch.setenv("X_UJI", mentah)
    with pytest.raises(ImproperlyConfigured, match="X_UJI"):
        lingkungan.baca_bool("X_UJI", False)


def test_unset_or_empty_gives_the_default(monkeypatch):
    monkeypatch.delenv("X_UJI", raising=False)
    assert lingkungan.baca_bool("X_UJI", True) is True
    monkeypatch.setenv("X_UJI", "  ")
    assert lingkungan.baca_int("X_UJI", 7) == 7
    assert lingkungan.baca_daftar("X_UJI", ["a"]) == ["a"]
    assert lingkungan.baca_teks("X_UJI", "b") == "b"


@pytest.mark.parametrize("mentah", ["1y", "3.5", "١٢", "0x10", "", "-"])
def test_baca_int_refuses_what_is_not_a_whole_number(monkeypatch, mentah):
    monkeypatch.setenv("X_UJI", mentah or "--")
    with pytest.raises(ImproperlyConfigured, match="X_UJI"):
        lingkungan.baca_int("X_UJI", 0)


def test_baca_int_bounds(monkeypatch):
    monkeypatch.setenv("X_UJI", "31536000")
    assert lingkungan.baca_int("X_UJI", 0, minimum=0) == 31536000
    monkeypatch.setenv("X_UJI", "-1")
    with pytest.raises(ImproperlyConfigured, match="from 0"):
        lingkungan.baca_int("X_UJI", 0, minimum=0)


def test_baca_daftar_and_pilihan(monkeypatch):
    monkeypatch.setenv("X_UJI", " a.example , b.example")
    assert lingkungan.baca_daftar("X_UJI") == ["a.example", "b.example"]
    monkeypatch.setenv("X_UJI", "a.example,,b.example")
    with pytest.raises(ImproperlyConfigured):
        lingkungan.baca_daftar("X_UJI")
    monkeypatch.setenv("X_UJI", "warning")
    assert lingkungan.baca_pilihan("X_UJI", "INFO", ("INFO", "WARNING")) == "WARNING"
    monkeypatch.setenv("X_UJI", "LOUD")
    with pytest.raises(ImproperlyConfigured, match="one of INFO, WARNING"):
        lingkungan.baca_pilihan("X_UJI", "INFO", ("INFO", "WARNING"))


# --- the client address ------------------------------------------------------------------------


def _permintaan(remote="10.0.0.9", xff=None):
    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.PROXY_TEPERCAYA = 0
    assert alamat_klien(_permintaan("203.0.113.5")) == "203.0.113.5"
    assert alamat_klien(_permintaan("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_one_proxy_takes_the_rightmost_entry_only(settings):
    settings.PROXY_TEPERCAYA = 1
    assert alamat_klien(_permintaan(xff="203.0.113.5")) == "203.0.113.5"
    # the client forged two entries; our proxy appended the real address at the right
    assert alamat_klien(_permintaan(xff="1.1.1.1, 2.2.2.2, 203.0.113.5")) == "203.0.113.5"
    assert alamat_klien(_permintaan(xff=None)) == "10.0.0.9"


def test_two_proxies_take_the_second_entry_from_the_right(settings):
    settings.PROXY_TEPERCAYA = 2
    assert alamat_klien(_permintaan(xff="6.6.6.6, 203.0.113.5, 192.0.2.10")) == "203.0.113.5"
    # fewer entries than proxies: the leftmost, which one of our proxies wrote
    assert alamat_klien(_permintaan(xff="203.0.113.5")) == "203.0.113.5"


def test_garbage_and_ipv6(settings):
    settings.PROXY_TEPERCAYA = 1
    assert alamat_klien(_permintaan(xff="1.1.1.1, <script>")) == "10.0.0.9"
    assert alamat_klien(_permintaan(xff="2001:DB8:0:0::1")) == "2001:db8::1"
    assert alamat_klien(_permintaan(xff=" , ")) == "10.0.0.9"
