"""SKM survey setup per unit: question wording and labels as data, period type, population, audit."""

import datetime as dt

import pytest
from django.test import Client, override_settings

from audit.models import Jejak
from rumus.skm import periode_untuk
from skm.models import PengaturanSKM, PertanyaanSKM, Responden
from skm.selectors import LABEL_BAKU, PERTANYAAN_BAKU
from skm.services import token_formulir

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("menit_tetap")]  # the limit per minute
URL = "/unit/bantargebang/skm/pengaturan/"


def _form(jenis="TW", metode="rata-periode", populasi="", **ubah):
    data = {"jenis_periode": jenis, "metode": metode, "populasi_per_periode": populasi}
    for i in range(1, 10):
        data[f"u{i}_pertanyaan"] = PERTANYAAN_BAKU[i - 1]
        for k in range(1, 5):
            data[f"u{i}_label{k}"] = LABEL_BAKU[i - 1][k - 1]
    data.update(ubah)
    return data


def test_public_form_shows_regulation_wording_by_default(demo):
    html = Client().get("/s/bantargebang/").content.decode()
    for i in range(9):
        assert PERTANYAAN_BAKU[i] in html
    assert "Dikelola dengan baik" in html and "Sangat mahal" in html


def test_operator_rewords_a_question_and_the_form_shows_it(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    r = c.post(URL, _form(populasi="1.000", u3_pertanyaan="Seberapa cepat layanan kami?", u3_label4="Kilat"))
    assert r.status_code == 302
    p = PertanyaanSKM.objects.get()
    assert (p.unsur, p.pertanyaan, p.label) == (
        3,
        "Seberapa cepat layanan kami?",
        ["Tidak cepat", "Kurang cepat", "Cepat", "Kilat"],
    )
    assert PengaturanSKM.objects.get().populasi_per_periode == 1000
    html = Client().get("/s/bantargebang/").content.decode()
    assert "Seberapa cepat layanan kami?" in html and "Kilat" in html and PERTANYAAN_BAKU[2] not in html
    jejak = {(j.field, j.lama, j.baru) for j in Jejak.objects.filter(objek="skm.PertanyaanSKM")}
    assert ("u3.label4", "Sangat cepat", "Kilat") in jejak
    assert ("u3.pertanyaan", PERTANYAAN_BAKU[2], "Seberapa cepat layanan kami?") in jejak
    assert Jejak.objects.filter(
        objek="skm.PengaturanSKM", field="populasi_per_periode", baru="1000", user__username="operator"
    ).exists()
    # saving the regulation's wording again removes the unit's own wording
    assert c.post(URL, _form(populasi="1000")).status_code == 302
    assert not PertanyaanSKM.objects.exists()


def test_admin_pemda_may_edit_readers_may_not(pengguna_demo, masuk_sebagai):
    assert masuk_sebagai("adminpemda").post(URL, _form(jenis="S")).status_code == 302
    assert PengaturanSKM.objects.get().jenis_periode == "S"
    for name in ("pimpinan", "evaluator", "pembaca"):
        c = masuk_sebagai(name)
        assert c.get(URL).status_code == 200
        assert c.post(URL, _form(jenis="TAHUN")).status_code == 403
    assert PengaturanSKM.objects.get().jenis_periode == "S"


@pytest.mark.parametrize(
    "salah",
    [
        {"u5_label2": "  "},
        {"u1_pertanyaan": ""},
        {"jenis_periode": "BULAN"},
        {"populasi_per_periode": "banyak"},
        {"u9_label4": "x" * 81},
    ],
)
def test_bad_setup_saves_nothing(pengguna_demo, salah, masuk_sebagai):
    r = masuk_sebagai("operator").post(URL, _form(u2_pertanyaan="Diubah", **salah))
    assert r.status_code == 400 and 'role="alert"' in r.content.decode()
    assert not PertanyaanSKM.objects.exists() and not PengaturanSKM.objects.exists()
    assert not Jejak.objects.filter(objek__startswith="skm.").exists()


@pytest.mark.parametrize(
    ("jenis", "bulan", "periode"),
    [
        ("TW", 1, "TW1"),
        ("TW", 6, "TW2"),
        ("TW", 7, "TW3"),
        ("TW", 12, "TW4"),
        ("S", 1, "S1"),
        ("S", 6, "S1"),
        ("S", 7, "S2"),
        ("S", 12, "S2"),
        ("TAHUN", 3, "TAHUN"),
        ("TAHUN", 11, "TAHUN"),
    ],
)
def test_periode_untuk(jenis, bulan, periode):
    assert periode_untuk(dt.date(2025, bulan, 15), jenis) == periode


@pytest.mark.parametrize(("jenis", "periode"), [("S", "S"), ("TAHUN", "TAHUN")])
def test_response_period_follows_the_setting(pengguna_demo, jenis, periode, masuk_sebagai):
    from django.utils import timezone

    assert masuk_sebagai("operator").post(URL, _form(jenis=jenis)).status_code == 302
    Client().post("/s/bantargebang/", {"token": token_formulir(), **{f"u{i}": "3" for i in range(1, 10)}})
    expected = periode_untuk(timezone.localdate(), jenis)
    assert expected.startswith(periode) and Responden.objects.get().periode == expected


def _jawab(c, xff, n):
    return c.post(
        "/s/bantargebang/",
        {"token": token_formulir(), **{f"u{i}": str((n + i) % 4 + 1) for i in range(1, 10)}},
        HTTP_X_FORWARDED_FOR=xff,
    ).status_code


@override_settings(SKM_MAKS_PER_MENIT=2)
def test_forwarded_for_ignored_unless_behind_a_proxy(demo):
    c = Client()
    codes = [_jawab(c, f"10.9.0.{k}", k) for k in range(4)]
    assert codes == [302, 302, 429, 429]  # a forged header does not escape the limit


@override_settings(SKM_MAKS_PER_MENIT=2, PROXY_TEPERCAYA=1)
def test_forwarded_for_used_behind_a_proxy(demo):
    c = Client()
    codes = [_jawab(c, f"10.9.0.{k}", k) for k in range(4)]
    assert codes == [302] * 4 and Responden.objects.values("klien").distinct().count() == 4
