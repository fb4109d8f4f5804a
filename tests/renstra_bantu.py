"""A small Renstra for the tests of building it in the app: Kecamatan Baru (tests/unit_baru_bantu)
with Renstra 2025–2027, tujuan T1 with sasaran S1.1 (indicators IK1, IK2) and S1.2 (IK3)."""

from decimal import Decimal
from types import SimpleNamespace

from perencanaan.models import PerjanjianKinerja
from tests.factories import (
    IndikatorFactory,
    PejabatFactory,
    PerjanjianKinerjaFactory,
    PKIndikatorFactory,
    RenstraFactory,
    SasaranFactory,
    TujuanFactory,
)
from tests.unit_baru_bantu import unit_baru


def renstra_kecil():
    u = unit_baru()
    r = RenstraFactory(
        instansi=u.unit, kode="renstra-2025-2027", nama="Renstra 2025–2027", tahun_awal=2025, tahun_akhir=2027
    )
    t1 = TujuanFactory(renstra=r, kode="T1", uraian="Pelayanan publik yang prima")
    s1 = SasaranFactory(tujuan=t1, kode="S1.1", uraian="Meningkatnya kepuasan masyarakat", urutan=1)
    s2 = SasaranFactory(tujuan=t1, kode="S1.2", uraian="Meningkatnya ketertiban wilayah", urutan=2)
    ik1 = IndikatorFactory(sasaran=s1, kode="IK1", nama="Indeks Kepuasan Masyarakat", urutan=1, iku=True)
    ik2 = IndikatorFactory(sasaran=s1, kode="IK2", nama="Jumlah pengaduan", polaritas="negatif", urutan=2)
    ik3 = IndikatorFactory(sasaran=s2, kode="IK3", nama="Persentase zona tertib", urutan=1, iku=True)
    return SimpleNamespace(**vars(u), renstra=r, t1=t1, s1=s1, s2=s2, ik1=ik1, ik2=ik2, ik3=ik3)


def pk_ditandatangani(indikator, tahun=2025):
    """A signed PK of the indicator's unit holding the indicator."""
    pk = PerjanjianKinerjaFactory(
        instansi=indikator.instansi, tahun=tahun, pihak_pertama=PejabatFactory(instansi=indikator.instansi)
    )
    PKIndikatorFactory(pk_dokumen=pk, indikator=indikator, target=Decimal(80))
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(status=PerjanjianKinerja.Status.DITANDATANGANI)
    return pk
