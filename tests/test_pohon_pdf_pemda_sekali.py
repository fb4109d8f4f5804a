"""The same pemda tree PDF asked twice is one job (keyed by the pemda's data token); after a change
of the data a new request makes a new one."""

import pytest

from perencanaan.models import Tujuan
from tests.rpjmd_bantu import masuk_admin_pemda, rpd_kecil
from tests.tugas_bantu import DB, pekerja_satu_putaran
from tugas.models import Tugas

pytestmark = pytest.mark.django_db


def test_the_same_request_twice_is_one_job_until_the_data_changes(masuk_sebagai, settings, tmp_path):
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    x = rpd_kecil()
    c = masuk_admin_pemda(x.pemda, masuk_sebagai)
    url = "/pemda/kota-contoh/pohon/2025/pdf/"
    pertama = c.post(url)["Location"]
    assert c.post(url)["Location"] == pertama  # waiting: the same job
    pekerja_satu_putaran()
    assert c.post(url)["Location"] == pertama  # finished and kept: the same job
    assert Tugas.objects.count() == 1
    # another tree of the same pemda is another job
    assert c.post(f"/pemda/kota-contoh/pohon/2025/sasaran/{x.s11.id}/pdf/")["Location"] != pertama
    assert c.post("/pemda/kota-contoh/pohon/2026/pdf/")["Location"] != pertama
    # a unit's data changed: the pemda's token is renewed, a new request makes a new PDF
    t = Tujuan.objects.filter(renstra__instansi=x.unit1).first()
    t.uraian = "Pelayanan kecamatan prima dan cepat"
    t.save()
    assert c.post(url)["Location"] != pertama
    assert Tugas.objects.filter(parameter={"tahun": 2025, "fmt": "pdf"}).count() == 2
