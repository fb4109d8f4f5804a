"""Respondents' personal data: only the unit's operator and pimpinan download it, every download audited."""

import pytest

from audit.models import Jejak
from skm.models import Responden

pytestmark = pytest.mark.django_db
URL = "/unit/bantargebang/skm/2024/responden.xlsx"


@pytest.fixture
def jawaban(pengguna_demo, demo):
    for umur in (30, 41):
        Responden.objects.create(
            instansi=demo, tahun=2024, periode="TW1", umur=umur, **{f"u{i}": 3 for i in range(1, 10)}
        )


@pytest.mark.parametrize("peran", ["pembaca", "evaluator", "adminpemda"])
def test_viewer_evaluator_and_pemda_admin_cannot_download(jawaban, masuk_sebagai, peran):
    c = masuk_sebagai(peran)
    assert c.get(URL).status_code == 403
    assert "responden.xlsx" not in c.get("/unit/bantargebang/skm/2024/").content.decode()
    assert not Jejak.objects.filter(aksi="unduh", keterangan="data responden").exists()


@pytest.mark.parametrize("peran", ["operator", "pimpinan"])
def test_a_download_is_audited(jawaban, masuk_sebagai, pengguna_demo, peran):
    c = masuk_sebagai(peran)
    assert "responden.xlsx" in c.get("/unit/bantargebang/skm/2024/").content.decode()
    r = c.get(URL)
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxmlformats")
    j = Jejak.objects.get(aksi="unduh", keterangan="data responden")
    assert (j.user, j.instansi.slug, j.field, j.baru) == (
        pengguna_demo[peran],
        "bantargebang",
        "responden.xlsx",
        "2024: 2 responden",
    )
