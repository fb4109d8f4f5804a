"""The Renja (Rencana Kerja) of the demo: the indicators and targets of 2024 equal the Renstra's
Target rows, the pagu of every programme, kegiatan and sub-kegiatan equals the sum of its DPA
lines, read in a fixed number of queries; the page (app shell, Indonesian) and the document show
the same numbers; the document is listed with the unit's other documents."""

from collections import defaultdict
from decimal import Decimal

import pytest

from anggaran.models import BarisAnggaran
from laporan.dokumen import Tabel
from laporan.renja import bangun_renja, muat_renja, teks_target
from perencanaan.models import Indikator, Target
from rumus.format import format_rupiah

pytestmark = pytest.mark.django_db


def test_targets_and_pagu_equal_the_data(demo):
    d = muat_renja(demo, 2024)
    assert d.renstra is not None and d.renstra.tahun_awal == 2024
    target = {
        t.indikator.kode: t.nilai for t in Target.objects.filter(tahun=2024).select_related("indikator")
    }
    dicetak = {t.indikator.kode: t.target for s in d.sasaran for t in s.indikator}
    dicetak |= {t.indikator.kode: t.target for a in d.anggaran for t in a.indikator}
    assert set(dicetak) == set(Indikator.objects.filter(instansi=demo).values_list("kode", flat=True))
    assert dicetak == {k: target.get(k) for k in dicetak}
    assert dicetak["IKU1"] == Decimal(83) and dicetak["IP1"] == Decimal(100)
    assert [s.kode for s in d.sasaran] == ["T1", "S1.1", "S1.2", "T2", "S2.1"]

    per_kode: dict[str, Decimal] = defaultdict(Decimal)
    for b in BarisAnggaran.objects.filter(instansi=demo, tahun=2024).select_related(
        "sub_kegiatan__kegiatan__program"
    ):
        sk = b.sub_kegiatan
        for kode in (sk.kode, sk.kegiatan.kode, sk.kegiatan.program.kode):
            per_kode[kode] += b.pagu
    assert {a.kode: a.pagu for a in d.anggaran} == dict(per_kode)
    assert [a.level for a in d.anggaran].count("program") == 5
    assert d.pagu == Decimal("23459734760")
    # the programme indicators sit on their programme
    assert [t.indikator.kode for a in d.anggaran if a.kode == "7.01.04" for t in a.indikator] == ["IP2"]


def test_fixed_query_count(demo, django_assert_num_queries):
    with django_assert_num_queries(11):
        muat_renja(demo, 2024)


def test_the_document_prints_the_same_numbers(demo):
    dok = bangun_renja(demo, 2024)
    tabel = {t.judul: t for t in dok._semua(Tabel)}
    sasaran = tabel["Tujuan, Sasaran, Indikator dan Target Tahun 2024"]
    assert [
        "Sasaran S1.2",
        sasaran.baris[2][1],
        "Nilai AKIP Kecamatan Bantargebang",
        "Nilai",
        "74,15",
    ] in sasaran.baris
    program = tabel["Program, Kegiatan, Sub Kegiatan, Indikator, Target dan Pagu Tahun 2024"]
    assert program.baris[-1] == ["Jumlah", "", "", "", "", "23.459.734.760"]
    d = muat_renja(demo, 2024)
    baris_prog = {r[0]: r for r in program.baris if r[0]}
    for a in d.anggaran:
        assert baris_prog[a.kode][5] == f"{a.pagu:,.0f}".replace(",", ".")
        for t in a.indikator[:1]:
            assert baris_prog[a.kode][4] == teks_target(t)


def test_the_page_shows_the_plan_in_the_app_shell(
    masuk_sebagai, pengguna_demo, django_assert_max_num_queries
):
    c = masuk_sebagai("pembaca")
    r = c.get("/unit/bantargebang/renja/2024/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "Rencana Kerja (Renja)" in html and 'lang="id"' in html
    assert format_rupiah(Decimal("23459734760")) in html  # Rp 23.459.734.760
    assert "IKU3 Persentase Wilayah yang Tertib" in html and "74,15" in html
    assert 'href="/unit/bantargebang/renja/2024/"' in html  # the side navigation's link, highlighted page
    assert "/unit/bantargebang/dokumen/renja/2024/docx/minta/" in html
    lkip = c.get("/unit/bantargebang/lkip/2024/").content.decode()
    assert "/unit/bantargebang/dokumen/renja/2024/pdf/minta/" in lkip  # with the unit's other documents
    # the page reads a fixed number of queries (the app shell's own reads included)
    with django_assert_max_num_queries(40):
        c.get("/unit/bantargebang/renja/2024/")


def test_a_year_without_renstra_or_budget_says_so(masuk_sebagai, pengguna_demo):
    html = masuk_sebagai("operator").get("/unit/bantargebang/renja/2030/").content.decode()
    assert (
        "Belum ada Renstra yang berlaku pada tahun 2030" in html
        and "Anggaran (DPA) tahun 2030 belum diisi" in html
    )
