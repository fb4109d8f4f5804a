"""Who may ask for the ESR package (akun.izin "paket_esr"): the unit's operator and pimpinan and
the pemda's admin and evaluator; a viewer is refused (403, no button), a user of another unit
gets 404 and cannot reach the job or its file."""

import pytest

from tests.tugas_bantu import DB, pekerja_satu_putaran
from tugas.models import Tugas

pytestmark = pytest.mark.django_db
MINTA = "/unit/bantargebang/esr/2024/minta/"


@pytest.fixture(autouse=True)
def antrian_db(settings, tmp_path):
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"


@pytest.fixture
def unit_lain(pengguna_demo, client):
    """An operator of another unit of the same pemda, logged in."""
    from django.contrib.auth import get_user_model

    from akun.models import Peran
    from organisasi.models import Instansi

    bg = Instansi.objects.get(slug="bantargebang")
    ins = Instansi.objects.create(pemda=bg.pemda, slug="kecamatan-lain", nama="Kecamatan Lain")
    u = get_user_model().objects.create_user("operator-lain")
    Peran.objects.create(user=u, instansi=ins, jenis="operator")
    client.force_login(u)
    return client


def test_viewer_is_refused(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pembaca")
    assert c.post(MINTA).status_code == 403
    assert "Paket dokumen ESR" not in c.get("/unit/bantargebang/lkip/2024/").content.decode()
    assert not Tugas.objects.exists()


def test_another_units_user_is_refused(unit_lain, masuk_sebagai):
    assert unit_lain.post(MINTA).status_code == 404
    assert not Tugas.objects.exists()
    # nor can it reach the package another user asked for
    masuk_sebagai("operator").post(MINTA)
    pekerja_satu_putaran()
    p = Tugas.objects.get()
    assert p.status == "selesai"
    for akhir in ("", "kemajuan/", "hasil/"):
        assert unit_lain.get(f"/unit/bantargebang/tugas/{p.pk}/{akhir}").status_code == 404


@pytest.mark.parametrize("peran", ["pimpinan", "evaluator", "adminpemda"])
def test_pemda_roles_may_ask(pengguna_demo, masuk_sebagai, peran):
    r = masuk_sebagai(peran).post(MINTA)
    assert r.status_code == 302 and Tugas.objects.get().jenis == "esr"
