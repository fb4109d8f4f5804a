"""Web forms read typed numbers by the field's kind (docs/rules.md §8): a budget amount "850,000"
is Rp 850.000, a realisasi "1,000" is refused with unambiguous suggestions (never read as 1),
a population "1,000" is 1000."""

from decimal import Decimal

import pytest

from anggaran.models import BarisAnggaran, RealisasiAnggaran
from pengukuran.models import Realisasi
from skm.models import PengaturanSKM
from skm.selectors import LABEL_BAKU, PERTANYAAN_BAKU
from tests.realisasi_bantu import isian

pytestmark = pytest.mark.django_db


def test_budget_realisasi_in_english_thousands_is_the_whole_amount(pengguna_demo, masuk_sebagai):
    b = BarisAnggaran.objects.get(sub_kegiatan__kode="7.01.01.2.01.0006")  # pagu 5.000.000
    url = "/unit/bantargebang/anggaran/2024/realisasi/TW1/simpan/"
    masuk_sebagai("operator").post(url, {f"baris-{b.id}": "850,000"})
    assert RealisasiAnggaran.objects.get(baris=b, periode="TW1").nilai == 850000


@pytest.mark.parametrize("teks", ["1,000", "1.000"])
def test_an_ambiguous_realisasi_is_refused_and_nothing_saved(pk_manual, masuk_sebagai, teks):
    r = masuk_sebagai("operator").post("/unit/bantargebang/realisasi/2025/TW4/", isian(nilai=teks))
    html = r.content.decode()
    assert "dapat dibaca 1000 atau 1,0: tulis 1000 (ribuan) atau 1,0 (desimal)" in html
    assert not Realisasi.objects.filter(indikator__kode="IKU9").exists()


def test_the_suggested_writing_is_saved(pk_manual, masuk_sebagai):
    masuk_sebagai("operator").post("/unit/bantargebang/realisasi/2025/TW4/", isian(nilai="1,0"))
    assert Realisasi.objects.get(indikator__kode="IKU9", periode="TW4").nilai == Decimal(1)


@pytest.mark.parametrize("teks", ["1,000", "1.000", "1000"])
def test_a_population_is_a_count(pengguna_demo, masuk_sebagai, teks):
    data = {"jenis_periode": "TW", "metode": "rata-periode", "populasi_per_periode": teks}
    for i in range(1, 10):
        data[f"u{i}_pertanyaan"] = PERTANYAAN_BAKU[i - 1]
        for k in range(1, 5):
            data[f"u{i}_label{k}"] = LABEL_BAKU[i - 1][k - 1]
    assert masuk_sebagai("operator").post("/unit/bantargebang/skm/pengaturan/", data).status_code == 302
    assert PengaturanSKM.objects.get().populasi_per_periode == 1000
