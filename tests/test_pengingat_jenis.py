"""Each kind of reminder goes to the people who must act, with the page to act on: returned
realisasi (operator), an LKE submitted (evaluator) or final (the unit's operator and pimpinan), a
follow-up due or overdue (the unit's operator and pimpinan), a budget window closing (operator)."""

import datetime as dt

import pytest
from django.utils import timezone

from anggaran.models import BarisAnggaran
from evaluasi import services as evaluasi_services
from evaluasi.models import Rekomendasi
from jadwal.models import JendelaEntri
from pengingat.selectors import calon
from pengukuran import services as pengukuran_services
from tests.evaluasi_bantu import evaluasi_final, tandai_sisa_tidak_relevan

pytestmark = pytest.mark.django_db


def _siapa(daftar, jenis):
    return sorted(c.user.username for c in daftar if c.jenis == jenis)


def test_returned_quarter_reminds_the_operator_with_the_comment(pk_manual, pengguna_demo):
    ins = pk_manual.instansi
    pengukuran_services.ubah_status(
        user=pengguna_demo["operator"], instansi=ins, tahun=2025, periode="TW1", aksi="ajukan"
    )
    pengukuran_services.ubah_status(
        user=pengguna_demo["pimpinan"],
        instansi=ins,
        tahun=2025,
        periode="TW1",
        aksi="kembalikan",
        komentar="Lampirkan register layanan",
    )
    hari = timezone.localdate()
    daftar = calon(hari)
    assert _siapa(daftar, "dikembalikan") == ["operator"]
    (c,) = [c for c in daftar if c.jenis == "dikembalikan"]
    assert "Komentar: Lampirkan register layanan" in c.pesan
    assert c.tautan == "/unit/bantargebang/realisasi/2025/TW1/"
    assert c.jatuh_tempo == hari


def test_lke_submitted_reminds_the_evaluator_and_final_the_unit(pengguna_demo, demo):
    ev = evaluasi_final(pengguna_demo, demo, tahun=2024)
    baru = evaluasi_services.buat_evaluasi(
        user=pengguna_demo["operator"], instansi=demo, tahun=2025, jenis="akip"
    )
    tandai_sisa_tidak_relevan(pengguna_demo["operator"], baru)
    evaluasi_services.ubah_status(user=pengguna_demo["operator"], ev=baru, aksi="ajukan")
    daftar = calon(timezone.localdate())
    assert _siapa(daftar, "lke_diajukan") == ["evaluator"]
    assert [c.tautan for c in daftar if c.jenis == "lke_diajukan"] == [
        f"/unit/bantargebang/evaluasi/{baru.pk}/"
    ]
    assert _siapa(daftar, "lke_final") == ["operator", "pimpinan"]
    assert {c.tautan for c in daftar if c.jenis == "lke_final"} == {f"/unit/bantargebang/evaluasi/{ev.pk}/"}


def test_follow_up_due_then_overdue(pengguna_demo, demo):
    ev = evaluasi_final(pengguna_demo, demo, tahun=2024)
    rek = Rekomendasi.objects.get(evaluasi=ev)
    hari = timezone.localdate()
    Rekomendasi.objects.filter(pk=rek.pk).update(batas_waktu=hari + dt.timedelta(days=5))
    daftar = calon(hari)
    assert _siapa(daftar, "tl_tempo") == ["operator", "pimpinan"]
    assert _siapa(daftar, "tl_lambat") == []
    Rekomendasi.objects.filter(pk=rek.pk).update(batas_waktu=hari - dt.timedelta(days=2))
    daftar = calon(hari)
    assert _siapa(daftar, "tl_lambat") == ["operator", "pimpinan"]
    (c, _) = [c for c in daftar if c.jenis == "tl_lambat"]
    assert "terlambat" in c.judul and c.tautan == f"/unit/bantargebang/evaluasi/{ev.pk}/#rekomendasi"
    # done: no reminder
    Rekomendasi.objects.filter(pk=rek.pk).update(status="selesai")
    assert _siapa(calon(hari), "tl_lambat") == []


def test_budget_window_reminds_the_operator_of_missing_lines(pengguna_demo, demo):
    n = BarisAnggaran.objects.filter(instansi=demo, tahun=2024).count()
    assert n
    JendelaEntri.objects.create(
        pemda=demo.pemda,
        tahun=2024,
        alur="anggaran",
        periode="TW3",
        buka=dt.date(2024, 10, 1),
        tutup=dt.date(2024, 10, 15),
    )
    daftar = [c for c in calon(dt.date(2024, 10, 14)) if c.jenis == "jendela_h1"]
    assert [c.user.username for c in daftar] == ["operator"]
    assert daftar[0].tautan == "/unit/bantargebang/anggaran/2024/realisasi/TW3/"
    assert "realisasi anggaran TW3 2024" in daftar[0].pesan
