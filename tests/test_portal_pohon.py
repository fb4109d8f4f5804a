"""The unit's portal page shows its pohon kinerja (``pohon.selectors.pohon_unit``) for a year
whose PK is signed, without the staff's RHK nodes (they name the employee); not for a year whose
PK is a draft."""

import pytest
from django.test import Client

from pohon.selectors import pohon_unit
from rumus.pohon import RHK, telusur

pytestmark = pytest.mark.django_db

UNIT = "/publik/kota-bekasi/bantargebang/"


def test_public_tree_without_the_staff_rhk(demo):
    staf = [s for s in telusur(pohon_unit(demo, 2024).akar) if s.level == RHK]
    assert staf  # the demo's tree has staff RHK nodes (shown to the unit's staff)
    html = Client().get(UNIT + "?tahun=2024").content.decode()
    awal = html.index('id="judul-pohon"')
    pohon = html[awal : html.index("</section>", awal)]
    assert "Pohon kinerja tahun 2024" in pohon and 'class="pohon-akar"' in pohon
    assert "Indeks Kepuasan Masyarakat Terhadap Layanan Publik" in pohon and "97,8 %" in pohon
    for s in staf:
        assert s.kode not in html and s.nama not in html  # the employee's name, the RHK text
    assert "pohon-rhk" not in html


def test_no_tree_for_a_year_whose_pk_is_a_draft(pk_manual):
    html = Client().get(UNIT + "?tahun=2025").content.decode()
    assert 'id="judul-pohon"' not in html
