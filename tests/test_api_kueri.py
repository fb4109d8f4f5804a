"""Every read of the API costs a fixed number of queries, whatever the number of rows: the same
count on the demo and after the unit gets many more indicators, targets, realisasi and budget
lines (the token's user, its roles, the unit, then the selectors')."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api_bantu import klien, token

pytestmark = pytest.mark.django_db
B = "/api/v1/instansi/bantargebang"
URLS = [
    "/api/v1/pemda",
    "/api/v1/instansi",
    "/api/v1/pemda/kota-bekasi/capaian/2024",
    B,
    f"{B}/renstra",
    f"{B}/indikator/2024",
    f"{B}/pk/2024",
    f"{B}/realisasi/2024",
    f"{B}/capaian/2024",
    f"{B}/anggaran/2024",
    f"{B}/anggaran/2024/baris",
    f"{B}/ikm/2024",
    f"{B}/akip/2024",
    f"{B}/zona/2024",
]


def _hitung(c, anonim=False) -> dict[str, int]:
    out = {}
    for url in URLS:
        with CaptureQueriesContext(connection) as q:
            assert c.get(url).status_code == (401 if anonim and url.endswith("/renstra") else 200), url
        out[url] = len(q)
    return out


def _tambah_data():
    from decimal import Decimal

    from anggaran.models import BarisAnggaran, SubKegiatan
    from organisasi.models import Instansi
    from pengukuran.models import Realisasi
    from perencanaan.models import Indikator, Sasaran, Target

    ins = Instansi.objects.get(slug="bantargebang")
    sasaran = Sasaran.objects.filter(instansi=ins).first()
    for n in range(15):
        ind = Indikator.objects.create(
            instansi=ins, kode=f"X{n}", nama=f"Indikator tambahan {n}", level="sasaran", sasaran=sasaran
        )
        Target.objects.create(indikator=ind, tahun=2024, nilai=Decimal(n))
        Realisasi.objects.create(indikator=ind, tahun=2024, periode="TW1", nilai=Decimal(n))
    pakai = set(
        BarisAnggaran.objects.filter(instansi=ins, tahun=2024).values_list("sub_kegiatan_id", flat=True)
    )
    for sk in SubKegiatan.objects.exclude(id__in=pakai)[:10]:
        BarisAnggaran.objects.create(instansi=ins, tahun=2024, sub_kegiatan=sk, pagu=Decimal(1000))


def test_fixed_query_counts(pengguna_demo):
    c = klien(token("pembaca"))
    c.get("/api/v1/pemda")  # the token's first use is recorded (one UPDATE a minute at most)
    anonim = klien()
    sebelum, sebelum_anonim = _hitung(c), _hitung(anonim, True)
    assert all(n <= 30 for n in sebelum.values()), sebelum
    _tambah_data()
    sesudah, sesudah_anonim = _hitung(c), _hitung(anonim, True)
    assert sesudah == sebelum, {u: (sebelum[u], sesudah[u]) for u in URLS if sebelum[u] != sesudah[u]}
    assert sesudah_anonim == sebelum_anonim
