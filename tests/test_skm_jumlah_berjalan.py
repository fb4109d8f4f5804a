"""The running sums of the survey (skm.JumlahJawaban per layanan, JumlahJawabanUnit per unit and
JumlahTahunUnit per unit and year, kept by database triggers) always equal a full
recomputation over the answers: after random inserts (one by one and in bulk, as imports do),
deletes (single, bulk, a replaced batch, a deleted unit), moves (period, layanan set to NULL when a
layanan is deleted) and updates of answers; and the IKM read from them is the one of the answers.
"""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organisasi.models import Layanan
from skm.models import ImporResponden, JumlahJawaban, JumlahJawabanUnit, JumlahTahunUnit, Responden
from skm.selectors import ikm_tahun, nrr_responden, nrr_responden_dari_jawaban
from tests.factories import InstansiFactory

PERIODE = ["TW1", "TW2", "TW3", "TW4"]

jawaban = st.fixed_dictionaries(
    {
        "unit": st.integers(0, 1),
        "layanan": st.integers(0, 2),  # 0: none
        "periode": st.sampled_from(PERIODE),
        "u": st.lists(st.integers(1, 4), min_size=9, max_size=9),
        "lama": st.one_of(st.none(), st.lists(st.integers(1, 4), min_size=5, max_size=5)),
    }
)
langkah = st.one_of(
    st.tuples(st.just("tambah"), jawaban),
    st.tuples(st.just("impor"), st.lists(jawaban, min_size=1, max_size=8)),
    st.tuples(st.just("hapus"), st.integers(0, 10_000)),
    st.tuples(st.just("hapus_batch"), st.integers(0, 10_000)),
    st.tuples(st.just("pindah"), st.tuples(st.integers(0, 10_000), st.sampled_from([*PERIODE, "S2", "X9"]))),
    st.tuples(st.just("ubah_nilai"), st.tuples(st.integers(0, 10_000), st.integers(1, 4))),
    st.tuples(st.just("hapus_layanan"), st.integers(1, 2)),
)


def _baris(units, layanan, d, impor=None):
    lay = layanan[d["unit"]].get(d["layanan"])
    isi = {f"u{i}": v for i, v in enumerate(d["u"], 1)}
    if d["lama"]:
        isi |= {f"u{i}": v for i, v in enumerate(d["lama"], 10)}
    return Responden(
        instansi=units[d["unit"]], layanan=lay, tahun=2024, periode=d["periode"], impor=impor, **isi
    )


def _jumlah_dari_jawaban():
    """Every (unit, layanan, year, period) group of the answers, summed the slow way."""
    out = {}
    for r in Responden.objects.all():
        k = (r.instansi_id, r.layanan_id or 0, r.tahun, r.periode)
        g = out.setdefault(k, [0] * 20)
        g[0] += 1
        for i in range(1, 15):
            g[i] += getattr(r, f"u{i}") or 0
        for j, i in enumerate(range(10, 15), 15):
            g[j] += getattr(r, f"u{i}") is not None
    return out


KOLOM = ["n", *[f"s{i}" for i in range(1, 15)], *[f"n{i}" for i in range(10, 15)]]


def _jumlah_tersimpan():
    return {
        (j.instansi_id, j.layanan_kunci, j.tahun, j.periode): [getattr(j, k) for k in KOLOM]
        for j in JumlahJawaban.objects.all()
    }


def _per_unit(per_layanan):
    """The (unit, layanan, year, period) sums added up per (unit, year, period)."""
    out = {}
    for (iid, _lay, tahun, periode), nilai in per_layanan.items():
        g = out.setdefault((iid, tahun, periode), [0] * len(KOLOM))
        g[:] = [a + b for a, b in zip(g, nilai, strict=True)]
    return out


PERIODE_TAHUN = ["TW1", "TW2", "S1", "TW3", "TW4", "S2", "TAHUN"]


def _per_tahun(per_unit):
    """The (unit, year, period) sums as JumlahTahunUnit's row per (unit, year): per period the
    respondents, Σ u1..u9 and the answers given to u10..u14; answers of another period counted."""
    out = {}
    for (iid, tahun, periode), v in per_unit.items():
        g = out.setdefault((iid, tahun), {"n_lain": 0})
        if periode in PERIODE_TAHUN:
            p = periode.lower()
            g[f"n_{p}"], g[f"t_{p}"], g[f"l_{p}"] = v[0], sum(v[1:10]), sum(v[15:20])
        else:
            g["n_lain"] += v[0]
    kolom = [f"{k}_{p.lower()}" for k in "ntl" for p in PERIODE_TAHUN] + ["n_lain"]
    return {k: [g.get(c, 0) for c in kolom] for k, g in out.items()}


def _jumlah_tahun_tersimpan():
    kolom = [f"{k}_{p.lower()}" for k in "ntl" for p in PERIODE_TAHUN] + ["n_lain"]
    return {(j.instansi_id, j.tahun): [getattr(j, k) for k in kolom] for j in JumlahTahunUnit.objects.all()}


def _jumlah_unit_tersimpan():
    return {
        (j.instansi_id, j.tahun, j.periode): [getattr(j, k) for k in KOLOM]
        for j in JumlahJawabanUnit.objects.all()
    }


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(langkah, min_size=1, max_size=12))
def test_jumlah_sama_dengan_hitung_ulang(daftar):
    with transaction.atomic():
        units = [InstansiFactory(), InstansiFactory()]
        layanan = [
            {i: Layanan.objects.create(instansi=u, kode=f"L{i}", nama=f"Layanan {i}") for i in (1, 2)}
            for u in units
        ]
        for jenis, arg in daftar:
            ids = list(Responden.objects.order_by("id").values_list("id", flat=True))
            if jenis == "tambah":
                _baris(units, layanan, arg).save()
            elif jenis == "impor":
                batch = ImporResponden.objects.create(instansi=units[arg[0]["unit"]], nama_berkas="x.xlsx")
                Responden.objects.bulk_create([_baris(units, layanan, d, batch) for d in arg])
            elif jenis == "hapus" and ids:
                Responden.objects.filter(id=ids[arg % len(ids)]).delete()
            elif jenis == "hapus_batch":
                batches = list(ImporResponden.objects.order_by("id"))
                if batches:
                    batches[arg % len(batches)].delete()  # its answers go with it (CASCADE)
            elif jenis == "pindah" and ids:
                Responden.objects.filter(id=ids[arg[0] % len(ids)]).update(periode=arg[1])
            elif jenis == "ubah_nilai" and ids:
                Responden.objects.filter(id=ids[arg[0] % len(ids)]).update(u3=arg[1])
            elif jenis == "hapus_layanan":
                Layanan.objects.filter(kode=f"L{arg}").delete()  # answers keep no layanan (SET_NULL)
                for lay in layanan:
                    lay.pop(arg, None)
        lambat = {k: v for k, v in _jumlah_dari_jawaban().items() if v[0]}
        assert _jumlah_tersimpan() == lambat
        assert _jumlah_unit_tersimpan() == _per_unit(lambat)
        assert _jumlah_tahun_tersimpan() == _per_tahun(_per_unit(lambat))
        ids = [u.pk for u in units]
        assert nrr_responden(ids, 2024) == nrr_responden_dari_jawaban(ids, 2024)
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_hapus_unit_menghapus_jumlahnya():
    u = InstansiFactory()
    for p in PERIODE:
        Responden.objects.create(instansi=u, tahun=2024, periode=p, **{f"u{i}": 3 for i in range(1, 10)})
    assert JumlahJawaban.objects.filter(instansi=u).count() == 4
    assert JumlahJawabanUnit.objects.filter(instansi=u).count() == 4
    assert JumlahTahunUnit.objects.get(instansi=u).n_tw3 == 1
    u.delete()
    assert not JumlahJawaban.objects.filter(instansi_id=u.pk).exists()
    assert not JumlahJawabanUnit.objects.filter(instansi_id=u.pk).exists()
    assert not JumlahTahunUnit.objects.filter(instansi_id=u.pk).exists()


def test_ikm_demo_dari_jumlah_sama_dengan_dari_jawaban(demo, django_assert_max_num_queries):
    from organisasi.models import Instansi

    ids = list(Instansi.objects.values_list("pk", flat=True))
    for tahun in (2023, 2024):
        assert nrr_responden(ids, tahun) == nrr_responden_dari_jawaban(ids, tahun)
    from django.db.models import Sum

    assert (JumlahJawaban.objects.aggregate(n=Sum("n"))["n"] or 0) == Responden.objects.count()
    assert (JumlahJawabanUnit.objects.aggregate(n=Sum("n"))["n"] or 0) == Responden.objects.count()
    with django_assert_max_num_queries(6):
        hasil = ikm_tahun(ids, 2024)
    assert hasil


@pytest.mark.django_db
def test_perintah_jumlah_skm_memeriksa_dan_membangun_ulang():
    from django.core.management import call_command
    from django.core.management.base import CommandError

    u = InstansiFactory()
    Responden.objects.create(instansi=u, tahun=2024, periode="TW1", **{f"u{i}": 2 for i in range(1, 10)})
    call_command("jumlah_skm")  # equal: no error
    JumlahJawaban.objects.filter(instansi=u).update(s1=99)  # damaged by hand
    with pytest.raises(CommandError):
        call_command("jumlah_skm")
    call_command("jumlah_skm", "--perbaiki")
    assert JumlahJawaban.objects.get(instansi=u).s1 == 2
    call_command("jumlah_skm")
    JumlahJawabanUnit.objects.filter(instansi=u).update(n=5)  # only the unit's row damaged
    with pytest.raises(CommandError):
        call_command("jumlah_skm")
    call_command("jumlah_skm", "--perbaiki")
    assert JumlahJawabanUnit.objects.get(instansi=u).n == 1
    call_command("jumlah_skm")
    JumlahTahunUnit.objects.filter(instansi=u).update(t_tw1=1)  # only the year row damaged
    with pytest.raises(CommandError):
        call_command("jumlah_skm")
    call_command("jumlah_skm", "--perbaiki")
    assert JumlahTahunUnit.objects.get(instansi=u).t_tw1 == 18
    call_command("jumlah_skm")
