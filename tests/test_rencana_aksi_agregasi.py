"""The Rencana Aksi's quarter targets follow the indicator's aggregation of the PK's annual target:
the service saves them when they do and refuses (nothing saved, the rule and the numbers named,
the field marked) when they do not; the web form keeps every typed value."""

from decimal import Decimal

import pytest

from audit.models import Jejak
from dasar.galat import Ditolak
from perencanaan import services
from perencanaan.models import LangkahAksi, TargetTriwulan
from tests.renaksi_bantu import pengaduan

D = Decimal


def _op(pengguna_demo):
    return pengguna_demo["operator"]


def test_quarters_summing_to_the_annual_target_are_saved_and_audited(pk_manual, pengguna_demo):
    ind, _row = pengaduan(pk_manual)
    hasil = services.simpan_rencana_aksi(
        user=_op(pengguna_demo),
        instansi=ind.instansi,
        tahun=2025,
        target={ind.id: [D(10), D(10), D(10), D(10)]},
        langkah={ind.id: [services.IsianLangkah("TW1", "Buka kanal pengaduan daring", "Sekcam")]},
    )
    assert hasil.target == 4 and hasil.langkah == 1
    assert dict(TargetTriwulan.objects.filter(indikator=ind).values_list("periode", "nilai")) == {
        "TW1": D(10),
        "TW2": D(10),
        "TW3": D(10),
        "TW4": D(10),
    }
    assert LangkahAksi.objects.get(indikator=ind).penanggung_jawab == "Sekcam"
    assert Jejak.objects.filter(objek="perencanaan.TargetTriwulan", aksi="buat").count() == 4
    assert Jejak.objects.filter(objek="perencanaan.LangkahAksi", aksi="buat").exists()


@pytest.mark.parametrize(
    ("agregasi", "tw", "kata"),
    [
        ("jumlah", [D(10), D(10), D(10), D(12)], ["'jumlah'", "40 Pengaduan", "42 Pengaduan"]),
        (
            "terakhir",
            [D(10), D(20), D(30), D(39)],
            ["'terakhir'", "target TW4", "40 Pengaduan", "39 Pengaduan"],
        ),
        ("rata-rata", [D(40), D(40), D(40), D("40.5")], ["'rata-rata'", "40 Pengaduan", "40,125 Pengaduan"]),
    ],
)
def test_quarters_against_the_aggregation_are_refused_naming_rule_and_numbers(
    pk_manual, pengguna_demo, agregasi, tw, kata
):
    ind, _row = pengaduan(pk_manual)
    ind.agregasi = agregasi
    ind.save()
    with pytest.raises(Ditolak) as exc:
        services.simpan_rencana_aksi(
            user=_op(pengguna_demo), instansi=ind.instansi, tahun=2025, target={ind.id: tw}, langkah={}
        )
    pesan = exc.value.bidang[f"t-{ind.id}-TW4"][0]
    for k in kata:
        assert k in pesan, pesan
    assert not TargetTriwulan.objects.filter(tahun=2025).exists()


def test_an_empty_quarter_is_refused_and_a_reader_may_not_save(pk_manual, pengguna_demo):
    from django.core.exceptions import PermissionDenied

    ind, _row = pengaduan(pk_manual)
    with pytest.raises(Ditolak) as exc:
        services.simpan_rencana_aksi(
            user=_op(pengguna_demo),
            instansi=ind.instansi,
            tahun=2025,
            target={ind.id: [D(10), None, None, D(30)]},
            langkah={},
        )
    assert "TW2, TW3" in exc.value.bidang[f"t-{ind.id}-TW2"][0]
    with pytest.raises(PermissionDenied):
        services.simpan_rencana_aksi(
            user=pengguna_demo["pimpinan"],
            instansi=ind.instansi,
            tahun=2025,
            target={ind.id: [D(10)] * 4},
            langkah={},
        )
    assert not TargetTriwulan.objects.filter(tahun=2025).exists()


def test_web_form_refusal_keeps_every_typed_value(pk_manual, masuk_sebagai):
    ind, _row = pengaduan(pk_manual)
    c = masuk_sebagai("operator")
    url = "/unit/bantargebang/rencana-aksi/2025/"
    assert c.get(url).status_code == 200
    data = {
        f"t-{ind.id}-TW1": "10",
        f"t-{ind.id}-TW2": "10",
        f"t-{ind.id}-TW3": "10,5",
        f"t-{ind.id}-TW4": "12",
        f"l-{ind.id}-0-periode": "TW2",
        f"l-{ind.id}-0-uraian": "Sosialisasi kanal pengaduan di 4 kelurahan",
        f"l-{ind.id}-0-penanggung_jawab": "Kasi Pelayanan Umum",
        f"l-{ind.id}-0-sub_kegiatan": "",
    }
    r = c.post(url, data)
    assert r.status_code == 400
    html = r.content.decode()
    assert "Sosialisasi kanal pengaduan di 4 kelurahan" in html and 'value="10,5"' in html
    assert "42,5 Pengaduan" in html and "jumlah" in html
    assert (
        not TargetTriwulan.objects.filter(tahun=2025).exists()
        and not LangkahAksi.objects.filter(tahun=2025).exists()
    )
    data[f"t-{ind.id}-TW4"] = "9,5"
    r = c.post(url, data)
    assert r.status_code == 302
    assert TargetTriwulan.objects.get(indikator=ind, periode="TW3").nilai == D("10.5")
    assert LangkahAksi.objects.get(indikator=ind).periode == "TW2"
    # a reader sees the plan, without a form, and may not post
    p = masuk_sebagai("pimpinan")
    r = p.get(url)
    assert r.status_code == 200 and "Sosialisasi kanal pengaduan" in r.content.decode()
    assert "data-jaga-perubahan" not in r.content.decode()
    assert p.post(url, data).status_code == 403
