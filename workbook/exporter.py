"""Export one unit's data for a year in the workbook format.

Year-bound sheets hold year N (PK, budget, zones, SKM, evaluation); ``realisasi`` and
``pembanding`` also hold earlier years, since those are the comparison values.
Rows are sorted by their key so that export → import → export gives the same content.
"""

from __future__ import annotations

from anggaran.models import (
    BarisAnggaran,
    Dukungan,
    Kegiatan,
    PaguProgram,
    Program,
    RealisasiAnggaran,
    SubKegiatan,
)
from evaluasi.models import NilaiKomponen
from organisasi.models import PENDIDIKAN, Instansi, Layanan, Pegawai, Pejabat, SubUnit
from pengukuran.models import NilaiPembanding, Realisasi
from perencanaan.models import (
    Indikator,
    Jenjang,
    LangkahAksi,
    PerjanjianKinerja,
    PKIndikator,
    RencanaHasilKerja,
    Renstra,
    Sasaran,
    Target,
    TargetTriwulan,
    Tujuan,
)
from skm.models import Responden, RingkasanNRR
from zona.models import PenilaianZona, Zona

from . import writer


def kumpulkan(instansi: Instansi, tahun: int) -> dict[str, list[dict]]:
    ins = instansi.slug
    data: dict[str, list[dict]] = {}
    data["pemda"] = [
        {
            "kode": instansi.pemda.kode,
            "nama": instansi.pemda.nama,
            "periode_rencana_aksi": instansi.pemda.periode_rencana_aksi,
        }
    ]
    data["instansi"] = [
        {
            "slug": ins,
            "nama": instansi.nama,
            "pemda": instansi.pemda.kode,
            "jenis": instansi.jenis,
            "kota": instansi.kota,
            "alamat": instansi.alamat,
        }
    ]
    data["subunit"] = [
        {
            "instansi": ins,
            "kode": s.kode,
            "nama": s.nama,
            "jenis": s.jenis,
            "induk": s.induk.kode if s.induk_id else None,
        }
        for s in SubUnit.objects.filter(instansi=instansi).select_related("induk").order_by("kode")
    ]
    pks = list(
        PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun)
        .select_related("pihak_pertama", "pihak_kedua", "jabatan")
        .order_by("jabatan_id", "versi")
    )
    pejabat_ids = {p.pihak_pertama_id for p in pks} | {p.pihak_kedua_id for p in pks if p.pihak_kedua_id}
    pejabat = Pejabat.objects.filter(pemda=instansi.pemda).filter(instansi=instansi) | Pejabat.objects.filter(
        id__in=pejabat_ids
    )
    data["pejabat"] = [
        {
            "pemda": p.pemda.kode,
            "kode": p.kode,
            "jabatan": p.jabatan,
            "instansi": p.instansi.slug if p.instansi_id else None,
            "nama": p.nama,
            "pangkat_golongan": p.pangkat_golongan,
            "nip": p.nip,
        }
        for p in pejabat.select_related("pemda", "instansi").distinct().order_by("kode")
    ]
    data["pegawai"] = [
        {
            "instansi": ins,
            "tahun": p.tahun,
            "kategori": p.kategori,
            **{f: getattr(p, f) or None for f in PENDIDIKAN},
        }
        for p in Pegawai.objects.filter(instansi=instansi, tahun=tahun).order_by("id")
    ]
    data["layanan"] = [
        {"instansi": ins, "kode": x.kode, "nama": x.nama}
        for x in Layanan.objects.filter(instansi=instansi).order_by("kode")
    ]
    renstra = list(
        Renstra.objects.filter(instansi=instansi, tahun_awal__lte=tahun, tahun_akhir__gte=tahun).order_by(
            "kode"
        )
    )
    data["renstra"] = [
        {
            "instansi": ins,
            "kode": r.kode,
            "nama": r.nama,
            "tahun_awal": r.tahun_awal,
            "tahun_akhir": r.tahun_akhir,
            "rpjmd": r.rpjmd,
        }
        for r in renstra
    ]
    tujuan = list(Tujuan.objects.filter(renstra__in=renstra).select_related("renstra").order_by("kode"))
    data["tujuan"] = [
        {
            "instansi": ins,
            "renstra": t.renstra.kode,
            "kode": t.kode,
            "uraian": t.uraian,
            "urutan": t.urutan,
            "tahun_nonaktif": t.tahun_nonaktif,
        }
        for t in tujuan
    ]
    data["sasaran"] = [
        {
            "instansi": ins,
            "tujuan": s.tujuan.kode,
            "kode": s.kode,
            "uraian": s.uraian,
            "urutan": s.urutan,
            "tahun_nonaktif": s.tahun_nonaktif,
            "pemilik": s.pemilik.kode if s.pemilik_id else None,
        }
        for s in Sasaran.objects.filter(tujuan__in=tujuan)
        .select_related("tujuan", "pemilik")
        .order_by("kode")
    ]
    # the cascade nodes of the exported sasaran, parents before children (sheet order = load order)
    jenjang = list(
        Jenjang.objects.filter(instansi=instansi)
        .select_related("sasaran", "induk", "pemilik", "program", "kegiatan", "sub_kegiatan")
        .order_by("kode")
    )
    urut_level = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}
    data["jenjang"] = [
        {
            "instansi": ins,
            "kode": j.kode,
            "level": j.level,
            "induk": j.sasaran.kode if j.sasaran_id else j.induk.kode,
            "uraian": j.uraian,
            "pemilik": j.pemilik.kode if j.pemilik_id else None,
            "anggaran": j.kode_anggaran,
            "urutan": j.urutan,
            "tahun_nonaktif": j.tahun_nonaktif,
        }
        for j in sorted(jenjang, key=lambda j: (urut_level[j.level], j.kode))
    ]

    baris = list(
        BarisAnggaran.objects.filter(instansi=instansi, tahun=tahun).select_related("sub_kegiatan", "subunit")
    )
    baris.sort(key=lambda b: (b.sub_kegiatan.kode, b.subunit.kode if b.subunit_id else ""))
    indikator = list(
        Indikator.objects.filter(instansi=instansi)
        .select_related("tujuan", "sasaran", "program", "kegiatan", "jenjang")
        .order_by("kode")
    )
    dukungan = list(Dukungan.objects.filter(instansi=instansi, tahun=tahun).select_related("indikator"))
    pagu_program = list(PaguProgram.objects.filter(instansi=instansi, tahun=tahun).select_related("program"))

    sub_codes = {b.sub_kegiatan.kode for b in baris}
    codes = set(sub_codes) | {d.kode for d in dukungan} | {p.program.kode for p in pagu_program}
    codes |= {i.program.kode for i in indikator if i.program_id} | {
        i.kegiatan.kode for i in indikator if i.kegiatan_id
    }
    codes |= {j.kode_anggaran for j in jenjang}
    keg_codes = {".".join(c.split(".")[:5]) for c in codes if len(c.split(".")) >= 5}
    prog_codes = {".".join(c.split(".")[:3]) for c in codes}
    data["program"] = [{"kode": p.kode, "nama": p.nama} for p in Program.objects.filter(kode__in=prog_codes)]
    data["kegiatan"] = [{"kode": k.kode, "nama": k.nama} for k in Kegiatan.objects.filter(kode__in=keg_codes)]
    data["sub_kegiatan"] = [
        {"kode": s.kode, "nama": s.nama}
        for s in SubKegiatan.objects.filter(kode__in={c for c in codes if len(c.split(".")) == 6})
    ]

    def induk(i):
        return {
            "tujuan": lambda: i.tujuan.kode,
            "sasaran": lambda: i.sasaran.kode,
            "program": lambda: i.program.kode,
            "kegiatan": lambda: i.kegiatan.kode,
            "sub_kegiatan": lambda: i.jenjang.kode,
        }[i.level]()

    data["indikator"] = [
        {
            "instansi": ins,
            "kode": i.kode,
            "nama": i.nama,
            "level": i.level,
            "induk": induk(i),
            "satuan": i.satuan,
            "formulasi": i.formulasi,
            "alasan": i.alasan,
            "sumber_data": i.sumber_data,
            "polaritas": i.polaritas,
            "agregasi": i.agregasi,
            "iku": i.iku,
            "sumber_realisasi": i.sumber_realisasi,
            "penanggung_jawab": i.penanggung_jawab,
            "urutan": i.urutan,
            "tahun_nonaktif": i.tahun_nonaktif,
            "jenjang": i.jenjang.kode if i.jenjang_id and i.level != "sub_kegiatan" else None,
            "jenis_hasil": i.jenis_hasil or None,
        }
        for i in indikator
    ]
    data["rhk"] = [
        {
            "instansi": ins,
            "tahun": x.tahun,
            "nama_pegawai": x.nama_pegawai,
            "nip": x.nip or None,
            "jabatan": x.jabatan,
            "urutan": x.urutan,
            "uraian": x.uraian,
            "indikator_atasan": x.indikator_atasan.kode,
            "nama_indikator": x.nama_indikator,
            "aspek": x.aspek,
            "target": x.target,
            "satuan": x.satuan,
        }
        for x in RencanaHasilKerja.objects.filter(instansi=instansi, tahun=tahun)
        .select_related("indikator_atasan")
        .order_by("nama_pegawai", "urutan")
    ]
    data["target"] = [
        {
            "instansi": ins,
            "indikator": t.indikator.kode,
            "tahun": t.tahun,
            "target": t.nilai,
            "target_atas": t.nilai_atas,
        }
        for t in Target.objects.filter(indikator__instansi=instansi)
        .select_related("indikator")
        .order_by("indikator__kode", "tahun")
    ]
    data["pk"] = [
        {
            "instansi": ins,
            "tahun": p.tahun,
            "versi": p.versi,
            "pihak_pertama": p.pihak_pertama.kode,
            "pihak_kedua": p.pihak_kedua.kode if p.pihak_kedua_id else None,
            "tanggal": p.tanggal,
            "status": p.status,
            "keterangan": p.keterangan,
            "jabatan": p.jabatan.kode if p.jabatan_id else None,
        }
        for p in pks
    ]
    data["pk_indikator"] = [
        {
            "instansi": ins,
            "tahun": x.pk_dokumen.tahun,
            "versi": x.pk_dokumen.versi,
            "indikator": x.indikator.kode,
            "target": x.target,
            "target_atas": x.target_atas,
            "no": x.no,
            "jabatan": x.pk_dokumen.jabatan.kode if x.pk_dokumen.jabatan_id else None,
        }
        for x in PKIndikator.objects.filter(pk_dokumen__in=pks)
        .select_related("pk_dokumen__jabatan", "indikator")
        .order_by("pk_dokumen__jabatan_id", "pk_dokumen__versi", "no", "indikator__kode")
    ]
    data["realisasi"] = [
        {
            "instansi": ins,
            "indikator": r.indikator.kode,
            "tahun": r.tahun,
            "periode": r.periode,
            "nilai": r.nilai,
            "catatan": r.catatan,
            "sumber": r.sumber,
        }
        for r in Realisasi.objects.filter(indikator__instansi=instansi, tahun__lte=tahun)
        .select_related("indikator")
        .order_by("indikator__kode", "tahun", "periode")
    ]
    data["pembanding"] = [
        {
            "instansi": ins,
            "indikator": p.indikator.kode,
            "tahun": p.tahun,
            "unit": p.unit,
            "realisasi": p.realisasi,
            "target": p.target,
            "sumber": p.sumber,
        }
        for p in NilaiPembanding.objects.filter(indikator__instansi=instansi, tahun__lte=tahun)
        .select_related("indikator")
        .order_by("indikator__kode", "tahun", "id")
    ]
    data["anggaran"] = [
        {
            "instansi": ins,
            "tahun": b.tahun,
            "sub_kegiatan": b.sub_kegiatan.kode,
            "subunit": b.subunit.kode if b.subunit_id else None,
            "pagu_murni": b.pagu_murni,
            "pagu": b.pagu,
            "kas_tw1": b.kas_tw1,
            "kas_tw2": b.kas_tw2,
            "kas_tw3": b.kas_tw3,
            "kas_tw4": b.kas_tw4,
        }
        for b in baris
    ]
    data["pagu_program"] = [
        {"instansi": ins, "tahun": p.tahun, "program": p.program.kode, "pagu_murni": p.pagu_murni}
        for p in sorted(pagu_program, key=lambda p: p.program.kode)
    ]
    order = {b.id: i for i, b in enumerate(baris)}
    periode_order = ["TW1", "TW2", "TW3", "TW4", "TAHUN"]
    real = sorted(
        RealisasiAnggaran.objects.filter(baris__in=baris).select_related(
            "baris__sub_kegiatan", "baris__subunit"
        ),
        key=lambda r: (order[r.baris_id], periode_order.index(r.periode)),
    )
    data["realisasi_anggaran"] = [
        {
            "instansi": ins,
            "tahun": tahun,
            "sub_kegiatan": r.baris.sub_kegiatan.kode,
            "subunit": r.baris.subunit.kode if r.baris.subunit_id else None,
            "periode": r.periode,
            "nilai": r.nilai,
        }
        for r in real
    ]
    data["dukungan"] = [
        {"instansi": ins, "tahun": d.tahun, "kode": d.kode, "indikator": d.indikator.kode}
        for d in sorted(dukungan, key=lambda d: (d.kode, d.indikator.kode))
    ]
    # a pemda planning per month: the months of an indicator with months, its quarters being
    # derived from them on import; per quarter: the quarters only (months left from a monthly plan
    # are not the plan)
    target_ra = list(
        TargetTriwulan.objects.filter(indikator__instansi=instansi, tahun=tahun).select_related("indikator")
    )
    if instansi.pemda.periode_rencana_aksi == "bulan":
        dengan_bulan = {t.indikator_id for t in target_ra if t.periode.startswith("B")}
        target_ra = [t for t in target_ra if t.periode.startswith("B") or t.indikator_id not in dengan_bulan]
    else:
        target_ra = [t for t in target_ra if t.periode.startswith("TW")]
    data["rencana_aksi"] = [
        {
            "instansi": ins,
            "indikator": t.indikator.kode,
            "tahun": t.tahun,
            "periode": t.periode,
            "target": t.nilai,
        }
        for t in sorted(target_ra, key=lambda t: (t.indikator.kode, t.periode))
    ]
    data["langkah_aksi"] = [
        {
            "instansi": ins,
            "indikator": lk.indikator.kode,
            "tahun": lk.tahun,
            "urutan": lk.urutan,
            "periode": lk.periode,
            "uraian": lk.uraian,
            "penanggung_jawab": lk.penanggung_jawab or None,
            "sub_kegiatan": lk.sub_kegiatan.kode if lk.sub_kegiatan_id else None,
        }
        for lk in sorted(
            LangkahAksi.objects.filter(indikator__instansi=instansi, tahun=tahun).select_related(
                "indikator", "sub_kegiatan"
            ),
            key=lambda lk: (lk.indikator.kode, lk.urutan, lk.id),
        )
    ]
    data["zona"] = [
        {
            "instansi": ins,
            "kode": z.kode,
            "nama": z.nama,
            "subunit": z.subunit.kode if z.subunit_id else None,
            "urutan": z.urutan,
            "tahun_nonaktif": z.tahun_nonaktif,
        }
        for z in Zona.objects.filter(instansi=instansi).select_related("subunit").order_by("kode")
    ]
    data["zona_penilaian"] = [
        {
            "instansi": ins,
            "zona": p.zona.kode,
            "tahun": p.tahun,
            "bulan": p.bulan,
            "kategori": p.kategori,
            "catatan": p.catatan,
        }
        for p in sorted(
            PenilaianZona.objects.filter(zona__instansi=instansi, tahun=tahun).select_related("zona"),
            key=lambda p: (p.zona.kode, p.bulan or 13),
        )
    ]
    urutan = ["TW1", "TW2", "S1", "TW3", "TW4", "S2", "TAHUN"]
    data["skm_nrr"] = [
        {
            "instansi": ins,
            "tahun": r.tahun,
            "periode": r.periode,
            "layanan": r.layanan.kode if r.layanan_id else None,
            **{f"u{i}": getattr(r, f"u{i}") for i in range(1, 15)},
            "responden": r.responden,
        }
        for r in sorted(
            RingkasanNRR.objects.filter(instansi=instansi, tahun=tahun).select_related("layanan"),
            key=lambda r: (urutan.index(r.periode), r.layanan.kode if r.layanan_id else ""),
        )
    ]
    data["skm_responden"] = [
        {
            "instansi": ins,
            "tahun": r.tahun,
            "periode": r.periode,
            "layanan": r.layanan.kode if r.layanan_id else None,
            "tanggal_layanan": r.tanggal_layanan,
            "jenis_kelamin": r.jenis_kelamin or None,
            "umur": r.umur,
            "pendidikan": r.pendidikan,
            "pekerjaan": r.pekerjaan,
            **{f"u{i}": getattr(r, f"u{i}") for i in range(1, 15)},
            "saran": r.saran,
        }
        for r in sorted(
            Responden.objects.filter(instansi=instansi, tahun=tahun).select_related("layanan"),
            key=lambda r: (urutan.index(r.periode) if r.periode in urutan else 9, r.id),
        )
    ]
    data["evaluasi_nilai"] = [
        {
            "instansi": ins,
            "tahun": n.tahun,
            "jenis": n.jenis,
            "komponen": n.komponen,
            "bobot": n.bobot,
            "nilai": n.nilai,
            "no": n.no,
        }
        for n in NilaiKomponen.objects.filter(instansi=instansi, tahun=tahun).order_by(
            "jenis", "no", "komponen"
        )
    ]
    for k in ("program", "kegiatan", "sub_kegiatan"):
        data[k].sort(key=lambda r: r["kode"])
    data.update(kumpulkan_rpjmd(instansi, tahun))
    return data


def export_workbook(instansi: Instansi, tahun: int, path) -> dict[str, int]:
    data = kumpulkan(instansi, tahun)
    writer.tulis(data, path)
    return {k: len(v) for k, v in data.items()}


def kode_templat(instansi: Instansi) -> dict[str, list[str]]:
    """The codes the empty template offers as lists (writer.tulis_templat): the unit's own rows
    (indicators, sub-units, Renstra, tujuan, sasaran, zones, layanan, officials it may name), its
    pemda, its RPJMD/RPD codes and the national nomenclature. One query per list."""
    from django.db.models import Q

    from rpjmd.models import IndikatorPemda, Rpjmd, SasaranPemda, TujuanPemda

    def kode(qs, f="kode"):
        return sorted(qs.values_list(f, flat=True).distinct())

    program, kegiatan, sub = (
        kode(Program.objects.all()),
        kode(Kegiatan.objects.all()),
        kode(SubKegiatan.objects.all()),
    )
    return {
        "instansi": [instansi.slug],
        "pemda": [instansi.pemda.kode],
        "indikator": kode(Indikator.objects.filter(instansi=instansi)),
        "jenjang": kode(Jenjang.objects.filter(instansi=instansi)),
        "subunit": kode(SubUnit.objects.filter(instansi=instansi)),
        "renstra": kode(Renstra.objects.filter(instansi=instansi)),
        "tujuan": kode(Tujuan.objects.filter(instansi=instansi)),
        "sasaran": kode(Sasaran.objects.filter(instansi=instansi)),
        "zona": kode(Zona.objects.filter(instansi=instansi)),
        "layanan": kode(Layanan.objects.filter(instansi=instansi)),
        "pejabat": kode(
            Pejabat.objects.filter(Q(instansi=instansi) | Q(pemda=instansi.pemda, instansi__isnull=True))
        ),
        "program": program,
        "kegiatan": kegiatan,
        "sub_kegiatan": sub,
        "anggaran_kode": sorted(set(program) | set(kegiatan) | set(sub)),
        "rpjmd": kode(Rpjmd.objects.filter(pemda=instansi.pemda)),
        "rpjmd_tujuan": kode(TujuanPemda.objects.filter(rpjmd__pemda=instansi.pemda)),
        "rpjmd_sasaran": kode(SasaranPemda.objects.filter(rpjmd__pemda=instansi.pemda)),
        "rpjmd_indikator": kode(IndikatorPemda.objects.filter(rpjmd__pemda=instansi.pemda)),
    }


def kumpulkan_rpjmd(instansi: Instansi, tahun: int) -> dict[str, list[dict]]:
    """The pemda-level sheets of a unit's workbook: the pemda's plan covering ``tahun`` (all of its
    tree and targets) and the unit's links to its sasaran. Empty sheets when no plan covers it."""
    from rpjmd.models import IndikatorPemda, Kontribusi, Misi, SasaranPemda, TargetPemda, TujuanPemda
    from rpjmd.selectors import rpjmd_berlaku

    nama = ("rpjmd", "rpjmd_misi", "rpjmd_tujuan", "rpjmd_sasaran", "rpjmd_indikator", "rpjmd_target")
    data: dict[str, list[dict]] = {n: [] for n in (*nama, "rpjmd_kontribusi")}
    p = rpjmd_berlaku(instansi.pemda_id, tahun)
    if p is None:
        return data
    dasar = {"pemda": instansi.pemda.kode, "rpjmd": p.kode}
    data["rpjmd"] = [
        {
            "pemda": instansi.pemda.kode,
            "kode": p.kode,
            "jenis": p.jenis,
            "nama": p.nama,
            "tahun_awal": p.tahun_awal,
            "tahun_akhir": p.tahun_akhir,
            "visi": p.visi,
        }
    ]
    data["rpjmd_misi"] = [
        {**dasar, "kode": m.kode, "uraian": m.uraian, "urutan": m.urutan}
        for m in Misi.objects.filter(rpjmd=p).order_by("urutan", "kode")
    ]
    data["rpjmd_tujuan"] = [
        {
            **dasar,
            "kode": t.kode,
            "uraian": t.uraian,
            "misi": t.misi.kode if t.misi_id else None,
            "urutan": t.urutan,
        }
        for t in TujuanPemda.objects.filter(rpjmd=p).select_related("misi").order_by("urutan", "kode")
    ]
    data["rpjmd_sasaran"] = [
        {**dasar, "tujuan": s.tujuan.kode, "kode": s.kode, "uraian": s.uraian, "urutan": s.urutan}
        for s in SasaranPemda.objects.filter(rpjmd=p).select_related("tujuan").order_by("urutan", "kode")
    ]
    data["rpjmd_indikator"] = [
        {
            **dasar,
            "kode": i.kode,
            "nama": i.nama,
            "level": i.level,
            "induk": (i.tujuan or i.sasaran).kode,
            "satuan": i.satuan,
            "polaritas": i.polaritas,
            "formulasi": i.formulasi,
            "urutan": i.urutan,
        }
        for i in IndikatorPemda.objects.filter(rpjmd=p)
        .select_related("tujuan", "sasaran")
        .order_by("urutan", "kode")
    ]
    data["rpjmd_target"] = [
        {
            **dasar,
            "indikator": t.indikator.kode,
            "tahun": t.tahun,
            "nilai": t.nilai,
            "nilai_atas": t.nilai_atas,
        }
        for t in TargetPemda.objects.filter(indikator__rpjmd=p)
        .select_related("indikator")
        .order_by("indikator__urutan", "indikator__kode", "tahun")
    ]
    data["rpjmd_kontribusi"] = [
        {
            "instansi": instansi.slug,
            "rpjmd": p.kode,
            "sasaran_pemda": k.sasaran_pemda.kode,
            "level": "tujuan" if k.tujuan_id else "sasaran",
            "unsur": k.unsur.kode,
            "uraian": k.uraian,
        }
        for k in Kontribusi.objects.filter(instansi=instansi, sasaran_pemda__rpjmd=p)
        .select_related("sasaran_pemda", "tujuan", "sasaran")
        .order_by("sasaran_pemda__kode", "id")
    ]
    return data
