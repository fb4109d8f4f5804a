"""Evidence of an LKE answer: uploads are type checked by content (the realisasi evidence check),
links point only to the unit's own documents; a bad answer is refused without half-saving."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from dasar.galat import Ditolak
from evaluasi import services
from evaluasi.models import BuktiEvaluasi, Jawaban
from perencanaan.models import PerjanjianKinerja, Renstra
from tests.evaluasi_bantu import isian_kriteria, kriteria, url_komponen
from tests.factories import InstansiFactory, RenstraFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_upload_checked_by_content(pengguna_demo, demo):
    op = pengguna_demo["operator"]
    ev = services.buat_evaluasi(user=op, instansi=demo, tahun=2024, jenis="akip")
    c = kriteria(ev)[0]
    with pytest.raises(Ditolak, match="diperiksa dari isinya"):
        services.tambah_bukti(
            user=op,
            ev=ev,
            kriteria=c,
            jenis="unggah",
            berkas=SimpleUploadedFile("palsu.pdf", b"MZ\x90\x00 not a pdf"),
        )
    assert not BuktiEvaluasi.objects.exists()
    b = services.tambah_bukti(
        user=op, ev=ev, kriteria=c, jenis="unggah", berkas=SimpleUploadedFile("renstra.pdf", PDF)
    )
    assert b.jenis_berkas == "pdf"


def test_links_to_documents_in_the_system(pengguna_demo, demo):
    op = pengguna_demo["operator"]
    ev = services.buat_evaluasi(user=op, instansi=demo, tahun=2024, jenis="akip")
    c = kriteria(ev)[1]
    renstra = Renstra.objects.filter(instansi=demo).first()
    pk = PerjanjianKinerja.objects.filter(instansi=demo).first()
    client = Client()
    client.force_login(op)
    url = url_komponen(ev, c)
    for tautan in (f"renstra:{renstra.pk}", f"pk:{pk.pk}", "lkip:2024"):
        assert client.post(url, isian_kriteria(c, usulan="Ya", tautan=tautan)).status_code == 302
    assert sorted(BuktiEvaluasi.objects.values_list("jenis", flat=True)) == ["lkip", "pk", "renstra"]
    page = client.get(f"/unit/bantargebang/evaluasi/{ev.pk}/").content.decode()
    assert "/unit/bantargebang/renstra/" in page and "/unit/bantargebang/pk/2024/" in page
    assert "/unit/bantargebang/lkip/2024/" in page

    lain = RenstraFactory(instansi=InstansiFactory(slug="rawalumbu"))  # another unit's Renstra
    with pytest.raises(Ditolak):
        services.tambah_bukti(user=op, ev=ev, kriteria=c, jenis="renstra", objek_id=lain.pk)
    assert BuktiEvaluasi.objects.count() == 3


def test_bad_answer_refused_whole(pengguna_demo, demo):
    op = pengguna_demo["operator"]
    ev = services.buat_evaluasi(user=op, instansi=demo, tahun=2024, jenis="akip")
    c = kriteria(ev)[0]  # Ya/Tidak
    client = Client()
    client.force_login(op)
    berkas = io.BytesIO(PDF)
    berkas.name = "bukti.pdf"
    r = client.post(url_komponen(ev, c), isian_kriteria(c, usulan="B", berkas=berkas))
    html = r.content.decode()
    assert r.status_code == 400 and 'aria-invalid="true"' in html and f'id="id_k{c.id}-usulan_error"' in html
    r = client.post(url_komponen(ev, kriteria(ev)[2]), isian_kriteria(kriteria(ev)[2], usulan="F"))
    assert r.status_code == 400
    assert not Jawaban.objects.exclude(usulan="").exists() and not BuktiEvaluasi.objects.exists()
    with pytest.raises(Ditolak):
        services.simpan_usulan(user=op, ev=ev, kriteria=c, usulan="<script>")


def test_good_answer_with_bad_file_saves_the_answer_and_names_the_file(pengguna_demo, demo):
    op = pengguna_demo["operator"]
    ev = services.buat_evaluasi(user=op, instansi=demo, tahun=2024, jenis="akip")
    c = kriteria(ev)[0]
    client = Client()
    client.force_login(op)
    berkas = io.BytesIO(b"MZ\x90\x00 executable")
    berkas.name = "bukti.pdf"
    r = client.post(url_komponen(ev, c), isian_kriteria(c, usulan="Ya", berkas=berkas), follow=True)
    html = r.content.decode()
    assert "diperiksa dari isinya" in html and "Tidak disimpan: bukti bukti.pdf" in html
    assert "Disimpan: kriteria" in html  # the answer is saved, and the page says so
    assert Jawaban.objects.get(kriteria=c).usulan == "Ya" and not BuktiEvaluasi.objects.exists()
