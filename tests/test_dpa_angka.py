"""Indonesian number input in the budget forms, through the project's one number rule
(``rumus.angka``, rupiah kind, whole rupiah: ``dasar.formulir.AngkaField``): "8.500.000.000" is
Rp 8.500.000.000 and "850,000" Rp 850.000 — never 8,5 or 850; what cannot be read one way is
refused with an example and stays as typed."""

from decimal import Decimal

import pytest
from django import forms

from anggaran.models import BarisAnggaran
from dasar.formulir import AngkaField
from tests.dpa_bantu import data_grid, unit_baru


class F(forms.Form):
    pagu = AngkaField(bulat=True, required=False)
    nilai = AngkaField(required=False)


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("8.500.000.000", Decimal("8500000000")),
        ("8,500,000,000", Decimal("8500000000")),
        ("850,000", Decimal("850000")),
        ("850.000", Decimal("850000")),
        ("Rp 8.500.000.000", Decimal("8500000000")),
        ("Rp8.500.000.000,00", Decimal("8500000000")),
        ("17.585.719.560,00", Decimal("17585719560")),
        (" 300000000 ", Decimal("300000000")),
        ("-5.000", Decimal("-5000")),
        ("", None),
    ],
)
def test_rupiah_as_typed(teks, nilai):
    f = F({"pagu": teks})
    assert f.is_valid(), f.errors
    assert f.cleaned_data["pagu"] == nilai


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("8.5", "rupiah penuh tanpa sen"),  # never 8,5 rupiah for a pagu
        ("8,5", "rupiah penuh tanpa sen"),
        ("8.500.000.00", "tidak dapat dibaca sebagai satu angka"),
        ("8.500,000.000", "tidak dapat dibaca sebagai satu angka"),
        ("delapan juta", "tidak dapat dibaca sebagai satu angka"),
        ("12%", "tidak dapat dibaca sebagai satu angka"),
        ("1" * 41, "tidak dapat dibaca sebagai satu angka"),
    ],
)
def test_what_cannot_be_read_one_way_is_refused_with_an_example(teks, pesan):
    f = F({"pagu": teks})
    assert not f.is_valid()
    assert pesan in f.errors["pagu"][0] and "8.500.000.000" in f.errors["pagu"][0]
    assert f'value="{teks}"' in str(f["pagu"])  # kept as typed


def test_sen_allowed_where_the_field_is_not_whole_and_initial_values_shown_the_indonesian_way():
    f = F({"nilai": "1.250,50"})
    assert f.is_valid() and f.cleaned_data["nilai"] == Decimal("1250.50")
    g = F(initial={"pagu": Decimal("8500000000"), "nilai": Decimal("1250.50")})
    assert 'value="8.500.000.000"' in str(g["pagu"]) and 'value="1.250,50"' in str(g["nilai"])


@pytest.mark.django_db
def test_the_dpa_grid_reads_8_500_000_000_and_850_000_as_rupiah(masuk_sebagai):
    ins, sek, _kel = unit_baru()
    c = masuk_sebagai("op-mustikajaya")
    rows = [
        {"sub_kegiatan": "7.01.01.2.02.0001", "pagu_murni": "8.500.000.000", "kas_tw1": "850,000"},
        {"sub_kegiatan": "7.01.01.2.06.0004", "pagu_murni": "850,000", "pagu": "8,500,000"},
    ]
    assert c.post("/unit/mustikajaya/anggaran/2025/dpa/", data_grid(rows)).status_code == 302
    a, b = BarisAnggaran.objects.filter(instansi=ins).order_by("sub_kegiatan__kode")
    assert (a.pagu_murni, a.pagu, a.kas_tw1) == (
        Decimal("8500000000"),
        Decimal("8500000000"),
        Decimal(850000),
    )
    assert (b.pagu_murni, b.pagu) == (Decimal(850000), Decimal(8500000))
    page = c.get("/unit/mustikajaya/anggaran/2025/dpa/").content.decode()
    assert 'value="8.500.000.000"' in page and 'value="850.000"' in page
    # "8.5" in a pagu is refused, never stored as Rp 8,50
    r = c.post(
        "/unit/mustikajaya/anggaran/2025/dpa/",
        data_grid([{"sub_kegiatan": "7.01.02.2.01.0001", "pagu_murni": "8.5"}]),
    )
    assert r.status_code == 400 and BarisAnggaran.objects.filter(instansi=ins).count() == 2


@pytest.mark.django_db
def test_the_admin_reads_a_pagu_the_same_way(client):
    """The issue's report: "8.500.000.000" typed into a pagu in the admin became 8,5."""
    from django.contrib.auth import get_user_model

    from anggaran.models import SubKegiatan

    ins, _sek, _kel = unit_baru()
    admin = get_user_model().objects.create_superuser("root-dpa", password="x-root-dpa-2025")
    client.force_login(admin)
    sub = SubKegiatan.objects.get(kode="7.01.01.2.02.0001")
    data = {
        "instansi": ins.id,
        "tahun": "2025",
        "sub_kegiatan": sub.id,
        "subunit": "",
        "pagu_murni": "8.500.000.000",
        "pagu": "8.500.000.000",
        "kas_tw1": "850,000",
        "kas_tw2": "0",
        "kas_tw3": "0",
        "kas_tw4": "0",
    }
    r = client.post("/admin/anggaran/barisanggaran/add/", data)
    assert r.status_code == 302, r.content.decode()[:2000]
    b = BarisAnggaran.objects.get(instansi=ins)
    assert (b.pagu_murni, b.pagu, b.kas_tw1) == (
        Decimal("8500000000"),
        Decimal("8500000000"),
        Decimal(850000),
    )
    r = client.post(f"/admin/anggaran/barisanggaran/{b.id}/change/", {**data, "pagu": "8.500.000.00"})
    assert r.status_code == 200 and "tidak dapat dibaca sebagai satu angka" in r.content.decode()
