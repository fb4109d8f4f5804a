"""The tree drawn server-side with matplotlib (as the other charts, ``dasar.grafik``): boxes top
to bottom, each with its level, code, name, owner and indicators (capaian in the category's
colour, ``rumus.pohon.warna_kategori``). The same drawing gives the SVG download and the A3
landscape PDF (made by the task queue's worker, ``pohon.tugas``)."""

from __future__ import annotations

import io
import textwrap

from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from dasar.grafik import ke_svg
from rumus import pohon as r
from rumus.format import format_persen

from .tampilan import NAMA_LEVEL

A3_LANSKAP = (420 / 25.4, 297 / 25.4)  # inches
LEBAR, TINGGI = 2.2, 1.5  # a box's slot, inches at full size


def _tata_letak(
    akar: list[r.SimpulPohon],
) -> tuple[list[tuple[r.SimpulPohon, float, int, tuple | None]], int, int]:
    """(node, x, depth, parent's (x, depth)) for every node: leaves side by side, a parent centred
    over its children; and the number of columns and levels."""
    out = []
    kolom = [0]
    dalam_maks = [0]

    def letak(s: r.SimpulPohon, dalam: int, induk) -> float:
        dalam_maks[0] = max(dalam_maks[0], dalam)
        i = len(out)
        out.append(None)
        if s.anak:
            xs = [letak(a, dalam + 1, None) for a in s.anak]
            x = (xs[0] + xs[-1]) / 2
        else:
            x = float(kolom[0])
            kolom[0] += 1
        out[i] = [s, x, dalam, induk]
        return x

    for s in akar:
        letak(s, 0, None)
    # parents' positions for the connecting lines
    tumpukan = []
    for item in out:
        s, x, d, _ = item
        while tumpukan and tumpukan[-1][2] >= d:
            tumpukan.pop()
        item[3] = (tumpukan[-1][1], tumpukan[-1][2]) if tumpukan else None
        tumpukan.append(item)
    return [tuple(i) for i in out], max(kolom[0], 1), dalam_maks[0] + 1


def gambar(akar: list[r.SimpulPohon], judul: str, a3: bool = False) -> Figure:
    letak, kolom, tingkat = _tata_letak(akar)
    lebar, tinggi = max(kolom * LEBAR, 6), max(tingkat * TINGGI + 0.6, 3)
    skala = 1.0
    if a3:
        skala = min(A3_LANSKAP[0] / lebar, (A3_LANSKAP[1] - 0.4) / tinggi, 1.0)
        fig = Figure(figsize=A3_LANSKAP)
    else:
        fig = Figure(figsize=(lebar, tinggi))
    ax = fig.add_axes((0, 0, 1, 0.95 if a3 else 1 - 0.4 / tinggi))
    ax.set_xlim(-0.5, kolom - 0.5 if not a3 else max(kolom - 0.5, A3_LANSKAP[0] / (LEBAR * skala) - 0.5))
    ax.set_ylim(
        -(tingkat - 0.5) if not a3 else -max(tingkat - 0.5, A3_LANSKAP[1] / (TINGGI * skala) - 0.5), 0.5
    )
    ax.axis("off")
    fig.suptitle(judul, fontsize=12, y=0.99)
    huruf = 6.5 * skala
    for s, x, d, induk in letak:
        if induk is not None:
            ax.plot([induk[0], x], [-induk[1] - 0.32, -d + 0.32], color="#8a94a0", linewidth=0.8 * skala)
        warna = r.HEKS_WARNA[s.indikator[0].warna] if s.indikator else r.HEKS_WARNA["abu"]
        ax.add_patch(
            FancyBboxPatch(
                (x - 0.45, -d - 0.32),
                0.9,
                0.64,
                boxstyle="round,pad=0.01",
                facecolor="#ffffff",
                edgecolor=warna,
                linewidth=1.5 * skala,
            )
        )
        baris = [f"{NAMA_LEVEL.get(s.level, s.level)} {s.kode}"]
        baris += textwrap.wrap(s.nama, 34)[:2]
        for i in s.indikator[:2]:
            baris.append(f"{textwrap.shorten(i.nama, 26, placeholder='…')}: {format_persen(i.capaian)}")
        if s.pemilik:
            baris.append(textwrap.shorten(s.pemilik, 34, placeholder="…"))
        ax.text(
            x, -d, "\n".join(baris), ha="center", va="center", fontsize=huruf, color="#1b1b1b", wrap=False
        )
    return fig


def svg_pohon(akar: list[r.SimpulPohon], judul: str) -> str:
    """The tree as an SVG document (for the download)."""
    svg = ke_svg(gambar(akar, judul))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + svg


def pdf_pohon(akar: list[r.SimpulPohon], judul: str) -> bytes:
    """The tree on one A3 landscape page (scaled down to fit)."""
    buf = io.BytesIO()
    gambar(akar, judul, a3=True).savefig(buf, format="pdf")
    return buf.getvalue()
