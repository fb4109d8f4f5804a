"""Unit dashboard: each IKU card shows its trend over the years (and quarters) as inline SVG;
chart SVGs are cached by their data, so a repeated view does not redraw them."""

from decimal import Decimal

import pytest
from django.core.cache import cache

from dasbor.grafik import tren

pytestmark = pytest.mark.django_db


def test_tren_draws_a_point_per_value_and_skips_missing():
    svg = tren(
        [("2021", None), ("2022", Decimal("80")), ("2023", Decimal("83")), ("2024", Decimal("81.18"))],
        "Tren <IKM>",
    )
    assert svg.startswith("<svg") and svg.count("<circle") == 3
    assert "2024: 81,2" in svg and "&lt;IKM&gt;" in svg  # Indonesian number, escaped title
    assert tren([("2023", None), ("2024", Decimal(1))], "x") is None  # one value: no line


def test_kartu_iku_menampilkan_tren_tahunan(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    html = c.get("/unit/bantargebang/?tahun=2024").content.decode()
    assert html.count('<svg class="tren"') >= 1
    assert "2024: 81,2" in html  # IKM 2024 (from the survey) as the last point of the IKM card's line


def test_grafik_tidak_digambar_ulang_untuk_data_yang_sama(pengguna_demo, monkeypatch, masuk_sebagai):
    from matplotlib.figure import Figure

    cache.clear()
    calls = []
    asli = Figure.savefig
    monkeypatch.setattr(Figure, "savefig", lambda self, *a, **k: (calls.append(1), asli(self, *a, **k))[1])
    c = masuk_sebagai("operator")
    first = c.get("/unit/bantargebang/?tahun=2024").content.decode()
    drawn = len(calls)
    assert drawn == 2
    second = c.get("/unit/bantargebang/?tahun=2024").content.decode()
    assert len(calls) == drawn and first.count("<svg") == second.count("<svg")
