"""Stored uploads are served by one helper, dasar.unggahan.sajikan: the MIME type from the table
the upload check uses, a safe file name, nosniff; every evidence and photo download goes through it
(the view still checks the unit through akun.izin)."""

import pytest
from django.core.files.base import ContentFile
from django.http import Http404

from dasar.unggahan import JENIS_UNGGAHAN, nama_aman, sajikan
from evaluasi import services
from evaluasi.models import BuktiEvaluasi, Jawaban, JenisTautan, Rekomendasi
from pengukuran.models import Bukti, Realisasi
from tests.evaluasi_bantu import evaluasi_final, jawaban_ke, kriteria
from zona.models import PenilaianZona, Zona

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64


def _isi(resp) -> bytes:
    data = b"".join(resp.streaming_content)
    if resp.file_to_stream is not None:  # the test client closes its responses itself
        resp.file_to_stream.close()  # not resp.close(): request_finished would close the DB connection
    return data


@pytest.mark.parametrize(
    ("nama", "hasil"),
    [
        ("laporan.pdf", "laporan.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\op\\bukti scan.pdf", "bukti scan.pdf"),
        ("baris\r\nSet-Cookie: x.pdf", "barisSet-Cookie: x.pdf"),
        ("nama\u202egpj.pdf", "namagpj.pdf"),  # no right-to-left override
        ("..", "berkas.pdf"),
        ("", "berkas.pdf"),
        ("folder/", "berkas.pdf"),
    ],
)
def test_safe_file_name(nama, hasil):
    assert nama_aman(nama, "pdf") == hasil


def test_helper_serves_type_name_and_nosniff(settings):
    from django.core.files.storage import default_storage

    nama = default_storage.save("uji/scan.bin", ContentFile(PDF))
    berkas = Bukti._meta.get_field("berkas").attr_class(None, Bukti._meta.get_field("berkas"), nama)

    r = sajikan(berkas, nama='Bukti "TW1"\n.pdf', jenis="pdf")
    assert r["Content-Type"] == JENIS_UNGGAHAN["pdf"] == "application/pdf"
    assert r["Content-Disposition"] == 'attachment; filename="Bukti \\"TW1\\".pdf"'
    assert r["X-Content-Type-Options"] == "nosniff"
    assert _isi(r) == PDF

    tebak = sajikan(berkas, lampiran=False)  # no stored type: judged from the content
    assert tebak["Content-Type"] == "application/pdf"
    assert tebak["Content-Disposition"] == 'inline; filename="scan.bin"'
    _isi(tebak)

    asing = sajikan(berkas, nama="x.exe", jenis="exe", lampiran=False)  # unknown: never shown inline
    assert asing["Content-Type"] == "application/octet-stream"
    assert asing["Content-Disposition"].startswith("attachment;")
    _isi(asing)

    with pytest.raises(Http404):
        sajikan(Bukti._meta.get_field("berkas").attr_class(None, Bukti._meta.get_field("berkas"), ""))


def _cek(resp, isi: bytes, mime: str, disposisi: str):
    assert resp.status_code == 200
    assert resp["Content-Type"] == mime
    assert resp["Content-Disposition"] == disposisi
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert _isi(resp) == isi


def test_realisasi_evidence_download(pengguna_demo, demo, masuk_sebagai):
    r = Realisasi.objects.filter(indikator__instansi=demo).first()
    b = Bukti.objects.create(
        realisasi=r,
        berkas=ContentFile(PDF, name="x.pdf"),
        nama_asli="Register TW1.pdf",
        jenis="pdf",
        ukuran=1,
    )
    url = f"/unit/{demo.slug}/bukti/{b.pk}/"
    resp = masuk_sebagai("pembaca").get(url)
    _cek(resp, PDF, "application/pdf", 'attachment; filename="Register TW1.pdf"')
    from tests.test_izin_matrix import make_other_operator

    assert make_other_operator(masuk_sebagai).get(url).status_code == 404  # the view's check stays


def test_evaluation_evidence_and_follow_up_downloads(pengguna_demo, demo, masuk_sebagai):
    op = pengguna_demo["operator"]
    terbuka = services.buat_evaluasi(user=op, instansi=demo, tahun=2024, jenis="akip")
    c1 = kriteria(terbuka)[0]
    services.simpan_usulan(user=op, ev=terbuka, kriteria=c1, usulan=jawaban_ke(c1, 0), catatan="")
    jw = Jawaban.objects.get(evaluasi=terbuka, kriteria=c1)
    b = BuktiEvaluasi.objects.create(
        jawaban=jw,
        jenis=JenisTautan.UNGGAH,
        berkas=ContentFile(PNG, name="x.png"),
        nama_asli="foto kegiatan.png",
        jenis_berkas="png",
        ukuran=len(PNG),
    )
    c = masuk_sebagai("operator")
    _cek(
        c.get(f"/unit/{demo.slug}/evaluasi/bukti/{b.pk}/"),
        PNG,
        "image/png",
        'attachment; filename="foto kegiatan.png"',
    )
    rek = Rekomendasi.objects.get(evaluasi=evaluasi_final(pengguna_demo, demo, tahun=2023))
    url = f"/unit/{demo.slug}/tindak-lanjut/{rek.pk}/berkas/"
    assert c.get(url).status_code == 404  # no file yet
    rek.berkas.save("x.pdf", ContentFile(PDF), save=False)
    rek.nama_berkas, rek.jenis_berkas = "daftar-hadir.pdf", "pdf"
    rek.save()
    _cek(c.get(url), PDF, "application/pdf", 'attachment; filename="daftar-hadir.pdf"')


def test_zone_photo_is_shown_inline(pengguna_demo, demo, masuk_sebagai):
    zona = Zona.objects.filter(instansi=demo).first() or Zona.objects.create(instansi=demo, nama="Zona Uji")
    p = PenilaianZona.objects.create(zona=zona, tahun=2031, bulan=1, foto=ContentFile(JPG, name="pasar.jpg"))
    url = f"/unit/{demo.slug}/zona/foto/{p.pk}/"
    resp = masuk_sebagai("operator").get(url)
    _cek(resp, JPG, "image/jpeg", f'inline; filename="{p.foto.name.rsplit("/", 1)[-1]}"')
    PenilaianZona.objects.filter(pk=p.pk).update(foto="")
    assert masuk_sebagai("operator").get(url).status_code == 404
