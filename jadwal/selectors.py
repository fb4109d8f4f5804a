"""Reads of the schedule: a pemda's year (for its page) and whether a unit may still enter a
quarter (the entry services refuse through ``jadwal.services.tolak_jika_tutup``; the realisasi
pages show the same status). "Today" is ``hari_ini()``: ``timezone.localdate()``, which a test
replaces (monkeypatch, or the ``hari_ini`` argument)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from rumus.format import format_tanggal

from .models import PERIODE, Alur, JadwalPemda, JendelaEntri, Pengecualian, batas_lkip_bawaan


def hari_ini() -> dt.date:
    return timezone.localdate()


@dataclass(frozen=True)
class StatusEntri:
    """Whether one unit may enter one quarter of one workflow today, and the sentence saying so."""

    jendela: JendelaEntri | None
    pengecualian: Pengecualian | None
    terbuka: bool
    teks: str  # shown on the realisasi pages ("" when no window is set)

    @property
    def batas(self) -> dt.date | None:
        """The last day the unit may enter: the exception's date when later than the window's."""
        if self.jendela is None:
            return None
        if self.pengecualian is not None and self.pengecualian.sampai > self.jendela.tutup:
            return self.pengecualian.sampai
        return self.jendela.tutup


def _nama_alur(alur: str) -> str:
    return str(Alur(alur).label).lower()


def _status(jendela, pengecualian, alur, periode, tahun, hari) -> StatusEntri:
    if jendela is None:
        return StatusEntri(None, pengecualian, True, "")
    arg = {
        "alur": _nama_alur(alur),
        "periode": periode,
        "tahun": tahun,
        "buka": format_tanggal(jendela.buka),
        "tutup": format_tanggal(jendela.tutup),
    }
    if pengecualian is not None and hari <= pengecualian.sampai:
        teks = _(
            "Jendela entri %(alur)s %(periode)s %(tahun)s ditutup %(tutup)s; unit ini mendapat "
            "pengecualian sampai %(sampai)s."
        ) % {**arg, "sampai": format_tanggal(pengecualian.sampai)}
        return StatusEntri(jendela, pengecualian, True, teks)
    if hari < jendela.buka:
        teks = _("Jendela entri %(alur)s %(periode)s %(tahun)s dibuka %(buka)s sampai %(tutup)s.") % arg
        return StatusEntri(jendela, pengecualian, False, teks)
    if hari > jendela.tutup:
        teks = _("Jendela entri %(alur)s %(periode)s %(tahun)s ditutup %(tutup)s.") % arg
        return StatusEntri(jendela, pengecualian, False, teks)
    teks = _("Jendela entri %(alur)s %(periode)s %(tahun)s terbuka %(buka)s sampai %(tutup)s.") % arg
    return StatusEntri(jendela, pengecualian, True, teks)


def status_entri(instansi, tahun: int, alur: str, periode: str, hari: dt.date | None = None) -> StatusEntri:
    """The window and the exception of one unit's quarter (two queries)."""
    hari = hari or hari_ini()
    jendela = JendelaEntri.objects.filter(
        pemda_id=instansi.pemda_id, tahun=tahun, alur=alur, periode=periode
    ).first()
    pengecualian = Pengecualian.objects.filter(
        instansi=instansi, tahun=tahun, alur=alur, periode=periode
    ).first()
    return _status(jendela, pengecualian, alur, periode, tahun, hari)


def jadwal_tahun(pemda, tahun: int) -> dict:
    """A pemda's schedule of a year as the schedule page's initial values (the LKIP deadline
    defaults to 31 March of the next year)."""
    j = JadwalPemda.objects.filter(pemda=pemda, tahun=tahun).first()
    awal = {
        "batas_lkip": j.batas_lkip if j else batas_lkip_bawaan(tahun),
        "evaluasi_mulai": j.evaluasi_mulai if j else None,
        "evaluasi_ajukan": j.evaluasi_ajukan if j else None,
        "evaluasi_final": j.evaluasi_final if j else None,
    }
    for w in JendelaEntri.objects.filter(pemda=pemda, tahun=tahun):
        awal[f"{w.alur}_{w.periode}_buka"] = w.buka
        awal[f"{w.alur}_{w.periode}_tutup"] = w.tutup
    return awal


def jadwal_tersimpan(pemda, tahun: int) -> JadwalPemda | None:
    return JadwalPemda.objects.filter(pemda=pemda, tahun=tahun).first()


def pengecualian_tahun(pemda, tahun: int) -> list[Pengecualian]:
    return list(
        Pengecualian.objects.filter(instansi__pemda=pemda, tahun=tahun)
        .select_related("instansi", "diberikan_oleh")
        .order_by("alur", "periode", "instansi__nama")
    )


def jendela_ditutup(hari: dt.date) -> list[JendelaEntri]:
    """Every window (any pemda, any year) that closes on ``hari`` (for the reminders)."""
    return list(JendelaEntri.objects.filter(tutup=hari).select_related("pemda"))


__all__ = ["PERIODE", "StatusEntri", "hari_ini", "status_entri", "jadwal_tahun", "pengecualian_tahun"]
