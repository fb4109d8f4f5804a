"""Server-rendered SVG charts (matplotlib Figure objects, never pyplot's global state)."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from matplotlib.figure import Figure

from dasar.grafik import grafik_svg, ke_svg

WARNA = {"hijau": "#1e7b34", "kuning": "#b8860b", "merah": "#a4262c", "abu": "#888888"}


def _id(value: Decimal | None) -> str:
    from rumus.format import format_angka

    return format_angka(value, 1)


def capaian_iku(rows) -> str | None:
    """Horizontal bars: capaian of each IKU against the 100 % line."""
    rows = [r for r in rows if r.capaian is not None]
    if not rows:
        return None
    from .templatetags.sakip_format import warna_kategori

    data = [(r.indikator.nama, r.capaian, warna_kategori(r.kategori)) for r in rows]
    return grafik_svg("capaian", data, lambda: _capaian_iku(rows))


def _capaian_iku(rows) -> str:
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
    return ke_svg(fig)


def serapan_triwulan(programmes, kas_kumulatif, realisasi_kumulatif) -> str | None:
    """Per programme: planned (cash plan) and realised absorption, cumulative by quarter, % of pagu."""
    if not programmes:
        return None
    data = ([nama for nama, _ in programmes], kas_kumulatif, realisasi_kumulatif)
    return grafik_svg(
        "serapan", data, lambda: _serapan_triwulan(programmes, kas_kumulatif, realisasi_kumulatif)
    )


def _serapan_triwulan(programmes, kas_kumulatif, realisasi_kumulatif) -> str:
    fig = Figure(figsize=(7, 3.2))
    ax = fig.add_subplot()
    quarters = ["TW1", "TW2", "TW3", "TW4"]
    for i, (nama, _) in enumerate(programmes):
        label = nama if len(nama) < 30 else nama[:27] + "…"
        line = ax.plot(
            quarters, [float(v) for v in kas_kumulatif[i]], linestyle="--", marker="o", linewidth=1
        )[0]
        real = realisasi_kumulatif[i]
        xs = [q for q, v in zip(quarters, real, strict=True) if v is not None]
        if xs:
            ax.plot(
                xs, [float(v) for v in real if v is not None], marker="s", color=line.get_color(), label=label
            )
        else:
            line.set_label(label + " (rencana)")
    ax.set_ylabel("% pagu (kumulatif)")
    top = max([float(v) for row in kas_kumulatif for v in row] + [100.0])
    ax.set_ylim(0, top + 8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=7, loc="upper left", frameon=False)
    ax.set_title("Garis putus: rencana anggaran kas; garis penuh: realisasi", fontsize=8)
    return ke_svg(fig)


def tren(titik: list[tuple[str, Decimal | None]], judul: str) -> str | None:
    """A small inline SVG line (sparkline) of an indicator's values over periods or years.

    Hand-written SVG (a few elements, no matplotlib): one per IKU card, so it must be cheap.
    Periods without a value are skipped; fewer than two values draw nothing."""
    ada = [(i, label, v) for i, (label, v) in enumerate(titik) if v is not None]
    if len(ada) < 2:
        return None
    w, h, pad = 180, 46, 14
    vals = [float(v) for _, _, v in ada]
    lo, hi = min(vals), max(vals)
    span = (hi - lo) or 1.0
    step = (w - 2 * pad) / max(len(titik) - 1, 1)
    pts = [(pad + i * step, pad + (h - 2 * pad - 12) * (1 - (float(v) - lo) / span)) for i, _, v in ada]
    poly = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
    parts = [
        f'<svg class="tren" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        f'aria-label="{escape(judul)}"><title>{escape(judul)}</title>',
        f'<polyline points="{poly}" fill="none" stroke="#1f4e79" stroke-width="2"/>',
    ]
    for (x, y), (_, label, v) in zip(pts, ada, strict=True):
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#1f4e79"><title>{escape(label)}: '
            f"{_id(v)}</title></circle>"
        )
        parts.append(
            f'<text x="{x:.1f}" y="{h - 1}" font-size="9" text-anchor="middle">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
