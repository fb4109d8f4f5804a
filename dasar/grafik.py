"""Inline SVG charts shared by the dashboards, the SKM pages and the documents' web previews:
matplotlib ``Figure`` objects (never pyplot's global state) turned into ``<svg>`` text, cached
by the data they are drawn from."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable

from django.core.cache import cache
from django.utils.translation import get_language
from matplotlib.figure import Figure

# CSS properties of matplotlib's SVG that are also SVG presentation attributes.
_ATRIBUT_SVG = frozenset(
    "fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linejoin stroke-linecap "
    "stroke-dasharray stroke-dashoffset stroke-miterlimit opacity clip-rule".split()
)
_GAYA = re.compile(r'style="([^"]*)"')
_ELEMEN_GAYA = re.compile(r"<style[^>]*>\s*\*\s*\{([^}]*)\}\s*</style>")


def _atribut(isi: str) -> str | None:
    pasangan = [bagian.split(":", 1) for bagian in isi.split(";") if bagian.strip()]
    if any(len(p) != 2 or p[0].strip() not in _ATRIBUT_SVG for p in pasangan):
        return None
    return " ".join(f'{k.strip()}="{v.strip()}"' for k, v in pasangan)


def tanpa_gaya_sebaris(svg: str) -> str:
    """matplotlib's SVG without inline CSS, for the Content-Security-Policy (no inline style):
    each ``style="fill: …; stroke: …"`` becomes presentation attributes (``fill="…" stroke="…"``)
    and the ``<style>*{…}</style>`` default goes onto the root ``<svg>``, where it is inherited
    and overridden by each element's own attributes exactly as the style rule was."""
    bawaan = ""
    m = _ELEMEN_GAYA.search(svg)
    if m and (bawaan := _atribut(m.group(1))) is not None:
        svg = svg[: m.start()] + svg[m.end() :]
        svg = svg.replace("<svg ", f"<svg {bawaan} ", 1)
    return _GAYA.sub(lambda g: _atribut(g.group(1)) or g.group(0), svg)


def ke_svg(fig: Figure) -> str:
    """The figure as inline SVG (the XML prolog and doctype dropped, no inline CSS). A figure
    with a layout engine (the documents' ``layout="constrained"``) fits already and is saved as
    laid out; any other is trimmed to its drawn area (``bbox_inches="tight"``)."""
    buf = io.StringIO()
    fig.savefig(
        buf, format="svg", **({} if fig.get_layout_engine() is not None else {"bbox_inches": "tight"})
    )
    text = buf.getvalue()
    return tanpa_gaya_sebaris(text[text.index("<svg") :])


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
