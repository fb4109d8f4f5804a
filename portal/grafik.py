"""The portal's server-rendered SVG charts (matplotlib Figures through ``dasar.grafik``, cached
by the data they are drawn from). Each chart sits beside a table with the same numbers."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _
from matplotlib.figure import Figure

from dasar.grafik import grafik_svg, ke_svg
from rumus.format import format_persen

BIRU, HIJAU = "#1f4e79", "#1e7b34"


def _pendek(teks: str, n: int = 40) -> str:
    return teks if len(teks) <= n else teks[: n - 1] + "…"


def iku_tahunan(nama: str, titik: list[tuple[int, float | None, float | None]]) -> str | None:
    """One indicator over the years: its target and its realisasi (``titik``: (year, target,
    realisasi)). Nothing when no year has a value."""
    titik = [(t, a, b) for t, a, b in titik if a is not None or b is not None]
    if not titik:
        return None
    label = (_("Target"), _("Realisasi"), _("Tahun"))
    return grafik_svg("portal-iku", (nama, titik, label), lambda: _iku_tahunan(nama, titik, label))


def _iku_tahunan(nama, titik, label) -> str:
    fig = Figure(figsize=(6, 2.6))
    ax = fig.add_subplot()
    tahun = [str(t) for t, _a, _b in titik]
    target = [(str(t), float(a)) for t, a, _b in titik if a is not None]
    real = [(str(t), float(b)) for t, _a, b in titik if b is not None]
    if target:
        ax.plot([t for t, _v in target], [v for _t, v in target], "--o", color=BIRU, label=label[0])
    if real:
        ax.plot([t for t, _v in real], [v for _t, v in real], "-s", color=HIJAU, label=label[1])
    ax.set_xticks(range(len(tahun)), tahun)
    ax.set_xlabel(label[2])
    ax.set_title(_pendek(nama, 60), fontsize=10)
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return ke_svg(fig)


def serapan_program(baris: list[tuple[str, float]]) -> str | None:
    """Horizontal bars: the serapan (%) of each programme (``baris``: (name, serapan))."""
    baris = [(n, s) for n, s in baris if s is not None]
    if not baris:
        return None
    judul = _("Serapan anggaran (%)")
    return grafik_svg("portal-serapan", (baris, judul), lambda: _serapan_program(baris, judul))


def _serapan_program(baris, judul) -> str:
    fig = Figure(figsize=(7, 0.6 + 0.5 * len(baris)))
    ax = fig.add_subplot()
    ax.barh([_pendek(n) for n, _s in baris], [float(s) for _n, s in baris], color=BIRU)
    for y, (_n, s) in enumerate(baris):
        ax.text(float(s) + 1, y, format_persen(Decimal(str(s)), 2), va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 115)
    ax.set_xlabel(judul)
    ax.spines[["top", "right"]].set_visible(False)
    return ke_svg(fig)
