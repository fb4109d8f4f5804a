"""A small cascade for the tests of the levels inside a unit (perencanaan.Jenjang)."""

from decimal import Decimal

from perencanaan.models import Indikator, Jenjang, Target
from tests.factories import (
    BarisAnggaranFactory,
    IndikatorFactory,
    KegiatanFactory,
    PejabatFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetFactory,
)


def buat_pohon(instansi=None):
    """A sasaran (with one indicator, owned by the unit head) → sasaran program (Sekcam) →
    sasaran kegiatan (Kasubag) → output sub kegiatan (Kasubag), each with one indicator and a
    2024 target; the unit holds a budget line under sub-kegiatan 7.01.01.2.01.0006."""
    sasaran = SasaranFactory(**({"tujuan__renstra__instansi": instansi} if instansi else {}))
    ins = sasaran.instansi
    camat = PejabatFactory(instansi=ins, kode="camat", jabatan="Camat")
    sekcam = PejabatFactory(instansi=ins, kode="sekcam", jabatan="Sekretaris Kecamatan")
    kasubag = PejabatFactory(instansi=ins, kode="kasubag", jabatan="Kepala Subbagian Umum")
    sub = SubKegiatanFactory()
    BarisAnggaranFactory(instansi=ins, sub_kegiatan=sub)
    TargetFactory(indikator=IndikatorFactory(sasaran=sasaran, kode="IKU1"), nilai=Decimal(83))
    sp = Jenjang.objects.create(
        instansi=ins,
        level="program",
        kode="SP1",
        uraian="Sasaran program",
        pemilik=sekcam,
        sasaran=sasaran,
        program=sub.kegiatan.program,
    )
    sk = Jenjang.objects.create(
        instansi=ins,
        level="kegiatan",
        kode="SK1",
        uraian="Sasaran kegiatan",
        pemilik=kasubag,
        induk=sp,
        kegiatan=sub.kegiatan,
    )
    os_ = Jenjang.objects.create(
        instansi=ins,
        level="sub_kegiatan",
        kode="OS1",
        uraian="Output",
        pemilik=kasubag,
        induk=sk,
        sub_kegiatan=sub,
    )
    for node, kode in ((sp, "IP1"), (sk, "IK1"), (os_, "IS1")):
        i = Indikator.objects.create(
            instansi=ins,
            kode=kode,
            nama=f"Indikator {kode}",
            level=node.level,
            jenjang=node,
            program=sub.kegiatan.program if node.level == "program" else None,
            kegiatan=sub.kegiatan if node.level == "kegiatan" else None,
            satuan="%",
        )
        Target.objects.create(indikator=i, tahun=2024, nilai=Decimal(100))
    return {
        "instansi": ins,
        "sasaran": sasaran,
        "camat": camat,
        "sekcam": sekcam,
        "kasubag": kasubag,
        "sp": sp,
        "sk": sk,
        "os": os_,
        "sub": sub,
        "kegiatan_lain": KegiatanFactory(kode="7.01.02.2.03", program__kode="7.01.02"),
    }


def url_jenjang(sasaran) -> str:
    """The cascade edit page of a demo sasaran (Bantargebang, 2024)."""
    return f"/unit/bantargebang/jenjang/2024/sasaran/{sasaran.id}/"


def isian_awal(c, url) -> dict:
    """The cascade form's current values (node rows and their indicator rows) as the browser
    posts them."""
    r = c.get(url)
    assert r.status_code == 200
    form = r.context["form"]
    data = {"sasaran-pemilik": form.pemilik}
    for f in form.semua_form():
        for nama in f.fields:
            if nama == "hapus":
                continue
            v = f[nama].value()
            data[f"{f.prefix}-{nama}"] = (
                "" if v is None else str(v).replace(".", ",") if nama.startswith("t_") else str(v)
            )
    return data
