"""The portal publishes an AKIP result only when it is final: an LKE evaluation still being scored
is not shown; once finalised it is, with the score and predikat of the ``akip`` command."""

import pytest
from django.test import Client

from evaluasi import services
from tests.evaluasi_bantu import jawaban_ke, kriteria

pytestmark = pytest.mark.django_db

DATA = "/publik/kota-bekasi/bantargebang/data.json?tahun=2024"


def _akip(c):
    return {r["tahun"]: r for r in c.get(DATA).json()["akip"]}


def test_only_a_final_evaluation_is_published(pengguna_demo, demo, run_json):
    op, evl = pengguna_demo["operator"], pengguna_demo["evaluator"]
    c = Client()
    assert set(_akip(c)) == {2024}  # the demo's imported LHE of 2024 (final by nature)
    ev = services.buat_evaluasi(user=op, instansi=demo, tahun=2023, jenis="akip")
    for i, k in enumerate(kriteria(ev)):
        services.simpan_usulan(user=op, ev=ev, kriteria=k, usulan=jawaban_ke(k, i), catatan="catatan")
    services.ubah_status(user=op, ev=ev, aksi="ajukan")
    services.ubah_status(user=evl, ev=ev, aksi="mulai")
    for i, k in enumerate(kriteria(ev)):
        services.simpan_penetapan(user=evl, ev=ev, kriteria=k, penetapan=jawaban_ke(k, i + 1), komentar="-")
    assert set(_akip(c)) == {2024}  # scored, not final: not public
    html = c.get("/publik/kota-bekasi/bantargebang/?tahun=2024").content.decode()
    assert html.count("BB (Sangat Baik)") == 1
    services.simpan_lhe(user=evl, ev=ev, kekuatan="Renstra tersedia", kelemahan="Analisis belum mendalam")
    services.ubah_status(user=evl, ev=ev, aksi="finalkan", konfirmasi=True)
    akip = _akip(c)
    perintah = run_json("akip", "--instansi", "bantargebang", "--tahun", "2023")
    assert set(akip) == {2023, 2024} and akip[2023]["sumber"] == "lke" == perintah["source"]
    assert (akip[2023]["nilai"], akip[2023]["predikat"]) == (perintah["total"], perintah["predikat"])
