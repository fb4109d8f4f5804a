"""The cascade page of a sasaran: the operator adds a node with its indicator and targets in one
save; a refused save keeps everything typed and saves nothing; deleting a node asks for a
confirmation with a summary first; readers see the cascade but may not edit it."""

import pytest

from perencanaan.models import Indikator, Jenjang, Sasaran, Target
from tests.jenjang_bantu import isian_awal, url_jenjang

pytestmark = pytest.mark.django_db


def test_operator_adds_a_node_with_indicator_and_targets(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    s = Sasaran.objects.get(kode="S1.2")
    url = url_jenjang(s)
    data = isian_awal(c, url)
    data.update(
        {
            "b1-level": "program",
            "b1-induk": "s",
            "b1-kode": "SP1.2",
            "b1-uraian": "Meningkatnya kualitas perencanaan dan pelaporan kinerja",
            "b1-pemilik": str(Jenjang.objects.get(kode="SP1.1").pemilik_id),
            "b1-anggaran": "7.01.01",
            "b1-ind_kode": "IP3",
            "b1-ind_nama": "Persentase dokumen perencanaan dan pelaporan yang tepat waktu",
            "b1-ind_satuan": "%",
            "b1-t_2024": "97,5",
            "b1-t_2025": "100",
        }
    )
    r = c.post(url, data)
    assert r.status_code == 302, r.context["galat"] if r.context else r
    node = Jenjang.objects.get(kode="SP1.2")
    assert (node.sasaran, node.level, node.program.kode, node.pemilik.kode) == (
        s,
        "program",
        "7.01.01",
        "sekcam",
    )
    ind = Indikator.objects.get(kode="IP3")
    assert (ind.jenjang, ind.level, ind.program.kode) == (node, "program", "7.01.01")
    assert {t.tahun: str(t.nilai.normalize()) for t in Target.objects.filter(indikator=ind)} == {
        2024: "97.5",
        2025: "1E+2",
    }
    from audit.models import Jejak

    assert Jejak.objects.filter(objek="perencanaan.Jenjang", objek_id=str(node.id), aksi="buat").exists()


def test_refused_save_keeps_everything_typed(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    s = Sasaran.objects.get(kode="S1.1")
    url = url_jenjang(s)
    data = isian_awal(c, url)
    sp = Jenjang.objects.get(kode="SP1.1")
    data[f"j{sp.id}-uraian"] = "Uraian baru yang diketik"
    # a sasaran kegiatan on a kegiatan of another programme (the unit holds a line under it)
    data.update(
        {
            "b1-level": "kegiatan",
            "b1-induk": f"j{sp.id}",
            "b1-kode": "SK1.1.9",
            "b1-uraian": "Kegiatan salah program",
            "b1-anggaran": "7.01.04.2.01",
        }
    )
    r = c.post(url, data)
    assert r.status_code == 400
    html = r.content.decode()
    assert "bukan bagian dari 7.01.02" in html
    assert "Uraian baru yang diketik" in html and "Kegiatan salah program" in html
    assert Jenjang.objects.get(kode="SP1.1").uraian != "Uraian baru yang diketik"
    assert not Jenjang.objects.filter(kode="SK1.1.9").exists()


def test_delete_asks_for_confirmation_with_summary(pengguna_demo, masuk_sebagai):
    from perencanaan.models import RencanaHasilKerja

    RencanaHasilKerja.objects.all().delete()  # the demo's RHK support IO1.1.1.1
    c = masuk_sebagai("operator")
    s = Sasaran.objects.get(kode="S1.1")
    url = url_jenjang(s)
    data = isian_awal(c, url)
    sk = Jenjang.objects.get(kode="SK1.1.1")
    data[f"j{sk.id}-hapus"] = "on"
    r = c.post(url, data)
    assert r.status_code == 200
    html = r.content.decode()
    assert "Konfirmasi hapus" in html and "SK1.1.1: 2 jenjang" in html and "IK1.1.1" in html
    assert Jenjang.objects.filter(kode="SK1.1.1").exists()
    r = c.post(url, {**data, "konfirmasi": "1"})
    assert r.status_code == 302, r.context["galat"]
    assert not Jenjang.objects.filter(kode__in=["SK1.1.1", "OS1.1.1.1"]).exists()
    assert not Indikator.objects.filter(kode__in=["IK1.1.1", "IO1.1.1.1"]).exists()


def test_delete_of_a_used_node_refused(pengguna_demo, masuk_sebagai):
    """SP1.1's indicator IP1 has a realisasi: deleting it is refused at its row."""
    c = masuk_sebagai("operator")
    s = Sasaran.objects.get(kode="S1.1")
    url = url_jenjang(s)
    data = isian_awal(c, url)
    sp = Jenjang.objects.get(kode="SP1.1")
    data[f"j{sp.id}-hapus"] = "on"
    r = c.post(url, {**data, "konfirmasi": "1"})
    assert r.status_code == 400, r.context["galat"]
    assert "indikator IO1.1.1.1, IP1 sudah dipakai" in r.content.decode()
    assert Jenjang.objects.filter(kode__in=["SP1.1", "SK1.1.1", "OS1.1.1.1"]).count() == 3


def test_readers_see_the_cascade_but_cannot_edit(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pimpinan")
    r = c.get("/unit/bantargebang/jenjang/2024/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "SP1.1" in html and "Sekretaris Kecamatan Bantargebang" in html and "Ubah jenjang" not in html
    assert c.get(url_jenjang(Sasaran.objects.get(kode="S1.1"))).status_code == 403
