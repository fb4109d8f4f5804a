"""Writes of the schedule: a pemda's year (admin_pemda, one save), the late-entry exceptions,
and the check every realisasi entry service makes before it writes (``tolak_jika_tutup``)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from akun.izin import boleh_pemda
from audit.models import Aksi, catat
from dasar.galat import Ditolak
from dasar.teks import tolak_jika_panjang
from rumus.format import format_tanggal

from . import selectors
from .models import PERIODE, Alur, JadwalPemda, JendelaEntri, Pengecualian

TANGGAL_JADWAL = ("batas_lkip", "evaluasi_mulai", "evaluasi_ajukan", "evaluasi_final")


def tolak_jika_tutup(*, instansi, tahun: int, alur: str, periode: str, hari: dt.date | None = None) -> None:
    """Refuse (``Ditolak``) an entry into a quarter whose window is not open today for this unit:
    closed (and no exception until today or later) or not yet open. No window: open."""
    if periode not in PERIODE:
        return  # only quarters have windows
    st = selectors.status_entri(instansi, tahun, alur, periode, hari)
    if st.terbuka:
        return
    if st.jendela is not None and (hari or selectors.hari_ini()) < st.jendela.buka:
        raise Ditolak(st.teks)
    raise Ditolak(
        st.teks + " " + _("Data tidak dapat diubah lagi; minta admin pemda memberi pengecualian bila perlu.")
    )


def _tanggal(d) -> str:
    return d.isoformat() if d else ""


@transaction.atomic
def simpan_jadwal(*, user, pemda, tahun: int, data: dict) -> int:
    """Save a pemda's schedule of a year at once: ``data`` holds ``batas_lkip``, the evaluation
    dates and ``<alur>_<TWn>_buka`` / ``_tutup`` (both or neither; neither: no window, the quarter
    stays open). All or nothing; audited per changed date. Returns the number of dates changed."""
    if not boleh_pemda(user, "kelola", pemda):
        raise PermissionDenied
    errors = []
    for alur in Alur.values:
        for p in PERIODE:
            buka, tutup = data.get(f"{alur}_{p}_buka"), data.get(f"{alur}_{p}_tutup")
            nama = f"{Alur(alur).label} {p}"
            if (buka is None) != (tutup is None):
                errors.append(
                    _("%(nama)s: isi tanggal buka dan tanggal tutup, atau kosongkan keduanya.")
                    % {"nama": nama}
                )
            elif buka and buka > tutup:
                errors.append(
                    _("%(nama)s: tanggal buka %(buka)s sesudah tanggal tutup %(tutup)s.")
                    % {"nama": nama, "buka": format_tanggal(buka), "tutup": format_tanggal(tutup)}
                )
    if not data.get("batas_lkip"):
        errors.append(_("Batas penyampaian LKIP wajib diisi."))
    if errors:
        raise Ditolak(" ".join(errors))
    changed = 0
    j = JadwalPemda.objects.select_for_update().filter(pemda=pemda, tahun=tahun).first()
    lama = {f: getattr(j, f) if j else None for f in TANGGAL_JADWAL}
    baru = {f: data.get(f) for f in TANGGAL_JADWAL}
    perubahan = {f: (_tanggal(lama[f]), _tanggal(baru[f])) for f in TANGGAL_JADWAL if lama[f] != baru[f]}
    if j is None:
        j = JadwalPemda.objects.create(pemda=pemda, tahun=tahun, diubah_oleh=user, **baru)
    elif perubahan:
        for f, v in baru.items():
            setattr(j, f, v)
        j.diubah_oleh = user
        j.save()
    if perubahan:
        catat(user, j, Aksi.UBAH, perubahan, pemda_id=pemda.id, keterangan="jadwal")
        changed += len(perubahan)
    ada = {
        (w.alur, w.periode): w
        for w in JendelaEntri.objects.select_for_update().filter(pemda=pemda, tahun=tahun)
    }
    for alur in Alur.values:
        for p in PERIODE:
            buka, tutup = data.get(f"{alur}_{p}_buka"), data.get(f"{alur}_{p}_tutup")
            w = ada.get((alur, p))
            kunci = f"{alur} {p}"
            if buka is None:
                if w is not None:
                    catat(
                        user,
                        w,
                        Aksi.HAPUS,
                        {kunci: (f"{_tanggal(w.buka)}–{_tanggal(w.tutup)}", "")},
                        pemda_id=pemda.id,
                        keterangan="jendela entri",
                    )
                    w.delete()
                    changed += 1
                continue
            if w is None:
                w = JendelaEntri.objects.create(
                    pemda=pemda, tahun=tahun, alur=alur, periode=p, buka=buka, tutup=tutup
                )
                catat(
                    user,
                    w,
                    Aksi.BUAT,
                    {kunci: ("", f"{_tanggal(buka)}–{_tanggal(tutup)}")},
                    pemda_id=pemda.id,
                    keterangan="jendela entri",
                )
                changed += 1
            elif (w.buka, w.tutup) != (buka, tutup):
                catat(
                    user,
                    w,
                    Aksi.UBAH,
                    {
                        kunci: (
                            f"{_tanggal(w.buka)}–{_tanggal(w.tutup)}",
                            f"{_tanggal(buka)}–{_tanggal(tutup)}",
                        )
                    },
                    pemda_id=pemda.id,
                    keterangan="jendela entri",
                )
                w.buka, w.tutup = buka, tutup
                w.save()
                changed += 1
    return changed


@transaction.atomic
def beri_pengecualian(
    *, user, instansi, tahun: int, alur: str, periode: str, sampai: dt.date, alasan: str
) -> Pengecualian:
    """Let one unit enter one quarter of one workflow until ``sampai`` though its window is
    closed (admin_pemda of the unit's pemda); granting again moves the date. Audited."""
    if not boleh_pemda(user, "kelola", instansi.pemda_id):
        raise PermissionDenied
    if alur not in Alur.values or periode not in PERIODE:
        raise Ditolak(_("Alur atau periode tidak dikenal."))
    alasan = (alasan or "").strip()
    if not alasan:
        raise Ditolak(_("Tuliskan alasan pengecualian, contoh: server unit rusak pada 10–14 Juli."))
    tolak_jika_panjang(Pengecualian, alasan=alasan)
    jendela = JendelaEntri.objects.filter(
        pemda_id=instansi.pemda_id, tahun=tahun, alur=alur, periode=periode
    ).first()
    if jendela is None:
        raise Ditolak(
            _(
                "Belum ada jendela entri %(alur)s %(periode)s %(tahun)s: periode ini terbuka tanpa pengecualian."
            )
            % {"alur": str(Alur(alur).label).lower(), "periode": periode, "tahun": tahun}
        )
    if sampai <= jendela.tutup:
        raise Ditolak(
            _("Tanggal pengecualian harus sesudah penutupan jendela (%(tutup)s).")
            % {"tutup": format_tanggal(jendela.tutup)}
        )
    p = (
        Pengecualian.objects.select_for_update()
        .filter(instansi=instansi, tahun=tahun, alur=alur, periode=periode)
        .first()
    )
    if p is None:
        p = Pengecualian.objects.create(
            instansi=instansi,
            tahun=tahun,
            alur=alur,
            periode=periode,
            sampai=sampai,
            alasan=alasan,
            diberikan_oleh=user,
        )
        catat(
            user,
            p,
            Aksi.BUAT,
            {"sampai": ("", _tanggal(sampai)), "alasan": ("", alasan)},
            instansi,
            keterangan=f"pengecualian entri {alur} {periode} {tahun}",
        )
        return p
    perubahan = {
        f: (_tanggal(a) if f == "sampai" else a, _tanggal(b) if f == "sampai" else b)
        for f, a, b in (("sampai", p.sampai, sampai), ("alasan", p.alasan, alasan))
        if a != b
    }
    if perubahan:
        p.sampai, p.alasan, p.diberikan_oleh = sampai, alasan, user
        p.save()
        catat(
            user, p, Aksi.UBAH, perubahan, instansi, keterangan=f"pengecualian entri {alur} {periode} {tahun}"
        )
    return p


@transaction.atomic
def cabut_pengecualian(*, user, pengecualian: Pengecualian) -> None:
    """Withdraw an exception (admin_pemda of the unit's pemda). Audited."""
    instansi = pengecualian.instansi
    if not boleh_pemda(user, "kelola", instansi.pemda_id):
        raise PermissionDenied
    catat(
        user,
        pengecualian,
        Aksi.HAPUS,
        {"sampai": (_tanggal(pengecualian.sampai), "")},
        instansi,
        keterangan=f"pengecualian entri {pengecualian.alur} {pengecualian.periode} {pengecualian.tahun}",
    )
    pengecualian.delete()
