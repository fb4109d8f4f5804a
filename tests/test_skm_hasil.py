"""SKM result pages (public and staff), poster with server-side QR code."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from akun.models import Peran
from tests.factories import InstansiFactory

pytestmark = [pytest.mark.django_db]
PASSWORD = "demo-sakip-2024"
STAF = "/unit/bantargebang/skm/2024/"


def test_public_results(demo):
    html = Client().get("/publik/bantargebang/skm/2024/").content.decode()
    for text in ("81,18", "80,88", "82,01", "76,10", "3,044"):
        assert text in html, text


def test_poster_has_inline_qr(demo):
    r = Client().get("/s/bantargebang/poster/")
    html = r.content.decode()
    assert r.status_code == 200 and "<svg" in html and "http://testserver/s/bantargebang/" in html


def test_staff_page(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    html = c.get(STAF).content.decode()
    assert "Rencana Tindak Lanjut" in html and "U2 Sistem, Mekanisme, dan Prosedur" in html


def test_staff_page_refused(pengguna_demo, masuk_sebagai):
    r = Client().get(STAF)
    assert r.status_code == 302 and "/akun/masuk/" in r["Location"]
    other_unit = InstansiFactory(slug="rawalumbu", nama="Kecamatan Rawalumbu")
    get_user_model().objects.create_user("op-rawalumbu", password=PASSWORD)
    Peran.objects.create(
        user=get_user_model().objects.get(username="op-rawalumbu"), jenis="operator", instansi=other_unit
    )
    c = masuk_sebagai("op-rawalumbu")
    assert c.get(STAF).status_code == 404


def test_xlsx_export(pengguna_demo, masuk_sebagai):
    import io

    from openpyxl import load_workbook

    from skm.models import Responden

    ins = pengguna_demo["operator"].peran.first().instansi
    Responden.objects.create(
        instansi=ins, tahun=2024, periode="TW1", saran="cepat", **{f"u{i}": 4 for i in range(1, 10)}
    )
    c = masuk_sebagai("operator")
    r = c.get(STAF + "responden.xlsx")
    ws = load_workbook(io.BytesIO(r.content)).active
    assert [c.value for c in ws[2]][7:] == [4] * 9 + ["cepat"]
    assert Client().get(STAF + "responden.xlsx").status_code == 302
