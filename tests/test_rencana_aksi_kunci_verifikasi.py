"""A quarter's Rencana Aksi target can no longer change once that quarter's performance realisasi
is verified (or locked): the save is refused naming the indicator, the quarter and the kept value,
nothing is saved; the other quarters and unchanged values still save."""

from decimal import Decimal

import pytest

from dasar.galat import Ditolak
from pengukuran.models import PengajuanRealisasi
from perencanaan import services
from perencanaan.models import TargetTriwulan
from tests.renaksi_bantu import pengaduan

D = Decimal


def _simpan(op, ind, tw):
    return services.simpan_rencana_aksi(
        user=op, instansi=ind.instansi, tahun=2025, target={ind.id: tw}, langkah={}
    )


@pytest.mark.parametrize("status", ["diverifikasi", "terkunci"])
def test_target_of_a_verified_quarter_is_refused(pk_manual, pengguna_demo, status):
    op = pengguna_demo["operator"]
    ind, _row = pengaduan(pk_manual)
    _simpan(op, ind, [D(10), D(10), D(10), D(10)])
    PengajuanRealisasi.objects.create(
        instansi=ind.instansi, tahun=2025, periode="TW1", alur="kinerja", status=status
    )
    with pytest.raises(Ditolak) as exc:
        _simpan(op, ind, [D(5), D(15), D(10), D(10)])
    pesan = exc.value.bidang[f"t-{ind.id}-TW1"][0]
    assert "IKU9" in pesan and "TW1" in pesan and "sudah diverifikasi" in pesan and "10" in pesan
    assert f"t-{ind.id}-TW2" not in exc.value.bidang
    assert dict(TargetTriwulan.objects.filter(indikator=ind).values_list("periode", "nilai")) == {
        "TW1": D(10),
        "TW2": D(10),
        "TW3": D(10),
        "TW4": D(10),
    }
    # the verified quarter kept, later quarters changed: saved
    assert _simpan(op, ind, [D(10), D(5), D(15), D(10)]).target == 2


def test_budget_workflow_and_submitted_quarters_do_not_lock(pk_manual, pengguna_demo):
    op = pengguna_demo["operator"]
    ind, _row = pengaduan(pk_manual)
    _simpan(op, ind, [D(10), D(10), D(10), D(10)])
    PengajuanRealisasi.objects.create(
        instansi=ind.instansi, tahun=2025, periode="TW1", alur="anggaran", status="diverifikasi"
    )
    PengajuanRealisasi.objects.create(
        instansi=ind.instansi, tahun=2025, periode="TW2", alur="kinerja", status="diajukan"
    )
    assert _simpan(op, ind, [D(5), D(15), D(10), D(10)]).target == 2


def test_the_page_shows_the_refusal_and_keeps_typed_values(pk_manual, pengguna_demo, client):
    op = pengguna_demo["operator"]
    ind, _row = pengaduan(pk_manual)
    _simpan(op, ind, [D(10), D(10), D(10), D(10)])
    PengajuanRealisasi.objects.create(
        instansi=ind.instansi, tahun=2025, periode="TW1", alur="kinerja", status="diverifikasi"
    )
    client.force_login(op)
    data = {f"t-{ind.id}-TW1": "5", f"t-{ind.id}-TW2": "15", f"t-{ind.id}-TW3": "10", f"t-{ind.id}-TW4": "10"}
    r = client.post("/unit/bantargebang/rencana-aksi/2025/", data)
    assert r.status_code == 400
    html = r.content.decode()
    assert "sudah diverifikasi" in html and 'value="15"' in html
    assert TargetTriwulan.objects.get(indikator=ind, periode="TW1").nilai == D(10)
