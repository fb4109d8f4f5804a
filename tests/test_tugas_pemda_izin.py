"""Who sees a pemda's job (the pemda tree's PDF): who may see the pemda's pages (its admin_pemda
and evaluator, akun.izin.boleh_tugas_pemda); a unit's operator, of this pemda or another, gets
404 on its pages and may not ask for one."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from akun.izin import boleh_tugas_pemda
from akun.models import Peran
from tests.factories import InstansiFactory, PemdaFactory
from tests.rpjmd_bantu import rpd_kecil
from tests.tugas_bantu import DB, pekerja_satu_putaran
from tugas.models import Tugas

pytestmark = pytest.mark.django_db


def _pengguna(nama, **peran):
    u = get_user_model().objects.create_user(nama, password="demo-sakip-2024")
    Peran.objects.create(user=u, **peran)
    return u


@pytest.fixture
def tugas_pemda(masuk_sebagai, settings, tmp_path):
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    x = rpd_kecil()
    _pengguna("admin-contoh", jenis="admin_pemda", pemda=x.pemda)
    halaman = masuk_sebagai("admin-contoh").post("/pemda/kota-contoh/pohon/2025/pdf/")["Location"]
    pekerja_satu_putaran()
    assert Tugas.objects.get().status == "selesai"
    return x, halaman


def test_the_pemda_roles_see_the_job_and_unit_operators_do_not(tugas_pemda, masuk_sebagai):
    x, halaman = tugas_pemda
    urls = [halaman, f"{halaman}kemajuan/", f"{halaman}hasil/"]
    _pengguna("eval-contoh", jenis="evaluator", pemda=x.pemda)
    for nama in ("admin-contoh", "eval-contoh"):
        c = masuk_sebagai(nama)
        for url in urls[:2]:  # (the download is opened last: on PostgreSQL it closes the connection)
            assert c.get(url).status_code == 200, (nama, url)
    # an operator of another pemda's unit, and of this pemda's own unit
    lain = PemdaFactory(kode="kota-lain", nama="Kota Lain")
    _pengguna("op-lain", jenis="operator", instansi=InstansiFactory(pemda=lain, slug="kec-lain"))
    _pengguna("op-lain-pemda", jenis="admin_pemda", pemda=lain)
    _pengguna("op-satu", jenis="operator", instansi=x.unit1)
    for nama in ("op-lain", "op-lain-pemda", "op-satu"):
        c = masuk_sebagai(nama)
        for url in urls:
            assert c.get(url).status_code in (403, 404), (nama, url)
            # nor through another pemda's address, nor as a unit's job
            assert c.get(url.replace("/kota-contoh/", "/kota-lain/")).status_code == 404, (nama, url)
            assert c.get(url.replace("/pemda/kota-contoh/", "/unit/kec-satu/")).status_code == 404, (
                nama,
                url,
            )
        assert c.post("/pemda/kota-contoh/pohon/2025/pdf/").status_code == 404, nama
    for url in urls:
        assert Client().get(url).status_code == 302, url
    assert Tugas.objects.count() == 1
    assert masuk_sebagai("admin-contoh").get(f"{halaman}hasil/").status_code == 200


def test_izin_decides_by_the_pemda(db):
    x = rpd_kecil()
    admin = _pengguna("admin-contoh", jenis="admin_pemda", pemda=x.pemda)
    operator = _pengguna("op-satu", jenis="operator", instansi=x.unit1)
    assert boleh_tugas_pemda(admin, x.pemda, "pohon") and boleh_tugas_pemda(admin, x.pemda.id, "pohon")
    assert not boleh_tugas_pemda(operator, x.pemda, "pohon")
    assert not boleh_tugas_pemda(admin, PemdaFactory(kode="kota-lain"), "pohon")
    with pytest.raises(ValueError):
        boleh_tugas_pemda(admin, x.pemda, "lkip")  # no pemda-level LKIP job
