"""Text blocks of the LKIP: written only by the unit's operator, audited, escaped when shown."""

import pytest
from django.core.exceptions import PermissionDenied

from audit.models import Jejak
from dasar.galat import Ditolak
from laporan import selectors, services
from laporan.models import TeksBlok

pytestmark = pytest.mark.django_db
XSS = '<script>alert("x")</script>'


def test_create_change_delete_audited(pengguna_demo, demo):
    op = pengguna_demo["operator"]
    services.simpan_teks(
        user=op, instansi=demo, tahun=2024, bagian="kata_pengantar", teks="Puji syukur.\r\n\r\nParagraf dua."
    )
    blok = TeksBlok.objects.get(instansi=demo, tahun=2024, bagian="kata_pengantar")
    assert blok.teks == "Puji syukur.\n\nParagraf dua."
    services.simpan_teks(
        user=op, instansi=demo, tahun=2024, bagian="kata_pengantar", teks="Puji syukur.\n\nParagraf dua."
    )  # unchanged
    services.simpan_teks(user=op, instansi=demo, tahun=2024, bagian="kata_pengantar", teks="Teks baru")
    services.simpan_teks(
        user=op, instansi=demo, tahun=2024, bagian="kata_pengantar", teks="   "
    )  # empty: back to the default
    assert not TeksBlok.objects.filter(instansi=demo, bagian="kata_pengantar").exists()
    jejak = list(
        Jejak.objects.filter(objek="laporan.TeksBlok").order_by("id").values_list("aksi", "lama", "baru")
    )
    assert jejak == [
        ("buat", "", "Puji syukur.\n\nParagraf dua."),
        ("ubah", "Puji syukur.\n\nParagraf dua.", "Teks baru"),
        ("hapus", "Teks baru", ""),
    ]
    assert all(j.user == op and j.instansi == demo for j in Jejak.objects.filter(objek="laporan.TeksBlok"))


def test_refused_writes_save_nothing(pengguna_demo, demo):
    with pytest.raises(PermissionDenied):
        services.simpan_teks(
            user=pengguna_demo["pimpinan"], instansi=demo, tahun=2024, bagian="kata_pengantar", teks="x"
        )
    with pytest.raises(Ditolak):
        services.simpan_teks(
            user=pengguna_demo["operator"], instansi=demo, tahun=2024, bagian="bukan_bagian", teks="x"
        )
    with pytest.raises(Ditolak):
        services.simpan_teks(
            user=pengguna_demo["operator"],
            instansi=demo,
            tahun=2024,
            bagian="kata_pengantar",
            teks="x" * (services.PANJANG_MAKS + 1),
        )
    assert not TeksBlok.objects.exists() and not Jejak.objects.filter(objek="laporan.TeksBlok").exists()


def test_editor_lists_sections_and_iku_analyses(pengguna_demo, demo, masuk_sebagai):
    bagian = selectors.daftar_bagian(demo, 2024)
    assert "kata_pengantar" in bagian and "kesimpulan" in bagian
    assert any(k.startswith("analisis_") for k in bagian)  # one per IKU of the PK 2024
    html = masuk_sebagai("operator").get("/unit/bantargebang/lkip/2024/teks/").content.decode()
    for kode in bagian:  # every block a field of the one form, with its token
        assert f'name="teks-{kode}"' in html and f'name="token-{kode}"' in html
    assert html.count('action="/unit/bantargebang/lkip/2024/teks/"') == 1  # one form, one Simpan
    assert html.count("Simpan semua") == 1


def test_post_saves_and_escapes_in_the_preview(pengguna_demo, demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    r = c.post("/unit/bantargebang/lkip/2024/teks/", {"teks-kata_pengantar": XSS})
    assert r.status_code == 302 and r["Location"].endswith("/unit/bantargebang/lkip/2024/teks/")
    assert TeksBlok.objects.get(bagian="kata_pengantar").teks == XSS
    editor = c.get("/unit/bantargebang/lkip/2024/teks/").content.decode()
    assert XSS not in editor and "&lt;script&gt;" in editor
    preview = c.get("/unit/bantargebang/lkip/2024/").content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in preview
    assert XSS not in preview


def test_unknown_section_refused_and_too_long_keeps_the_other_texts(pengguna_demo, demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    url = "/unit/bantargebang/lkip/2024/teks/"
    c.post(url, {"teks-bukan_bagian": "x"})  # a field the form does not have is ignored
    assert not TeksBlok.objects.exists()
    with pytest.raises(Ditolak, match="tidak dikenal"):
        services.simpan_semua_teks(
            user=pengguna_demo["operator"], instansi=demo, tahun=2024, isian={"bukan_bagian": ("x", "")}
        )
    r = c.post(url, {"teks-saran": "x" * (services.PANJANG_MAKS + 1), "teks-kesimpulan": "Baik"})
    assert r.status_code == 400
    assert "paling banyak 20000 karakter" in r.content.decode()
    assert "Baik</textarea>" in r.content.decode()  # the other typed text is kept
    assert not TeksBlok.objects.exists()
    assert masuk_sebagai("pembaca").post(url, {"teks-saran": "x"}).status_code == 403
