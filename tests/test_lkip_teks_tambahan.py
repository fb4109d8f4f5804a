"""The reviu's list of LKIP texts that only add to generated content (TEKS_TAMBAHAN) matches what
the LKIP really does: every other text block prints "Belum diisi oleh unit." when empty."""

import pytest

from laporan.lkip import bangun_lkip
from laporan.models import TeksBlok
from laporan.reviu import TEKS_TAMBAHAN
from laporan.teks import BAGIAN, BELUM_DIISI

pytestmark = pytest.mark.django_db


def _kosong(dok) -> int:
    return sum(t.count(BELUM_DIISI) for t in dok.semua_teks())


def test_each_text_block_either_prints_the_default_or_is_listed_as_tambahan(demo):
    TeksBlok.objects.filter(instansi=demo, tahun=2024).delete()
    dasar = _kosong(bangun_lkip(demo, 2024))
    for bagian in BAGIAN:
        TeksBlok.objects.filter(instansi=demo, tahun=2024).delete()
        penanda = f"Teks uji untuk {bagian}."
        TeksBlok.objects.create(instansi=demo, tahun=2024, bagian=bagian, teks=penanda)
        dok = bangun_lkip(demo, 2024)
        assert any(penanda in t for t in dok.semua_teks()), bagian
        selisih = dasar - _kosong(dok)
        assert selisih == (0 if bagian in TEKS_TAMBAHAN else 1), (
            f"{bagian}: update laporan.reviu.TEKS_TAMBAHAN to match laporan/lkip.py"
        )
