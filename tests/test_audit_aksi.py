"""Audit actions are one of audit.models.Aksi: catat() refuses free text, the old spellings are
mapped by the migration, the search page filters by action, and rows outlive their unit."""

import importlib

import pytest
from django.contrib.auth import get_user_model

from audit.models import Aksi, Jejak, catat
from tests.factories import InstansiFactory
from tests.realisasi_bantu import isian

pytestmark = pytest.mark.django_db
migrasi = importlib.import_module("audit.migrations.0003_aksi_baku")


def test_catat_takes_only_the_enum():
    ins = InstansiFactory()
    with pytest.raises(ValueError):
        catat(None, ins, "ubah LHE")
    with pytest.raises(ValueError):
        catat(None, ins, "ubah")  # the value as a plain string is refused too: callers pass Aksi
    assert not Jejak.objects.exists()
    catat(None, ins, Aksi.UBAH, {"nama": ("a", "b")}, ins, keterangan="LHE")
    j = Jejak.objects.get()
    assert (j.aksi, j.keterangan, j.get_aksi_display(), j.nama_instansi) == ("ubah", "LHE", "ubah", ins.nama)


def test_old_spellings_map_to_the_enum_keeping_the_detail():
    assert migrasi._baru("ubah LHE") == ("ubah", "LHE")
    assert migrasi._baru("unggah bukti") == ("unggah", "bukti")
    assert migrasi._baru("impor workbook") == ("impor", "workbook")
    assert migrasi._baru("kembali ke baku")[0] == "hapus"
    assert migrasi._baru("verifikasi") == ("verifikasi", "")
    assert migrasi._baru("hapus sesuatu lain") == ("hapus", "sesuatu lain")  # an unknown detail is kept
    assert migrasi._baru("entah apa") == ("ubah", "entah apa")
    for teks, (aksi, _ket) in migrasi.EJAAN.items():
        assert aksi in Aksi.values, teks
    # every verb the migration mapped to still exists; verbs added later (terbitkan, cabut) had no old rows
    assert migrasi.BAKU <= set(Aksi.values)
    assert set(Aksi.values) - migrasi.BAKU == {"terbitkan", "cabut"}


def test_rows_outlive_their_unit_and_user():
    ins = InstansiFactory()
    u = get_user_model().objects.create_user("hapusaku")
    catat(u, ins, Aksi.HAPUS, {"nama": (ins.nama, None)}, ins)
    nama = ins.nama
    ins.delete()
    u.delete()
    j = Jejak.objects.get()
    assert j.instansi is None and j.user is None
    assert (j.nama_instansi, j.nama_pengguna, j.aksi) == (nama, "hapusaku", "hapus")


def test_search_filters_by_action(pk_manual, masuk_sebagai):
    op = masuk_sebagai("operator")
    op.post("/unit/bantargebang/realisasi/2025/TW1/", isian(nilai="70"))
    op.post("/unit/bantargebang/realisasi/2025/TW1/", isian(nilai="71", versi=1))
    assert set(Jejak.objects.filter(objek="pengukuran.Realisasi").values_list("aksi", flat=True)) == {
        "buat",
        "ubah",
    }
    admin = masuk_sebagai("adminpemda")
    semua = admin.get("/audit/").content.decode()
    assert '<option value="tandatangani">tandatangani</option>' in semua
    ubah = admin.get("/audit/?aksi=ubah").content.decode()
    assert "<td>70</td><td>71</td>" in ubah and "<td></td><td>70</td>" not in ubah
    buat = admin.get("/audit/?aksi=buat&q=Realisasi").content.decode()
    assert "<td>70</td><td>71</td>" not in buat and '<option value="buat" selected>' in buat
    assert admin.get("/audit/?aksi=bukan").status_code == 200  # an unknown action: no filter
