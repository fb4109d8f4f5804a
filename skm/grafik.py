"""SKM charts as inline SVG (matplotlib Figure, cached by their data through dasar.grafik)."""

from __future__ import annotations

from decimal import Decimal

from matplotlib.figure import Figure

from dasar.grafik import grafik_svg, ke_svg
from rumus.skm import MUTU, PERMENPANRB_14_2017, Skema, mutu

# band colours: A green, B blue, C amber, D red (the bands of PermenPANRB 14/2017)
WARNA_MUTU = {"A": "#1e7b34", "B": "#2b6cb0", "C": "#b8860b", "D": "#a4262c"}
BATAS = [float(b) for b, _h, _a in MUTU]


def _pita(ax, vertikal: bool, batas=BATAS) -> None:
    """Faint background bands for the mutu categories, with the band limits as lines."""
    tepi = [25.0, *sorted(batas), 100.0]
    huruf = ["D", "C", "B", "A"]
    for (a, b), h in zip(zip(tepi, tepi[1:], strict=False), huruf, strict=True):
        (ax.axvspan if vertikal else ax.axhspan)(a, b, color=WARNA_MUTU[h], alpha=0.07, lw=0)


def unsur(periode) -> str | None:
    """Horizontal bars: IKM per unsur of one period, coloured by its mutu band."""
    nilai = [Decimal(v) for v in periode.ikm_unsur]
    if not nilai:
        return None
    skema = getattr(periode, "skema", PERMENPANRB_14_2017)
    data = (periode.periode, skema.kode, [str(v) for v in nilai])
    return grafik_svg("skm-unsur", data, lambda: ke_svg(figur_unsur(nilai, skema)))


def figur_unsur(nilai, skema: Skema = PERMENPANRB_14_2017) -> Figure:
    """The Figure of the per-unsur bars, named and banded by the scheme (also used by the Laporan SKM)."""
    fig = Figure(figsize=(7, 3.8 if len(nilai) <= 9 else 5))
    ax = fig.add_subplot()
    batas = [float(b) for b in skema.batas]
    _pita(ax, vertikal=True, batas=batas)
    label = [f"U{i} {n if len(n) < 30 else n[:28] + '…'}" for i, n in enumerate(skema.unsur, 1)]
    y = list(range(len(nilai)))[::-1]
    warna = [WARNA_MUTU[mutu(v, skema)[0]] for v in nilai]
    ax.barh(y, [float(v) for v in nilai], color=warna)
    for yy, v in zip(y, nilai, strict=True):
        ax.text(float(v) + 0.5, yy, f"{v:.2f}".replace(".", ","), va="center", fontsize=8)
    ax.set_yticks(y, label, fontsize=8)
    ax.set_xlim(25, 105)
    ax.set_xlabel("IKM unsur (25–100)")
    for b in batas:
        ax.axvline(b, color="#888888", lw=0.6, ls="--")
    return fig


def tren(periode_list) -> str | None:
    """IKM per period in order, with the band limits."""
    if len(periode_list) < 2:
        return None
    data = [(p.periode, str(p.ikm)) for p in periode_list]
    return grafik_svg("skm-tren", data, lambda: _tren(data))


def _tren(data) -> str:
    fig = Figure(figsize=(6, 2.8))
    ax = fig.add_subplot()
    _pita(ax, vertikal=False)
    x = list(range(len(data)))
    y = [float(v) for _p, v in data]
    ax.plot(x, y, marker="o", color="#333333")
    for xx, (_p, v) in zip(x, data, strict=True):
        ax.annotate(
            f"{Decimal(v):.2f}".replace(".", ","),
            (xx, float(v)),
            textcoords="offset points",
            xytext=(0, 6),
            ha="center",
            fontsize=8,
        )
    ax.set_xticks(x, [p for p, _v in data])
    lo = min(min(y) - 5, 65)
    ax.set_ylim(max(25, lo), 100)
    ax.set_ylabel("IKM")
    for b in BATAS:
        ax.axhline(b, color="#888888", lw=0.6, ls="--")
    return ke_svg(fig)
