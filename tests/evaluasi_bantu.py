"""Helpers for the evaluasi tests: an AKIP evaluation of Bantargebang taken through the workflow."""

from datetime import date

from evaluasi import services
from evaluasi.models import Evaluasi, Kriteria

JAWABAN_CONTOH = {"yt": ["Ya", "Tidak"], "abcde": ["A", "B", "C", "D", "E"], "angka": ["3.2", "4", "0"]}


def kriteria(ev: Evaluasi) -> list[Kriteria]:
    return list(
        Kriteria.objects.filter(sub__komponen__templat=ev.templat).order_by(
            "sub__komponen__no", "sub__no", "no"
        )
    )


def jawaban_ke(c: Kriteria, i: int) -> str:
    pilihan = JAWABAN_CONTOH[c.jenis_jawaban]
    return pilihan[i % len(pilihan)]


def url_komponen(ev: Evaluasi, c: Kriteria) -> str:
    """The page (one form) of the component holding criterion ``c``."""
    return f"/unit/bantargebang/evaluasi/{ev.pk}/komponen/{c.sub.komponen_id}/"


def isian_kriteria(c: Kriteria, **medan) -> dict:
    """POST data of the component form for criterion ``c`` (``usulan="Ya"``, ``berkas=<file>`` …)."""
    return {f"k{c.id}-{k}": v for k, v in medan.items()}


def tandai_sisa_tidak_relevan(op, ev: Evaluasi) -> int:
    """Mark every criterion the unit has not answered "tidak relevan" (so the LKE can be
    submitted, ``services.kriteria_belum_dijawab``); returns how many."""
    belum = services.kriteria_belum_dijawab(ev)
    for c in belum:
        services.simpan_usulan(user=op, ev=ev, kriteria=c, usulan="", tidak_relevan=True, alasan="Uji")
    return len(belum)


def evaluasi_final(users, ins, tahun=2024, jenis="akip", geser=1, rekomendasi=True) -> Evaluasi:
    """Every criterion answered by the operator and scored by the evaluator (answer shifted by ``geser``)."""
    op, evl = users["operator"], users["evaluator"]
    ev = services.buat_evaluasi(user=op, instansi=ins, tahun=tahun, jenis=jenis)
    for i, c in enumerate(kriteria(ev)):
        services.simpan_usulan(user=op, ev=ev, kriteria=c, usulan=jawaban_ke(c, i), catatan="catatan")
    services.ubah_status(user=op, ev=ev, aksi="ajukan")
    services.ubah_status(user=evl, ev=ev, aksi="mulai")
    for i, c in enumerate(kriteria(ev)):
        services.simpan_penetapan(
            user=evl, ev=ev, kriteria=c, penetapan=jawaban_ke(c, i + geser), komentar="komentar"
        )
    services.simpan_lhe(
        user=evl,
        ev=ev,
        kekuatan="Renstra tersedia\nPK ditandatangani",
        kelemahan="Analisis capaian belum mendalam",
    )
    if rekomendasi:
        services.tambah_rekomendasi(
            user=evl,
            ev=ev,
            uraian="Perbaiki analisis capaian kinerja",
            penanggung_jawab="Sekretaris Kecamatan",
            batas_waktu=date(tahun + 1, 3, 31),
        )
    services.ubah_status(user=evl, ev=ev, aksi="finalkan", konfirmasi=True)
    ev.refresh_from_db()
    return ev
