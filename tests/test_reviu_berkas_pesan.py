"""Every message the reviu checks can word (rumus/reviu_dokumen.py, in English for the command)
has its Indonesian wording for the pages and the sheet (laporan.reviu_dokumen.pesan_indonesia),
places are in Indonesian too; a message no pattern knows would show in English: this test fails
first."""

import ast
from pathlib import Path

from django.conf import settings

from laporan.reviu_dokumen import letak_indonesia, pesan_indonesia

SUMBER = Path(settings.BASE_DIR) / "rumus" / "reviu_dokumen.py"


def _contoh(node) -> str:
    """The message of a ``Temuan(...)`` call with every placeholder replaced by "2024"."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "2024" for v in node.values)
    raise AssertionError(f"message of line {node.lineno} is neither a string nor an f-string")


def _pesan_temuan() -> list[str]:
    pohon = ast.parse(SUMBER.read_text())
    return [
        _contoh(n.args[2])
        for n in ast.walk(pohon)
        if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Temuan" and len(n.args) >= 3
    ]


def test_every_message_of_the_checks_has_its_indonesian_wording():
    pesan = _pesan_temuan()
    assert len(pesan) >= 20
    assert [p for p in pesan if pesan_indonesia(p) is None] == []


def test_wording_and_places():
    assert pesan_indonesia("Tabel 3.21 is used 2 times") == "Tabel 3.21 dipakai 2 kali"
    assert (
        pesan_indonesia(
            "capaian of «Zona» from the rounded realisasi 58; exact: zones tertib 7/12 = 58,33 % (Tabel 3.18 (line 1014))"
        )
        == "capaian «Zona» dihitung dari realisasi yang dibulatkan 58; tepatnya: zona tertib 7/12 = 58,33 % (Tabel 3.18 (baris 1014))"
    )
    assert letak_indonesia("Tabel 3.1 (line 536), row 4") == "Tabel 3.1 (baris 536), baris tabel 4"
    assert letak_indonesia("page 12") == "halaman 12"
    assert pesan_indonesia("something new") is None
