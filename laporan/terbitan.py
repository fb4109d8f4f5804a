"""An issued LKIP's frozen content: a ``Dokumen`` as plain JSON values and back, and the list of
changes between two issued versions.

``ke_isi(dok)`` turns a built document into plain JSON values (dicts, lists, strings, integers,
booleans, None; a figure as the base64 PNG the DOCX embeds and its width in hundredths of an
inch), so ``dasar.sidik`` hashes it like a signed PK's ``isi_beku``; ``dari_isi(isi)`` gives the
``Dokumen`` back, which the renderers turn into the issued DOCX and PDF. ``perubahan(lama, baru)``
lists, in Indonesian, what differs between two frozen contents: sections added or removed, texts
changed, table cells changed (row, column, old → new), tables and figures added, removed or changed.
"""

from __future__ import annotations

import base64

from laporan.dokumen import (
    ROMAWI,
    Bab,
    Bagian,
    Dokumen,
    DuaTandaTangan,
    Gambar,
    Paragraf,
    PemisahHalaman,
    Sampul,
    Tabel,
    TandaTangan,
)

FORMAT_ISI = 1  # version of the frozen content's layout
MAKS_SEL = 10  # changed cells listed per table; more are counted


def _ttd(t: TandaTangan) -> dict:
    return {
        "tempat_tanggal": t.tempat_tanggal,
        "jabatan": t.jabatan,
        "nama": t.nama,
        "pangkat": t.pangkat,
        "nip": t.nip,
    }


def _item(it) -> dict:
    from laporan.keluaran import png_gambar

    if isinstance(it, Paragraf):
        return {"jenis": "paragraf", "teks": it.teks, "gaya": it.gaya}
    if isinstance(it, Tabel):
        return {
            "jenis": "tabel",
            "judul": it.judul,
            "nomor": it.nomor,
            "kepala": [[str(c) for c in r] for r in it.kepala],
            "baris": [[str(c) for c in r] for r in it.baris],
            "kolom_angka": list(it.kolom_angka),
            **({"sumber": it.sumber} if it.sumber else {}),
        }
    if isinstance(it, Gambar):
        if it.png:
            png, lebar = it.png, it.lebar_inci
        elif it.figure is not None:
            png, lebar = png_gambar(it.figure)
        else:
            png, lebar = b"", 0.0
        return {
            "jenis": "gambar",
            "judul": it.judul,
            "nomor": it.nomor,
            "png": base64.b64encode(png).decode("ascii"),
            "lebar": round(lebar * 100),
        }
    if isinstance(it, DuaTandaTangan):
        return {"jenis": "dua_tanda_tangan", "kiri": _ttd(it.kiri), "kanan": _ttd(it.kanan)}
    if isinstance(it, TandaTangan):
        return {"jenis": "tanda_tangan", **_ttd(it)}
    if isinstance(it, PemisahHalaman):
        return {"jenis": "pemisah_halaman"}
    raise TypeError(f"unknown document item {type(it).__name__}")


def _bagian(bg: Bagian) -> dict:
    return {
        "judul": bg.judul,
        "nomor": bg.nomor,
        "isi": [_item(it) for it in bg.isi],
        "anak": [_bagian(a) for a in bg.anak],
    }


def ke_isi(dok: Dokumen) -> dict:
    """The document as plain JSON values (what an issued version freezes and hashes)."""
    dok.beri_nomor()
    s = dok.sampul
    return {
        "format": FORMAT_ISI,
        "judul": dok.judul,
        "kepala": dok.kepala,
        "dengan_daftar": dok.dengan_daftar,
        "sampul": None
        if s is None
        else {
            "judul": list(s.judul),
            "subjudul": list(s.subjudul),
            "penerbit": list(s.penerbit),
            # the logo only when there is one, so a content without it keeps its earlier form
            **({"logo": base64.b64encode(s.logo).decode("ascii")} if s.logo else {}),
        },
        "pembuka": [_bagian(b) for b in dok.pembuka],
        "bab": [_bagian(b) for b in dok.bab],
        "lampiran": [_bagian(b) for b in dok.lampiran],
    }


def _dari_ttd(d: dict) -> TandaTangan:
    return TandaTangan(d["tempat_tanggal"], d["jabatan"], d["nama"], d["pangkat"], d["nip"])


def _dari_item(d: dict):
    j = d["jenis"]
    if j == "paragraf":
        return Paragraf(d["teks"], d["gaya"])
    if j == "tabel":
        return Tabel(
            d["judul"],
            d["kepala"],
            d["baris"],
            kolom_angka=list(d["kolom_angka"]),
            sumber=d.get("sumber", ""),
        )
    if j == "gambar":
        return Gambar(d["judul"], None, png=base64.b64decode(d["png"]) or None, lebar_inci=d["lebar"] / 100)
    if j == "dua_tanda_tangan":
        return DuaTandaTangan(_dari_ttd(d["kiri"]), _dari_ttd(d["kanan"]))
    if j == "tanda_tangan":
        return _dari_ttd(d)
    return PemisahHalaman()


def _dari_bagian(d: dict, kelas=Bagian) -> Bagian:
    bg = kelas(d["judul"])
    bg.isi = [_dari_item(x) for x in d["isi"]]
    bg.anak = [_dari_bagian(x) for x in d["anak"]]
    return bg


def dari_isi(isi: dict, balik: list[str] | None = None) -> Dokumen:
    """The ``Dokumen`` of a frozen content; ``balik``: the lines of the cover's back page."""
    s = isi["sampul"]
    dok = Dokumen(
        isi["judul"],
        kepala=isi["kepala"],
        dengan_daftar=isi["dengan_daftar"],
        sampul=None
        if s is None
        else Sampul(
            s["judul"],
            s["subjudul"],
            s["penerbit"],
            list(balik or []),
            logo=base64.b64decode(s["logo"]) if s.get("logo") else None,
        ),
    )
    dok.pembuka = [_dari_bagian(b) for b in isi["pembuka"]]
    dok.bab = [_dari_bagian(b, Bab) for b in isi["bab"]]
    dok.lampiran = [_dari_bagian(b) for b in isi["lampiran"]]
    dok.beri_nomor()
    return dok


# --- changes between two versions -------------------------------------------------------------


def _semua_bagian(isi: dict) -> dict[str, dict]:
    """Every section by its printed heading ("BAB III Akuntabilitas Kinerja", "3.1 Capaian …")."""
    out: dict[str, dict] = {}

    def telusur(bg: dict, judul: str) -> None:
        out.setdefault(judul, bg)
        for a in bg["anak"]:
            telusur(a, f"{a['nomor']} {a['judul']}" if a["nomor"] else a["judul"])

    for b in isi["pembuka"] + isi["lampiran"]:
        telusur(b, b["judul"])
    for i, b in enumerate(isi["bab"], start=1):
        telusur(b, f"BAB {ROMAWI[i - 1] if i <= len(ROMAWI) else i} {b['judul']}")
    return out


def _label(it: dict) -> str:
    jenis = "Tabel" if it["jenis"] == "tabel" else "Gambar"
    return f"{jenis} {it['nomor']} {it['judul']}" if it["nomor"] else it["judul"]


def _sel_berubah(label: str, lama: dict, baru: dict) -> list[str]:
    kolom = baru["kepala"][-1] if baru["kepala"] else []
    kunci_lama = {(r[0] if r else ""): r for r in lama["baris"]}
    kunci_baru = {(r[0] if r else ""): r for r in baru["baris"]}
    if len(kunci_lama) != len(lama["baris"]) or len(kunci_baru) != len(baru["baris"]):
        # rows not told apart by their first cell: compare by position
        kunci_lama = {str(i): r for i, r in enumerate(lama["baris"], start=1)}
        kunci_baru = {str(i): r for i, r in enumerate(baru["baris"], start=1)}
    hasil, lebih = [], 0
    for k in sorted(kunci_baru.keys() - kunci_lama.keys()):
        hasil.append(f"{label}: baris baru \u201c{k}\u201d")
    for k in sorted(kunci_lama.keys() - kunci_baru.keys()):
        hasil.append(f"{label}: baris \u201c{k}\u201d dihapus")
    for k, rb in kunci_baru.items():
        rl = kunci_lama.get(k)
        if rl is None:
            continue
        for i in range(max(len(rl), len(rb))):
            a = rl[i] if i < len(rl) else ""
            b = rb[i] if i < len(rb) else ""
            if a != b:
                if len(hasil) >= MAKS_SEL:
                    lebih += 1
                    continue
                nama_kolom = kolom[i] if i < len(kolom) and kolom[i] else f"kolom {i + 1}"
                hasil.append(f"{label}, baris \u201c{k}\u201d, {nama_kolom}: {a} \u2192 {b}")
    if lebih:
        hasil.append(f"{label}: {lebih} sel lain berubah")
    if lama["kepala"] != baru["kepala"] and not hasil:
        hasil.append(f"{label}: judul kolom berubah")
    return hasil


def perubahan(lama: dict, baru: dict) -> list[str]:
    """What changed from the frozen content ``lama`` to ``baru``, one Indonesian sentence each, in
    the order of the new document (sections removed at the end)."""
    hasil: list[str] = []
    if lama.get("sampul") != baru.get("sampul"):
        hasil.append("Sampul berubah")
    bl, bb = _semua_bagian(lama), _semua_bagian(baru)
    for judul, b in bb.items():
        a = bl.get(judul)
        if a is None:
            hasil.append(f"Bagian baru: {judul}")
            continue
        teks_a = [x for x in a["isi"] if x["jenis"] not in ("tabel", "gambar")]
        teks_b = [x for x in b["isi"] if x["jenis"] not in ("tabel", "gambar")]
        if teks_a != teks_b:
            hasil.append(f"Teks bagian {judul} berubah")
        obj_a = {_label(x): x for x in a["isi"] if x["jenis"] in ("tabel", "gambar")}
        obj_b = {_label(x): x for x in b["isi"] if x["jenis"] in ("tabel", "gambar")}
        for label, x in obj_b.items():
            y = obj_a.get(label)
            if y is None:
                hasil.append(f"{label} ditambahkan")
            elif x != y:
                if x["jenis"] == "tabel":
                    hasil += _sel_berubah(label, y, x)
                else:
                    hasil.append(f"{label} berubah")
        for label in sorted(obj_a.keys() - obj_b.keys()):
            hasil.append(f"{label} dihapus")
    for judul in sorted(bl.keys() - bb.keys()):
        hasil.append(f"Bagian dihapus: {judul}")
    return hasil
