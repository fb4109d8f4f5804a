"""Shared set-up of the DPA tests (tests/test_dpa_*.py): a new kecamatan with two sub-units, its
operator and pimpinan, and the POST data of the DPA grid as the page sends it."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from akun.models import Peran
from tests.factories import InstansiFactory, SubUnitFactory

PASSWORD = "sandi-uji-dpa-2025"
KOLOM = (
    "id",
    "sidik",
    "sub_kegiatan",
    "subunit",
    "pagu_murni",
    "pagu",
    "kas_tw1",
    "kas_tw2",
    "kas_tw3",
    "kas_tw4",
)


def unit_baru(slug="mustikajaya"):
    """A kecamatan with sub-units Sekretariat and Kelurahan Mustikasari, its operator
    ``op-<slug>`` and pimpinan ``pim-<slug>``."""
    ins = InstansiFactory(slug=slug, nama=f"Kecamatan {slug.title()}")
    sek = SubUnitFactory(instansi=ins, kode="sekretariat", nama="Sekretariat", jenis="sekretariat")
    kel = SubUnitFactory(instansi=ins, kode="mustikasari", nama="Kelurahan Mustikasari")
    User = get_user_model()
    for jenis, nama in (("operator", f"op-{slug}"), ("pimpinan", f"pim-{slug}")):
        u = User.objects.create_user(nama, password=PASSWORD)
        Peran.objects.create(user=u, jenis=jenis, instansi=ins)
    return ins, sek, kel


def data_grid(rows: list[dict], awal: int = 0) -> dict:
    """The formset POST of the DPA page: ``rows`` in order (each a dict of the columns in KOLOM,
    missing ones empty); ``awal`` the number of stored lines the page showed."""
    data = {
        "baris-TOTAL_FORMS": str(len(rows)),
        "baris-INITIAL_FORMS": str(awal),
        "baris-MIN_NUM_FORMS": "0",
        "baris-MAX_NUM_FORMS": "500",
    }
    for i, r in enumerate(rows):
        for k in KOLOM:
            v = r.get(k, "")
            data[f"baris-{i}-{k}"] = "" if v is None else str(v)
    return data


def data_dari_halaman(resp) -> tuple[list[dict], int]:
    """The rows the DPA page shows (its stored lines as the form pre-fills them) and how many."""
    form = resp.context["formset"]
    rows = []
    for f in form.forms:
        rows.append({k: f[k].value() if f[k].value() is not None else "" for k in KOLOM})
    return rows, form.initial_form_count()
