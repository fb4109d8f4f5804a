"""docs/workbook.md documents every sheet and column the importer knows."""

import re

from django.conf import settings

from workbook.spec import SHEETS


def test_every_sheet_and_column_is_documented():
    text = (settings.BASE_DIR / "docs" / "workbook.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| `(\w+)` \|.*$", text, re.M)}
    assert list(rows) == [s.nama for s in SHEETS]
    for s in SHEETS:
        for k in s.kolom:
            assert re.search(rf"\b{re.escape(k.nama)}\b", rows[s.nama]), (s.nama, k.nama)


def test_every_number_column_kind_is_documented():
    """docs/workbook.md "Number columns" names each number column under its kind (and bound)."""
    text = (settings.BASE_DIR / "docs" / "workbook.md").read_text(encoding="utf-8")
    section = text.split("Number columns", 1)[1].split("Sheets are loaded", 1)[0]
    documented = {}
    for m in re.finditer(
        r"^\| (rupiah|desimal|desimal, at most (\d+)|cacah \(count\)) \|(.*)$", section, re.M
    ):
        kind = (m.group(1).split(",")[0].split(" ")[0], int(m.group(2)) if m.group(2) else None)
        documented[kind] = set(re.findall(r"`(\*|\w+)\.(\w+)`", m.group(3)))
    expected = {}
    for s in SHEETS:
        for k in s.kolom:
            if k.jenis_angka is None:
                continue
            key = (k.jenis_angka.value, int(k.batas_atas) if k.batas_atas is not None else None)
            expected.setdefault(key, set()).add(("*", k.nama) if k.nama == "tahun" else (s.nama, k.nama))
    assert documented == expected


def test_text_length_limits_are_documented_and_match_the_models():
    """docs/workbook.md "Text lengths" lists exactly the spec's limits, which are the model fields'."""
    from django.apps import apps

    from workbook.spec import MODEL

    text = (settings.BASE_DIR / "docs" / "workbook.md").read_text(encoding="utf-8")
    bagian = text.split("## Text lengths", 1)[1].split("\n## ", 1)[0]
    doc = {
        m.group(1): dict((k, int(n)) for k, n in re.findall(r"(\w+) (\d+)", m.group(2)))
        for m in re.finditer(r"^\| (\w+) \| (.+) \|$", bagian, re.M)
    }
    spec = {s.nama: {k.nama: k.maks for k in s.kolom if k.maks} for s in SHEETS}
    doc.pop("sheet", None)  # the header row
    assert doc == {k: v for k, v in spec.items() if v}
    for s in SHEETS:
        model = apps.get_model(MODEL[s.nama])
        for k in s.kolom:
            if k.maks:
                assert model._meta.get_field(k.nama).max_length == k.maks, (s.nama, k.nama)


def test_every_stored_text_column_has_a_limit():
    """Every text/code column written to a character field of its model is limited."""
    from django.apps import apps

    from workbook.spec import MODEL, _medan_teks

    for s in SHEETS:
        model = apps.get_model(MODEL[s.nama])
        for k in s.kolom:
            if k.jenis in ("teks", "kode") and _medan_teks(model, k.nama) is not None:
                assert k.maks, (s.nama, k.nama)
