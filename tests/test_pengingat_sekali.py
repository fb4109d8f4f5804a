"""kirim_pengingat twice on the same date sends nothing twice (a row per user, kind, object and
due date); --dry-run writes and sends nothing; --format json says what was (or would be) given."""

import json

import pytest
from django.core.management import call_command

from pengingat.models import Pengingat
from tests.pengingat_bantu import server_smtp, siapkan

pytestmark = pytest.mark.django_db


def _jalankan(capsys, *args):
    call_command("kirim_pengingat", "--tanggal", "2025-07-08", "--format", "json", *args)
    return json.loads(capsys.readouterr().out)


def test_twice_on_the_same_date_sends_once(pk_manual, settings, capsys):
    siapkan(pk_manual, settings)
    with server_smtp(settings) as smtp:
        uji = _jalankan(capsys, "--dry-run")
        assert uji["uji"] and uji["baru"] == 2 and not smtp.pesan and not Pengingat.objects.exists()
        assert {r["pengguna"] for r in uji["pengingat"]} == {"operator", "pimpinan"}
        pertama = _jalankan(capsys)
        kedua = _jalankan(capsys)
    assert (pertama["baru"], pertama["email_terkirim"]) == (2, 2)
    assert (kedua["baru"], kedua["sudah_ada"], kedua["email_terkirim"]) == (0, 2, 0)
    assert len(smtp.pesan) == 2
    assert Pengingat.objects.count() == 2


def test_the_next_day_gives_only_what_is_new(pk_manual, settings, capsys):
    """H-7 on 8 July, nothing new on 9 July, the H-1 reminder on 14 July."""
    siapkan(pk_manual, settings)
    with server_smtp(settings) as smtp:
        _jalankan(capsys)
        call_command("kirim_pengingat", "--tanggal", "2025-07-09", "--format", "json")
        assert json.loads(capsys.readouterr().out)["baru"] == 0
        call_command("kirim_pengingat", "--tanggal", "2025-07-14", "--format", "json")
        assert json.loads(capsys.readouterr().out)["baru"] == 1
    assert [m["Subject"] for m in smtp.untuk("operator@contoh.go.id")] == [
        "[SAKIP] Jendela entri realisasi kinerja TW2 2025 ditutup 15 Juli 2025"
    ] * 2
    assert sorted(Pengingat.objects.filter(user__username="operator").values_list("jenis", flat=True)) == [
        "jendela_h1",
        "jendela_h7",
    ]


def test_a_bad_date_is_refused(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("kirim_pengingat", "--tanggal", "8 Juli 2025")
