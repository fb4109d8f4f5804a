"""Reads of the pemda level (RPJMD/RPD), each a fixed number of queries however many items,
units or links (tests/test_rpjmd_kueri.py counts them).

The API the performance tree (``pohon``) and the pages use:

- ``rpjmd_berlaku(pemda, tahun) -> Rpjmd | None`` — the plan of the pemda (a Pemda or its id)
  whose period covers ``tahun`` (the latest-starting one if several do). 1 query.
- ``daftar_rpjmd(pemda) -> list[Rpjmd]`` — every plan of the pemda, newest first. 1 query.
- ``pohon_rpjmd(rpjmd) -> PohonRpjmd`` — the whole plan: misi → tujuan → sasaran, with the
  indicators and their yearly targets at each tujuan and sasaran, and at each sasaran the
  ``Kontribusi`` rows of the units supporting it (with ``instansi``, ``tujuan``, ``sasaran``
  loaded). Tujuan without a misi (an RPD) hang under a ``MisiNode`` whose ``misi`` is None.
  6 queries.
- ``kontribusi_unit(instansi) -> KontribusiUnit`` — the pemda sasaran a unit's tujuan and
  sasaran support: ``.per_tujuan[tujuan_id]`` and ``.per_sasaran[sasaran_id]`` are lists of
  ``Kontribusi`` (each with ``sasaran_pemda`` → ``tujuan`` → ``rpjmd`` loaded), ``.semua`` all of
  them. 1 query. ``kontribusi_unit_banyak(instansi_ids) -> dict[instansi_id, KontribusiUnit]``
  does the same for many units in 1 query.
- ``sasaran_pemda_dari(obj) -> list[SasaranPemda]`` — the pemda sasaran one perencanaan.Tujuan or
  perencanaan.Sasaran supports (with ``tujuan`` and ``rpjmd`` loaded). 1 query.
- ``unit_pendukung(sasaran_ids) -> dict[sasaran_pemda_id, list[Kontribusi]]`` — the units
  supporting each pemda sasaran (a crosscutting sasaran has several), each Kontribusi with
  ``instansi``, ``tujuan`` and ``sasaran`` loaded, ordered by unit name. 1 query.
  ``instansi_pendukung(sasaran) -> list[Instansi]``: the distinct units of one sasaran. 1 query.
- ``sasaran_pilihan(instansi) -> list[SasaranPemda]`` — the pemda sasaran a unit may choose: those
  of its pemda's plans (with ``tujuan`` and ``rpjmd`` loaded). 1 query.
- ``ringkasan_hapus(obj) -> RingkasanHapus`` — what deleting a plan item removes and why it may
  not be deleted (units still support a sasaran under it), for the confirmation page.

Targets are Decimal; an indicator's polarity is ``rumus.capaian.Polaritas`` (as a unit's).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q

from rumus.format import format_angka

from .models import IndikatorPemda, Kontribusi, Misi, Rpjmd, SasaranPemda, TargetPemda, TujuanPemda


def _angka(d: Decimal) -> str:
    return format_angka(d, 0 if d == d.to_integral_value() else min(6, -d.normalize().as_tuple().exponent))


def rpjmd_berlaku(pemda, tahun: int) -> Rpjmd | None:
    pemda_id = getattr(pemda, "id", pemda)
    return (
        Rpjmd.objects.filter(pemda_id=pemda_id, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
        .order_by("-tahun_awal", "kode")
        .first()
    )


def daftar_rpjmd(pemda) -> list[Rpjmd]:
    return list(Rpjmd.objects.filter(pemda_id=getattr(pemda, "id", pemda)).order_by("-tahun_awal", "kode"))


@dataclass
class IndikatorNode:
    indikator: IndikatorPemda
    target: dict[int, TargetPemda] = field(default_factory=dict)  # tahun -> target
    tahun: list[int] = field(default_factory=list)  # the plan's years

    @property
    def deret(self) -> list[tuple[int, str]]:
        """(tahun, the target as the pages write it: "80", "97,8", "60–80" for a range; "—" none)."""
        hasil = []
        for y in self.tahun:
            t = self.target.get(y)
            if t is None:
                hasil.append((y, "—"))
                continue
            teks = _angka(t.nilai)
            if t.nilai_atas is not None:
                teks += "–" + _angka(t.nilai_atas)
            hasil.append((y, teks))
        return hasil

    def nilai(self, tahun: int) -> Decimal | None:
        t = self.target.get(tahun)
        return t.nilai if t else None


@dataclass
class SasaranNode:
    sasaran: SasaranPemda
    indikator: list[IndikatorNode] = field(default_factory=list)
    kontribusi: list[Kontribusi] = field(default_factory=list)

    @property
    def instansi(self) -> list:
        """The distinct supporting units, by name."""
        seen = {}
        for k in self.kontribusi:
            seen.setdefault(k.instansi_id, k.instansi)
        return sorted(seen.values(), key=lambda i: i.nama)


@dataclass
class TujuanNode:
    tujuan: TujuanPemda
    indikator: list[IndikatorNode] = field(default_factory=list)
    sasaran: list[SasaranNode] = field(default_factory=list)


@dataclass
class MisiNode:
    misi: Misi | None  # None: the tujuan of a plan without misi (an RPD)
    tujuan: list[TujuanNode] = field(default_factory=list)


@dataclass
class PohonRpjmd:
    rpjmd: Rpjmd
    misi: list[MisiNode] = field(default_factory=list)

    def semua_tujuan(self) -> list[TujuanNode]:
        return [t for m in self.misi for t in m.tujuan]

    def semua_sasaran(self) -> list[SasaranNode]:
        return [s for t in self.semua_tujuan() for s in t.sasaran]


def pohon_rpjmd(rpjmd: Rpjmd) -> PohonRpjmd:
    misi = list(Misi.objects.filter(rpjmd=rpjmd).order_by("urutan", "kode"))
    tujuan = list(TujuanPemda.objects.filter(rpjmd=rpjmd).order_by("urutan", "kode"))
    sasaran = list(SasaranPemda.objects.filter(rpjmd=rpjmd).order_by("urutan", "kode"))
    indikator = list(
        IndikatorPemda.objects.filter(rpjmd=rpjmd)
        .order_by("urutan", "kode")
        .prefetch_related(Prefetch("target", queryset=TargetPemda.objects.order_by("tahun")))
    )
    kontribusi = list(
        Kontribusi.objects.filter(sasaran_pemda__rpjmd=rpjmd)
        .select_related("instansi", "tujuan", "sasaran")
        .order_by("instansi__nama", "id")
    )
    tahun = list(rpjmd.tahun())
    t_node = {t.id: TujuanNode(t) for t in tujuan}
    s_node = {s.id: SasaranNode(s) for s in sasaran}
    for s in sasaran:
        t_node[s.tujuan_id].sasaran.append(s_node[s.id])
    for i in indikator:
        node = IndikatorNode(i, {t.tahun: t for t in i.target.all()}, tahun)
        induk = (
            t_node.get(i.tujuan_id) if i.level == IndikatorPemda.Level.TUJUAN else s_node.get(i.sasaran_id)
        )
        if induk is not None:
            induk.indikator.append(node)
    for k in kontribusi:
        s_node[k.sasaran_pemda_id].kontribusi.append(k)
    m_node = {m.id: MisiNode(m) for m in misi}
    tanpa_misi = MisiNode(None)
    for t in tujuan:
        m_node.get(t.misi_id, tanpa_misi).tujuan.append(t_node[t.id])
    hasil = list(m_node.values())
    if tanpa_misi.tujuan:
        hasil.append(tanpa_misi)
    return PohonRpjmd(rpjmd, hasil)


@dataclass
class KontribusiUnit:
    semua: list[Kontribusi] = field(default_factory=list)
    per_tujuan: dict[int, list[Kontribusi]] = field(default_factory=dict)
    per_sasaran: dict[int, list[Kontribusi]] = field(default_factory=dict)


def _kontribusi_qs():
    return Kontribusi.objects.select_related(
        "sasaran_pemda", "sasaran_pemda__tujuan", "sasaran_pemda__rpjmd"
    ).order_by("sasaran_pemda__rpjmd__tahun_awal", "sasaran_pemda__urutan", "sasaran_pemda__kode", "id")


def kontribusi_unit_banyak(instansi_ids) -> dict[int, KontribusiUnit]:
    ids = [getattr(i, "id", i) for i in instansi_ids]
    hasil = {i: KontribusiUnit() for i in ids}
    for k in _kontribusi_qs().filter(instansi_id__in=ids):
        ku = hasil[k.instansi_id]
        ku.semua.append(k)
        if k.tujuan_id:
            ku.per_tujuan.setdefault(k.tujuan_id, []).append(k)
        else:
            ku.per_sasaran.setdefault(k.sasaran_id, []).append(k)
    return hasil


def kontribusi_unit(instansi) -> KontribusiUnit:
    iid = getattr(instansi, "id", instansi)
    return kontribusi_unit_banyak([iid])[iid]


def sasaran_pemda_dari(obj) -> list[SasaranPemda]:
    """The pemda sasaran a perencanaan.Tujuan or perencanaan.Sasaran supports (by model name:
    this app does not import perencanaan)."""
    nama = type(obj)._meta.model_name
    if nama not in ("tujuan", "sasaran"):
        raise ValueError(f"sasaran_pemda_dari: a perencanaan Tujuan or Sasaran, not {obj!r}")
    return list(
        SasaranPemda.objects.filter(**{f"kontribusi__{nama}": obj})
        .select_related("tujuan", "rpjmd")
        .order_by("rpjmd__tahun_awal", "urutan", "kode")
        .distinct()
    )


def unit_pendukung(sasaran_ids) -> dict[int, list[Kontribusi]]:
    ids = [getattr(s, "id", s) for s in sasaran_ids]
    hasil: dict[int, list[Kontribusi]] = {i: [] for i in ids}
    qs = (
        Kontribusi.objects.filter(sasaran_pemda_id__in=ids)
        .select_related("instansi", "tujuan", "sasaran")
        .order_by("instansi__nama", "id")
    )
    for k in qs:
        hasil[k.sasaran_pemda_id].append(k)
    return hasil


def instansi_pendukung(sasaran):
    from organisasi.models import Instansi

    return list(Instansi.objects.filter(kontribusi_pemda__sasaran_pemda=sasaran).distinct().order_by("nama"))


def sasaran_pilihan(instansi) -> list[SasaranPemda]:
    return list(
        SasaranPemda.objects.filter(rpjmd__pemda_id=instansi.pemda_id)
        .select_related("tujuan", "rpjmd")
        .order_by("-rpjmd__tahun_awal", "rpjmd__kode", "urutan", "kode")
    )


@dataclass
class RingkasanHapus:
    """What deleting ``objek`` (a plan or one of its items) removes, for the confirmation, and
    why it may not (``alasan``: units still support a sasaran under it)."""

    objek: object
    misi: int = 0
    tujuan: int = 0
    sasaran: int = 0
    indikator: int = 0
    target: int = 0
    kontribusi: list = field(default_factory=list)

    @property
    def alasan(self) -> list[str]:
        from django.utils.translation import gettext as _

        if not self.kontribusi:
            return []
        unit = sorted({k.instansi.nama for k in self.kontribusi})
        return [
            _("masih didukung oleh %(n)d tujuan/sasaran unit (%(unit)s); lepaskan dulu tautannya")
            % {"n": len(self.kontribusi), "unit": ", ".join(unit)}
        ]

    @property
    def boleh_hapus(self) -> bool:
        return not self.kontribusi


def _filter_bawah(obj) -> dict[str, Q]:
    """Per table, the rows deleted with ``obj``."""
    if isinstance(obj, Rpjmd):
        return {
            "misi": Q(rpjmd=obj),
            "tujuan": Q(rpjmd=obj),
            "sasaran": Q(rpjmd=obj),
            "indikator": Q(rpjmd=obj),
            "target": Q(indikator__rpjmd=obj),
            "kontribusi": Q(sasaran_pemda__rpjmd=obj),
        }
    if isinstance(obj, Misi):
        return {
            "tujuan": Q(misi=obj),
            "sasaran": Q(tujuan__misi=obj),
            "indikator": Q(tujuan__misi=obj) | Q(sasaran__tujuan__misi=obj),
            "target": Q(indikator__tujuan__misi=obj) | Q(indikator__sasaran__tujuan__misi=obj),
            "kontribusi": Q(sasaran_pemda__tujuan__misi=obj),
        }
    if isinstance(obj, TujuanPemda):
        return {
            "sasaran": Q(tujuan=obj),
            "indikator": Q(tujuan=obj) | Q(sasaran__tujuan=obj),
            "target": Q(indikator__tujuan=obj) | Q(indikator__sasaran__tujuan=obj),
            "kontribusi": Q(sasaran_pemda__tujuan=obj),
        }
    if isinstance(obj, SasaranPemda):
        return {
            "indikator": Q(sasaran=obj),
            "target": Q(indikator__sasaran=obj),
            "kontribusi": Q(sasaran_pemda=obj),
        }
    if isinstance(obj, IndikatorPemda):
        return {"target": Q(indikator=obj)}
    raise ValueError(f"ringkasan_hapus: not a plan item: {obj!r}")


def ringkasan_hapus(obj) -> RingkasanHapus:
    model = {
        "misi": Misi,
        "tujuan": TujuanPemda,
        "sasaran": SasaranPemda,
        "indikator": IndikatorPemda,
        "target": TargetPemda,
    }
    r = RingkasanHapus(objek=obj)
    for nama, q in _filter_bawah(obj).items():
        if nama == "kontribusi":
            r.kontribusi = list(Kontribusi.objects.filter(q).select_related("instansi").distinct())
        else:
            setattr(r, nama, model[nama].objects.filter(q).distinct().count())
    return r


def unsur_unit(instansi) -> list:
    """The unit's Renstra tujuan and sasaran (not archived in every year), tujuan first, through
    the unit's reverse relations (this app does not import perencanaan). 2 queries."""
    tujuan = list(instansi.tujuan.select_related("renstra").order_by("renstra__tahun_awal", "urutan", "kode"))
    sasaran = list(instansi.sasaran.select_related("tujuan").order_by("tujuan__urutan", "urutan", "kode"))
    return tujuan + sasaran
