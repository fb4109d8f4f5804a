"""The docs name only files and make targets that exist (issue #11 item 7).

README.md, CONTRIBUTING.md and docs/*.md: every backticked relative path with a directory and
an extension (`workbook/spec.py`, `tests/test_rumus_*.py` as a glob) must exist in this
repository (a template path may be relative to an app's `templates/`), and every `make X`
must be a target of the Makefile.
"""

import re

import pytest
from django.conf import settings

ROOT = settings.BASE_DIR
DOCS = sorted(
    p for p in [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *(ROOT / "docs").glob("*.md")] if p.exists()
)
PATH = re.compile(r"`([\w.*-]+(?:/[\w.*-]+)+)`")  # a backticked relative path with a directory
TEST = re.compile(r"`(tests/[\w]+\.py)::(\w+)`")  # `tests/test_x.py::test_y`
MAKE = re.compile(r"(?:`|^)make ([a-z][\w-]*)", re.M)  # `make X` in backticks or a code block line


def _targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {m.group(1) for m in re.finditer(r"^([a-z][\w-]*)\s*:(?!=)", text, re.M)}


def _paths(text: str):
    for m in PATH.finditer(text):
        path = m.group(1)
        if "." not in path.rsplit("/", 1)[-1]:
            continue  # a directory or a module path without extension: not checked
        yield path


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_named_files_exist(doc):
    text = doc.read_text(encoding="utf-8")
    missing = [p for p in _paths(text) if not _exists(p)]
    assert missing == []


def _exists(path: str) -> bool:
    if any(ROOT.glob(path)):
        return True
    return path.endswith(".html") and any(ROOT.glob(f"*/templates/{path}"))


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_named_make_targets_exist(doc):
    targets = _targets()
    unknown = sorted({t for t in MAKE.findall(doc.read_text(encoding="utf-8")) if t not in targets})
    assert unknown == []


def test_the_check_finds_a_missing_name():
    assert _resolves("rumus.angka.parse_angka") and _resolves("dasar.galat.Ditolak")
    assert _resolves("tembolok.Cuplikan") and _resolves("akun.Profil.tahun")  # app.Model[.field]
    assert not _resolves("rumus.angka.tidak_ada") and not _resolves("rumus.tidak_ada")


def test_the_check_finds_a_missing_file_and_target():
    text = "see `workbook/nope.py` and run `make frobnicate`; `workbook/spec.py` is fine, make a cake"
    assert list(_paths(text)) == ["workbook/nope.py", "workbook/spec.py"]
    assert MAKE.findall(text) == ["frobnicate"]
    assert not _exists("workbook/nope.py") and _exists("workbook/spec.py")
    assert _exists("evaluasi/_tindak_lanjut.html") and _exists("tests/test_rumus_*.py")
    assert "frobnicate" not in _targets() and "test" in _targets()


PACKAGES = {p.parent.name for p in ROOT.glob("*/__init__.py")}
DOTTED = re.compile(r"`([a-z_]+(?:\.[A-Za-z_][A-Za-z0-9_]*)+)(?:\([^`]*\))?`")


def _resolves(name: str) -> bool:
    """``pkg.module.attr`` imports; ``app.Model[.field]`` is read as ``app.models.Model[.field]``."""
    import importlib

    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
            return True
        except AttributeError:
            break
    try:  # `app.Model` or `app.Model.field`
        obj = importlib.import_module(f"{parts[0]}.models")
        for attr in parts[1:]:
            obj = getattr(obj, attr)
        return True
    except (ImportError, AttributeError):
        return False


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_named_code_exists(doc):
    """A backticked dotted name of this project's code (`rumus.angka.parse_angka`,
    `tembolok.Cuplikan`) names something that exists."""
    from workbook.spec import SHEET_MAP

    names = {m.group(1) for m in DOTTED.finditer(doc.read_text(encoding="utf-8"))}
    missing = sorted(
        n
        for n in names
        if n.split(".")[0] in PACKAGES
        and not n.endswith((".py", ".md", ".html"))
        and not _sheet_column(n, SHEET_MAP)
        and not _resolves(n)
    )
    assert missing == []


def _sheet_column(name: str, sheets) -> bool:
    """`anggaran.pagu` in docs/workbook.md is a sheet's column, not code."""
    sheet, _, kolom = name.partition(".")
    return sheet in sheets and kolom in sheets[sheet].kolom_map


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_named_tests_exist(doc):
    """`tests/test_x.py::test_y` names a test function of that file."""
    missing = []
    for path, name in TEST.findall(doc.read_text(encoding="utf-8")):
        f = ROOT / path
        if not f.exists() or not re.search(rf"^def {name}\(", f.read_text(encoding="utf-8"), re.M):
            missing.append(f"{path}::{name}")
    assert missing == []
