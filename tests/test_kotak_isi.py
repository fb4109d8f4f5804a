"""Each inbox section lists the task for the role that must act, linking to the exact page:
the LKIP to issue (PK signed, year ended, not issued), the PK to sign (naming a missing
signatory), the LKE to score, the follow-up due and overdue, the follow-up to accept."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from dasbor.kotak import kotak_masuk
from evaluasi.models import Evaluasi, Rekomendasi, TemplatEvaluasi
from organisasi.models import Instansi

pytestmark = pytest.mark.django_db
HARI_INI = dt.date(2026, 12, 1)


def _item(username, tahun):
    user = get_user_model().objects.get(username=username)
    return {b.kode: b.item for b in kotak_masuk(user, tahun, HARI_INI)}


def test_each_role_gets_its_tasks_with_their_pages(pk_manual, masuk_sebagai):
    from evaluasi.services import pastikan_templat_bawaan

    pastikan_templat_bawaan()
    unit = Instansi.objects.get(slug="bantargebang")
    templat = TemplatEvaluasi.objects.filter(jenis="akip").first()
    Evaluasi.objects.filter(instansi=unit).delete()
    ev = Evaluasi.objects.create(
        instansi=unit, tahun=2024, jenis="akip", templat=templat, status="dievaluasi"
    )
    jatuh = Rekomendasi.objects.create(
        evaluasi=ev,
        no=1,
        uraian="Perbaiki cascading",
        penanggung_jawab="Sekcam",
        batas_waktu=dt.date(2026, 12, 10),
    )
    lewat = Rekomendasi.objects.create(
        evaluasi=ev, no=2, uraian="Lengkapi SOP", penanggung_jawab="Sekcam", batas_waktu=dt.date(2026, 6, 30)
    )
    Rekomendasi.objects.create(
        evaluasi=ev, no=3, uraian="Nanti saja", penanggung_jawab="Sekcam", batas_waktu=dt.date(2027, 6, 30)
    )
    selesai = Rekomendasi.objects.create(
        evaluasi=ev, no=4, uraian="Sudah", penanggung_jawab="Sekcam", batas_waktu=dt.date(2026, 1, 1)
    )
    Evaluasi.objects.filter(pk=ev.pk).update(status="final")
    Rekomendasi.objects.filter(pk=selesai.pk).update(status="selesai")

    pim = _item("pimpinan", 2024)  # the PK 2024 is signed, the year has ended, no LKIP issued
    assert [(i.judul, i.url) for i in pim["lkip"]] == [
        ("Terbitkan LKIP 2024", "/unit/bantargebang/lkip/2024/")
    ]
    (pk,) = pim["pk"]  # the draft PK 2025 of the fixture, whatever the selected year
    assert pk.url == "/unit/bantargebang/pk/2025/" and "PIHAK KEDUA" in pk.keterangan

    op = _item("operator", 2024)
    tl = op["tindak_lanjut"]
    assert [i.judul for i in tl] == [
        "Tindak lanjuti rekomendasi 2 Evaluasi AKIP 2024",
        "Tindak lanjuti rekomendasi 1 Evaluasi AKIP 2024",
    ]  # due within 14 days or overdue, the overdue first; the one due next year not yet
    assert tl[0].terlambat and not tl[1].terlambat and lewat.batas_waktu == tl[0].batas
    assert (
        tl[1].batas == jatuh.batas_waktu and tl[0].url == f"/unit/bantargebang/evaluasi/{ev.pk}/#rekomendasi"
    )

    ev_user = _item("evaluator", 2024)
    assert [i.judul for i in ev_user["tindak_lanjut_diterima"]] == [
        "Periksa tindak lanjut rekomendasi 4 Evaluasi AKIP 2024"
    ]
    Evaluasi.objects.create(instansi=unit, tahun=2025, jenis="akip", templat=templat, status="diajukan")
    (lke,) = _item("evaluator", 2024)["lke"]
    assert lke.judul == "Mulai menilai LKE Evaluasi AKIP 2025" and lke.url.startswith(
        "/unit/bantargebang/evaluasi/"
    )
    assert _item("pembaca", 2024) == {} and _item("adminpemda", 2024) == {}

    html = masuk_sebagai("pimpinan").get("/tugas-saya/?tahun=2024").content.decode()
    assert 'href="/unit/bantargebang/lkip/2024/"' in html and "Terbitkan LKIP 2024" in html
    assert masuk_sebagai("pimpinan").get("/tugas-saya/jumlah/?tahun=2024").json()["jumlah"] == 2
