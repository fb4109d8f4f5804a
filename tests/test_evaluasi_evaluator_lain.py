"""An evaluator of another pemda cannot see the unit's evaluation, its LHE or its evidence (404)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from akun.models import Peran
from evaluasi import services
from tests.evaluasi_bantu import isian_kriteria, kriteria, tandai_sisa_tidak_relevan, url_komponen
from tests.factories import PemdaFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_evaluator_of_another_pemda_gets_404(pengguna_demo, demo):
    op = pengguna_demo["operator"]
    ev = services.buat_evaluasi(user=op, instansi=demo, tahun=2024, jenis="akip")
    c0 = kriteria(ev)[0]
    services.simpan_usulan(user=op, ev=ev, kriteria=c0, usulan="Ya")
    bukti = services.tambah_bukti(
        user=op, ev=ev, kriteria=c0, jenis="unggah", berkas=SimpleUploadedFile("renstra.pdf", PDF)
    )
    tandai_sisa_tidak_relevan(op, ev)
    services.ubah_status(user=op, ev=ev, aksi="ajukan")

    lain = get_user_model().objects.create_user("evaluator-bogor", password="x-Sakip-2024!")
    Peran.objects.create(
        user=lain, jenis="evaluator", pemda=PemdaFactory(kode="kab-bogor", nama="Kab. Bogor")
    )
    c = Client()
    c.force_login(lain)
    base = f"/unit/bantargebang/evaluasi/{ev.pk}/"
    for url in (
        "/unit/bantargebang/evaluasi/",
        base,
        f"{base}lhe.docx",
        f"/unit/bantargebang/evaluasi/bukti/{bukti.pk}/",
        "/pemda/kota-bekasi/evaluasi/2024/",
    ):
        assert c.get(url).status_code == 404, url
    assert c.post(f"{base}status/", {"aksi": "mulai"}).status_code == 404
    assert c.post(url_komponen(ev, c0), isian_kriteria(c0, penetapan="Ya")).status_code == 404
    with pytest.raises(PermissionDenied):
        services.ubah_status(user=lain, ev=ev, aksi="mulai")
    ev.refresh_from_db()
    assert ev.status == "diajukan"

    own = Client()  # the pemda's own evaluator sees all of it
    own.force_login(pengguna_demo["evaluator"])
    assert own.get(base).status_code == 200
    assert own.get(f"/unit/bantargebang/evaluasi/bukti/{bukti.pk}/").status_code == 200
