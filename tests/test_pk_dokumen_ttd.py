"""The signed PK's document prints the officials and the place and date chosen before signing,
never the day the button was clicked (the DOCX read back with python-docx)."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from docx import Document

from organisasi.models import Pejabat
from perencanaan import services
from perencanaan.models import PerjanjianKinerja
from rumus.format import format_tanggal

pytestmark = pytest.mark.django_db


def _teks_docx(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    bagian = [p.text for p in doc.paragraphs]
    bagian += [p.text for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return "\n".join(bagian)


def test_pk_docx_prints_the_chosen_officials_place_and_date(pk_manual, masuk_sebagai):
    User = get_user_model()
    op, pim = User.objects.get(username="operator"), User.objects.get(username="pimpinan")
    pk = PerjanjianKinerja.objects.get(instansi=pk_manual.instansi, tahun=2025)
    # the demo holds the Sekretaris Kecamatan's position (the cascade's owner), without a name
    sekcam, _ = Pejabat.objects.update_or_create(
        instansi=pk_manual.instansi,
        kode="sekcam",
        defaults={
            "nama": "ANDI SEKRETARIS, S.Sos.",
            "jabatan": "Sekretaris Camat",
            "pemda": pk_manual.instansi.pemda,
        },
    )
    walikota = Pejabat.objects.get(kode="walikota")
    walikota.nama = "TRI ADHIANTO"
    walikota.save()
    services.ubah_penandatangan(
        user=op,
        pk=pk,
        pihak_pertama=sekcam,
        pihak_kedua=walikota,
        tempat="Bekasi",
        tanggal=dt.date(2025, 1, 6),
    )
    services.tandatangani(user=pim, pk=pk)
    r = masuk_sebagai("pembaca").get("/unit/bantargebang/pk/2025/dokumen.docx")
    assert r.status_code == 200
    teks = _teks_docx(b"".join(r.streaming_content) if r.streaming else r.content)
    assert "Bekasi, 6 Januari 2025" in teks
    assert "ANDI SEKRETARIS, S.Sos." in teks and "TRI ADHIANTO" in teks
    assert "PIHAK PERTAMA, Sekretaris Camat" in teks and "PIHAK KEDUA, Penjabat Wali Kota Bekasi" in teks
    assert "(nama belum diisi)" not in teks
    assert format_tanggal(timezone.localdate()) not in teks  # the day of signing is not printed
    # the page of that version shows the same document
    html = masuk_sebagai("pembaca").get("/unit/bantargebang/pk/2025/1/dokumen/").content.decode()
    assert "Bekasi, 6 Januari 2025" in html and pk.sha256 in html
