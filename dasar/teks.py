"""Which characters text may hold: the one rule for form fields, import cells and documents.

Allowed: every character except the control characters other than tab and line break (C0
``U+0000``–``U+001F`` without ``\\t``/``\\n``, DEL and C1 ``U+007F``–``U+009F``), the
non-characters ``U+FFFE``/``U+FFFF`` and lone surrogates. They are invisible, XML (so DOCX
and XLSX) cannot hold most of them and PostgreSQL refuses NUL in text, so one pasted
character would otherwise break a document or a save. Carriage returns are line breaks
(``\\r\\n`` and ``\\r`` become ``\\n``).

* :func:`bersihkan` removes them (text typed or pasted in a form; the renderers' last defence);
  a vertical tab or form feed (Word's manual line and page break) becomes a line break.
* :func:`masalah` describes the first one (imports refuse the cell and name the rule).

Pure Python, no Django: used by every app.
"""

from __future__ import annotations

import re

_TERLARANG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_GANTI_BARIS = re.compile("\r\n?|[\x0b\x0c]")

ATURAN = "only letters, digits, punctuation, tab and line breaks are allowed"


def bersihkan(teks: str) -> str:
    """``teks`` without the characters that are not allowed (line breaks normalised to ``\\n``)."""
    if not isinstance(teks, str):
        return teks
    return _TERLARANG.sub("", _GANTI_BARIS.sub("\n", teks))


def masalah(teks: str) -> str | None:
    """None when ``teks`` holds only allowed characters, else which character and where (for an
    error message that names the rule)."""
    m = _TERLARANG.search(teks.replace("\r", "\n")) if isinstance(teks, str) else None
    if m is None:
        return None
    kode = ord(m.group())
    return f"contains the control character U+{kode:04X} at position {m.start() + 1} ({ATURAN})"


def bersih_semua(data):
    """``data`` (str, or lists/tuples/dicts of them, nested) with every string cleaned."""
    if isinstance(data, str):
        return bersihkan(data)
    if isinstance(data, (list, tuple)):
        return type(data)(bersih_semua(x) for x in data)
    if isinstance(data, dict):
        return {k: bersih_semua(v) for k, v in data.items()}
    return data


def ambil(data, nama: str, default: str = "") -> str:
    """Field ``nama`` of submitted form data (``request.POST``/``GET``), cleaned: what every view
    that reads text from a request without a Django form uses."""
    return bersihkan(data.get(nama, default) or default)


def bersih_data(data, kecuali: tuple[str, ...] = ()):
    """A copy of submitted form data (a QueryDict or a dict) with every value cleaned: given to
    a Django form or a parsing function instead of ``request.POST``. Keys containing one of
    ``kecuali`` (e.g. "password": compared as typed) are left as they are."""

    def tetap(k) -> bool:
        return any(x in str(k) for x in kecuali)

    if hasattr(data, "lists"):  # QueryDict: every value of every key
        salinan = data.copy()
        for k, vs in data.lists():
            if not tetap(k):
                salinan.setlist(k, [bersihkan(v) for v in vs])
        return salinan
    return {k: v if tetap(k) else bersih_semua(v) for k, v in data.items()}


def terlalu_panjang(nilai: dict, model) -> list[str]:
    """Messages for the text values of ``nilai`` longer than the ``max_length`` of the field of
    the same name on ``model`` (a Django model class; fields without a limit are not checked)."""
    pesan = []
    for k, v in nilai.items():
        if not isinstance(v, str):
            continue
        try:
            f = model._meta.get_field(k)
        except Exception:  # FieldDoesNotExist: not a column
            continue
        maks = getattr(f, "max_length", None)
        if maks and len(v) > maks:
            pesan.append(f"{str(f.verbose_name).capitalize()}: paling banyak {maks} karakter (ada {len(v)}).")
    return pesan


def tolak_jika_panjang(model, **nilai) -> None:
    """Raise ``dasar.galat.Ditolak`` (nothing saved) when a text is longer than its column of
    ``model`` allows: what services that take text without a Django form call first."""
    pesan = terlalu_panjang(nilai, model)
    if pesan:
        from dasar.galat import Ditolak

        raise Ditolak(" ".join(pesan))


def terlihat(teks: str) -> str:
    """``teks`` with each character that is not allowed written as its code (``<U+009B>``): for
    messages that quote what a file or a user sent (a terminal escape in a sheet name must not
    reach the operator's terminal as one)."""
    return _TERLARANG.sub(lambda m: f"<U+{ord(m.group()):04X}>", teks)
