"""SKM staff page: 95 % confidence interval, sample size reached per period, unsur and trend charts."""

from decimal import Decimal

import pytest

from rumus.format import format_angka
from rumus.skm import interval_kepercayaan, sampel_krejcie_morgan
from skm.models import PengaturanSKM, Responden

pytestmark = [pytest.mark.django_db]


def test_ci_sample_and_charts(pengguna_demo, masuk_sebagai):
    ins = pengguna_demo["operator"].peran.first().instansi
    PengaturanSKM.objects.create(instansi=ins, populasi_per_periode=10)  # Krejcie & Morgan: 10 → 10
    sampel = sampel_krejcie_morgan(10)
    jawaban = {"TW1": [[4] * 9, [3] * 9, [2, 3, 4, 3, 2, 3, 4, 3, 2]] * 4, "TW2": [[3] * 9, [4] * 9]}
    for periode, daftar in jawaban.items():
        for j in daftar:
            Responden.objects.create(
                instansi=ins, tahun=2025, periode=periode, **{f"u{i}": v for i, v in enumerate(j, 1)}
            )
    c = masuk_sebagai("operator")
    html = c.get("/unit/bantargebang/skm/2025/").content.decode()
    tw1 = [Decimal(sum(j)) * 25 / 9 for j in jawaban["TW1"]]
    lo, hi = interval_kepercayaan(tw1)
    assert f"{format_angka(lo, 2)} – {format_angka(hi, 2)}" in html
    semua = tw1 + [Decimal(sum(j)) * 25 / 9 for j in jawaban["TW2"]]
    lo, hi = interval_kepercayaan(semua)
    assert f"{format_angka(lo, 2)} – {format_angka(hi, 2)}" in html
    assert len(jawaban["TW1"]) >= sampel > len(jawaban["TW2"])
    assert html.count("tercapai") == 2 and html.count("belum tercapai") == 1
    assert html.count("<svg") == 3  # one unsur chart per period and the trend
    # the Laporan SKM is requested from the task queue
    assert (
        "/unit/bantargebang/dokumen/skm/2025/docx/minta/" in html
        and "/unit/bantargebang/skm/pengaturan/" in html
    )


def test_demo_summaries_page_has_trend_without_ci(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pembaca")
    html = c.get("/unit/bantargebang/skm/2024/").content.decode()
    assert "Tren IKM per periode" in html and "Interval kepercayaan" not in html  # no raw responses in 2024
