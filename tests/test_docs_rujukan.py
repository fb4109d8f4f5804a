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


def test_the_check_finds_a_missing_file_and_target():
    text = "see `workbook/nope.py` and run `make frobnicate`; `workbook/spec.py` is fine, make a cake"
    assert list(_paths(text)) == ["workbook/nope.py", "workbook/spec.py"]
    assert MAKE.findall(text) == ["frobnicate"]
    assert not _exists("workbook/nope.py") and _exists("workbook/spec.py")
    assert _exists("evaluasi/_tindak_lanjut.html") and _exists("tests/test_rumus_*.py")
    assert "frobnicate" not in _targets() and "test" in _targets()
