"""Indonesian sentences that state numbers, comparisons and verdicts (LKIP narrative).

The wording of the verdict is ``rumus.capaian.status_target`` (PermenPANRB 53/2014:
capaian > 100 % "melampaui target", = 100 % "mencapai target", < 100 % "belum mencapai
target"), decided on the exact value; the category is ``kategori_capaian``. Numbers are
formatted by ``rumus.format`` only. No Django imports (pure functions).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .anggaran import efisiensi, serapan
from .capaian import Polaritas, kategori_capaian, status_target
from .format import DESIMAL_INDEKS, bulat, format_angka, format_persen, format_rupiah

# serapan is shown with 2 decimals, as in the budget tables (95,05 %; seed Tabel 3.21)
DESIMAL_SERAPAN = 2

__all__ = [
    "angka",
    "arah_perubahan",
    "kalimat_anggaran",
    "kalimat_banding_tahun",
    "kalimat_capaian",
    "kalimat_pembanding_unit",
    "kalimat_target_akhir",
    "nilai_satuan",
]


def angka(value: Decimal | None, places: int = DESIMAL_INDEKS, kosong: str = "-") -> str:
    """An indicator value with at most ``places`` decimals and no trailing zeros:
    83 → "83", 74.15 → "74,15", 81.18125 → "81,18", 58.3333 → "58,33"."""
    if value is None:
        return kosong
    q = bulat(value, places)
    text = format_angka(q, places)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def nilai_satuan(value: Decimal | None, satuan: str = "", kosong: str = "-") -> str:
    """A value with its unit when the unit is a percentage ("58,33 %"), else the bare number."""
    if value is None:
        return kosong
    if "%" in (satuan or "") or (satuan or "").lower().startswith("persen"):
        return f"{angka(value)} %"
    return angka(value)


def kalimat_capaian(
    nama: str,
    tahun: int,
    target: Decimal | None,
    realisasi: Decimal | None,
    capaian: Decimal | None,
    satuan: str = "",
) -> str:
    """ "Target <indikator> tahun N sebesar T dengan realisasi R, sehingga capaian kinerja C %
    (<verdict>, kategori <k>)." — or plainly says what is missing."""
    if target is None:
        return f"Target {nama} tahun {tahun} belum ditetapkan dalam Perjanjian Kinerja."
    if realisasi is None:
        return (
            f"Realisasi {nama} tahun {tahun} belum diisi, sehingga capaian terhadap target "
            f"{nilai_satuan(target, satuan)} belum dapat dihitung."
        )
    awal = (
        f"Target {nama} tahun {tahun} sebesar {nilai_satuan(target, satuan)} dengan realisasi "
        f"{nilai_satuan(realisasi, satuan)}"
    )
    if capaian is None:
        return f"{awal}; capaian tidak dapat dihitung (target bernilai nol)."
    return (
        f"{awal}, sehingga capaian kinerja {format_persen(capaian)} atau "
        f"{status_target(capaian)} (kategori {kategori_capaian(capaian)})."
    )


def arah_perubahan(kini: Decimal, lalu: Decimal, polaritas: Polaritas | str = Polaritas.POSITIF) -> str:
    """ "meningkat", "menurun" or "sama"; for negative polarity a lower value is also named
    by its direction (the verdict on whether it is better is in ``kalimat_banding_tahun``)."""
    if kini > lalu:
        return "meningkat"
    if kini < lalu:
        return "menurun"
    return "sama"


def _lebih_baik(kini: Decimal, lalu: Decimal, polaritas: Polaritas | str) -> bool | None:
    if kini == lalu:
        return None
    if Polaritas(polaritas) is Polaritas.NEGATIF:
        return kini < lalu
    return kini > lalu


def kalimat_banding_tahun(
    nama: str,
    tahun: int,
    kini: Decimal | None,
    lalu: Sequence[tuple[int, Decimal | None]],
    polaritas: Polaritas | str = Polaritas.POSITIF,
    satuan: str = "",
) -> str:
    """This year against earlier years: "Realisasi ... tahun 2024 (81,18) menurun dibanding tahun
    2023 (90,74)." Years without a value are named as missing."""
    ada = [(t, v) for t, v in lalu if v is not None]
    kosong = [t for t, v in lalu if v is None]
    if kini is None:
        return f"Realisasi {nama} tahun {tahun} belum diisi, sehingga belum dapat dibandingkan dengan tahun sebelumnya."
    if not ada:
        daftar = ", ".join(str(t) for t in kosong) if kosong else str(tahun - 1)
        return f"Data realisasi {nama} tahun {daftar} belum tersedia, sehingga perbandingan antartahun belum dapat disajikan."
    kalimat = []
    for t, v in sorted(ada, reverse=True):
        arah = arah_perubahan(kini, v, polaritas)
        if arah == "sama":
            kalimat.append(f"sama dengan tahun {t} ({nilai_satuan(v, satuan)})")
        else:
            baik = _lebih_baik(kini, v, polaritas)
            kalimat.append(
                f"{arah} dibanding tahun {t} ({nilai_satuan(v, satuan)}), "
                f"{'lebih baik' if baik else 'lebih buruk'}"
            )
    teks = f"Realisasi {nama} tahun {tahun} sebesar {nilai_satuan(kini, satuan)} " + "; ".join(kalimat) + "."
    if kosong:
        teks += f" Data tahun {', '.join(str(t) for t in kosong)} belum tersedia."
    return teks


def kalimat_target_akhir(
    nama: str,
    tahun: int,
    kini: Decimal | None,
    target_akhir: Decimal | None,
    tahun_akhir: int | None,
    capaian: Decimal | None,
    satuan: str = "",
) -> str:
    """Realisasi this year against the Renstra end target."""
    if target_akhir is None or tahun_akhir is None:
        return f"Target akhir Renstra untuk {nama} belum ditetapkan."
    if kini is None:
        return (
            f"Target akhir Renstra {nama} (tahun {tahun_akhir}) sebesar {nilai_satuan(target_akhir, satuan)}; "
            f"realisasi tahun {tahun} belum diisi."
        )
    if capaian is None:
        return (
            f"Target akhir Renstra {nama} (tahun {tahun_akhir}) sebesar {nilai_satuan(target_akhir, satuan)}; "
            f"capaian terhadapnya tidak dapat dihitung."
        )
    return (
        f"Dibandingkan target akhir Renstra tahun {tahun_akhir} sebesar {nilai_satuan(target_akhir, satuan)}, "
        f"realisasi tahun {tahun} sebesar {nilai_satuan(kini, satuan)} merupakan capaian "
        f"{format_persen(capaian)} ({status_target(capaian)} akhir Renstra)."
    )


def kalimat_pembanding_unit(
    nama_unit: str,
    nama: str,
    tahun: int,
    kini: Decimal | None,
    lain: Sequence[tuple[str, Decimal]],
    polaritas: Polaritas | str = Polaritas.POSITIF,
    satuan: str = "",
) -> str:
    """The unit's realisasi ranked among other units' published values."""
    if not lain:
        return f"Belum ada nilai pembanding dari unit lain untuk {nama} tahun {tahun}."
    if kini is None:
        return (
            f"Realisasi {nama} tahun {tahun} belum diisi, sehingga belum dapat dibandingkan dengan unit lain."
        )
    semua = [(nama_unit, kini), *lain]
    negatif = Polaritas(polaritas) is Polaritas.NEGATIF
    urut = sorted(semua, key=lambda p: p[1], reverse=not negatif)
    peringkat = 1 + sum(1 for _, v in semua if (v < kini if negatif else v > kini))
    lebih_baik = sum(1 for _, v in lain if (v > kini if negatif else v < kini))
    terbaik = urut[0]
    teks = (
        f"Dibandingkan {len(lain)} unit lain, {nama_unit} dengan realisasi {nama} tahun {tahun} "
        f"sebesar {nilai_satuan(kini, satuan)} berada pada peringkat {peringkat} dari {len(semua)}, "
        f"lebih baik dari {lebih_baik} unit"
    )
    if terbaik[0] != nama_unit:
        teks += f"; nilai terbaik {nilai_satuan(terbaik[1], satuan)} ({terbaik[0]})"
    return teks + "."


def kalimat_anggaran(uraian: str, pagu: Decimal | None, realisasi: Decimal | None) -> str:
    """ "<uraian> memiliki pagu anggaran Rp P dengan realisasi Rp R (serapan S %, tingkat
    efisiensi E %)." — the pagu and the realisasi are never confused (seed mistake, docs/rules.md §9)."""
    if pagu is None or pagu == 0:
        return f"{uraian} belum memiliki pagu anggaran yang tercatat."
    s = serapan(pagu, realisasi)
    e = efisiensi(pagu, realisasi)
    return (
        f"{uraian} memiliki pagu anggaran {format_rupiah(pagu)} dengan realisasi "
        f"{format_rupiah(realisasi or Decimal(0))} (serapan {format_persen(s, DESIMAL_SERAPAN)}, "
        f"tingkat efisiensi {format_persen(e, DESIMAL_SERAPAN)})."
    )
