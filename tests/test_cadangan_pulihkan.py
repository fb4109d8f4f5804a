"""cadangkan → empty database → pulihkan: the same capaian/anggaran output and the evidence file.

Transactional: the backup reads in its own transaction (REPEATABLE READ on PostgreSQL) and the
restore target is emptied with `flush`, as a freshly migrated database.
"""

import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _keluaran(capsys):
    out = {}
    for c in ("capaian", "anggaran", "ikm"):
        call_command(c, "--instansi", "bantargebang", "--tahun", "2024", "--format", "json")
        out[c] = json.loads(capsys.readouterr().out)
    return out


def _kosongkan(settings):
    """A freshly migrated database: no data but what the migrations ship; empty folders."""
    import shutil

    from evaluasi import templat_bawaan
    from evaluasi.models import Komponen, Kriteria, SubKomponen, TemplatEvaluasi

    call_command("flush", interactive=False, verbosity=0)
    for data in templat_bawaan.SEMUA:  # what evaluasi's 0003 migration ships
        templat_bawaan.muat(TemplatEvaluasi, Komponen, SubKomponen, Kriteria, data)
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.DOKUMEN_ROOT, ignore_errors=True)


@pytest.fixture
def dokumen_tmp(settings, tmp_path):
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    return settings.DOKUMEN_ROOT


def test_round_trip_of_the_demo_with_an_evidence_file(pengguna_demo, dokumen_tmp, settings, tmp_path, capsys):
    from pengukuran.models import Bukti, Realisasi
    from pengukuran.services import tambah_bukti

    op = pengguna_demo["operator"]
    r = Realisasi.objects.filter(indikator__instansi__slug="bantargebang").order_by("id").first()
    bukti = tambah_bukti(user=op, realisasi=r, berkas=SimpleUploadedFile("notulen.pdf", PDF))
    dokumen_tmp.mkdir(parents=True)
    (dokumen_tmp / "lkip-2024.docx").write_bytes(b"docx bytes")
    sebelum = _keluaran(capsys)
    jalur_bukti = bukti.berkas.name
    users = sorted(pengguna_demo)

    berkas = tmp_path / "cadangan.zip"
    call_command("cadangkan", "--out", str(berkas))
    capsys.readouterr()
    with zipfile.ZipFile(berkas) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert f"media/{jalur_bukti}" in zf.namelist()
    assert {d["model"] for d in manifest["data"]} >= {"pengukuran.realisasi", "auth.user", "skm.responden"}

    _kosongkan(settings)
    assert not Bukti.objects.exists() and not (settings.MEDIA_ROOT / jalur_bukti).exists()

    call_command("pulihkan", str(berkas))
    capsys.readouterr()
    assert _keluaran(capsys) == sebelum
    b = Bukti.objects.get()
    assert (b.nama_asli, b.diunggah_oleh.username) == ("notulen.pdf", "operator")
    assert b.berkas.read() == PDF
    assert (dokumen_tmp / "lkip-2024.docx").read_bytes() == b"docx bytes"
    from django.contrib.auth import get_user_model

    assert sorted(get_user_model().objects.values_list("username", flat=True)) == users
    from akun.management.commands.buat_pengguna_demo import DEMO_PASSWORD

    assert get_user_model().objects.get(username="operator").check_password(DEMO_PASSWORD)
    # the id sequences continue after the restored rows (PostgreSQL: reset by pulihkan)
    from organisasi.models import Pemda

    assert Pemda.objects.create(kode="baru", nama="Kota Baru").pk > max(
        Pemda.objects.exclude(kode="baru").values_list("pk", flat=True)
    )


def test_restore_refuses_a_non_empty_database(demo, tmp_path):
    from organisasi.models import Instansi

    berkas = tmp_path / "c.zip"
    call_command("cadangkan", "--out", str(berkas))
    with pytest.raises(CommandError, match="tidak kosong"):
        call_command("pulihkan", str(berkas))
    assert Instansi.objects.filter(slug="bantargebang").count() == 1


def test_restore_refuses_a_damaged_or_foreign_file(demo, tmp_path, settings):
    from organisasi.models import Pemda

    berkas = tmp_path / "c.zip"
    call_command("cadangkan", "--out", str(berkas))
    _kosongkan(settings)

    asing = tmp_path / "asing.zip"
    with zipfile.ZipFile(asing, "w") as zf:
        zf.writestr("data.json", "[]")
    bukan_zip = tmp_path / "bukan.zip"
    bukan_zip.write_bytes(b"PK\x03\x04 not really a zip")
    rusak = tmp_path / "rusak.zip"
    with zipfile.ZipFile(berkas) as src, zipfile.ZipFile(rusak, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "data/organisasi.instansi.json":
                data = data.replace(b"Bantargebang", b"Bantargebanx")
            dst.writestr(info, data)
    terpotong = tmp_path / "terpotong.zip"
    terpotong.write_bytes(berkas.read_bytes()[: berkas.stat().st_size // 2])

    for f, pesan in (
        (asing, "bukan berkas cadangan SAKIP"),
        (bukan_zip, "bukan berkas cadangan"),
        (rusak, "SHA-256 tidak cocok"),
        (terpotong, "bukan berkas cadangan"),
        (tmp_path / "tidak-ada.zip", "tidak ada"),
    ):
        with pytest.raises(CommandError, match=pesan):
            call_command("pulihkan", str(f))
        assert not Pemda.objects.exists()
    call_command("pulihkan", str(berkas))
    assert Pemda.objects.exists()


def test_every_row_is_read_in_one_snapshot(demo, tmp_path, monkeypatch):
    """All models are serialised inside one transaction; on PostgreSQL a read-only REPEATABLE READ
    one, so rows written meanwhile by others never mix into the backup."""
    from django.db import connection

    from cadangan import arsip

    dilihat = []
    asli = arsip.serializers.serialize

    def intip(*args, **kwargs):
        keadaan = [connection.in_atomic_block]
        if connection.vendor == "postgresql":
            with connection.cursor() as c:
                c.execute("SHOW transaction_isolation")
                keadaan.append(c.fetchone()[0])
                c.execute("SHOW transaction_read_only")
                keadaan.append(c.fetchone()[0])
        dilihat.append(tuple(keadaan))
        return asli(*args, **kwargs)

    monkeypatch.setattr(arsip.serializers, "serialize", intip)
    arsip.cadangkan(tmp_path / "c.zip")
    harapan = (True, "repeatable read", "on") if connection.vendor == "postgresql" else (True,)
    assert len(dilihat) == len(arsip.model_dicadangkan()) and set(dilihat) == {harapan}
