"""A full LKE filled in through the services yields the total expected from the template's weights;
a final LKE then feeds the akip command, the Nilai AKIP indicator and the pemda comparison."""

from decimal import Decimal as D

import pytest
from django.test import Client

from evaluasi import selectors, services
from evaluasi.models import Komponen, SubKomponen
from rumus.evaluasi import predikat_akip
from tests.evaluasi_bantu import evaluasi_final, jawaban_ke, kriteria

pytestmark = pytest.mark.django_db

# the LKE conversion as published (written out here, not imported from the code under test)
NILAI = {"Ya": D(1), "Tidak": D(0), "A": D(1), "B": D("0.75"), "C": D("0.5"), "D": D("0.25"), "E": D(0)}


def harapan(ev, geser):
    per_komponen, per_sub = {}, {}
    for i, c in enumerate(kriteria(ev)):
        j = jawaban_ke(c, i + geser)
        f = D(j) / c.nilai_maks if c.jenis_jawaban == "angka" else NILAI[j]
        per_sub[c.sub_id] = per_sub.get(c.sub_id, D(0)) + c.bobot * f
        per_komponen[c.sub.komponen.nama] = per_komponen.get(c.sub.komponen.nama, D(0)) + c.bobot * f
    return per_komponen, per_sub


def test_shipped_akip_template_weights():
    t = services.templat_untuk(type("I", (), {"pemda_id": None})(), "akip", 2024)
    assert selectors.cek_bobot(t) == []
    komps = list(Komponen.objects.filter(templat=t))
    assert [(k.nama, k.bobot) for k in komps] == [
        ("Perencanaan Kinerja", 30),
        ("Pengukuran Kinerja", 30),
        ("Pelaporan Kinerja", 15),
        ("Evaluasi Akuntabilitas Kinerja Internal", 25),
    ]
    for k in komps:
        subs = list(SubKomponen.objects.filter(komponen=k))
        assert [s.nama for s in subs] == ["Keberadaan", "Kualitas", "Pemanfaatan"]
        assert [s.bobot / k.bobot for s in subs] == [D("0.2"), D("0.3"), D("0.5")]


def test_full_lke_total_from_weights(pengguna_demo, demo):
    ev = evaluasi_final(pengguna_demo, demo, geser=1)
    per_komponen, per_sub = harapan(ev, 1)
    hasil = selectors.hitung_lke(ev)
    assert {b.komponen.nama: b.penetapan for b in hasil.komponen} == per_komponen
    assert {s.id: p for b in hasil.komponen for s, _u, p in b.sub} == per_sub
    assert hasil.total_penetapan == sum(per_komponen.values())
    usulan, _ = harapan(ev, 0)
    assert hasil.total_usulan == sum(usulan.values())
    assert hasil.total_penetapan != hasil.total_usulan  # the evaluator's scores are kept apart


def test_final_lke_feeds_command_indicator_and_comparison(pengguna_demo, demo, run_json):
    before = run_json("akip", "--instansi", "bantargebang", "--tahun", "2024")
    assert before["source"] == "imported"
    ev = evaluasi_final(pengguna_demo, demo, geser=0)
    total = selectors.hitung_lke(ev).total_penetapan
    out = run_json("akip", "--instansi", "bantargebang", "--tahun", "2024")
    assert out["source"] == "lke"
    assert out["total"] == float(total.quantize(D("0.01")))
    assert out["predikat"] == predikat_akip(total)[0]
    assert [c["bobot"] for c in out["components"]] == [30, 30, 15, 25]
    capaian = {r["kode"]: r for r in run_json("capaian", "--instansi", "bantargebang", "--tahun", "2024")}
    assert capaian["IKU2"]["realisasi"] == out["total"] and capaian["IKU2"]["sumber_realisasi"] == "akip"

    c = Client()
    c.force_login(pengguna_demo["evaluator"])
    page = c.get("/pemda/kota-bekasi/evaluasi/2024/").content.decode()
    assert f"/unit/bantargebang/evaluasi/{ev.pk}/" in page  # the final LKE is the source shown
    rows = {r["instansi"].slug: r for r in selectors.perbandingan([demo], 2024)}
    assert rows["bantargebang"]["kini"].nilai == total and rows["bantargebang"]["lalu"] is None
    dash = c.get("/pemda/kota-bekasi/?tahun=2024").content.decode()
    assert f"{total.quantize(D('0.01'))}".replace(".", ",") in dash  # dashboard uses total_evaluasi too


def test_draft_lke_does_not_replace_imported(pengguna_demo, demo, run_json):
    ev = services.buat_evaluasi(user=pengguna_demo["operator"], instansi=demo, tahun=2024, jenis="akip")
    services.simpan_usulan(user=pengguna_demo["operator"], ev=ev, kriteria=kriteria(ev)[0], usulan="Ya")
    assert run_json("akip", "--instansi", "bantargebang", "--tahun", "2024")["source"] == "imported"
    assert selectors.total_evaluasi([demo.id], 2024, "akip") == {demo.id: D("74.78")}
