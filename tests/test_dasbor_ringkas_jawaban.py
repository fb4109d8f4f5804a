"""The pemda dashboard's stored unit rows under a stream of public survey answers: an answer drops
only the unit's "i" token, so its row's IKM is computed again from the running sums while its
capaian, budget and AKIP (stored under the "k" token) are not — unless the unit has an indicator
whose realisasi is the survey's IKM, whose capaian then follows the answers. Every figure stays
what an uncached ``ringkasan_pemda`` gives."""

import pytest

from dasbor import selectors
from organisasi.models import Instansi
from pengukuran.selectors import Pengukuran
from skm.models import Responden
from tembolok.models import Token
from tests.factories import InstansiFactory

pytestmark = pytest.mark.django_db
TAHUN = 2024
ASLI = selectors.ringkasan_pemda


@pytest.fixture
def units(demo):
    lain = InstansiFactory(pemda=demo.pemda, nama="Kelurahan Lain", slug="lain")
    Responden.objects.create(instansi=lain, tahun=TAHUN, periode="TW1", **{f"u{i}": 3 for i in range(1, 10)})
    return list(Instansi.objects.filter(pk__in=[demo.pk, lain.pk]).order_by("pk"))


@pytest.fixture
def dihitung(monkeypatch):
    """The unit ids each ``ringkasan_pemda`` call of the stored rows computed."""
    ids = []

    def catat(instansi_list, tahun, peng=None):
        ids.append(sorted(i.pk for i in instansi_list))
        return ASLI(instansi_list, tahun, peng)

    monkeypatch.setattr(selectors, "ringkasan_pemda", catat)
    return ids


def _segar(units):
    ids = [u.pk for u in units]
    return ASLI(units, TAHUN, Pengukuran(ids, [TAHUN]))  # nothing stored, everything read


def _jawab(unit, nilai: int):
    Responden.objects.create(
        instansi=unit, tahun=TAHUN, periode="TW4", **{f"u{i}": nilai for i in range(1, 10)}
    )


def test_an_answer_recomputes_only_the_ikm_of_a_unit_without_survey_indicators(units, dihitung):
    demo, lain = units
    assert selectors.ringkasan_tersimpan(units, TAHUN) == _segar(units)
    dihitung.clear()
    sebelum = {r.instansi.pk: r for r in selectors.ringkasan_tersimpan(units, TAHUN)}
    assert dihitung == []  # all stored

    _jawab(lain, 1)
    assert not Token.objects.filter(jenis="i", objek=lain.pk).exists()
    assert Token.objects.filter(jenis="k", objek=lain.pk).exists()  # the answer kept it

    sesudah = selectors.ringkasan_tersimpan(units, TAHUN)
    assert dihitung == []  # no capaian, budget or AKIP computed again: the IKM from the sums only
    assert sesudah == _segar(units)
    baru = {r.instansi.pk: r for r in sesudah}
    assert baru[lain.pk].ikm < sebelum[lain.pk].ikm and baru[demo.pk] == sebelum[demo.pk]


def test_a_unit_whose_indicator_is_the_survey_follows_the_answers_in_its_capaian(units, dihitung):
    demo, lain = units
    assert demo.indikator.filter(sumber_realisasi="skm").exists()  # IKU1: the IKM
    sebelum = {r.instansi.pk: r for r in selectors.ringkasan_tersimpan(units, TAHUN)}
    dihitung.clear()

    for _ in range(30):
        _jawab(demo, 1)
    sesudah = selectors.ringkasan_tersimpan(units, TAHUN)
    assert dihitung == [[demo.pk]]  # its capaian again, not the other unit's
    assert sesudah == _segar(units)
    baru = {r.instansi.pk: r for r in sesudah}
    assert baru[demo.pk].ikm != sebelum[demo.pk].ikm
    assert baru[demo.pk].rata_capaian != sebelum[demo.pk].rata_capaian
    assert baru[lain.pk] == sebelum[lain.pk]


def test_any_other_change_drops_both_tokens(units, dihitung):
    demo, lain = units
    selectors.ringkasan_tersimpan(units, TAHUN)
    lain.nama = "Kelurahan Lain Sekali"
    lain.save()  # a unit is shared data: every token goes
    ind = demo.indikator.filter(sumber_realisasi="manual").first()
    ind.nama += " (diubah)"
    ind.save()
    assert not Token.objects.filter(jenis__in=["i", "k"], objek=demo.pk).exists()
    dihitung.clear()
    assert selectors.ringkasan_tersimpan(units, TAHUN) == _segar(units)
    assert dihitung == [sorted([demo.pk, lain.pk])]  # once: the "i" parts reuse the rows


def test_an_answer_while_a_row_is_computed_is_not_lost(units, monkeypatch):
    """The "i" part reuses a row computed for the "k" part only while the unit's "i" token is the
    one read before that row: an answer arriving meanwhile has its IKM computed again."""
    demo, lain = units
    jawab = iter([lain])

    def dengan_jawaban(instansi_list, tahun, peng=None):
        rows = ASLI(instansi_list, tahun, peng)
        for unit in jawab:  # the first computation only: read, then an answer comes in
            _jawab(unit, 1)
        return rows

    monkeypatch.setattr(selectors, "ringkasan_pemda", dengan_jawaban)
    assert selectors.ringkasan_tersimpan(units, TAHUN) == _segar(units)
    assert selectors.ringkasan_tersimpan(units, TAHUN) == _segar(units)  # and as stored
