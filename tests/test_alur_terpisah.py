"""Performance realisasi and budget realisasi have their own submit/verify/lock per quarter:
verifying (or submitting, or locking) one never closes the other's entry."""

import pytest
from django.core.exceptions import PermissionDenied

from anggaran import services as anggaran_services
from anggaran.models import BarisAnggaran, RealisasiAnggaran
from audit.models import Jejak
from dasar.galat import Ditolak
from pengukuran import services
from pengukuran.models import Alur, PengajuanRealisasi

pytestmark = pytest.mark.django_db
ANGGARAN = "/unit/bantargebang/anggaran/2024/realisasi/TW1/"


def _verifikasi(u, ins, alur):
    services.ubah_status(
        user=u["operator"], instansi=ins, tahun=2024, periode="TW1", aksi="ajukan", alur=alur
    )
    services.ubah_status(
        user=u["pimpinan"], instansi=ins, tahun=2024, periode="TW1", aksi="verifikasi", alur=alur
    )


def test_budget_entry_stays_open_after_the_performance_quarter_is_verified(pengguna_demo, demo):
    b = BarisAnggaran.objects.get(sub_kegiatan__kode="7.01.01.2.01.0006")
    _verifikasi(pengguna_demo, demo, Alur.KINERJA)
    n = anggaran_services.simpan(
        user=pengguna_demo["operator"], instansi=demo, tahun=2024, periode="TW1", nilai_per_baris={b.id: 1000}
    )
    assert n == 1 and RealisasiAnggaran.objects.get(baris=b, periode="TW1").nilai == 1000
    st = dict(
        PengajuanRealisasi.objects.filter(instansi=demo, tahun=2024, periode="TW1").values_list(
            "alur", "status"
        )
    )
    assert st == {"kinerja": "diverifikasi", "anggaran": "draft"}


def test_submitted_budget_is_closed_while_the_performance_quarter_stays_open(pengguna_demo, demo):
    b = BarisAnggaran.objects.get(sub_kegiatan__kode="7.01.01.2.01.0006")
    op = pengguna_demo["operator"]
    services.ubah_status(user=op, instansi=demo, tahun=2024, periode="TW1", aksi="ajukan", alur=Alur.ANGGARAN)
    with pytest.raises(Ditolak, match="Realisasi anggaran TW1 2024 berstatus diajukan"):
        anggaran_services.simpan(user=op, instansi=demo, tahun=2024, periode="TW1", nilai_per_baris={b.id: 5})
    # the performance quarter of the same unit and period is still draft and open
    assert services.cek_bisa_diisi(user=op, instansi=demo, tahun=2024, periode="TW1").status == "draft"


def test_each_workflow_verified_and_audited_apart(pengguna_demo, demo):
    _verifikasi(pengguna_demo, demo, Alur.ANGGARAN)
    rows = {p.alur: p for p in PengajuanRealisasi.objects.filter(instansi=demo, tahun=2024, periode="TW1")}
    assert rows["anggaran"].status == "diverifikasi" and "kinerja" not in rows
    ket = set(Jejak.objects.filter(aksi="verifikasi").values_list("keterangan", flat=True))
    assert ket == {"realisasi anggaran"}
    with pytest.raises(PermissionDenied):  # the operator cannot lock the budget quarter
        services.ubah_status(
            user=pengguna_demo["operator"],
            instansi=demo,
            tahun=2024,
            periode="TW1",
            aksi="kunci",
            alur="anggaran",
        )


def test_budget_workflow_from_its_own_page(pengguna_demo, masuk_sebagai):
    b = BarisAnggaran.objects.get(sub_kegiatan__kode="7.01.01.2.01.0006")
    op, pim = masuk_sebagai("operator"), masuk_sebagai("pimpinan")
    # the performance quarter verified first: the budget page still has its inputs
    op.post("/unit/bantargebang/realisasi/2024/TW1/status/", {"aksi": "ajukan"})
    pim.post("/unit/bantargebang/realisasi/2024/TW1/status/", {"aksi": "verifikasi"})
    html = op.get(ANGGARAN).content.decode()
    assert f'name="baris-{b.id}"' in html and "Ajukan realisasi anggaran untuk verifikasi" in html
    assert "Realisasi kinerja triwulan ini" in html and "Diverifikasi" in html
    r = op.post(ANGGARAN + "simpan/", {f"baris-{b.id}": "1.250.000"}, follow=True)
    assert "disimpan (1 baris berubah)" in r.content.decode()
    r = op.post(ANGGARAN + "status/", {"aksi": "ajukan"}, follow=True)
    assert "Realisasi anggaran diajukan untuk diverifikasi." in r.content.decode()
    assert f'name="baris-{b.id}"' not in r.content.decode()
    assert op.post(ANGGARAN + "status/", {"aksi": "verifikasi"}).status_code == 403
    r = pim.post(ANGGARAN + "status/", {"aksi": "kembalikan"}, follow=True)
    assert "Tuliskan alasan" in r.content.decode()
    pim.post(ANGGARAN + "status/", {"aksi": "kembalikan", "komentar": "Lampirkan SP2D"})
    html = op.get(ANGGARAN).content.decode()
    assert "Lampirkan SP2D" in html and f'name="baris-{b.id}"' in html
    assert op.post(ANGGARAN + "status/", {"aksi": "lompat"}).status_code == 400
    p = PengajuanRealisasi.objects.get(tahun=2024, periode="TW1", alur="anggaran")
    assert p.status == "dikembalikan"
