"""A pemda planning per month: the service saves twelve month targets, derives and stores the
quarter targets from them (``triwulan_dari_bulan``), refuses months that break the aggregation
(naming the indicator and the rule, nothing saved), and locks the months of a verified quarter."""

from decimal import Decimal

import pytest

from audit.models import Jejak
from dasar.galat import Ditolak
from pengukuran.models import PengajuanRealisasi
from perencanaan import selectors, services
from perencanaan.models import TargetTriwulan
from tests.renaksi_bantu import pengaduan

D = Decimal
BULAN_10 = [D(3), D(3), D(4), D(3), D(3), D(4), D(3), D(3), D(4), D(3), D(3), D(4)]  # sum 40


def _bulanan(ind):
    pemda = ind.instansi.pemda
    pemda.periode_rencana_aksi = "bulan"
    pemda.save()


def _simpan(op, ind, bulan):
    return services.simpan_rencana_aksi(
        user=op, instansi=ind.instansi, tahun=2025, target={}, langkah={}, target_bulan={ind.id: bulan}
    )


def _tersimpan(ind):
    return dict(TargetTriwulan.objects.filter(indikator=ind, tahun=2025).values_list("periode", "nilai"))


def test_months_saved_and_quarters_derived(pk_manual, pengguna_demo):
    ind, _row = pengaduan(pk_manual)
    _bulanan(ind)
    hasil = _simpan(pengguna_demo["operator"], ind, BULAN_10)
    assert (hasil.bulan, hasil.target) == (12, 4)
    t = _tersimpan(ind)
    assert [t[f"B{i:02d}"] for i in range(1, 13)] == BULAN_10
    assert [t[tw] for tw in ("TW1", "TW2", "TW3", "TW4")] == [D(10)] * 4
    # every reader of the quarters sees the derived quarters only
    assert selectors.target_triwulan([ind.id], 2025) == {ind.id: {f"TW{i}": D(10) for i in range(1, 5)}}
    _pk, baris = selectors.rencana_aksi(ind.instansi, 2025)
    b = next(x for x in baris if x.indikator.id == ind.id)
    assert b.bulan_daftar() == BULAN_10 and b.selisih is None
    assert Jejak.objects.filter(keterangan="B01").exists()


def test_terakhir_quarters_are_the_quarters_last_month(pk_manual, pengguna_demo):
    ind, row = pengaduan(pk_manual, target=D(90))
    ind.agregasi = "terakhir"
    ind.save()
    _bulanan(ind)
    bulan = [D(10 + 5 * i) for i in range(11)] + [D(90)]
    _simpan(pengguna_demo["operator"], ind, bulan)
    t = _tersimpan(ind)
    assert [t[tw] for tw in ("TW1", "TW2", "TW3", "TW4")] == [D(20), D(35), D(50), D(90)]


def test_months_breaking_the_rule_are_refused_without_half_save(pk_manual, pengguna_demo):
    ind, _row = pengaduan(pk_manual)
    _bulanan(ind)
    op = pengguna_demo["operator"]
    _simpan(op, ind, BULAN_10)
    sebelum = _tersimpan(ind)
    salah = list(BULAN_10)
    salah[0] = D(5)  # sum 42
    with pytest.raises(Ditolak) as exc:
        _simpan(op, ind, salah)
    pesan = exc.value.bidang[f"b-{ind.id}-B12"][0]
    assert "IKU9" in pesan and "'jumlah'" in pesan and "Januari–Desember" in pesan and "42" in pesan
    assert _tersimpan(ind) == sebelum
    kurang = list(BULAN_10)
    kurang[4] = None
    with pytest.raises(Ditolak) as exc:
        _simpan(op, ind, kurang)
    assert "Mei" in exc.value.bidang[f"b-{ind.id}-B05"][0]
    assert _tersimpan(ind) == sebelum


def test_quarter_targets_refused_for_a_monthly_pemda_and_months_for_a_quarterly(pk_manual, pengguna_demo):
    ind, _row = pengaduan(pk_manual)
    op = pengguna_demo["operator"]
    with pytest.raises(Ditolak, match="per triwulan"):
        _simpan(op, ind, BULAN_10)
    _bulanan(ind)
    with pytest.raises(Ditolak, match="per bulan"):
        services.simpan_rencana_aksi(
            user=op, instansi=ind.instansi, tahun=2025, target={ind.id: [D(10)] * 4}, langkah={}
        )
    assert _tersimpan(ind) == {}


def test_emptying_the_months_removes_the_plan(pk_manual, pengguna_demo):
    ind, _row = pengaduan(pk_manual)
    _bulanan(ind)
    op = pengguna_demo["operator"]
    _simpan(op, ind, BULAN_10)
    _simpan(op, ind, [None] * 12)
    assert _tersimpan(ind) == {}


def test_no_months_typed_keeps_a_plan_made_per_quarter(pk_manual, pengguna_demo):
    """After the pemda switches to months, a save with the months of an indicator left empty
    keeps the quarters it was planned with."""
    ind, _row = pengaduan(pk_manual)
    op = pengguna_demo["operator"]
    services.simpan_rencana_aksi(
        user=op, instansi=ind.instansi, tahun=2025, target={ind.id: [D(10)] * 4}, langkah={}
    )
    _bulanan(ind)
    hasil = _simpan(op, ind, [None] * 12)
    assert (hasil.bulan, hasil.target) == (0, 0)
    assert _tersimpan(ind) == {f"TW{i}": D(10) for i in range(1, 5)}


def test_months_of_a_verified_quarter_are_locked(pk_manual, pengguna_demo):
    ind, _row = pengaduan(pk_manual)
    _bulanan(ind)
    op = pengguna_demo["operator"]
    _simpan(op, ind, BULAN_10)
    PengajuanRealisasi.objects.create(
        instansi=ind.instansi, tahun=2025, periode="TW1", alur="kinerja", status="diverifikasi"
    )
    geser = list(BULAN_10)
    geser[0], geser[1] = D(2), D(4)  # TW1 still 10, but its months change
    with pytest.raises(Ditolak) as exc:
        _simpan(op, ind, geser)
    pesan = exc.value.bidang[f"b-{ind.id}-B01"][0]
    assert "Januari" in pesan and "TW1" in pesan and "sudah diverifikasi" in pesan and "3" in pesan
    assert f"b-{ind.id}-B04" not in exc.value.bidang
    assert _tersimpan(ind)["B01"] == D(3)
    # months of later quarters still change
    lanjut = list(BULAN_10)
    lanjut[3], lanjut[4] = D(4), D(2)
    assert _simpan(op, ind, lanjut).bulan == 2


def test_switching_from_quarters_keeps_a_verified_quarter(pk_manual, pengguna_demo):
    """A plan made per quarter, then the pemda switches to months: the months of a verified
    quarter must give its kept target."""
    ind, _row = pengaduan(pk_manual)
    op = pengguna_demo["operator"]
    services.simpan_rencana_aksi(
        user=op, instansi=ind.instansi, tahun=2025, target={ind.id: [D(10)] * 4}, langkah={}
    )
    PengajuanRealisasi.objects.create(
        instansi=ind.instansi, tahun=2025, periode="TW1", alur="kinerja", status="terkunci"
    )
    _bulanan(ind)
    lain = [D(4), D(4), D(4), D(2), D(3), D(3)] + BULAN_10[6:]  # TW1 12, TW2 8
    with pytest.raises(Ditolak) as exc:
        _simpan(op, ind, lain)
    assert "TW1" in exc.value.bidang[f"b-{ind.id}-B03"][0]
    hasil = _simpan(op, ind, BULAN_10)
    assert (hasil.bulan, hasil.target) == (12, 0)  # the months added, quarters unchanged


def test_rata_rata_quarter_that_cannot_be_stored_exactly_is_refused(pk_manual, pengguna_demo):
    ind, _row = pengaduan(pk_manual, target=D(10))
    ind.agregasi = "rata-rata"
    ind.save()
    _bulanan(ind)
    bulan = [D(10), D(10), D(11), D(9)] + [D(10)] * 8  # TW1 mean 31/3, TW2 29/3
    with pytest.raises(Ditolak) as exc:
        _simpan(pengguna_demo["operator"], ind, bulan)
    assert "TW1" in exc.value.bidang[f"b-{ind.id}-B03"][0]
    assert _tersimpan(ind) == {}
