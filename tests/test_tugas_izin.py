"""Who sees a job: every user who may see its unit, nobody else (akun.izin.boleh_tugas)."""

import pytest
from django.test import Client

from akun.izin import boleh_tugas
from organisasi.models import Instansi
from tests.test_izin_matrix import make_other_operator
from tests.tugas_bantu import DB, pekerja_satu_putaran

pytestmark = pytest.mark.django_db


@pytest.fixture
def tugas_selesai(pengguna_demo, masuk_sebagai, settings, tmp_path):
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    halaman = masuk_sebagai("operator").post("/unit/bantargebang/dokumen/pk/2024/docx/minta/")["Location"]
    pekerja_satu_putaran()
    return halaman


def test_every_role_of_the_unit_sees_the_job_and_others_do_not(tugas_selesai, masuk_sebagai):
    halaman = tugas_selesai
    urls = [halaman, f"{halaman}kemajuan/", f"{halaman}hasil/"]
    for role in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca"):
        c = masuk_sebagai(role)
        for url in urls:
            assert c.get(url).status_code == 200, (role, url)
    lain = make_other_operator(masuk_sebagai)
    for url in urls:
        assert lain.get(url).status_code == 404, url
        # nor through the other unit's own address
        assert lain.get(url.replace("/bantargebang/", "/rawalumbu/")).status_code == 404, url
        assert Client().get(url).status_code == 302, url


def test_another_unit_cannot_request_a_document_of_this_unit(pengguna_demo, masuk_sebagai):
    from tugas.models import Tugas

    lain = make_other_operator(masuk_sebagai)
    assert lain.post("/unit/bantargebang/dokumen/lkip/2024/pdf/minta/").status_code == 404
    assert Client().post("/unit/bantargebang/dokumen/lkip/2024/pdf/minta/").status_code == 302
    assert not Tugas.objects.exists()


def test_izin_decides_by_the_unit(pengguna_demo):
    ins = Instansi.objects.get(slug="bantargebang")
    assert boleh_tugas(pengguna_demo["pembaca"], ins, "lkip")
    from django.contrib.auth import get_user_model

    tanpa_peran = get_user_model().objects.create_user("tanpa-peran", password="x-unused-9876")
    assert not boleh_tugas(tanpa_peran, ins, "lkip")
    with pytest.raises(ValueError):
        boleh_tugas(pengguna_demo["pembaca"], ins, "apa_saja")
