"""Planning screens: Renstra tree, IKU sheet, PK built from Renstra targets, signed, revised."""

from decimal import Decimal

import pytest
from django.test import Client

from perencanaan.models import PerjanjianKinerja, PKIndikator

pytestmark = pytest.mark.django_db


def test_renstra_tree_and_iku(pengguna_demo, masuk_sebagai):
    html = masuk_sebagai("pembaca").get("/unit/bantargebang/renstra/").content.decode()
    assert "Terwujudnya Kecamatan Bantargebang yang Aman dan Nyaman" in html
    assert "83,40" in html and "74,50" in html and "2026" in html
    html = masuk_sebagai("pembaca").get("/unit/bantargebang/iku/").content.decode()
    assert "Hasil Survey Kepuasan Masyarakat" in html


def test_pk_from_renstra_edit_sign_then_read_only(pengguna_demo, masuk_sebagai):
    op, pim = masuk_sebagai("operator"), masuk_sebagai("pimpinan")
    op.post("/unit/bantargebang/pk/2025/buat/")
    pk = PerjanjianKinerja.objects.get(instansi__slug="bantargebang", tahun=2025)
    targets = {r.indikator.kode: r.target for r in pk.indikator.select_related("indikator")}
    assert targets == {
        "IKU1": Decimal("83.4"),
        "IKU2": Decimal("74.25"),
        "IKU3": Decimal(50),
    }  # Renstra targets for 2025
    row = pk.indikator.get(indikator__kode="IKU1")
    op.post(f"/unit/bantargebang/pk/2025/target/{row.pk}/", {"target": "83,5"})
    row.refresh_from_db()
    assert str(row.target.normalize()) == "83.5"
    assert op.post(f"/unit/bantargebang/pk/2025/{pk.versi}/tandatangani/").status_code == 403
    # PIHAK KEDUA (the Wali Kota) has no name yet: signing is refused and says why
    r = pim.get(f"/unit/bantargebang/pk/2025/{pk.versi}/tandatangani/")
    assert "Belum dapat ditandatangani" in r.content.decode()
    pim.post(f"/unit/bantargebang/pk/2025/{pk.versi}/tandatangani/")
    pk.refresh_from_db()
    assert not pk.ditandatangani
    from organisasi.models import Pejabat

    Pejabat.objects.filter(kode="walikota").update(nama="TRI ADHIANTO")
    op.post(
        "/unit/bantargebang/pk/2025/penandatangan/",
        {
            "pihak_pertama": pk.pihak_pertama_id,
            "pihak_kedua": Pejabat.objects.get(kode="walikota").pk,
            "tempat": "Bekasi",
            "tanggal": "2025-01-02",
        },
    )
    html = pim.get(f"/unit/bantargebang/pk/2025/{pk.versi}/tandatangani/").content.decode()
    assert "Bekasi, 2 Januari 2025" in html
    import re

    sha = re.search(r'name="sha256" value="([0-9a-f]{64})"', html).group(1)
    pim.post(f"/unit/bantargebang/pk/2025/{pk.versi}/tandatangani/", {"sha256": sha})
    pk.refresh_from_db()
    assert pk.ditandatangani and pk.tanggal.isoformat() == "2025-01-02"
    r = op.post(f"/unit/bantargebang/pk/2025/target/{row.pk}/", {"target": "90"}, follow=True)
    assert "sudah ditandatangani" in r.content.decode()
    row.refresh_from_db()
    assert str(row.target.normalize()) == "83.5"
    # a revision is a new versi and keeps the old one; it starts from a source chosen explicitly
    assert op.post("/unit/bantargebang/pk/2025/buat/").status_code == 400
    op.post("/unit/bantargebang/pk/2025/buat/", {"sumber": "pk"})
    assert PerjanjianKinerja.objects.filter(instansi__slug="bantargebang", tahun=2025).count() == 2
    assert PKIndikator.objects.filter(pk_dokumen=pk).count() == 3


def test_no_role_can_change_the_signed_demo_pk(pengguna_demo, masuk_sebagai):
    row = PKIndikator.objects.get(pk_dokumen__tahun=2024, indikator__kode="IKU1")
    for name in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca"):
        masuk_sebagai(name).post(f"/unit/bantargebang/pk/2024/target/{row.pk}/", {"target": "1"})
        masuk_sebagai(name).post("/unit/bantargebang/pk/2024/1/tandatangani/")
    row.refresh_from_db()
    assert row.target == 83


def test_budget_screen_shows_serapan_and_warnings(pengguna_demo, masuk_sebagai):
    html = masuk_sebagai("pembaca").get("/unit/bantargebang/anggaran/2024/").content.decode()
    assert "Rp 23.459.734.760" in html and "95,05 %" in html and "93,95 %" in html
    assert html.count("anggaran kas TW4 negatif") == 2


def test_zona_monthly_assessment_updates_the_percentage(pengguna_demo, masuk_sebagai):
    op = masuk_sebagai("operator")
    html = op.get("/unit/bantargebang/zona/?tahun=2024").content.decode()
    assert "58,33 %" in html and "Gerbang TPA Kota Bekasi" in html
    for kode in ("Z01", "Z02", "Z03"):
        op.post(
            "/unit/bantargebang/zona/nilai/", {"tahun": 2025, "zona": kode, "bulan": 3, "kategori": "baik"}
        )
    r = op.post(
        "/unit/bantargebang/zona/nilai/",
        {"tahun": 2025, "zona": "Z04", "bulan": 13, "kategori": "baik"},
        follow=True,
    )
    assert "Pilih bulan" in r.content.decode()
    assert "25,00 %" in op.get("/unit/bantargebang/zona/?tahun=2025").content.decode()  # 3 of 12
    assert (
        masuk_sebagai("pembaca")
        .post("/unit/bantargebang/zona/nilai/", {"zona": "Z01", "bulan": 1})
        .status_code
        == 403
    )


def test_zona_photo_checked_and_served_to_allowed_users(pengguna_demo, masuk_sebagai):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from zona.models import PenilaianZona

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buf, "PNG")
    op = masuk_sebagai("operator")
    bad = op.post(
        "/unit/bantargebang/zona/nilai/",
        {
            "tahun": 2025,
            "zona": "Z01",
            "bulan": 1,
            "kategori": "baik",
            "foto": SimpleUploadedFile("x.png", b"not an image"),
        },
        follow=True,
    )
    assert (
        "bukan PDF, JPG, PNG" in bad.content.decode()
        and not PenilaianZona.objects.filter(tahun=2025).exists()
    )
    op.post(
        "/unit/bantargebang/zona/nilai/",
        {
            "tahun": 2025,
            "zona": "Z01",
            "bulan": 1,
            "kategori": "baik",
            "foto": SimpleUploadedFile("z.png", buf.getvalue()),
        },
    )
    p = PenilaianZona.objects.get(tahun=2025, zona__kode="Z01")
    assert masuk_sebagai("pembaca").get(f"/unit/bantargebang/zona/foto/{p.pk}/").status_code == 200
    assert Client().get(f"/unit/bantargebang/zona/foto/{p.pk}/").status_code == 302


def test_renstra_create_and_edit(pengguna_demo, masuk_sebagai):
    from perencanaan.models import Indikator, Target

    op = masuk_sebagai("operator")
    r = op.post(
        "/unit/bantargebang/renstra/indikator/baru/",
        {
            "kode": "IKU9",
            "nama": "Indeks Kepuasan Layanan Kelurahan",
            "level": "sasaran",
            "satuan": "Nilai",
            "polaritas": "positif",
            "agregasi": "terakhir",
            "sumber_realisasi": "manual",
        },
        follow=True,
    )
    assert "Indikator tingkat sasaran harus memilih sasaran-nya." in r.content.decode()
    from perencanaan.models import Sasaran

    s = Sasaran.objects.get(kode="S1.1")
    op.post(
        "/unit/bantargebang/renstra/indikator/baru/",
        {
            "kode": "IKU9",
            "nama": "Indeks Kepuasan Layanan Kelurahan",
            "level": "sasaran",
            "sasaran": s.pk,
            "satuan": "Nilai",
            "polaritas": "positif",
            "agregasi": "terakhir",
            "sumber_realisasi": "manual",
        },
    )
    ind = Indikator.objects.get(kode="IKU9")
    op.post("/unit/bantargebang/renstra/target/", {f"t-{ind.pk}-2025": "80,5"})
    assert str(Target.objects.get(indikator=ind, tahun=2025).nilai.normalize()) == "80.5"
    op.post("/unit/bantargebang/renstra/target/", {f"t-{ind.pk}-2030": "1"})  # no such column
    assert not Target.objects.filter(indikator=ind, tahun=2030).exists()
    assert "80,50" in op.get("/unit/bantargebang/renstra/").content.decode()
    assert masuk_sebagai("pembaca").get("/unit/bantargebang/renstra/indikator/baru/").status_code == 403
