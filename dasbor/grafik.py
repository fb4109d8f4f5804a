"""Server-rendered SVG charts (matplotlib Figure objects, never pyplot's global state)."""

from __future__ import annotations

import io
from decimal import Decimal

from matplotlib.figure import Figure

WARNA = {"hijau": "#1e7b34", "kuning": "#b8860b", "merah": "#a4262c", "abu": "#888888"}


def _svg(fig: Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    text = buf.getvalue()
    return text[text.index("<svg"):]  # inline: drop the XML prolog and doctype


def _id(value: Decimal | None) -> str:
    from rumus.format import format_angka

    return format_angka(value, 1)


def capaian_iku(rows) -> str | None:
    """Horizontal bars: capaian of each IKU against the 100 % line."""
    rows = [r for r in rows if r.capaian is not None]
    if not rows:
        return None
    from .templatetags.sakip_format import warna_kategori

    fig = Figure(figsize=(7, 0.6 + 0.55 * len(rows)))
    ax = fig.add_subplot()
    names = [r.indikator.nama if len(r.indikator.nama) < 45 else r.indikator.nama[:42] + "…" for r in rows]
    values = [float(r.capaian) for r in rows]
    ax.barh(names, values, color=[WARNA[warna_kategori(r.kategori)] for r in rows])
    ax.axvline(100, color="#1f4e79", linestyle="--", linewidth=1)
    for y, r in enumerate(rows):
        ax.text(float(r.capaian) + 1, y, f"{_id(r.capaian)} %", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel("Capaian (%)")
    ax.set_xlim(0, max(120, max(values) + 20))
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def serapan_triwulan(programmes, kas_kumulatif, realisasi_kumulatif) -> str | None:
    """Per programme: planned (cash plan) and realised absorption, cumulative by quarter, % of pagu."""
    if not programmes:
        return None
    fig = Figure(figsize=(7, 3.2))
    ax = fig.add_subplot()
    quarters = ["TW1", "TW2", "TW3", "TW4"]
    for i, (nama, _) in enumerate(programmes):
        label = nama if len(nama) < 30 else nama[:27] + "…"
        line = ax.plot(quarters, [float(v) for v in kas_kumulatif[i]], linestyle="--", marker="o", linewidth=1)[0]
        real = realisasi_kumulatif[i]
        xs = [q for q, v in zip(quarters, real, strict=True) if v is not None]
        if xs:
            ax.plot(xs, [float(v) for v in real if v is not None], marker="s", color=line.get_color(), label=label)
        else:
            line.set_label(label + " (rencana)")
    ax.set_ylabel("% pagu (kumulatif)")
    top = max([float(v) for row in kas_kumulatif for v in row] + [100.0])
    ax.set_ylim(0, top + 8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=7, loc="upper left", frameon=False)
    ax.set_title("Garis putus: rencana anggaran kas; garis penuh: realisasi", fontsize=8)
    return _svg(fig)
