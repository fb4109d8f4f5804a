"""Picking a sub-kegiatan by code or name: the type-ahead list (htmx fragment of <option>s for the
grid's <datalist>) finds stored and shipped codes; a shipped code missing from the database (a
flushed one) is stored when a line is saved with it."""

import pytest

from anggaran.models import BarisAnggaran, Kegiatan, Program, SubKegiatan
from tests.dpa_bantu import data_grid, unit_baru

pytestmark = pytest.mark.django_db
URL = "/unit/mustikajaya/anggaran/sub-kegiatan/"


def test_type_ahead_by_code_and_by_words_of_the_name(db, masuk_sebagai):
    unit_baru()
    c = masuk_sebagai("op-mustikajaya")
    html = c.get(URL, {"q": "7.01.04"}).content.decode()
    assert '<option value="7.01.04.2.01.0001 Sinergitas dengan Kepolisian' in html
    assert "7.01.01." not in html
    # htmx sends the input under its own name; words in any order, any case
    html = c.get(URL, {"baris-3-sub_kegiatan": "kelurahan sarana"}).content.decode()
    assert "7.01.03.2.02.0002 Pembangunan Sarana dan Prasarana Kelurahan" in html
    assert html.count("<option") == 1
    assert c.get(URL, {"q": "tidak ada yang cocok"}).content.decode().strip() == ""


def test_a_shipped_code_missing_from_the_database_is_found_and_stored_on_save(db, masuk_sebagai):
    ins, sek, kel = unit_baru()
    SubKegiatan.objects.filter(kode__startswith="7.01.04").delete()
    Kegiatan.objects.filter(kode__startswith="7.01.04").delete()
    Program.objects.filter(kode="7.01.04").delete()
    c = masuk_sebagai("op-mustikajaya")
    assert "7.01.04.2.02.0001" in c.get(URL, {"q": "Penegakan"}).content.decode()
    assert not SubKegiatan.objects.filter(kode="7.01.04.2.02.0001").exists()  # a GET stores nothing
    r = c.post(
        "/unit/mustikajaya/anggaran/2025/dpa/",
        data_grid([{"sub_kegiatan": "7.01.04.2.02.0001", "pagu_murni": "50.000.000"}]),
    )
    assert r.status_code == 302
    b = BarisAnggaran.objects.get(instansi=ins)
    assert b.sub_kegiatan.kegiatan.program.nama == "Koordinasi Ketentraman dan Ketertiban Umum"


def test_the_list_before_typing_holds_the_units_urusan(db, tmp_path):
    from django.core.management import call_command

    from anggaran.selectors import pilihan_awal
    from tests.factories import BarisAnggaranFactory, InstansiFactory

    p = tmp_path / "pendidikan.csv"
    p.write_text(
        "kode,nama\n1.01.02,Pengelolaan Pendidikan\n1.01.02.2.01,Pengelolaan Pendidikan Sekolah Dasar\n"
        "1.01.02.2.01.0001,Pembangunan Unit Sekolah Baru (USB)\n",
        encoding="utf-8",
    )
    call_command("muat_nomenklatur", str(p))
    ins, _sek, _kel = unit_baru()
    kode = [k for k, _n in pilihan_awal(ins)]
    assert kode and all(k.startswith("7.01.") for k in kode)  # a new kecamatan: its urusan
    dinas = InstansiFactory(jenis="dinas", slug="disdik")
    BarisAnggaranFactory(instansi=dinas, sub_kegiatan=SubKegiatan.objects.get(kode="1.01.02.2.01.0001"))
    assert [k for k, _n in pilihan_awal(dinas)] == ["1.01.02.2.01.0001"]


def test_a_programme_or_kegiatan_code_is_refused_with_what_to_pick(db, masuk_sebagai):
    unit_baru()
    c = masuk_sebagai("op-mustikajaya")
    r = c.post(
        "/unit/mustikajaya/anggaran/2025/dpa/",
        data_grid(
            [
                {"sub_kegiatan": "7.01.02.2.01", "pagu_murni": "5.000.000"},
                {"sub_kegiatan": "7.01.02", "pagu_murni": "1"},
            ]
        ),
    )
    assert r.status_code == 400
    forms = r.context["formset"].forms
    assert "7.01.02.2.01 adalah kode kegiatan" in forms[0].errors["sub_kegiatan"][0]
    assert "7.01.02 adalah kode program" in forms[1].errors["sub_kegiatan"][0]
    assert not BarisAnggaran.objects.exists()
