"""The pemda's Rencana Aksi period (organisasi.Pemda.periode_rencana_aksi): per quarter by default,
changed to per month on the console's profile page, audited; a wrong value is refused at its field
keeping what was typed, and a profile save without the field leaves it unchanged."""

import pytest
from django.test import Client

from audit.models import Jejak
from organisasi.models import Pemda

pytestmark = pytest.mark.django_db


def _klien(user):
    c = Client()
    c.force_login(user)
    return c


def test_a_pemda_plans_per_quarter_until_its_admin_chooses_months(dua_pemda):
    d = dua_pemda
    assert Pemda.objects.get(pk=d.a.pk).periode_rencana_aksi == "triwulan"
    c = _klien(d.admin_a)
    html = c.get("/konsol/profil/").content.decode()
    assert '<option value="triwulan" selected>' in html and "Per bulan" in html
    r = c.post("/konsol/profil/", {"nama": "Kota A", "periode_rencana_aksi": "bulan"})
    assert r.status_code == 302
    assert Pemda.objects.get(pk=d.a.pk).periode_rencana_aksi == "bulan"
    assert Pemda.objects.get(pk=d.b.pk).periode_rencana_aksi == "triwulan"  # B is not A
    jejak = Jejak.objects.get(objek="organisasi.Pemda", field="periode_rencana_aksi")
    assert (jejak.lama, jejak.baru) == ("triwulan", "bulan")
    assert '<option value="bulan" selected>' in c.get("/konsol/profil/").content.decode()
    # a profile save that does not send the field keeps it
    assert c.post("/konsol/profil/", {"nama": "Kota A Baru"}).status_code == 302
    assert Pemda.objects.get(pk=d.a.pk).periode_rencana_aksi == "bulan"


def test_an_unknown_period_is_refused_at_its_field_keeping_the_typed_values(dua_pemda):
    d = dua_pemda
    r = _klien(d.admin_a).post(
        "/konsol/profil/",
        {"nama": "Nama Diketik", "tahun_berjalan": "2026", "periode_rencana_aksi": "minggu"},
    )
    html = r.content.decode()
    assert r.status_code == 200 and 'value="Nama Diketik"' in html and 'value="2026"' in html
    assert 'id="id_periode_rencana_aksi_error"' in html
    p = Pemda.objects.get(pk=d.a.pk)
    assert (p.nama, p.periode_rencana_aksi) == ("Kota A", "triwulan")
    assert not Jejak.objects.exists()


def test_only_the_pemdas_admin_changes_it(dua_pemda):
    d = dua_pemda
    _klien(d.op_a).post("/konsol/profil/", {"nama": "Kota A", "periode_rencana_aksi": "bulan"})
    assert Pemda.objects.get(pk=d.a.pk).periode_rencana_aksi == "triwulan"
