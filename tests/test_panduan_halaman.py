"""The in-app user guide /panduan/: every chapter of docs/panduan/ is rendered for any logged-in
user, its images served, its links rewritten; every image the guide names exists and is made by
the guide's browser test (tests/test_panduan_browser.py), so `make screenshots` renews them all."""

import re

import pytest
from django.conf import settings

from dasbor.panduan import BAB

pytestmark = pytest.mark.django_db
FOLDER = settings.BASE_DIR / "docs" / "panduan"
GAMBAR = re.compile(r"!\[[^\]]*\]\(gambar/([a-z0-9-]+\.png)\)")


def test_every_chapter_renders_with_its_images(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pembaca")
    r = c.get("/panduan/")
    assert r.status_code == 200
    isi = r.content.decode()
    assert "<h1>Panduan pengguna SAKIP</h1>" in isi
    for slug in BAB:
        assert f'href="/panduan/{slug}/"' in isi  # the index's links to .md files point into the app
        r = c.get(f"/panduan/{slug}/")
        assert r.status_code == 200, slug
        html = r.content.decode()
        for nama in GAMBAR.findall((FOLDER / f"{slug}.md").read_text(encoding="utf-8")):
            assert f'src="/panduan/gambar/{nama}"' in html
    assert c.get("/panduan/tidak-ada/").status_code == 404


def test_image_served_and_unsafe_names_refused(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    r = c.get("/panduan/gambar/masuk.png")
    assert r.status_code == 200 and r["Content-Type"] == "image/png"
    assert b"".join(r.streaming_content).startswith(b"\x89PNG")
    for nama in ("..%2FREADME.md", "README.md", "tidak-ada.png", ".png"):
        assert c.get(f"/panduan/gambar/{nama}").status_code == 404


def test_help_menu_links_the_guide(pengguna_demo, masuk_sebagai):
    isi = masuk_sebagai("evaluator").get("/tugas-saya/").content.decode()
    assert '<a href="/panduan/">Panduan</a>' in isi


def test_every_image_exists_and_is_made_by_the_browser_test():
    dibuat = set(
        re.findall(
            r'foto\(\w+, "([a-z0-9-]+)"\)',
            (settings.BASE_DIR / "tests" / "test_panduan_browser.py").read_text(),
        )
    )
    dirujuk = set()
    for md in FOLDER.glob("*.md"):
        dirujuk |= set(GAMBAR.findall(md.read_text(encoding="utf-8")))
    assert dirujuk, "the guide shows no screenshot"
    assert {n.removesuffix(".png") for n in dirujuk} <= dibuat
    hilang = sorted(n for n in dirujuk if not (FOLDER / "gambar" / n).is_file())
    assert hilang == []
    besar = sum(p.stat().st_size for p in (FOLDER / "gambar").glob("*.png"))
    assert besar < 5_000_000
