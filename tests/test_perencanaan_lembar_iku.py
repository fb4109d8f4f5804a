"""The IKU sheet is edited on one page: alasan, formulasi, sumber data and penanggung jawab of
every IKU of the unit in one form, one save, each changed field audited; the sheet shows them."""

import pytest

from audit.models import Aksi, Jejak
from perencanaan.models import Indikator
from tests.renstra_bantu import renstra_kecil

pytestmark = pytest.mark.django_db
URL = "/unit/kec-baru/iku/ubah/"


def test_one_form_saves_every_iku():
    r = renstra_kecil()
    html = r.op.get(URL).content.decode()
    assert "<legend>IK1 — Indeks Kepuasan Masyarakat</legend>" in html and "IK3 —" in html
    assert "IK2 —" not in html  # not an IKU
    assert "contoh: Sekretaris Kecamatan" in html and "Penanggung jawab" in html
    data = {
        f"{r.ik1.pk}-alasan": "Mengukur langsung mutu pelayanan",
        f"{r.ik1.pk}-formulasi": "Σ NRR tertimbang × 25",
        f"{r.ik1.pk}-sumber_data": "Laporan SKM semester",
        f"{r.ik1.pk}-penanggung_jawab": "Sekretaris Kecamatan",
        f"{r.ik3.pk}-alasan": "",
        f"{r.ik3.pk}-formulasi": "zona tertib ÷ zona × 100 %",
        f"{r.ik3.pk}-sumber_data": "Laporan pemantauan zona",
        f"{r.ik3.pk}-penanggung_jawab": "Kasi Trantib",
    }
    resp = r.op.post(URL, data)
    assert resp.status_code == 302 and resp["Location"] == "/unit/kec-baru/iku/"
    ik1, ik3 = Indikator.objects.get(pk=r.ik1.pk), Indikator.objects.get(pk=r.ik3.pk)
    assert (ik1.alasan, ik1.formulasi, ik1.sumber_data, ik1.penanggung_jawab) == (
        "Mengukur langsung mutu pelayanan",
        "Σ NRR tertimbang × 25",
        "Laporan SKM semester",
        "Sekretaris Kecamatan",
    )
    assert (ik3.alasan, ik3.penanggung_jawab) == ("", "Kasi Trantib")
    jejak = Jejak.objects.filter(objek="perencanaan.Indikator", aksi=Aksi.UBAH)
    assert {(j.objek_id, j.field) for j in jejak} == {
        (str(r.ik1.pk), "alasan"),
        (str(r.ik1.pk), "formulasi"),
        (str(r.ik1.pk), "sumber_data"),
        (str(r.ik1.pk), "penanggung_jawab"),
        (str(r.ik3.pk), "formulasi"),
        (str(r.ik3.pk), "sumber_data"),
        (str(r.ik3.pk), "penanggung_jawab"),
    }
    sheet = r.pembaca.get("/unit/kec-baru/iku/").content.decode()
    assert "Kasi Trantib" in sheet and "Laporan SKM semester" in sheet
    assert "Ubah lembar IKU" not in sheet  # a viewer only reads it


def test_too_long_text_keeps_what_was_typed_and_saves_nothing():
    r = renstra_kecil()
    data = {f"{r.ik1.pk}-sumber_data": "x" * 301, f"{r.ik1.pk}-penanggung_jawab": "Camat"}
    resp = r.op.post(URL, data)
    assert resp.status_code == 200 and resp.context["form"].errors
    assert 'value="Camat"' in resp.content.decode()
    assert Indikator.objects.get(pk=r.ik1.pk).penanggung_jawab == ""
