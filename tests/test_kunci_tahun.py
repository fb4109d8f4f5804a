"""Locking the year: one action of the pimpinan that locks all four quarters of both workflows,
after a summary of what is still unverified; refused without the confirmation."""

import pytest
from django.core.exceptions import PermissionDenied

from audit.models import Jejak
from dasar.galat import Ditolak
from pengukuran import services
from pengukuran.models import Alur, PengajuanRealisasi
from tests.realisasi_bantu import isian

pytestmark = pytest.mark.django_db
URL = "/unit/bantargebang/kunci-tahun/2025/"


def _status():
    return dict(
        ((p.alur, p.periode), p.status)
        for p in PengajuanRealisasi.objects.filter(instansi__slug="bantargebang", tahun=2025)
    )


def test_the_service_refuses_without_confirmation_and_locks_everything_with_it(pk_manual, pengguna_demo):
    ins, op, pim = pk_manual.instansi, pengguna_demo["operator"], pengguna_demo["pimpinan"]
    services.ubah_status(user=op, instansi=ins, tahun=2025, periode="TW1", aksi="ajukan")
    services.ubah_status(user=pim, instansi=ins, tahun=2025, periode="TW1", aksi="verifikasi")
    with pytest.raises(Ditolak, match="belum dikonfirmasi"):
        services.kunci_tahun(user=pim, instansi=ins, tahun=2025, konfirmasi=False)
    assert _status() == {("kinerja", "TW1"): "diverifikasi"}  # nothing created, nothing locked
    with pytest.raises(PermissionDenied):
        services.kunci_tahun(user=op, instansi=ins, tahun=2025, konfirmasi=True)
    assert services.kunci_tahun(user=pim, instansi=ins, tahun=2025, konfirmasi=True) == 8
    assert _status() == {(a, t): "terkunci" for a in Alur.values for t in ("TW1", "TW2", "TW3", "TW4")}
    lama = dict(
        Jejak.objects.filter(aksi="kunci", field="status")
        .values_list("keterangan", "lama")
        .order_by("id")[:1]
    )
    assert lama == {"realisasi anggaran, kunci tahun 2025": "draft"}
    assert set(Jejak.objects.filter(aksi="kunci").values_list("lama", flat=True)) == {"draft", "diverifikasi"}
    with pytest.raises(Ditolak, match="sudah terkunci"):
        services.kunci_tahun(user=pim, instansi=ins, tahun=2025, konfirmasi=True)
    with pytest.raises(Ditolak, match="terkunci dan tidak dapat diubah"):
        services.cek_bisa_diisi(user=op, instansi=ins, tahun=2025, periode="TW3", alur="anggaran")


def test_summary_page_names_what_is_unverified_then_locks_on_confirmation(pk_manual, masuk_sebagai):
    op, pim = masuk_sebagai("operator"), masuk_sebagai("pimpinan")
    op.post("/unit/bantargebang/realisasi/2025/TW1/", isian(nilai="70"))
    op.post("/unit/bantargebang/realisasi/2025/TW1/status/", {"aksi": "ajukan"})
    pim.post("/unit/bantargebang/realisasi/2025/TW1/status/", {"aksi": "verifikasi"})
    html = pim.get(URL).content.decode()
    assert not PengajuanRealisasi.objects.filter(alur="anggaran").exists()  # a GET writes nothing
    assert "7 triwulan belum diverifikasi dan akan ikut dikunci tanpa verifikasi." in html
    assert html.count("(belum diverifikasi)") == 7
    assert "0 dari 1" in html and "1 dari 1" in html  # TW1's one manual indicator filled, TW2 not
    r = pim.post(URL, {})
    assert r.status_code == 400 and "belum dikonfirmasi" in r.content.decode()
    assert PengajuanRealisasi.objects.filter(status="terkunci").count() == 0
    r = pim.post(URL, {"konfirmasi": "ya"}, follow=True)
    assert "Tahun 2025 dikunci (8 triwulan-alur)." in r.content.decode()
    assert PengajuanRealisasi.objects.filter(tahun=2025, status="terkunci").count() == 8
    assert "Semua triwulan tahun ini sudah terkunci." in pim.get(URL).content.decode()
    assert op.post(URL, {"konfirmasi": "ya"}).status_code == 403
