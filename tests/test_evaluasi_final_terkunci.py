"""A final evaluation cannot be changed by anyone: services, views and the models refuse."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from evaluasi import services
from evaluasi.models import BuktiEvaluasi, Evaluasi, EvaluasiFinal, Jawaban, Rekomendasi
from tests.evaluasi_bantu import evaluasi_final, isian_kriteria, kriteria, url_komponen

pytestmark = pytest.mark.django_db
ROLES = ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def snapshot(ev):
    return (
        list(Evaluasi.objects.filter(pk=ev.pk).values()),
        list(Jawaban.objects.filter(evaluasi=ev).values()),
        list(
            Rekomendasi.objects.filter(evaluasi=ev).values("no", "uraian", "penanggung_jawab", "batas_waktu")
        ),
        BuktiEvaluasi.objects.filter(jawaban__evaluasi=ev).count(),
    )


@pytest.fixture
def final(pengguna_demo, demo):
    return evaluasi_final(pengguna_demo, demo)


def test_services_refuse_every_role(pengguna_demo, final):
    before = snapshot(final)
    c = kriteria(final)[0]
    for role in ROLES:
        u = pengguna_demo[role]
        calls = [
            lambda u=u: services.simpan_usulan(user=u, ev=final, kriteria=c, usulan="Tidak"),
            lambda u=u: services.simpan_penetapan(user=u, ev=final, kriteria=c, penetapan="Tidak"),
            lambda u=u: services.tambah_bukti(
                user=u, ev=final, kriteria=c, jenis="unggah", berkas=SimpleUploadedFile("a.pdf", PDF)
            ),
            lambda u=u: services.simpan_lhe(user=u, ev=final, kekuatan="x", kelemahan="y"),
            lambda u=u: services.tambah_rekomendasi(
                user=u, ev=final, uraian="x", penanggung_jawab="y", batas_waktu=None
            ),
            *[lambda u=u, a=a: services.ubah_status(user=u, ev=final, aksi=a) for a in services.TRANSISI],
        ]
        for call in calls:
            with pytest.raises((EvaluasiFinal, PermissionDenied)):
                call()
    assert snapshot(final) == before


def test_views_refuse_every_role(pengguna_demo, final):
    before = snapshot(final)
    c = kriteria(final)[0]
    base = f"/unit/bantargebang/evaluasi/{final.pk}/"
    posts = [
        (url_komponen(final, c), isian_kriteria(c, usulan="Tidak", catatan="ubah")),
        (url_komponen(final, c), isian_kriteria(c, penetapan="Tidak")),
        (f"{base}finalkan/", {"konfirmasi": "ya"}),
        (f"{base}status/", {"aksi": "kembalikan"}),
        (f"{base}status/", {"aksi": "finalkan"}),
        (f"{base}lhe/", {"kekuatan": "x", "kelemahan": "y"}),
        (f"{base}rekomendasi/", {"uraian": "x", "penanggung_jawab": "y", "batas_waktu": "2025-01-01"}),
    ]
    for role in ROLES:
        client = Client()
        client.force_login(pengguna_demo[role])
        for url, data in posts:
            assert client.post(url, data).status_code == 403, (role, url)
        berkas = io.BytesIO(PDF)
        berkas.name = "a.pdf"
        data = isian_kriteria(c, usulan="Ya", berkas=berkas)
        assert client.post(url_komponen(final, c), data).status_code == 403
    assert snapshot(final) == before
    page = Client()
    page.force_login(pengguna_demo["operator"])
    html = page.get(base).content.decode()
    assert f"{base}status/" not in html and f"{base}finalkan/" not in html  # no forms to change it
    assert 'name="k' not in page.get(url_komponen(final, c)).content.decode()  # the component: read-only


def test_models_refuse(final):
    final.kekuatan = "diubah"
    with pytest.raises(EvaluasiFinal):
        final.save()
    j = Jawaban.objects.filter(evaluasi=final).first()
    j.penetapan = "E"
    with pytest.raises(EvaluasiFinal):
        j.save()
    with pytest.raises(EvaluasiFinal):
        j.delete()
    r = Rekomendasi.objects.get(evaluasi=final)
    r.uraian = "diubah"
    with pytest.raises(EvaluasiFinal):
        r.save()
    with pytest.raises(EvaluasiFinal):
        Rekomendasi.objects.get(pk=r.pk).delete()
