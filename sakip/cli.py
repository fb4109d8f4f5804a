"""Shared helpers for the query commands: JSON of Decimals, plain-text tables."""

from __future__ import annotations

import json
from decimal import Decimal

from django.core.management.base import CommandError

from organisasi.models import Instansi


def angka_json(value: Decimal | None, places: int | None = None):
    """A Decimal as a JSON number (rounded half-up for display when ``places`` is given)."""
    if value is None:
        return None
    from rumus.format import bulat

    d = bulat(value, places) if places is not None else Decimal(value)
    d = d.normalize() if d == d.to_integral_value() else d
    return int(d) if d == d.to_integral_value() else float(d)


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def get_instansi(slug: str) -> Instansi:
    try:
        return Instansi.objects.select_related("pemda").get(slug=slug)
    except Instansi.DoesNotExist:
        raise CommandError(f'unknown instansi "{slug}"') from None


def tabel(header: list[str], rows: list[list], align: str | None = None) -> str:
    """Fixed-width text table; ``align`` is a string of l/r per column."""
    cells = [[("" if c is None else str(c)) for c in r] for r in [header, *rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    align = align or "l" * len(header)
    out = []
    for n, r in enumerate(cells):
        out.append(
            "  ".join(
                c.rjust(w) if a == "r" else c.ljust(w) for c, w, a in zip(r, widths, align, strict=True)
            ).rstrip()
        )
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)
