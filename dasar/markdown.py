"""A minimal Markdown-to-HTML converter for the user guide (docs/panduan/*.md, shown at /panduan/).

Only what the guide uses: ATX headings, paragraphs, bulleted and numbered lists (nested by
indentation, an item may hold paragraphs and images), pipe tables, and inline ``**bold**``,
``*emphasis*``, ```code```, links and images. Every character of the source is HTML-escaped
before any tag is added, so the output is safe whatever the file holds; a link or image whose
address is not relative, ``/…``, ``#…`` or ``http(s)://`` is shown as plain text. ``tautan``
rewrites an address (e.g. ``operator.md`` → ``/panduan/operator/``) before it is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

JUDUL = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BUTIR = re.compile(r"^( *)([-*+]|\d+[.)])\s+(.*)$")
BARIS_TABEL = re.compile(r"^\s*\|.*\|\s*$")
PEMISAH_TABEL = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
GAMBAR = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
TAUTAN = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
TEBAL = re.compile(r"\*\*(.+?)\*\*")
MIRING = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
ALAMAT_SAH = re.compile(r"^(https?://|/|#|[\w./-]+$)")


def _sama(url: str) -> str:
    return url


def ke_html(teks: str, tautan: Callable[[str], str] = _sama) -> str:
    """The HTML of the Markdown ``teks`` (see the module docstring); ``tautan`` maps addresses."""
    baris = teks.replace("\r\n", "\n").replace("\t", "    ").split("\n")
    return "\n".join(_blok(baris, tautan))


def _sebaris(teks: str, tautan) -> str:
    """Inline markup of one block's text: code spans first (nothing inside them is markup)."""
    bagian = teks.split("`")
    keluar = []
    for i, s in enumerate(bagian):
        if i % 2 and i < len(bagian) - 1:
            keluar.append(f"<code>{html.escape(s)}</code>")
        else:
            keluar.append(_hias(s if i % 2 == 0 else "`" + s, tautan))
    return "".join(keluar)


def _alamat(url: str, tautan) -> str | None:
    url = tautan(url)
    return html.escape(url) if ALAMAT_SAH.match(url) and ".." not in url else None


def _hias(s: str, tautan) -> str:
    # the addresses are taken out before escaping (then escaped themselves), the text escaped
    potongan: list[str] = []

    def simpan(kode: str) -> str:
        potongan.append(kode)
        return f"\x00{len(potongan) - 1}\x00"

    def gambar(m):
        url = _alamat(m.group(2), tautan)
        alt = html.escape(m.group(1))
        return simpan(f'<img src="{url}" alt="{alt}" loading="lazy">' if url else alt)

    def link(m):
        url = _alamat(m.group(2), tautan)
        isi = _gaya(html.escape(m.group(1)))
        return simpan(f'<a href="{url}">{isi}</a>' if url else isi)

    s = TAUTAN.sub(link, GAMBAR.sub(gambar, s.replace("\x00", "")))
    s = _gaya(html.escape(s))
    return re.sub(r"\x00(\d+)\x00", lambda m: potongan[int(m.group(1))], s)


def _gaya(s: str) -> str:
    return MIRING.sub(r"<em>\1</em>", TEBAL.sub(r"<strong>\1</strong>", s))


def _lekuk(b: str) -> int:
    return len(b) - len(b.lstrip(" "))


def _blok(baris: list[str], tautan) -> list[str]:
    keluar: list[str] = []
    i, n = 0, len(baris)
    while i < n:
        b = baris[i]
        if not b.strip():
            i += 1
            continue
        m = JUDUL.match(b)
        if m:
            tingkat = len(m.group(1))
            keluar.append(f"<h{tingkat}>{_sebaris(m.group(2), tautan)}</h{tingkat}>")
            i += 1
            continue
        if BARIS_TABEL.match(b) and i + 1 < n and PEMISAH_TABEL.match(baris[i + 1]):
            i = _tabel(baris, i, keluar, tautan)
            continue
        if BUTIR.match(b):
            i = _daftar(baris, i, keluar, tautan)
            continue
        paragraf = []
        while i < n and baris[i].strip() and not JUDUL.match(baris[i]) and not BUTIR.match(baris[i]):
            if BARIS_TABEL.match(baris[i]) and i + 1 < n and PEMISAH_TABEL.match(baris[i + 1]):
                break
            paragraf.append(baris[i].strip())
            i += 1
        keluar.append(f"<p>{_sebaris(' '.join(paragraf), tautan)}</p>")
    return keluar


def _sel(b: str) -> list[str]:
    return [c.strip() for c in b.strip().strip("|").split("|")]


def _tabel(baris, i, keluar, tautan) -> int:
    kepala = _sel(baris[i])
    i += 2
    isi = []
    while i < len(baris) and BARIS_TABEL.match(baris[i]):
        isi.append(_sel(baris[i]))
        i += 1
    th = "".join(f'<th scope="col">{_sebaris(c, tautan)}</th>' for c in kepala)
    tr = "".join(
        "<tr>" + "".join(f"<td>{_sebaris(c, tautan)}</td>" for c in r[: len(kepala)]) + "</tr>" for r in isi
    )
    keluar.append(f"<table><thead><tr>{th}</tr></thead><tbody>{tr}</tbody></table>")
    return i


def _daftar(baris, i, keluar, tautan) -> int:
    """A list starting at line ``i``: its items at the first item's indentation; every following
    line indented deeper (or blank, inside the list) belongs to the current item."""
    pertama = BUTIR.match(baris[i])
    lekuk = len(pertama.group(1))
    bernomor = pertama.group(2)[0].isdigit()
    butir: list[list[str]] = []
    geser: list[int] = []  # per item: the column its text starts at
    n = len(baris)
    while i < n:
        m = BUTIR.match(baris[i])
        if m and len(m.group(1)) == lekuk and m.group(2)[0].isdigit() == bernomor:
            butir.append([m.group(3)])
            geser.append(len(m.group(1)) + len(m.group(2)) + 1)
            i += 1
            continue
        if baris[i].strip() and _lekuk(baris[i]) > lekuk:
            butir[-1].append(baris[i])
            i += 1
            continue
        if not baris[i].strip():
            j = i
            while j < n and not baris[j].strip():
                j += 1
            lanjut = j < n and (
                _lekuk(baris[j]) > lekuk
                or (
                    (m2 := BUTIR.match(baris[j]))
                    and len(m2.group(1)) == lekuk
                    and m2.group(2)[0].isdigit() == bernomor
                )
            )
            if lanjut:
                if _lekuk(baris[j]) > lekuk:
                    butir[-1].append("")
                i = j
                continue
        break
    tag = "ol" if bernomor else "ul"
    keluar.append(f"<{tag}>")
    for isi, kolom in zip(butir, geser, strict=True):
        dalam = [isi[0]] + [_dedent(b, kolom) for b in isi[1:]]
        blok = _blok(dalam, tautan)
        if len(blok) == 1 and blok[0].startswith("<p>") and "" not in isi:
            blok = [blok[0][3:-4]]  # a one-paragraph item: no <p> inside the <li>
        keluar.append("<li>" + "\n".join(blok) + "</li>")
    keluar.append(f"</{tag}>")
    return i


def _dedent(b: str, kolom: int) -> str:
    """An item's continuation line without the indentation of the item's text."""
    return b[min(kolom, _lekuk(b)) :] if b.strip() else ""
