"""Charts of the LKIP as matplotlib ``Figure`` objects (never pyplot's global state); the
renderers in ``laporan.keluaran`` turn them into PNG/SVG. Colours follow ``dasbor.grafik``."""

from __future__ import annotations

import textwrap
from decimal import Decimal

from matplotlib.figure import Figure

from rumus.capaian import kategori_capaian
from rumus.format import format_angka

WARNA = {"hijau": "#1e7b34", "kuning": "#b8860b", "merah": "#a4262c", "abu": "#888888", "biru": "#1f4e79"}
WARNA_KATEGORI = {
    "Sangat Baik": WARNA["hijau"],
    "Baik": WARNA["hijau"],
    "Cukup": WARNA["kuning"],
    "Kurang": WARNA["merah"],
    "Sangat Kurang": WARNA["merah"],
}


def _pendek(teks: str, n: int = 40) -> str:
    """A tick label: at most ``n`` characters, wrapped on two lines (the figure keeps its width)."""
    teks = teks if len(teks) <= n else teks[: n - 1] + "…"
    return "\n".join(textwrap.wrap(teks, 24)[:2]) if len(teks) > 24 else teks


def _id(v: Decimal | None, d: int = 1) -> str:
    return format_angka(v, d)


def capaian_iku(baris: list[tuple[str, Decimal]]) -> Figure | None:
    """Horizontal bars: capaian (%) of each IKU against the 100 % line, coloured by category."""
    baris = [(n, c) for n, c in baris if c is not None]
    if not baris:
        return None
    fig = Figure(figsize=(7, 0.9 + 0.7 * len(baris)), layout="constrained")
    ax = fig.add_subplot()
    nilai = [float(c) for _, c in baris]
    ax.barh(
        [_pendek(n, 45) for n, _ in baris],
        nilai,
        color=[WARNA_KATEGORI.get(kategori_capaian(c), WARNA["abu"]) for _, c in baris],
    )
    ax.axvline(100, color=WARNA["biru"], linestyle="--", linewidth=1)
    for y, (_, c) in enumerate(baris):
        ax.text(float(c) + 1, y, f"{_id(c)} %", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel("Capaian (%)")
    ax.set_xlim(0, max(120, max(nilai) + 20))
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def ikm_unsur(nilai_unsur: list[Decimal], skema=None) -> Figure | None:
    """IKM per unsur with the mutu A/B/C/D band colours of the survey scheme (``rumus.skm.Skema``,
    default PermenPANRB 14/2017; the Laporan SKM chart)."""
    if not nilai_unsur:
        return None
    from rumus.skm import PERMENPANRB_14_2017
    from skm.grafik import figur_unsur

    fig = figur_unsur(nilai_unsur, skema or PERMENPANRB_14_2017)
    fig.set_layout_engine("constrained")  # the unsur names must not be clipped in the DOCX/PDF
    return fig


def tren(
    titik: list[tuple[str, Decimal | None]],
    label_y: str,
    target: list[tuple[str, Decimal | None]] | None = None,
) -> Figure | None:
    """A value across years (IKM, nilai AKIP); the targets as a dashed line when given.
    Fewer than two values: None (nothing to show a trend with)."""
    ada = [(t, v) for t, v in titik if v is not None]
    if len(ada) < 2:
        return None
    fig = Figure(figsize=(6, 3), layout="constrained")
    ax = fig.add_subplot()
    ax.plot(
        [t for t, _ in ada], [float(v) for _, v in ada], marker="o", color=WARNA["biru"], label="Realisasi"
    )
    for t, v in ada:
        ax.annotate(
            _id(v, 2), (t, float(v)), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8
        )
    if target:
        tt = [(t, v) for t, v in target if v is not None]
        if tt:
            ax.plot(
                [t for t, _ in tt],
                [float(v) for _, v in tt],
                linestyle="--",
                marker="s",
                color=WARNA["abu"],
                label="Target",
            )
    import textwrap

    # long indicator names are wrapped so the axis label fits the height of the chart
    ax.set_ylabel("\n".join(textwrap.wrap(label_y, 28)[:3]), fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=8, frameon=False)
    return fig


def serapan_program(baris: list[tuple[str, Decimal | None]]) -> Figure | None:
    """Budget absorption (%) per programme against 100 %."""
    baris = [(n, s) for n, s in baris if s is not None]
    if not baris:
        return None
    fig = Figure(figsize=(7, 0.9 + 0.7 * len(baris)), layout="constrained")
    ax = fig.add_subplot()
    ax.barh([_pendek(n, 45) for n, _ in baris], [float(s) for _, s in baris], color=WARNA["biru"])
    ax.axvline(100, color=WARNA["abu"], linestyle="--", linewidth=1)
    for y, (_, s) in enumerate(baris):
        ax.text(float(s) + 1, y, f"{_id(s)} %", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 120)
    ax.set_xlabel("Serapan anggaran (%)")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def pembanding_unit(baris: list[tuple[str, Decimal]], sorot: str, label_x: str) -> Figure | None:
    """The unit (highlighted) among other units' published values, highest first."""
    if len(baris) < 2:
        return None
    baris = sorted(baris, key=lambda p: p[1], reverse=True)
    fig = Figure(figsize=(7, 0.9 + 0.55 * len(baris)), layout="constrained")
    ax = fig.add_subplot()
    ax.barh(
        [_pendek(n, 40) for n, _ in baris],
        [float(v) for _, v in baris],
        color=[WARNA["hijau"] if n == sorot else WARNA["abu"] for n, _ in baris],
    )
    for y, (_, v) in enumerate(baris):
        ax.text(float(v), y, f" {_id(v, 2)}", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel(label_x)
    ax.set_xlim(0, max(float(v) for _, v in baris) * 1.15)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def rencana_triwulan(
    periode: list[str], target: list[Decimal | None], realisasi: list[Decimal | None], label_y: str
) -> Figure | None:
    """The Rencana Aksi of one indicator: per quarter the target (grey) beside the realisasi
    entered for it (blue), each bar labelled; a quarter without a realisasi has no blue bar and
    says "-". None when no quarter has a target."""
    if all(t is None for t in target):
        return None
    fig = Figure(figsize=(6, 3), layout="constrained")
    ax = fig.add_subplot()
    x = list(range(len(periode)))
    lebar = 0.38
    tinggi = [float(v) for v in (*target, *realisasi) if v is not None]
    puncak = max(tinggi) if tinggi else 1.0
    for geser, nilai, warna, label in (
        (-lebar / 2, target, WARNA["abu"], "Target"),
        (lebar / 2, realisasi, WARNA["biru"], "Realisasi"),
    ):
        ax.bar(
            [i + geser for i in x],
            [float(v) if v is not None else 0.0 for v in nilai],
            lebar,
            color=warna,
            label=label,
        )
        for i, v in zip(x, nilai, strict=True):
            ax.text(
                i + geser,
                (float(v) if v is not None else 0.0) + puncak * 0.02,
                _id(v, 2) if v is not None else "-",
                ha="center",
                fontsize=8,
            )
    ax.set_xticks(x, periode)
    ax.set_ylim(0, puncak * 1.35)
    ax.set_ylabel("\n".join(textwrap.wrap(label_y, 28)[:3]), fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=8, frameon=False, ncol=2, loc="upper left")
    return fig
