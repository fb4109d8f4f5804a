"""The user guide (docs/panduan/*.md) read for the in-app page /panduan/: its chapters, in the
order of the index, rendered by dasar.markdown (everything escaped) with links between chapters
and image addresses rewritten to the app's URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe

from dasar.markdown import ke_html

FOLDER = Path(settings.BASE_DIR) / "docs" / "panduan"
# the chapters, in the index's order: slug = file name without .md
BAB = ("operator", "pimpinan", "evaluator", "admin_pemda", "pembaca", "warga")
NAMA_GAMBAR = re.compile(r"^[a-z0-9][a-z0-9-]*\.png$")


@dataclass(frozen=True)
class Bab:
    slug: str
    judul: str
    html: str


def _tautan(url: str) -> str:
    if url.startswith("gambar/") and NAMA_GAMBAR.match(url.removeprefix("gambar/")):
        return reverse("dasbor:panduan_gambar", kwargs={"nama": url.removeprefix("gambar/")})
    nama = url.removesuffix(".md")
    if url.endswith(".md") and nama in BAB:
        return reverse("dasbor:panduan_bab", kwargs={"bab": nama})
    if url == "README.md":
        return reverse("dasbor:panduan")
    return url


def _judul(teks: str, cadangan: str) -> str:
    m = re.search(r"^#\s+(.+)$", teks, re.M)
    return m.group(1).strip() if m else cadangan


def baca(slug: str | None = None) -> Bab | None:
    """The index (slug None) or one chapter, rendered; None for an unknown chapter or a missing
    file."""
    if slug is not None and slug not in BAB:
        return None
    path = FOLDER / f"{slug or 'README'}.md"
    if not path.is_file():
        return None
    teks = path.read_text(encoding="utf-8")
    return Bab(slug or "", _judul(teks, slug or ""), mark_safe(ke_html(teks, _tautan)))  # noqa: S308 (ke_html escapes everything)


def daftar_bab() -> list[dict]:
    """The chapters for the guide's own navigation: slug, title, URL."""
    keluar = []
    for slug in BAB:
        path = FOLDER / f"{slug}.md"
        if path.is_file():
            judul = _judul(path.read_text(encoding="utf-8"), slug)
            keluar.append(
                {"slug": slug, "judul": judul, "url": reverse("dasbor:panduan_bab", kwargs={"bab": slug})}
            )
    return keluar


def gambar(nama: str) -> Path | None:
    """The path of a guide image by its file name, or None (unknown or unsafe name)."""
    if not NAMA_GAMBAR.match(nama):
        return None
    path = FOLDER / "gambar" / nama
    return path if path.is_file() else None
