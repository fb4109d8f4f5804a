"""Audit: admin_pemda searches the log; others cannot; the entry page shows the history."""

import pytest

from tests.realisasi_bantu import isian

pytestmark = pytest.mark.django_db


def test_search_and_history(pk_manual, masuk_sebagai):
    op = masuk_sebagai("operator")
    op.post("/unit/bantargebang/realisasi/2025/TW1/", isian(nilai="70"))
    op.post("/unit/bantargebang/realisasi/2025/TW1/", isian(nilai="71", versi=1))
    html = masuk_sebagai("adminpemda").get("/audit/?q=operator").content.decode()
    assert "Realisasi IKU9 Persentase Layanan Selesai Tepat Waktu, Triwulan I 2025" in html and "71" in html
    assert masuk_sebagai("operator").get("/audit/").status_code == 404
    page = op.get("/unit/bantargebang/realisasi/2025/TW1/").content.decode()
    assert "Riwayat perubahan" in page and "<td>70</td><td>71</td>" in page


def test_admin_only_for_admin_pemda(pengguna_demo, masuk_sebagai):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="operator").update(is_staff=True)
    assert masuk_sebagai("operator").get("/admin/").status_code == 302  # to the admin login
    assert masuk_sebagai("adminpemda").get("/admin/").status_code == 200


def test_role_changes_in_the_admin_are_audited(pengguna_demo, masuk_sebagai):
    from audit.models import Jejak
    from organisasi.models import Instansi

    c = masuk_sebagai("adminpemda")
    from django.contrib.auth import get_user_model

    from akun.models import Profil
    from organisasi.models import Pemda

    budi = get_user_model().objects.create_user("budi")  # an account of Kota Bekasi without a role yet
    Profil.objects.create(user=budi, pemda=Pemda.objects.get(kode="kota-bekasi"))
    r = c.post(
        "/admin/akun/peran/add/",
        {"user": budi.pk, "jenis": "viewer", "instansi": Instansi.objects.get(slug="bantargebang").pk},
    )
    assert r.status_code == 302
    j = Jejak.objects.filter(objek="akun.Peran", aksi="buat").first()
    assert j.user.username == "adminpemda" and {
        x.field for x in Jejak.objects.filter(objek="akun.Peran")
    } >= {"jenis", "user"}
