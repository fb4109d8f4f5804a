"""A cascade node with more than one indicator, all on its one edit page (issue #16 item 2:
"each with indicators and targets"): the node's further indicators are rows of their own under
it, an empty "Tambah indikator" row adds one, a changed target is saved with the rest in the one
Simpan, deleting one asks for a confirmation and is refused while the indicator is used, and a
refused save keeps everything typed and writes nothing."""

from decimal import Decimal

import pytest

from audit.models import Jejak
from pengukuran.models import Realisasi
from perencanaan.models import Indikator, Jenjang, Sasaran, Target
from tests.jenjang_bantu import isian_awal, url_jenjang

pytestmark = pytest.mark.django_db


def _tambah_ip2(c, url, sp):
    data = isian_awal(c, url)
    data.update(
        {
            f"j{sp.id}ibaru-ind_kode": "IP1.9",
            f"j{sp.id}ibaru-ind_nama": "Persentase aduan yang ditindaklanjuti",
            f"j{sp.id}ibaru-ind_satuan": "%",
            f"j{sp.id}ibaru-t_2024": "90",
            f"j{sp.id}ibaru-t_2025": "92,5",
        }
    )
    r = c.post(url, data)
    assert r.status_code == 302, r.context["galat"] if r.context else r
    return Indikator.objects.get(kode="IP1.9")


@pytest.fixture
def ip19(pengguna_demo, masuk_sebagai):
    """The operator's client, the S1.1 cascade page, SP1.1 and its added second indicator IP1.9."""
    c = masuk_sebagai("operator")
    sp = Jenjang.objects.get(kode="SP1.1")
    url = url_jenjang(Sasaran.objects.get(kode="S1.1"))
    return c, url, sp, _tambah_ip2(c, url, sp)


def test_tambah_indikator_kedua_dengan_target(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    s = Sasaran.objects.get(kode="S1.1")
    sp = Jenjang.objects.get(kode="SP1.1")
    url = url_jenjang(s)
    html = c.get(url).content.decode()
    assert "Tambah indikator" in html and f'name="j{sp.id}ibaru-ind_kode"' in html
    ind = _tambah_ip2(c, url, sp)
    assert (ind.jenjang, ind.level, ind.program, ind.instansi) == (sp, "program", sp.program, sp.instansi)
    assert {t.tahun: t.nilai for t in Target.objects.filter(indikator=ind)} == {
        2024: Decimal("90"),
        2025: Decimal("92.5"),
    }
    assert list(sp.indikator.order_by("urutan", "kode").values_list("kode", flat=True)) == ["IP1", "IP1.9"]
    assert Jejak.objects.filter(objek="perencanaan.Indikator", objek_id=str(ind.id), aksi="buat").exists()
    # the page shows it as a row of its own, with its targets, and a new empty row under it
    r = c.get(url)
    sub = [g for f in r.context["form"].baris for g in f.indikator_lain]
    assert [g.prefix for g in sub if g.indikator] == [f"j{sp.id}i{ind.id}"]
    assert f"j{sp.id}ibaru" in [g.prefix for g in sub]
    html = r.content.decode()
    assert 'value="92,50"' in html and "Indikator IP1.9" in html
    # and the read-only cascade lists both indicators of the node
    html = c.get("/unit/bantargebang/jenjang/2024/").content.decode()
    assert "IP1.9" in html and "Persentase aduan yang ditindaklanjuti" in html


def test_ubah_target_indikator_kedua(ip19):
    c, url, sp, ind = ip19
    data = isian_awal(c, url)
    data[f"j{sp.id}i{ind.id}-t_2024"] = "95"
    data[f"j{sp.id}i{ind.id}-ind_nama"] = "Persentase aduan masyarakat yang ditindaklanjuti"
    r = c.post(url, data)
    assert r.status_code == 302, r.context["galat"]
    ind.refresh_from_db()
    assert ind.nama == "Persentase aduan masyarakat yang ditindaklanjuti"
    assert Target.objects.get(indikator=ind, tahun=2024).nilai == Decimal("95")
    assert Jejak.objects.filter(objek="perencanaan.Target", aksi="ubah").exists()


def test_hapus_indikator_kedua_dengan_konfirmasi(ip19):
    c, url, sp, ind = ip19
    data = isian_awal(c, url)
    data[f"j{sp.id}i{ind.id}-hapus"] = "on"
    r = c.post(url, data)
    assert r.status_code == 200
    html = r.content.decode()
    assert (
        "Konfirmasi hapus" in html
        and "Indikator IP1.9 (Persentase aduan yang ditindaklanjuti) dengan 2 target" in html
    )
    assert Indikator.objects.filter(pk=ind.pk).exists()
    r = c.post(url, {**data, "konfirmasi": "1"})
    assert r.status_code == 302, r.context["galat"]
    assert not Indikator.objects.filter(pk=ind.pk).exists()
    assert not Target.objects.filter(indikator_id=ind.pk).exists()
    assert Indikator.objects.filter(kode="IP1", jenjang=sp).exists()  # the first one stays
    assert Jejak.objects.filter(objek="perencanaan.Indikator", objek_id=str(ind.pk), aksi="hapus").exists()


def test_hapus_indikator_yang_dipakai_ditolak(ip19):
    c, url, sp, ind = ip19
    Realisasi.objects.create(indikator=ind, tahun=2024, periode="TW1", nilai=Decimal(80))
    data = isian_awal(c, url)
    data[f"j{sp.id}i{ind.id}-hapus"] = "on"
    data[f"j{sp.id}-uraian"] = "Uraian yang diketik bersama"
    r = c.post(url, {**data, "konfirmasi": "1"})
    assert r.status_code == 400
    html = r.content.decode()
    assert "indikator IP1.9 sudah dipakai" in html and "Uraian yang diketik bersama" in html
    assert Indikator.objects.filter(pk=ind.pk).exists()
    assert Jenjang.objects.get(pk=sp.pk).uraian != "Uraian yang diketik bersama"  # nothing written


def test_kode_ganda_ditolak_di_bidangnya(pengguna_demo, masuk_sebagai):
    """A second indicator with a code the unit already uses: refused at its own field, the rest of
    the save (a changed uraian) not written, everything typed shown again."""
    c = masuk_sebagai("operator")
    s, sp = Sasaran.objects.get(kode="S1.1"), Jenjang.objects.get(kode="SP1.1")
    url = url_jenjang(s)
    data = isian_awal(c, url)
    data.update(
        {
            f"j{sp.id}-uraian": "Uraian yang diketik bersama",
            f"j{sp.id}ibaru-ind_kode": "IP1",
            f"j{sp.id}ibaru-ind_nama": "Indikator dengan kode yang sudah ada",
            f"j{sp.id}ibaru-ind_satuan": "%",
        }
    )
    r = c.post(url, data)
    assert r.status_code == 400
    form = r.context["form"]
    baru = next(g for f in form.baris for g in f.indikator_lain if g.prefix == f"j{sp.id}ibaru")
    assert baru.errors["ind_kode"] == ["Kode IP1 sudah dipakai indikator lain di unit ini."]
    html = r.content.decode()
    assert "Indikator dengan kode yang sudah ada" in html and "Uraian yang diketik bersama" in html
    assert Indikator.objects.filter(kode="IP1").count() == 1
    assert Jenjang.objects.get(pk=sp.pk).uraian != "Uraian yang diketik bersama"


def test_indikator_tersimpan_yang_dikosongkan_ditolak(pengguna_demo, masuk_sebagai):
    """Emptying a stored further indicator's fields is not a deletion: it asks for them."""
    c = masuk_sebagai("operator")
    s, sp = Sasaran.objects.get(kode="S1.1"), Jenjang.objects.get(kode="SP1.1")
    url = url_jenjang(s)
    ind = _tambah_ip2(c, url, sp)
    data = isian_awal(c, url)
    for f in ("ind_kode", "ind_nama", "ind_satuan"):
        data[f"j{sp.id}i{ind.id}-{f}"] = ""
    r = c.post(url, data)
    assert r.status_code == 400
    assert "Wajib diisi bila indikator diisi." in r.content.decode()
    assert Indikator.objects.get(pk=ind.pk).kode == "IP1.9"


def test_target_saja_di_baris_tambah_tidak_hilang(ip19):
    """A target typed alone in the "Tambah indikator" row is not dropped as an empty row: the
    indicator's fields are asked for and the target stays in the field."""
    c, url, sp, _ind = ip19
    data = isian_awal(c, url)
    data[f"j{sp.id}ibaru-t_2024"] = "75"
    r = c.post(url, data)
    assert r.status_code == 400
    baru = next(g for f in r.context["form"].baris for g in f.indikator_lain if g.prefix == f"j{sp.id}ibaru")
    assert set(baru.errors) == {"ind_kode", "ind_nama", "ind_satuan"}
    assert 'value="75"' in r.content.decode()
