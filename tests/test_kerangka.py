"""The app shell (templates/base.html, sakip/kerangka.py): the side navigation shows what the
role may use (akun.izin.bagian_terlihat), the year selector remembers the year and moves the
page to it, the unit switcher keeps the page, the year and unit are always shown."""

import pytest

from akun.izin import bagian_terlihat
from akun.models import Profil
from organisasi.models import Instansi

pytestmark = pytest.mark.django_db


def _nav(html: str) -> str:
    awal = html.index('id="navigasi"')
    return html[awal : html.index("</nav>", awal)]


def test_navigation_follows_the_role(pengguna_demo, masuk_sebagai):
    ins = Instansi.objects.get(slug="bantargebang")
    op, pembaca, admin = (pengguna_demo[u] for u in ("operator", "pembaca", "adminpemda"))
    assert {
        "perencanaan",
        "pk",
        "pengukuran",
        "anggaran",
        "skm",
        "zona",
        "evaluasi",
        "laporan",
    } <= bagian_terlihat(pembaca, ins)
    assert "laporan_teks" in bagian_terlihat(op, ins) and "laporan_teks" not in bagian_terlihat(pembaca, ins)
    assert "skm_pengaturan" not in bagian_terlihat(pembaca, ins)
    assert {"audit", "dasbor_pemda"} <= bagian_terlihat(admin, ins)
    assert not {"audit", "dasbor_pemda"} & bagian_terlihat(op, ins)

    nav_op = _nav(masuk_sebagai("operator").get("/unit/bantargebang/zona/").content.decode())
    nav_baca = _nav(masuk_sebagai("pembaca").get("/unit/bantargebang/zona/").content.decode())
    nav_admin = _nav(masuk_sebagai("adminpemda").get("/unit/bantargebang/zona/").content.decode())
    assert "/unit/bantargebang/lkip/" in nav_baca and "/teks/" not in nav_baca
    assert "/teks/" in nav_op and "/audit/" not in nav_op
    assert "/audit/" in nav_admin and "/pemda/kota-bekasi/" in nav_admin
    # the SAKIP cycle's order
    urutan = [
        nav_baca.index(f"/unit/bantargebang/{p}")
        for p in ("renstra/", "pk/", "realisasi/", "anggaran/", "skm/", "zona/", "evaluasi/", "lkip/")
    ]
    assert urutan == sorted(urutan)


def test_year_and_unit_always_shown(pengguna_demo, masuk_sebagai):
    html = masuk_sebagai("operator").get("/unit/bantargebang/anggaran/2024/").content.decode()
    assert 'id="tahun-aktif"' in html and '<option value="2024" selected>' in html
    assert 'id="unit-aktif"' in html and '<option value="bantargebang" selected>' in html
    assert "akun/sandi/" in html and 'action="/akun/keluar/"' in html


def test_default_year_is_the_latest_year_with_data(pengguna_demo, pk_manual, masuk_sebagai):
    html = masuk_sebagai("operator").get("/unit/bantargebang/zona/").content.decode()
    assert '<option value="2025" selected>' in html  # pk_manual: a PK 2025
    assert "/unit/bantargebang/lkip/2025/" in html


def test_choosing_a_year_is_remembered_and_moves_the_page(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    r = c.post("/akun/tahun/", {"tahun": "2023", "next": "/unit/bantargebang/realisasi/2024/TW2/"})
    assert r.status_code == 302 and r["Location"] == "/unit/bantargebang/realisasi/2023/TW2/"
    assert Profil.objects.get(user__username="operator").tahun == 2023
    # a page whose year is ?tahun=
    r = c.post("/akun/tahun/", {"tahun": "2024", "next": "/unit/bantargebang/?tahun=2023"})
    assert r["Location"] == "/unit/bantargebang/?tahun=2024"
    # a page without a year stays where it is; the next session starts from the remembered year
    r = c.post("/akun/tahun/", {"tahun": "2022", "next": "/unit/bantargebang/renstra/"})
    assert r["Location"] == "/unit/bantargebang/renstra/"
    baru = masuk_sebagai("operator")
    assert '<option value="2022" selected>' in baru.get("/unit/bantargebang/zona/").content.decode()


def test_bad_year_or_next_changes_nothing(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    assert c.post("/akun/tahun/", {"tahun": "99999", "next": "/"}).status_code == 404
    assert c.post("/akun/tahun/", {"tahun": "abc", "next": "/"}).status_code == 404
    assert not Profil.objects.filter(user__username="operator", tahun__isnull=False).exists()
    r = c.post("/akun/tahun/", {"tahun": "2024", "next": "https://jahat.example/"})
    assert r["Location"] == "/"
    r = c.post("/akun/tahun/", {"tahun": "2024", "next": "/tidak-ada/"})
    assert r["Location"] == "/"


def test_unit_switcher_keeps_the_page(pengguna_demo, masuk_sebagai):
    from tests.factories import InstansiFactory

    lain = InstansiFactory(pemda=Instansi.objects.get(slug="bantargebang").pemda)
    c = masuk_sebagai("adminpemda")
    r = c.get("/akun/unit/", {"unit": lain.slug, "next": "/unit/bantargebang/anggaran/2024/"})
    assert r["Location"] == f"/unit/{lain.slug}/anggaran/2024/"
    # a page of one object of the unit: to the other unit's dashboard
    r = c.get("/akun/unit/", {"unit": lain.slug, "next": "/unit/bantargebang/evaluasi/1/"})
    assert r["Location"] == f"/unit/{lain.slug}/"
    # a unit the user may not see
    assert masuk_sebagai("operator").get("/akun/unit/", {"unit": lain.slug, "next": "/"}).status_code == 404


def test_home_and_zone_links_carry_the_selected_year(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("adminpemda")
    c.post("/akun/tahun/", {"tahun": "2023", "next": "/"})
    html = c.get("/").content.decode()
    assert 'href="/unit/bantargebang/?tahun=2023"' in html and 'href="/pemda/kota-bekasi/?tahun=2023"' in html
    assert 'href="/unit/bantargebang/zona/?tahun=2023"' in _nav(
        c.get("/unit/bantargebang/zona/?tahun=2023").content.decode()
    )
    r = c.post("/akun/tahun/", {"tahun": "2024", "next": "/unit/bantargebang/zona/?tahun=2023"})
    assert r["Location"] == "/unit/bantargebang/zona/?tahun=2024"
