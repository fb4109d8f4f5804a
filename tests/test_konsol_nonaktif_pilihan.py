"""What the pemda console deactivates is offered in no picker, and kept: a sub-unit in the DPA
grid's sub-unit select (unless a line names it), an official among the PK's signers."""

import pytest
from django.test import Client

from konsol import services
from organisasi.models import Pejabat, SubUnit
from perencanaan.selectors import pejabat_pilihan

pytestmark = pytest.mark.django_db


def test_a_deactivated_sub_unit_and_official_are_not_offered(dua_pemda):
    d = dua_pemda
    SubUnit.objects.create(
        instansi=d.unit_a, kode="kel-aktif", nama="Kelurahan Masih Aktif", jenis="kelurahan"
    )
    lama = SubUnit.objects.create(
        instansi=d.unit_a, kode="kel-lama", nama="Kelurahan Sudah Lama", jenis="kelurahan"
    )
    services.ubah_status_subunit(user=d.admin_a, subunit=lama, aktif=False)
    op = Client()
    op.force_login(d.op_a)
    html = op.get("/unit/unit-a/anggaran/2025/dpa/").content.decode()
    assert "Kelurahan Masih Aktif" in html and "Kelurahan Sudah Lama" not in html
    assert SubUnit.objects.filter(pk=lama.pk, aktif=False).exists()

    camat = Pejabat.objects.create(pemda=d.a, instansi=d.unit_a, kode="camat", jabatan="Camat")
    lama_pj = Pejabat.objects.create(pemda=d.a, instansi=d.unit_a, kode="camat-lama", jabatan="Camat Lama")
    services.ubah_status_pejabat(user=d.admin_a, pejabat=lama_pj, aktif=False)
    assert list(pejabat_pilihan(d.unit_a)) == [camat]
