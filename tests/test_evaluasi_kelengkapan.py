"""Confirmations with completeness: an LKE is submitted only when every criterion is answered or
marked "tidak relevan" with a reason; finalising needs the confirmation of its summary page."""

import pytest

from dasar.galat import Ditolak
from evaluasi import services
from evaluasi.models import Evaluasi, Jawaban
from tests.evaluasi_bantu import isian_kriteria, jawaban_ke, kriteria, tandai_sisa_tidak_relevan, url_komponen

pytestmark = pytest.mark.django_db


def test_unanswered_criteria_block_the_submission(pengguna_demo, demo):
    op = pengguna_demo["operator"]
    ev = services.buat_evaluasi(user=op, instansi=demo, tahun=2024, jenis="akip")
    semua = kriteria(ev)
    services.simpan_usulan(user=op, ev=ev, kriteria=semua[0], usulan="Ya")
    with pytest.raises(Ditolak, match=f"{len(semua) - 1} kriteria belum dijawab \\(1.1.2, "):
        services.ubah_status(user=op, ev=ev, aksi="ajukan")
    ev.refresh_from_db()
    assert ev.status == "draft"
    # "tidak relevan" needs its reason, and is not an answer at the same time
    with pytest.raises(Ditolak, match="tuliskan alasan"):
        services.simpan_usulan(user=op, ev=ev, kriteria=semua[1], usulan="", tidak_relevan=True, alasan=" ")
    with pytest.raises(Ditolak, match="tidak diberi jawaban"):
        services.simpan_usulan(user=op, ev=ev, kriteria=semua[1], usulan="Ya", tidak_relevan=True, alasan="x")
    assert not Jawaban.objects.filter(evaluasi=ev, tidak_relevan=True).exists()
    assert tandai_sisa_tidak_relevan(op, ev) == len(semua) - 1
    services.ubah_status(user=op, ev=ev, aksi="ajukan")
    assert Evaluasi.objects.get(pk=ev.pk).status == "diajukan"


def test_finalising_needs_the_confirmation(pengguna_demo, demo, masuk_sebagai):
    op, evl = pengguna_demo["operator"], pengguna_demo["evaluator"]
    ev = services.buat_evaluasi(user=op, instansi=demo, tahun=2024, jenis="akip")
    for i, c in enumerate(kriteria(ev)):
        services.simpan_usulan(user=op, ev=ev, kriteria=c, usulan=jawaban_ke(c, i))
    services.ubah_status(user=op, ev=ev, aksi="ajukan")
    services.ubah_status(user=evl, ev=ev, aksi="mulai")
    for i, c in enumerate(kriteria(ev)):
        services.simpan_penetapan(user=evl, ev=ev, kriteria=c, penetapan=jawaban_ke(c, i))
    with pytest.raises(Ditolak, match="belum dikonfirmasi"):
        services.ubah_status(user=evl, ev=ev, aksi="finalkan")
    url = f"/unit/bantargebang/evaluasi/{ev.pk}/finalkan/"
    c = masuk_sebagai("evaluator")
    html = c.get(url).content.decode()
    assert "Kriteria dijawab unit tetapi belum dinilai" in html and 'name="konfirmasi"' in html
    r = c.post(url, {})
    assert r.status_code == 400 and "belum dikonfirmasi" in r.content.decode()
    r = c.post(f"/unit/bantargebang/evaluasi/{ev.pk}/status/", {"aksi": "finalkan"}, follow=True)
    assert "belum dikonfirmasi" in r.content.decode()
    assert Evaluasi.objects.get(pk=ev.pk).status == "dievaluasi"
    assert c.post(url, {"konfirmasi": "ya"}).status_code == 302
    ev = Evaluasi.objects.get(pk=ev.pk)
    assert ev.status == "final" and ev.sha256
    assert masuk_sebagai("operator").get(url).status_code == 403


def test_component_form_saves_all_its_criteria_at_once_and_reports_conflicts(
    pengguna_demo, demo, masuk_sebagai
):
    op = pengguna_demo["operator"]
    ev = services.buat_evaluasi(user=op, instansi=demo, tahun=2024, jenis="akip")
    c1, c2 = kriteria(ev)[:2]
    web = masuk_sebagai("operator")
    html = web.get(url_komponen(ev, c1)).content.decode()
    assert (
        html.count("Simpan semua") == 1
        and f'name="k{c1.id}-usulan"' in html
        and f'name="k{c2.id}-usulan"' in html
    )
    data = {**isian_kriteria(c1, usulan="Ya", catatan="satu"), **isian_kriteria(c2, usulan="Tidak")}
    assert web.post(url_komponen(ev, c1), data).status_code == 302
    assert dict(Jawaban.objects.filter(evaluasi=ev).values_list("kriteria_id", "usulan")) == {
        c1.id: "Ya",
        c2.id: "Tidak",
    }
    # a stale token (the page was opened before that save): nothing saved, both versions shown
    lama = services.token_isian({}, services.MEDAN_UNIT)
    r = web.post(
        url_komponen(ev, c1),
        {
            **isian_kriteria(c1, usulan="Tidak", catatan="dua", token=lama),
            **isian_kriteria(c2, usulan="Ya", token=lama),
        },
    )
    assert (
        r.status_code == 409
        and "Versi tersimpan" in r.content.decode()
        and "dua</textarea>" in r.content.decode()
    )
    assert dict(Jawaban.objects.filter(evaluasi=ev).values_list("kriteria_id", "usulan")) == {
        c1.id: "Ya",
        c2.id: "Tidak",
    }
