"""Inline SVG charts shared by the dashboards, the SKM pages and the documents' web previews:
matplotlib ``Figure`` objects (never pyplot's global state) turned into ``<svg>`` text, cached
by the data they are drawn from."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable

from django.core.cache import cache
from django.utils.translation import get_language
from matplotlib.figure import Figure


def ke_svg(fig: Figure) -> str:
    """The figure as inline SVG (the XML prolog and doctype dropped)."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    text = buf.getvalue()
    return text[text.index("<svg") :]


def grafik_svg(nama: str, data, buat: Callable[[], str]) -> str | None:
    """The SVG of a chart, cached by a hash of exactly the data it is drawn from (and the
    language); ``buat()`` draws it on a miss.

    Drawing with matplotlib costs 100–250 ms per chart; the same data always gives the same
    picture, so a changed value simply produces a new key (nothing to invalidate)."""
    key = "grafik:" + nama + ":" + hashlib.sha256(repr((get_language(), data)).encode()).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = buat()
        cache.set(key, svg, 24 * 3600)
    return svg
