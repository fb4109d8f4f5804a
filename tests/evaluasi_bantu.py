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


def evaluasi_final(users, ins, tahun=2024, jenis="akip", geser=1, rekomendasi=True) -> Evaluasi:
    """Every criterion answered by the operator and scored by the evaluator (answer shifted by ``geser``)."""
    op, evl = users["operator"], users["evaluator"]
    ev = services.buat_evaluasi(op, ins, tahun, jenis)
    for i, c in enumerate(kriteria(ev)):
        services.simpan_usulan(op, ev, c, jawaban_ke(c, i), "catatan")
    services.ubah_status(op, ev, "ajukan")
    services.ubah_status(evl, ev, "mulai")
    for i, c in enumerate(kriteria(ev)):
        services.simpan_penetapan(evl, ev, c, jawaban_ke(c, i + geser), "komentar")
    services.simpan_lhe(evl, ev, "Renstra tersedia\nPK ditandatangani", "Analisis capaian belum mendalam")
    if rekomendasi:
        services.tambah_rekomendasi(
            evl, ev, "Perbaiki analisis capaian kinerja", "Sekretaris Kecamatan", date(tahun + 1, 3, 31)
        )
    services.ubah_status(evl, ev, "finalkan")
    ev.refresh_from_db()
    return ev
