"""Only the unit's pimpinan issues its LKIP (akun.izin action ``terbitkan``): a viewer, an operator
or an evaluator is refused (403) and nothing is written; a user of another unit does not see the
issued versions (404); the command refuses them too."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from akun.izin import boleh
from akun.models import Peran
from audit.models import Aksi, Jejak
from laporan.models import TerbitanLKIP
from laporan.services import terbitkan_lkip
from tests.factories import InstansiFactory
from tests.terbitan_bantu import tanpa_libreoffice

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("nama", ["pembaca", "operator", "evaluator", "adminpemda"])
def test_others_than_the_pimpinan_cannot_issue(pengguna_demo, demo, monkeypatch, nama):
    tanpa_libreoffice(monkeypatch)
    assert not boleh(pengguna_demo[nama], "terbitkan", demo)
    with pytest.raises(PermissionDenied):
        terbitkan_lkip(user=pengguna_demo[nama], instansi=demo, tahun=2024)
    with pytest.raises(CommandError, match="tidak boleh menerbitkan"):
        call_command("terbitkan_lkip", "--instansi", demo.slug, "--tahun", "2024", "--pengguna", nama)
    assert not TerbitanLKIP.objects.exists()
    assert not Jejak.objects.filter(aksi=Aksi.TERBITKAN).exists()


def test_pimpinan_of_another_unit_cannot_issue_nor_see(pengguna_demo, demo, monkeypatch, masuk_sebagai):
    tanpa_libreoffice(monkeypatch)
    call_command("terbitkan_lkip", "--instansi", demo.slug, "--tahun", "2024", "--pengguna", "pimpinan")
    assert TerbitanLKIP.objects.filter(instansi=demo, nomor=1).count() == 1
    lain = get_user_model().objects.create_user("pimpinan-lain")
    Peran.objects.create(user=lain, jenis="pimpinan", instansi=InstansiFactory(pemda=demo.pemda))
    with pytest.raises(PermissionDenied):
        terbitkan_lkip(user=lain, instansi=demo, tahun=2024)
    c = masuk_sebagai("pimpinan-lain")
    assert c.get(f"/unit/{demo.slug}/lkip/2024/terbitan/1.pdf").status_code == 404
    assert c.get(f"/unit/{demo.slug}/lkip/2024/terbitan/1.docx").status_code == 404
    assert TerbitanLKIP.objects.count() == 1
