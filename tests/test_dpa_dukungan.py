"""Linking budget to the indicators it supports (Dukungan), in the app: the programmes, kegiatan
and sub-kegiatan of the year's lines × the unit's tujuan/sasaran indicators, one save; unticking
removes a link; another unit's indicator is refused; audited."""

from decimal import Decimal

import pytest

from anggaran import services
from anggaran.models import Dukungan
from audit.models import Jejak
from dasar.galat import Ditolak
from tests.dpa_bantu import unit_baru
from tests.factories import BarisAnggaranFactory, IndikatorFactory, SubKegiatanFactory

pytestmark = pytest.mark.django_db
URL = "/unit/mustikajaya/anggaran/2025/dukungan/"


def _indikator(ins, **kw):
    return IndikatorFactory(
        instansi=ins,
        sasaran__instansi=ins,
        sasaran__tujuan__instansi=ins,
        sasaran__tujuan__renstra__instansi=ins,
        **kw,
    )


@pytest.fixture
def unit(db):
    ins, sek, kel = unit_baru()
    for kode, su in (("7.01.01.2.02.0001", sek), ("7.01.03.2.02.0002", kel)):
        BarisAnggaranFactory(
            instansi=ins,
            tahun=2025,
            sub_kegiatan=SubKegiatanFactory(kode=kode),
            subunit=su,
            pagu=Decimal(10**9),
        )
    ikm = _indikator(ins, kode="IKU1", nama="Indeks Kepuasan Masyarakat")
    akip = _indikator(ins, kode="IKU2", nama="Nilai AKIP")
    return ins, ikm, akip


def test_links_are_set_in_one_save_and_unticking_removes_them(unit, masuk_sebagai):
    ins, ikm, akip = unit
    c = masuk_sebagai("op-mustikajaya")
    page = c.get(URL).content.decode()
    for kode in (
        "7.01.01",
        "7.01.01.2.02",
        "7.01.01.2.02.0001",
        "7.01.03",
        "7.01.03.2.02",
        "7.01.03.2.02.0002",
    ):
        assert f'value="{kode}|{ikm.id}"' in page
    assert "Indeks Kepuasan Masyarakat" in page
    r = c.post(URL, {"dukung": [f"7.01.03|{ikm.id}", f"7.01.01|{akip.id}", f"7.01.01.2.02.0001|{ikm.id}"]})
    assert r.status_code == 302
    assert set(Dukungan.objects.filter(instansi=ins, tahun=2025).values_list("kode", "indikator__kode")) == {
        ("7.01.03", "IKU1"),
        ("7.01.01", "IKU2"),
        ("7.01.01.2.02.0001", "IKU1"),
    }
    assert f'value="7.01.03|{ikm.id}" id="dukung-' in c.get(URL).content.decode()
    r = c.post(URL, {"dukung": [f"7.01.03|{ikm.id}"]})
    assert set(Dukungan.objects.filter(instansi=ins).values_list("kode", "indikator__kode")) == {
        ("7.01.03", "IKU1")
    }
    assert (
        Jejak.objects.filter(objek="anggaran.Dukungan", aksi="tambah").values("objek_id").distinct().count()
        == 3
    )
    assert (
        Jejak.objects.filter(objek="anggaran.Dukungan", aksi="hapus").values("objek_id").distinct().count()
        == 2
    )


def test_links_of_other_codes_and_units_are_refused_or_left_alone(unit, masuk_sebagai):
    ins, ikm, akip = unit
    Dukungan.objects.create(instansi=ins, tahun=2025, kode="7.01.05", indikator=ikm)  # no line this year
    other, _s, _k = unit_baru("rawalumbu")
    asing = _indikator(other, kode="IKU1", nama="IKM Rawalumbu")
    from django.contrib.auth import get_user_model

    op = get_user_model().objects.get(username="op-mustikajaya")
    with pytest.raises(Ditolak, match="bukan milik unit ini"):
        services.simpan_dukungan(
            user=op,
            instansi=ins,
            tahun=2025,
            kode_tampil={"7.01.01"},
            indikator_ids={asing.id},
            pilihan=set(),
        )
    c = masuk_sebagai("op-mustikajaya")
    c.post(URL, {"dukung": [f"7.01.01|{asing.id}", f"7.01.09|{ikm.id}"]})  # not on the page: ignored
    assert set(Dukungan.objects.filter(instansi=ins).values_list("kode", "indikator__kode")) == {
        ("7.01.05", "IKU1")
    }
    assert not Dukungan.objects.filter(indikator=asing).exists()
    assert masuk_sebagai("pim-mustikajaya").post(URL, {"dukung": [f"7.01.01|{ikm.id}"]}).status_code == 403
    assert masuk_sebagai("op-rawalumbu").get(URL).status_code == 404


def test_an_indicator_archived_in_the_year_is_not_offered(unit, masuk_sebagai):
    ins, ikm, akip = unit
    akip.sasaran.tahun_nonaktif = 2025
    akip.sasaran.save()
    c = masuk_sebagai("op-mustikajaya")
    page = c.get(URL).content.decode()
    assert f'value="7.01.01|{ikm.id}"' in page and f'|{akip.id}"' not in page
    # its link of the year is left alone by a save of the page
    Dukungan.objects.create(instansi=ins, tahun=2025, kode="7.01.01", indikator=akip)
    assert c.post(URL, {"dukung": [f"7.01.01|{ikm.id}"]}).status_code == 302
    assert set(Dukungan.objects.filter(instansi=ins).values_list("kode", "indikator__kode")) == {
        ("7.01.01", "IKU1"),
        ("7.01.01", "IKU2"),
    }
