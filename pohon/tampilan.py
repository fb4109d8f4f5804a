"""How a tree is shown: the levels' and findings' Indonesian names, and the tree as a nested HTML
list (built here rather than by recursive template includes: the 500-unit pemda tree has
thousands of nodes, docs/benchmarks.md)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rumus import pohon as r
from rumus.format import format_angka, format_persen, format_rupiah

NAMA_LEVEL = {
    r.SASARAN_PEMDA: gettext_lazy("Sasaran pemda"),
    r.TUJUAN: gettext_lazy("Tujuan"),
    r.SASARAN: gettext_lazy("Sasaran strategis"),
    r.PROGRAM: gettext_lazy("Program"),
    r.KEGIATAN: gettext_lazy("Kegiatan"),
    r.SUB_KEGIATAN: gettext_lazy("Sub kegiatan"),
    r.RHK: gettext_lazy("Rencana hasil kerja"),
}

NAMA_TEMUAN = {
    r.TANPA_INDIKATOR: gettext_lazy("Simpul tanpa indikator"),
    r.TANPA_PEMILIK: gettext_lazy("Indikator tanpa pemilik"),
    r.SASARAN_TANPA_PROGRAM: gettext_lazy("Sasaran tanpa program pendukung"),
    r.ANGGARAN_TANPA_KINERJA: gettext_lazy("Anggaran yang tidak mendukung kinerja"),
    r.OUTCOME_HANYA_OUTPUT: gettext_lazy("Sasaran hasil yang hanya diukur dengan indikator keluaran"),
}


def pesan_temuan(t: r.TemuanPohon) -> str:
    """The finding as one Indonesian sentence naming the node, indicator or budget line."""
    isi = {"kode": t.kode, "nama": t.nama}
    if t.jenis == r.TANPA_INDIKATOR:
        return _("Pohon kinerja: %(kode)s %(nama)s belum punya indikator") % isi
    if t.jenis == r.TANPA_PEMILIK:
        return (
            _("Pohon kinerja: indikator %(kode)s %(nama)s belum punya pemilik (jabatan penanggung jawab)")
            % isi
        )
    if t.jenis == r.SASARAN_TANPA_PROGRAM:
        return (
            _("Pohon kinerja: sasaran %(kode)s %(nama)s belum didukung program (tautan dukungan anggaran)")
            % isi
        )
    if t.jenis == r.ANGGARAN_TANPA_KINERJA:
        return _("Pohon kinerja: sub kegiatan %(kode)s %(nama)s tidak mendukung indikator mana pun") % isi
    if t.jenis == r.OUTCOME_HANYA_OUTPUT:
        return (
            _("Pohon kinerja: %(kode)s %(nama)s adalah sasaran hasil tetapi semua indikatornya keluaran")
            % isi
        )
    return f"{t.kode} {t.nama}"


def _label() -> dict[str, str]:
    """The words of a node's lines, translated once per tree."""
    return {
        "tanpa_pemilik": _("belum ada pemilik"),
        "tanpa_capaian": _("belum ada capaian"),
        "target": _("target"),
        "realisasi": _("realisasi"),
        "capaian": _("capaian"),
        "pemilik": _("pemilik"),
        "pagu": _("pagu"),
    }


def _daftar_indikator(indikator, lb, judul: str, kosong: str) -> str:
    """A node's indicator list, or the note that it has none."""
    if not indikator:
        return f'<p class="kecil pohon-kosong">{kosong}</p>'
    return (
        f'<ul class="pohon-indikator" aria-label="{judul}">'
        + "".join(_indikator(i, lb) for i in indikator)
        + "</ul>"
    )


def _indikator(i: r.IndikatorPohon, lb: dict[str, str]) -> str:
    pemilik = escape(i.pemilik) if i.pemilik else lb["tanpa_pemilik"]
    kategori = escape(i.kategori) if i.kategori else lb["tanpa_capaian"]
    satuan = f" {escape(i.satuan)}" if i.satuan else ""
    return (
        f'<li class="pohon-ind {i.warna}"><span class="pohon-ind-nama">{escape(i.nama)}</span> '
        f'<span class="kecil">{lb["target"]} {format_angka(i.target, 2)}{satuan} · '
        f"{lb['realisasi']} {format_angka(i.realisasi, 2)} · "
        f'{lb["capaian"]} <strong class="capaian {i.warna}">{format_persen(i.capaian)}</strong> '
        f"({kategori}) · {lb['pemilik']}: {pemilik}</span></li>"
    )


def _anggaran(a: r.AnggaranPohon, lb: dict[str, str]) -> str:
    return (
        f"<li>{escape(a.kode)} {escape(a.nama)}: {lb['pagu']} {format_rupiah(a.pagu)}, "
        f"{lb['realisasi']} {format_rupiah(a.realisasi)}</li>"
    )


def html_pohon(
    akar: list[r.SimpulPohon], nama_instansi: dict[str, str] | None = None, tampil_unit=False, awalan=""
) -> str:
    """The tree as nested lists: each node a ``<details open>`` (collapsible without JavaScript)
    holding its level, code, name, owner, indicators, budget codes and children. ``awalan``
    prefixes the nodes' ids (a unit's subtree loaded twice in the pemda page)."""
    nama_instansi = nama_instansi or {}
    bagian: list[str] = []
    add = bagian.append
    judul_ind, judul_ang = _("Indikator"), _("Anggaran")
    tanpa_ind = _("Belum ada indikator")
    label_pemilik = _("Pemilik")
    level = {k: str(v) for k, v in NAMA_LEVEL.items()}
    lb = _label()

    def simpul(s: r.SimpulPohon, induk_unit: str) -> None:
        add(
            f'<li class="pohon-simpul pohon-{s.level}" id="{awalan}simpul-{escape(s.kunci.replace(":", "-"))}">'
        )
        add("<details open><summary>")
        add(f'<span class="pohon-level">{level.get(s.level, s.level)}</span> ')
        add(f"<strong>{escape(s.kode)}</strong> {escape(s.nama)}")
        if tampil_unit and s.instansi and s.instansi != induk_unit:
            add(f' <span class="pohon-unit">({escape(nama_instansi.get(s.instansi, s.instansi))})</span>')
        add("</summary>")
        if s.pemilik:
            add(f'<p class="kecil">{label_pemilik}: {escape(s.pemilik)}</p>')
        add(_daftar_indikator(s.indikator, lb, judul_ind, tanpa_ind))
        if s.anggaran:
            add(f'<ul class="pohon-anggaran kecil" aria-label="{judul_ang}">')
            for a in s.anggaran:
                add(_anggaran(a, lb))
            add("</ul>")
        if s.anak:
            add('<ul class="pohon-anak">')
            for a in s.anak:
                simpul(a, s.instansi or induk_unit)
            add("</ul>")
        add("</details></li>")

    add('<ul class="pohon-akar">')
    for s in akar:
        simpul(s, "")
    add("</ul>")
    return "".join(bagian)


def html_pemda(ringkas) -> str:
    """The pemda level of the pemda tree (``pohon.selectors.ringkasan_pemda``): each pemda
    sasaran (open) with its indicators and, under it, one closed ``<details>`` per supporting
    unit whose summary names the unit, its recorded nodes and its IKU by capaian colour. Opening
    a unit fetches its subtree with htmx (``pohon:unit_bagian``); without script the node holds
    a link to the unit's own tree page."""
    from urllib.parse import urlencode

    bagian: list[str] = []
    add = bagian.append
    judul_ind = _("Indikator")
    tanpa_ind = _("Belum ada indikator")
    level = str(NAMA_LEVEL[r.SASARAN_PEMDA])
    lb = _label()
    buka = _("Buka pohon unit ini")
    memuat = _("Memuat pohon unit…")
    nama_warna = {
        "hijau": _("hijau"),
        "kuning": _("kuning"),
        "merah": _("merah"),
        "abu": _("belum ada capaian"),
    }
    tahun = str(ringkas.tahun)

    def unit(u, sid: int | None) -> None:
        ins = u.instansi
        halaman = reverse("pohon:unit", args=[ins.slug, tahun])
        url = reverse("pohon:unit_bagian", args=[ins.slug, tahun])
        if sid is not None:
            url += "?" + urlencode({"sasaran": sid})
        warna = ", ".join(
            f"{n} {nama_warna[w]}"
            for w, n in sorted(u.warna.items(), key=lambda x: list(nama_warna).index(x[0]))
        )
        ringkas_iku = (
            _("IKU %(n)s: %(warna)s") % {"n": u.iku, "warna": warna} if u.iku else _("belum ada IKU")
        )
        add(f'<li class="pohon-simpul pohon-unit-ringkas" data-unit="{escape(ins.slug)}">')
        add(
            f'<details hx-get="{escape(url)}" hx-trigger="toggle once" hx-target="find .pohon-isi" '
            f'hx-swap="innerHTML"><summary>'
        )
        add(f'<span class="pohon-level">{_("Unit")}</span> <strong>{escape(ins.nama)}</strong> ')
        add(
            f'<span class="kecil">{_("%(n)s simpul tercatat") % {"n": u.simpul}} · {escape(ringkas_iku)}</span>'
        )
        add("</summary>")
        add(
            f'<div class="pohon-isi" aria-live="polite"><p class="kecil"><a href="{escape(halaman)}">{buka}</a>'
            f'<span class="tanpa-js-sembunyi"> · {memuat}</span></p></div>'
        )
        add("</details></li>")

    add('<ul class="pohon-akar">')
    for sid, s, units in ringkas.sasaran:
        add(f'<li class="pohon-simpul pohon-{s.level}" id="simpul-{escape(s.kunci.replace(":", "-"))}">')
        add("<details open><summary>")
        add(f'<span class="pohon-level">{level}</span> <strong>{escape(s.kode)}</strong> {escape(s.nama)}')
        add("</summary>")
        add(_daftar_indikator(s.indikator, lb, judul_ind, tanpa_ind))
        add('<ul class="pohon-anak">')
        for u in units:
            unit(u, sid)
        add("</ul></details></li>")
    if ringkas.lepas:
        add('<li class="pohon-simpul pohon-lepas"><details open><summary>')
        add(f"<strong>{_('Unit yang belum mendukung sasaran pemda')}</strong></summary>")
        add('<ul class="pohon-anak">')
        for u in ringkas.lepas:
            unit(u, None)
        add("</ul></details></li>")
    add("</ul>")
    return "".join(bagian)
