"""The pemda's schedule acts: H-7 and H-1 before the LKIP deadline the pimpinan and operators of a
unit that has not issued that year's LKIP are reminded (31 March of the next year when the pemda
set no date); before the evaluation calendar's dates, the unit whose LKE AKIP is not submitted
(operators, pimpinan) and the evaluators of an evaluation not final. Nothing once it is done."""

import datetime as dt

import pytest
from django.utils import timezone

from evaluasi import services as evaluasi_services
from jadwal.models import JadwalPemda
from laporan.models import TerbitanLKIP
from pengingat.selectors import calon
from tests.evaluasi_bantu import tandai_sisa_tidak_relevan

pytestmark = pytest.mark.django_db


def _siapa(daftar, jenis):
    return sorted(c.user.username for c in daftar if c.jenis == jenis)


def test_lkip_deadline_h7_and_h1_until_it_is_issued(pengguna_demo, demo):
    JadwalPemda.objects.create(pemda=demo.pemda, tahun=2024, batas_lkip=dt.date(2025, 3, 20))
    h7 = calon(dt.date(2025, 3, 13))
    assert _siapa(h7, "lkip_h7") == ["operator", "pimpinan"]
    (c,) = [c for c in h7 if c.jenis == "lkip_h7" and c.user.username == "pimpinan"]
    assert c.tautan == "/unit/bantargebang/lkip/2024/" and "20 Maret 2025" in c.judul
    assert c.jatuh_tempo == dt.date(2025, 3, 20)
    assert _siapa(calon(dt.date(2025, 3, 19)), "lkip_h1") == ["operator", "pimpinan"]
    assert not [c for c in calon(dt.date(2025, 3, 5)) if c.jenis.startswith("lkip")]  # not yet
    assert not [c for c in calon(dt.date(2025, 3, 21)) if c.jenis.startswith("lkip")]  # passed

    TerbitanLKIP.objects.create(
        instansi=demo,
        tahun=2024,
        nomor=1,
        waktu=timezone.now(),
        nama_pengguna="pimpinan",
        isi_beku={},
        sha256="0" * 64,
        berkas_docx="x.docx",
        sha256_docx="0" * 64,
        berkas_pdf="x.pdf",
        sha256_pdf="0" * 64,
    )
    assert not [c for c in calon(dt.date(2025, 3, 19)) if c.jenis.startswith("lkip")]  # issued


def test_without_a_schedule_the_deadline_is_31_march(pengguna_demo, demo):
    daftar = calon(dt.date(2025, 3, 24))
    assert _siapa(daftar, "lkip_h7") == ["operator", "pimpinan"]
    assert {c.jatuh_tempo for c in daftar if c.jenis == "lkip_h7"} == {dt.date(2025, 3, 31)}


def test_evaluation_calendar_reminds_the_unit_then_the_evaluator(pengguna_demo, demo):
    JadwalPemda.objects.create(
        pemda=demo.pemda,
        tahun=2025,
        batas_lkip=dt.date(2026, 3, 31),
        evaluasi_ajukan=dt.date(2026, 2, 10),
        evaluasi_final=dt.date(2026, 2, 28),
    )
    sebelum = calon(dt.date(2026, 2, 3))
    assert _siapa(sebelum, "lke_h7") == ["operator", "pimpinan"]
    assert {c.tautan for c in sebelum if c.jenis == "lke_h7"} == {
        "/unit/bantargebang/evaluasi/"
    }  # no LKE yet
    assert _siapa(calon(dt.date(2026, 2, 27)), "lhe_h1") == []  # no LKE: nothing to finalise

    op = pengguna_demo["operator"]
    ev = evaluasi_services.buat_evaluasi(user=op, instansi=demo, tahun=2025, jenis="akip")
    (c,) = [c for c in calon(dt.date(2026, 2, 9)) if c.jenis == "lke_h1" and c.user.username == "operator"]
    assert c.tautan == f"/unit/bantargebang/evaluasi/{ev.pk}/"
    tandai_sisa_tidak_relevan(op, ev)
    evaluasi_services.ubah_status(user=op, ev=ev, aksi="ajukan")
    assert _siapa(calon(dt.date(2026, 2, 9)), "lke_h1") == []  # submitted
    akhir = calon(dt.date(2026, 2, 27))
    assert _siapa(akhir, "lhe_h1") == ["evaluator"]
    assert [c.tautan for c in akhir if c.jenis == "lhe_h1"] == [f"/unit/bantargebang/evaluasi/{ev.pk}/"]
