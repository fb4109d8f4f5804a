"""A small RPD for the pemda-level tests: Kota Contoh with RPD 2025–2027 (no misi): tujuan T1 with
sasaran S1.1 (indicator IS1.1, targets 2025–2027) and S1.2; two units of the pemda, each with a
Renstra tujuan, the first supporting S1.1 with its tujuan, the second with its sasaran
(crosscutting)."""

from decimal import Decimal
from types import SimpleNamespace

from rpjmd.models import IndikatorPemda, Kontribusi, Rpjmd, SasaranPemda, TargetPemda, TujuanPemda
from tests.factories import InstansiFactory, PemdaFactory, SasaranFactory, TujuanFactory


def rpd_kecil(pemda=None, dengan_kontribusi=True):
    pemda = pemda or PemdaFactory(kode="kota-contoh", nama="Kota Contoh")
    rpd = Rpjmd.objects.create(
        pemda=pemda,
        kode="rpd-2025-2027",
        jenis="rpd",
        nama="RPD Kota Contoh 2025-2027",
        tahun_awal=2025,
        tahun_akhir=2027,
    )
    t1 = TujuanPemda.objects.create(rpjmd=rpd, kode="T1", uraian="Meningkatnya tata kelola pemerintahan")
    s11 = SasaranPemda.objects.create(
        rpjmd=rpd, tujuan=t1, kode="S1.1", uraian="Meningkatnya kualitas pelayanan publik", urutan=1
    )
    s12 = SasaranPemda.objects.create(
        rpjmd=rpd, tujuan=t1, kode="S1.2", uraian="Meningkatnya ketertiban umum", urutan=2
    )
    ind = IndikatorPemda.objects.create(
        rpjmd=rpd,
        level="sasaran",
        sasaran=s11,
        kode="IS1.1",
        nama="Indeks Kepuasan Masyarakat",
        satuan="Nilai",
    )
    for tahun, nilai in ((2025, "80"), (2026, "81"), (2027, "82")):
        TargetPemda.objects.create(indikator=ind, tahun=tahun, nilai=Decimal(nilai))
    unit1 = InstansiFactory(
        pemda=pemda,
        slug="kec-satu" if pemda.kode == "kota-contoh" else f"{pemda.kode}-satu",
        nama="Kecamatan Satu",
    )
    unit2 = InstansiFactory(
        pemda=pemda,
        slug="kec-dua" if pemda.kode == "kota-contoh" else f"{pemda.kode}-dua",
        nama="Kecamatan Dua",
    )
    ut1 = TujuanFactory(renstra__instansi=unit1, kode="T1", uraian="Pelayanan kecamatan prima")
    ut2 = TujuanFactory(renstra__instansi=unit2, kode="T1", uraian="Pelayanan kecamatan cepat")
    us2 = SasaranFactory(tujuan=ut2, kode="S1.1", uraian="Meningkatnya kepuasan masyarakat")
    k1 = k2 = None
    if dengan_kontribusi:
        k1 = Kontribusi.objects.create(
            sasaran_pemda=s11, instansi=unit1, tujuan=ut1, uraian="Pelayanan administrasi"
        )
        k2 = Kontribusi.objects.create(
            sasaran_pemda=s11, instansi=unit2, sasaran=us2, uraian="Pelayanan terpadu"
        )
    return SimpleNamespace(
        pemda=pemda,
        rpd=rpd,
        t1=t1,
        s11=s11,
        s12=s12,
        ind=ind,
        unit1=unit1,
        unit2=unit2,
        ut1=ut1,
        ut2=ut2,
        us2=us2,
        k1=k1,
        k2=k2,
    )


def masuk_admin_pemda(pemda, masuk_sebagai, username: str = "admin-contoh"):
    """A new admin_pemda of ``pemda``, logged in: the test client."""
    from django.contrib.auth import get_user_model

    from akun.models import Peran

    u = get_user_model().objects.create_user(username, password="demo-sakip-2024")
    Peran.objects.create(user=u, jenis="admin_pemda", pemda=pemda)
    return masuk_sebagai(username)
