"""Every field of the tujuan, sasaran and indikator forms has an Indonesian label and help text
with an example; the choices say what they mean (polaritas, agregasi, sumber realisasi) and the
IKU checkbox is labelled "Indikator Kinerja Utama (IKU)", not "Iku"."""

import re

import pytest

from perencanaan.forms import ArsipForm, IndikatorForm, SasaranForm, TujuanForm
from tests.renstra_bantu import renstra_kecil

pytestmark = pytest.mark.django_db


def test_every_field_has_help_with_an_example():
    r = renstra_kecil()
    for form in (
        TujuanForm(),
        SasaranForm(instansi=r.unit),
        IndikatorForm(instansi=r.unit),
        ArsipForm(),
    ):
        for name, f in form.fields.items():
            assert re.search(r"[Cc]ontoh", str(f.help_text)), f"{type(form).__name__}.{name}"


def test_the_indicator_form_explains_polaritas_agregasi_and_sumber():
    r = renstra_kecil()
    html = r.op.get("/unit/kec-baru/renstra/indikator/baru/").content.decode()
    assert "positif — makin tinggi makin baik, contoh IKM" in html
    assert "terakhir / jumlah / rata-rata triwulan" in html
    assert "Positif — makin tinggi makin baik (contoh: IKM)" in html  # the option itself
    assert "Negatif — makin rendah makin baik" in html
    assert "Rata-rata — rata-rata triwulan" in html
    assert "Survei Kepuasan Masyarakat (IKM)" in html and "Diisi per periode" in html
    assert '<label for="id_iku">Indikator Kinerja Utama (IKU)</label>' in html
    assert ">Iku<" not in html
    assert 'aria-describedby="id_polaritas_helptext"' in html and 'id="id_polaritas_helptext"' in html


def test_new_indicator_under_the_chosen_sasaran():
    r = renstra_kecil()
    resp = r.op.get(f"/unit/kec-baru/renstra/indikator/baru/?sasaran={r.s2.pk}")
    form = resp.context["form"]
    assert form.initial["sasaran"] == r.s2.pk and form.initial["level"] == "sasaran"
    assert "S1.2 — Meningkatnya ketertiban wilayah" in resp.content.decode()


def test_a_taken_kode_is_a_field_error_not_a_server_error():
    r = renstra_kecil()
    resp = r.op.post(
        "/unit/kec-baru/renstra/sasaran/baru/", {"tujuan": r.t1.pk, "kode": "S1.1", "uraian": "Lagi"}
    )
    assert resp.status_code == 200
    assert "Kode S1.1 sudah dipakai di unit ini." in resp.context["form"].errors["kode"]
