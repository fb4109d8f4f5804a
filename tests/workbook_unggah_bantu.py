"""Helpers of the workbook upload tests: download the unit's workbook through the web, change
cells with openpyxl, upload it, read the dry-run page."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

UNIT = "/unit/bantargebang/workbook/2024/"


def unduh(c, url=UNIT + "unduh/") -> bytes:
    resp = c.get(url)
    assert resp.status_code == 200, resp.status_code
    assert resp["Content-Type"].startswith("application/vnd.openxmlformats")
    return b"".join(resp.streaming_content) if resp.streaming else resp.content


def ubah(isi: bytes, edits: dict) -> bytes:
    """The workbook ``isi`` with {(sheet, cell): value} written (openpyxl, as a person in Excel)."""
    wb = load_workbook(io.BytesIO(isi))
    for (sheet, cell), value in edits.items():
        wb[sheet][cell] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def sel(isi: bytes, sheet: str, **kunci) -> str:
    """The cell (e.g. "D5") of column ``kolom`` in the row of ``sheet`` whose columns equal ``kunci``
    (``kolom`` names the column wanted)."""
    kolom = kunci.pop("kolom")
    ws = load_workbook(io.BytesIO(isi), read_only=True)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    kepala = list(rows[0])
    for n, r in enumerate(rows[1:], start=2):
        if all(r[kepala.index(k)] == v for k, v in kunci.items()):
            from openpyxl.utils import get_column_letter

            return f"{get_column_letter(kepala.index(kolom) + 1)}{n}"
    raise AssertionError(f"no row {kunci} in {sheet}")


def unggah(c, isi: bytes, nama="workbook-bantargebang-2024.xlsx", url=UNIT + "unggah/"):
    """POST the file; returns (response after following the redirect, the upload's result URL or None)."""
    resp = c.post(url, {"berkas": SimpleUploadedFile(nama, isi)})
    assert resp.status_code == 302, resp.status_code
    lokasi = resp["Location"]
    halaman = c.get(lokasi)
    assert halaman.status_code == 200
    return halaman, (lokasi if "/unggahan/" in lokasi else None)


def jumlah(html: str, lembar: str) -> tuple[int, int, int]:
    """(baru, diubah, tetap) of a sheet in the result page's table."""
    m = re.search(
        rf'<tr class="lembar-{lembar}"><th scope="row">{lembar}</th><td class="angka">(\d+)</td>'
        r'<td class="angka">(\d+)</td><td class="angka">(\d+)</td></tr>',
        html,
    )
    assert m, f"no row for {lembar}"
    return tuple(int(x) for x in m.groups())
