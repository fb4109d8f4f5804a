"""Years in URLs: only 2000–2100 exist.

The path converter ``<tahun:tahun>`` (registered here; every urls.py with a year imports this
module) matches digits and turns a year outside the range into "no match", so Django answers
404 before any view runs: a year like 99999999999 never reaches a query (a PostgreSQL
``smallint`` would refuse it with a 500) nor multiplies stored pages. :func:`dari_teks` does
the same for a year in a query string or form field.
"""

from __future__ import annotations

from django.http import Http404
from django.urls import register_converter

TAHUN_MIN, TAHUN_MAKS = 2000, 2100


def sah(tahun: int) -> bool:
    return TAHUN_MIN <= tahun <= TAHUN_MAKS


class Tahun:
    regex = "[0-9]{1,12}"

    def to_python(self, value: str) -> int:
        tahun = int(value)
        if not sah(tahun):
            raise ValueError(f"tahun di luar {TAHUN_MIN}–{TAHUN_MAKS}")  # no match: 404
        return tahun

    def to_url(self, value) -> str:
        return str(int(value))


register_converter(Tahun, "tahun")


def dari_teks(teks, default: int) -> int:
    """The year written in ``teks`` (a query parameter); ``default`` when blank; 404 when it is
    not a year between 2000 and 2100."""
    teks = str(teks or "").strip()
    if not teks:
        return default
    if not teks.isdigit() or len(teks) > 4 or not sah(int(teks)):
        raise Http404(f"Tahun tidak dikenal: {teks[:20]}")
    return int(teks)
