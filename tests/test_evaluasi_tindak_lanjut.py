"""Follow-up of LHE recommendations: open → in progress → done with evidence → accepted by the
evaluator; overdue flagged; shown on the unit dashboard, in the next year's LKE and for the LKIP."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from dasar.galat import Ditolak
from evaluasi import selectors, services
from evaluasi.models import Rekomendasi
from tests.evaluasi_bantu import evaluasi_final

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_follow_up_workflow(pengguna_demo, demo):
    op, evl = pengguna_demo["operator"], pengguna_demo["evaluator"]
    ev = evaluasi_final(pengguna_demo, demo, tahun=2023)
    rek = Rekomendasi.objects.get(evaluasi=ev)
    assert rek.batas_waktu == date(2024, 3, 31)

    terbuka = selectors.tindak_lanjut_terbuka(demo, hari_ini=date(2024, 4, 1))
    assert [r.pk for r in terbuka] == [rek.pk] and terbuka[0].lewat
    assert not selectors.tindak_lanjut_terbuka(demo, hari_ini=date(2024, 3, 31))[0].lewat

    with pytest.raises(PermissionDenied):
        services.ubah_tindak_lanjut(
            user=pengguna_demo["pimpinan"], rek=rek, status="proses", tindak_lanjut="x"
        )
    with pytest.raises(PermissionDenied):  # only the evaluator accepts
        services.ubah_tindak_lanjut(user=op, rek=rek, status="diterima")
    services.ubah_tindak_lanjut(
        user=op, rek=rek, status="proses", tindak_lanjut="Bimtek analisis capaian dijadwalkan"
    )
    with pytest.raises(Ditolak, match="bukti"):
        services.ubah_tindak_lanjut(user=op, rek=rek, status="selesai", tindak_lanjut="Bimtek selesai")
    rek.refresh_from_db()
    assert rek.status == "proses"
    c = Client()
    c.force_login(op)
    berkas = io.BytesIO(PDF)
    berkas.name = "daftar-hadir.pdf"
    c.post(
        f"/unit/bantargebang/tindak-lanjut/{rek.pk}/",
        {"status": "selesai", "tindak_lanjut": "Bimtek selesai", "berkas": berkas},
    )
    rek.refresh_from_db()
    assert (rek.status, rek.nama_berkas) == ("selesai", "daftar-hadir.pdf")
    assert c.get(f"/unit/bantargebang/tindak-lanjut/{rek.pk}/berkas/").status_code == 200
    assert not selectors.tindak_lanjut_terbuka(demo, hari_ini=date(2024, 4, 1))[
        0
    ].lewat  # done is not overdue

    lkip = selectors.tindak_lanjut_untuk_lkip(demo, 2024)
    assert [(r["tahun_evaluasi"], r["rekomendasi"], r["status"]) for r in lkip] == [
        (2023, "Perbaiki analisis capaian kinerja", "Selesai (dengan bukti)")
    ]
    assert selectors.tindak_lanjut_untuk_lkip(demo, 2023) == []

    e = Client()
    e.force_login(evl)
    e.post(f"/unit/bantargebang/tindak-lanjut/{rek.pk}/", {"status": "diterima"})
    rek.refresh_from_db()
    assert rek.status == "diterima"
    assert selectors.tindak_lanjut_terbuka(demo) == []
    with pytest.raises(Ditolak):
        services.ubah_tindak_lanjut(user=op, rek=rek, status="proses", tindak_lanjut="lagi")


def test_shown_on_dashboard_and_next_years_lke(pengguna_demo, demo):
    evaluasi_final(pengguna_demo, demo, tahun=2023)
    c = Client()
    c.force_login(pengguna_demo["operator"])
    dash = c.get("/unit/bantargebang/?tahun=2024").content.decode()
    assert "Perbaiki analisis capaian kinerja" in dash and "lewat batas waktu" in dash
    ev = services.buat_evaluasi(user=pengguna_demo["operator"], instansi=demo, tahun=2024, jenis="akip")
    page = c.get(f"/unit/bantargebang/evaluasi/{ev.pk}/").content.decode()
    assert (
        "Rekomendasi tahun sebelumnya yang belum tuntas" in page
        and "Perbaiki analisis capaian kinerja" in page
    )


def test_follow_up_upload_type_checked(pengguna_demo, demo):
    ev = evaluasi_final(pengguna_demo, demo, tahun=2023)
    rek = Rekomendasi.objects.get(evaluasi=ev)
    with pytest.raises(Ditolak, match="diperiksa dari isinya"):
        services.ubah_tindak_lanjut(
            user=pengguna_demo["operator"],
            rek=rek,
            status="selesai",
            tindak_lanjut="x",
            berkas=SimpleUploadedFile("a.pdf", b"not a pdf at all"),
        )
    rek.refresh_from_db()
    assert rek.status == "terbuka" and not rek.berkas
