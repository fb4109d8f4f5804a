"""No app reaches into another app's private names (``_name``): what apps share is public, and
the ground floor ``dasar`` holds what several of them need. (The layers themselves are checked
by ``lint-imports``, contracts in ``.importlinter``.)"""

import ast
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
DJANGO = {"_meta", "_default_manager", "_base_manager", "_state", "_do_update"}  # Django's own API
APPS = sorted(
    p.parent.name for p in AKAR.glob("*/__init__.py") if p.parent.name not in ("tests", "benchmarks")
)


def _modul_app():
    for app in APPS:
        for f in (AKAR / app).rglob("*.py"):
            if "migrations" not in f.parts:
                yield app, f


def test_the_app_list_is_found():
    assert {"dasar", "rumus", "tembolok", "pengukuran", "sakip"} <= set(APPS)


def test_no_private_name_is_imported_from_another_app():
    salah = []
    for app, f in _modul_app():
        tree = ast.parse(f.read_text(encoding="utf-8"))
        modul_lain = {}  # local name -> other app's module, for ``mod._name`` below
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                lain = node.module.split(".")[0]
                if lain in APPS and lain != app:
                    for a in node.names:
                        if a.name.startswith("_"):
                            salah.append(f"{f.relative_to(AKAR)}:{node.lineno} {node.module}.{a.name}")
                        modul_lain[a.asname or a.name] = f"{node.module}.{a.name}"
            elif isinstance(node, ast.Import):
                for a in node.names:
                    lain = a.name.split(".")[0]
                    if lain in APPS and lain != app:
                        modul_lain[a.asname or lain] = a.name
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and node.attr not in DJANGO
                and isinstance(node.value, ast.Name)
                and node.value.id in modul_lain
            ):
                salah.append(f"{f.relative_to(AKAR)}:{node.lineno} {modul_lain[node.value.id]}.{node.attr}")
    assert not salah, salah


def test_the_ground_floor_imports_no_app():
    atas = set(APPS) - {"dasar", "rumus"}
    for f in (AKAR / "dasar").rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                assert node.module.split(".")[0] not in atas, f"{f.name}: {node.module}"
            elif isinstance(node, ast.Import):
                assert all(a.name.split(".")[0] not in atas for a in node.names), f.name


def test_no_import_circle_between_modules():
    """No module reaches itself through its imports (import-time or inside functions)."""
    import grimp

    graf = grimp.build_graph(*(a for a in APPS if a != "tests"))
    berikut = {m: graf.find_modules_directly_imported_by(m) for m in graf.modules}
    # Tarjan's strongly connected components, iteratively
    nomor, rendah, tumpuk, di_tumpuk, lingkar = {}, {}, [], set(), []
    for awal in sorted(berikut):
        if awal in nomor:
            continue
        jalan = [(awal, iter(sorted(berikut[awal])))]
        nomor[awal] = rendah[awal] = len(nomor)
        tumpuk.append(awal)
        di_tumpuk.add(awal)
        while jalan:
            v, anak = jalan[-1]
            w = next(anak, None)
            if w is not None:
                if w not in nomor:
                    nomor[w] = rendah[w] = len(nomor)
                    tumpuk.append(w)
                    di_tumpuk.add(w)
                    jalan.append((w, iter(sorted(berikut[w]))))
                elif w in di_tumpuk:
                    rendah[v] = min(rendah[v], nomor[w])
                continue
            jalan.pop()
            if jalan:
                rendah[jalan[-1][0]] = min(rendah[jalan[-1][0]], rendah[v])
            if rendah[v] == nomor[v]:
                komp = []
                while True:
                    x = tumpuk.pop()
                    di_tumpuk.discard(x)
                    komp.append(x)
                    if x == v:
                        break
                if len(komp) > 1:
                    lingkar.append(sorted(komp))
    assert not lingkar, lingkar


def test_the_layer_contracts_hold():
    """The import-linter contracts of ``.importlinter`` (also run by ``make lint``)."""
    import subprocess
    import sys

    hasil = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--config", str(AKAR / ".importlinter")],
        cwd=AKAR,
        capture_output=True,
        text=True,
    )
    assert hasil.returncode == 0, hasil.stdout[-3000:]
