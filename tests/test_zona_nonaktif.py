"""A retired zone drops out of new assessments and of the percentage from its retirement year
only: the demo's 58,33 % for 2024 stays; it cannot be retired from a past year, nor from a year
it was assessed in, and a past retirement year is not changed."""

import datetime as dt

import pytest

from audit.models import Aksi, Jejak
from zona.models import PenilaianZona, Zona
from zona.selectors import persentase_tertib

pytestmark = pytest.mark.django_db
URL = "/unit/bantargebang/zona/atur/"
TAHUN_INI = dt.date.today().year


def kirim(zones, **lain):
    data = {}
    for z in zones:
        data |= {
            f"nama_{z.id}": z.nama,
            f"urutan_{z.id}": z.urutan,
            f"tahun_nonaktif_{z.id}": z.tahun_nonaktif or "",
        }
    return data | lain


def test_retired_zone_leaves_this_year_but_not_2024(pengguna_demo, masuk_sebagai, demo):
    op = masuk_sebagai("operator")
    zones = list(Zona.objects.filter(instansi=demo))
    z = Zona.objects.get(instansi=demo, kode="Z12")
    sebelum = persentase_tertib([demo.id], 2024)[demo.id]
    assert (sebelum.tertib, sebelum.jumlah) == (7, 12)
    assert op.post(URL, kirim(zones, **{f"tahun_nonaktif_{z.id}": str(TAHUN_INI)})).status_code == 302
    z.refresh_from_db()
    assert z.tahun_nonaktif == TAHUN_INI
    assert Jejak.objects.filter(
        objek="zona.Zona", objek_id=str(z.id), field="tahun_nonaktif", aksi=Aksi.UBAH
    ).exists()
    sesudah = persentase_tertib([demo.id], 2024)[demo.id]
    assert (sesudah.persentase, sesudah.jumlah) == (sebelum.persentase, 12)
    assert "58,33 %" in op.get("/unit/bantargebang/zona/?tahun=2024").content.decode()
    # this year: the zone is not offered nor assessed, and not counted
    html = op.get(f"/unit/bantargebang/zona/?tahun={TAHUN_INI}").content.decode()
    assert f'value="{z.kode}"' not in html
    r = op.post(
        "/unit/bantargebang/zona/nilai/",
        {"tahun": TAHUN_INI, "zona": z.kode, "bulan": 1, "kategori": "baik"},
        follow=True,
    )
    assert "tidak aktif lagi" in r.content.decode()
    assert not PenilaianZona.objects.filter(zona=z, tahun=TAHUN_INI).exists()
    op.post(
        "/unit/bantargebang/zona/nilai/", {"tahun": TAHUN_INI, "zona": "Z01", "bulan": 1, "kategori": "baik"}
    )
    assert persentase_tertib([demo.id], TAHUN_INI)[demo.id].jumlah == 11


def test_retirement_refused_for_a_past_year_or_an_assessed_year(pengguna_demo, masuk_sebagai, demo):
    op = masuk_sebagai("operator")
    zones = list(Zona.objects.filter(instansi=demo))
    z = Zona.objects.get(instansi=demo, kode="Z01")
    r = op.post(URL, kirim(zones, **{f"tahun_nonaktif_{z.id}": str(TAHUN_INI - 1)}))
    assert r.status_code == 200 and f"tahun nonaktif paling awal {TAHUN_INI}" in r.content.decode()
    PenilaianZona.objects.create(zona=z, tahun=TAHUN_INI, bulan=1, kategori="baik")
    r = op.post(URL, kirim(zones, **{f"tahun_nonaktif_{z.id}": str(TAHUN_INI)}))
    assert f"sudah dinilai pada tahun {TAHUN_INI}" in r.content.decode()
    z.refresh_from_db()
    assert z.tahun_nonaktif is None
    assert op.post(URL, kirim(zones, **{f"tahun_nonaktif_{z.id}": str(TAHUN_INI + 1)})).status_code == 302
    z.refresh_from_db()
    assert z.tahun_nonaktif == TAHUN_INI + 1


def test_a_retirement_year_already_past_is_not_changed(pengguna_demo, masuk_sebagai, demo):
    z = Zona.objects.get(instansi=demo, kode="Z05")
    Zona.objects.filter(pk=z.pk).update(tahun_nonaktif=TAHUN_INI - 1)
    zones = list(Zona.objects.filter(instansi=demo))
    r = masuk_sebagai("operator").post(URL, kirim(zones, **{f"tahun_nonaktif_{z.id}": ""}))
    assert r.status_code == 200 and "tidak dapat diubah lagi" in r.content.decode()
    z.refresh_from_db()
    assert z.tahun_nonaktif == TAHUN_INI - 1
