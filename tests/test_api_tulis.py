"""Writes through the API go through the web's services and workflow: the operator's token stores
the quarter's realisasi as a draft of the normal workflow, audited as the user; a token of another
unit, a viewer's or the pimpinan's is refused (403) and stores nothing; a closed entry window, a
submitted quarter (400) and a stale versi (409) are refused with an Indonesian message; the
budget realisasi the same way, all lines or none."""

import datetime as dt
import json
from decimal import Decimal

import pytest

from anggaran.models import BarisAnggaran, RealisasiAnggaran
from audit.models import Jejak
from pengukuran.models import PengajuanRealisasi, Realisasi, StatusPeriode
from tests.api_bantu import klien, operator_lain, token

pytestmark = pytest.mark.django_db
URL = "/api/v1/instansi/bantargebang/realisasi/2025/TW1"


def _put(c, url, body):
    return c.put(url, data=json.dumps(body), content_type="application/json")


def test_the_operators_token_stores_a_draft_in_the_normal_workflow_and_audits_it(pk_manual):
    r = _put(
        klien(token("operator")), URL, {"isian": [{"kode": "IKU9", "nilai": "85,5", "analisis_sebab": "x"}]}
    )
    assert r.status_code == 200, r.content
    assert r.json() == {"disimpan": ["IKU9"], "status_periode": "draft"}
    real = Realisasi.objects.get(indikator=pk_manual, tahun=2025, periode="TW1")
    assert (real.nilai, real.analisis_sebab, real.versi) == (Decimal("85.5"), "x", 1)
    p = PengajuanRealisasi.objects.get(instansi=pk_manual.instansi, tahun=2025, periode="TW1", alur="kinerja")
    assert p.status == StatusPeriode.DRAFT
    jejak = Jejak.objects.filter(objek="pengukuran.Realisasi", objek_id=str(real.pk))
    assert {(j.aksi, j.nama_pengguna) for j in jejak} == {("buat", "operator")}
    # the row read back with its versi, then updated with it (as the web's form does)
    lihat = klien(token("operator")).get("/api/v1/instansi/bantargebang/realisasi/2025?periode=TW1").json()
    assert lihat["hasil"] == [
        {"kode": "IKU9", "periode": "TW1", "nilai": 85.5, "status_periode": "draft", "versi": 1}
    ]
    r = _put(klien(token("operator")), URL, {"isian": [{"kode": "IKU9", "nilai": 90, "versi": 1}]})
    assert r.status_code == 200 and r.json()["disimpan"] == ["IKU9"]
    assert Jejak.objects.filter(objek="pengukuran.Realisasi", objek_id=str(real.pk), aksi="ubah").exists()


@pytest.mark.parametrize("siapa", ["other", "pembaca", "pimpinan", "adminpemda"])
def test_a_token_of_another_unit_or_of_a_reader_is_refused(pk_manual, siapa):
    if siapa == "other":
        operator_lain()
        siapa = "op-rawalumbu"
    r = _put(klien(token(siapa)), URL, {"isian": [{"kode": "IKU9", "nilai": 85}]})
    assert r.status_code == 403
    assert r.json()["pesan"] == "Anda tidak berwenang melakukan ini untuk unit tersebut."
    assert not Realisasi.objects.filter(indikator=pk_manual).exists()


def test_refusals_of_the_workflow_and_the_schedule(pk_manual):
    from jadwal.models import JendelaEntri

    c = klien(token("operator"))
    # a stale versi: 409, nothing overwritten
    assert _put(c, URL, {"isian": [{"kode": "IKU9", "nilai": 70}]}).status_code == 200
    r = _put(c, URL, {"isian": [{"kode": "IKU9", "nilai": 71, "versi": 7}]})
    assert r.status_code == 409
    assert r.json()["pesan"].startswith(
        "Realisasi TW1 2025 sudah diubah pengguna lain sejak dibaca (IKU9: versi sekarang 1)"
    )
    assert Realisasi.objects.get(indikator=pk_manual, periode="TW1").nilai == 70
    # the quarter submitted: 400, the message of the service
    PengajuanRealisasi.objects.filter(instansi=pk_manual.instansi, tahun=2025, periode="TW1").update(
        status=StatusPeriode.DIAJUKAN
    )
    r = _put(c, URL, {"isian": [{"kode": "IKU9", "nilai": 72, "versi": 1}]})
    assert r.status_code == 400 and "tidak dapat diubah" in r.json()["pesan"]
    # the entry window of TW2 closed: 400, naming the window
    hari = dt.date.today()
    JendelaEntri.objects.create(
        pemda=pk_manual.instansi.pemda,
        tahun=2025,
        alur="kinerja",
        periode="TW2",
        buka=hari - dt.timedelta(days=30),
        tutup=hari - dt.timedelta(days=1),
    )
    r = _put(c, URL.replace("TW1", "TW2"), {"isian": [{"kode": "IKU9", "nilai": 72}]})
    assert r.status_code == 400, r.content
    assert not Realisasi.objects.filter(indikator=pk_manual, periode="TW2").exists()
    # an indicator not entered by hand, or unknown: 400
    r = _put(c, URL, {"isian": [{"kode": "IKU1", "nilai": 80}]})
    assert r.status_code == 400 and "IKU1" in r.json()["pesan"]


def test_budget_realisasi_per_line_through_the_budget_service(pengguna_demo):
    url = "/api/v1/instansi/bantargebang/anggaran/2024/TW1"
    lines = list(BarisAnggaran.objects.filter(instansi__slug="bantargebang", tahun=2024).order_by("id")[:2])
    c = klien(token("operator"))
    r = _put(
        c,
        url,
        {"isian": [{"baris": lines[0].id, "nilai": "Rp 1.250.000"}, {"baris": lines[1].id, "nilai": 5}]},
    )
    assert r.status_code == 200, r.content
    assert r.json() == {"berubah": 2, "status_periode": "draft"}
    assert RealisasiAnggaran.objects.get(baris=lines[0], periode="TW1").nilai == 1250000
    assert Jejak.objects.filter(keterangan="realisasi anggaran", nama_pengguna="operator").count() == 2
    # above the pagu: the whole request refused, nothing changed
    r = _put(
        c,
        url,
        {
            "isian": [
                {"baris": lines[0].id, "nilai": 1},
                {"baris": lines[1].id, "nilai": float(lines[1].pagu) + 1},
            ]
        },
    )
    assert r.status_code == 400 and "melebihi pagu" in r.json()["pesan"]
    assert RealisasiAnggaran.objects.get(baris=lines[0], periode="TW1").nilai == 1250000
    # a viewer's token: 403
    assert (
        _put(klien(token("pembaca")), url, {"isian": [{"baris": lines[0].id, "nilai": 2}]}).status_code == 403
    )
