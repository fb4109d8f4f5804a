"""Shared helpers for the query commands: their base class ``PerintahKueri`` (the
``--instansi/--tahun/--format`` options and the unit lookup), JSON of Decimals, plain-text tables."""

from __future__ import annotations

import json
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

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
    """The unit with this slug (its pemda joined); an unknown slug is a ``CommandError``."""
    try:
        return Instansi.objects.select_related("pemda").get(slug=slug)
    except Instansi.DoesNotExist:
        raise CommandError(_('Instansi "%(slug)s" tidak dikenal.') % {"slug": slug}) from None


class PerintahKueri(BaseCommand):
    """A query command of one unit-year (``capaian``, ``anggaran``, ``periksa``, ``ikm``, ``akip``,
    ``reviu``): ``--instansi SLUG --tahun N [--format table|json]``. ``handle`` finds the unit
    (``get_instansi``) and calls ``jawab(ins, **opts)``, which writes the answer."""

    def add_arguments(self, parser):
        parser.add_argument("--instansi", required=True)
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, **opts):
        return self.jawab(get_instansi(opts["instansi"]), **opts)

    def jawab(self, ins: Instansi, **opts):
        raise NotImplementedError


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
