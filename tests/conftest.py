import copy
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

_DEMO_DIBACA = {}  # (path, mtime) -> what workbook.importer.baca returned: parsed once per session


@pytest.fixture
def demo(db, monkeypatch):
    """The Bantargebang 2024 dataset loaded from the committed workbook.

    Every test gets the demo's rows in its own transaction. The first test of a worker that starts
    from a given database state runs the real import (the file parsed once per session: the
    importer gets a deep copy of the rows); later tests starting from exactly that state get the
    same rows written back by ``tests.salinan_db`` instead of a second import (docs/benchmarks.md,
    "Test suite")."""
    from datetime import date

    from django.utils import translation

    from organisasi.models import Instansi
    from tests.salinan_db import ulangi
    from workbook import importer

    path = settings.DEMO_WORKBOOK
    kunci = (str(path), path.stat().st_mtime_ns)

    def impor():
        if kunci not in _DEMO_DIBACA:
            _DEMO_DIBACA[kunci] = importer.baca(path)
        dibaca = _DEMO_DIBACA[kunci]
        with monkeypatch.context() as m:
            m.setattr(importer, "baca", lambda p, *_a, **_k: copy.deepcopy(dibaca))
            hasil = importer.import_workbook(path)
        assert hasil.ok, hasil.errors

    # what else the import could depend on: the day (dates it derives), the time zone, the language
    dasar = (kunci, date.today(), settings.TIME_ZONE, settings.USE_TZ, translation.get_language())
    return ulangi(f"demo:{dasar}", impor, lambda _: Instansi.objects.get(slug="bantargebang"))


@pytest.fixture
def masuk_sebagai(db):
    """``masuk_sebagai("operator")``: a test Client logged in as that user through ``force_login``
    (no password hashing, no login throttle); keyword arguments go to ``Client``. Tests of logging
    in itself post the form to /akun/masuk/ instead."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    def masuk(username, **client_kwargs):
        user = get_user_model().objects.get(username=username)
        assert user.is_active, f"{username} is inactive and could not log in"
        c = Client(**client_kwargs)
        c.force_login(user)
        return c

    return masuk


@pytest.fixture
def run_json(capsys):
    """Run a management command with --format json and return the parsed output."""
    import json

    def run(*args):
        call_command(*args, "--format", "json")
        return json.loads(capsys.readouterr().out)

    return run


# --- browser tests -------------------------------------------------------------------------
# Playwright drives Debian's chromium (installed by `make install`); never `playwright install`.
import os  # noqa: E402

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # the sync Playwright API runs an event loop
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def menit_tetap(monkeypatch):
    """The survey's rate limit counts posts per calendar minute (``skm.services._ambil_jatah``):
    a test of the limit holds its posts inside one minute, so a slow run straddling a minute's end
    does not get two minutes' allowance."""
    from django.utils import timezone

    from skm import services

    asli, menit = services._ambil_jatah, timezone.now()
    monkeypatch.setattr(services, "_ambil_jatah", lambda kunci, batas, sekarang: asli(kunci, batas, menit))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def pengguna_demo(demo):
    """The demo users (every role) on top of the demo data; password DEMO_PASSWORD. Like ``demo``,
    replayed by ``tests.salinan_db`` when the database is in a state the command already ran from
    in this worker (the text it printed is printed again)."""
    import io
    import sys

    from django.contrib.auth import get_user_model

    from tests.salinan_db import ulangi

    def buat():
        keluaran = io.StringIO()
        call_command("buat_pengguna_demo", stdout=keluaran)
        return keluaran.getvalue()

    def hasil(dicetak):
        sys.stdout.write(dicetak)
        return {u.username: u for u in get_user_model().objects.all()}

    return ulangi(f"pengguna_demo:{os.environ.get('SAKIP_DEMO_PASSWORD')}", buat, hasil)


@pytest.fixture
def demo_pk_jabatan(pengguna_demo):
    """The demo users and data with the demo's illustrative additions loaded on top, as
    ``load_demo`` does (data/demo/pk_jabatan: the Sekretaris Kecamatan's signed PK 2024 over IP3)."""
    from workbook.importer import import_workbook

    hasil = import_workbook(settings.DEMO_WORKBOOK_PK_JABATAN)
    assert hasil.ok, hasil.errors
    return pengguna_demo


@pytest.fixture
def pk_manual(pengguna_demo):
    """A draft PK 2025 of Bantargebang with one indicator whose realisasi is entered by hand."""
    from decimal import Decimal

    from organisasi.models import Instansi, Pejabat
    from perencanaan.models import Indikator, PerjanjianKinerja, PKIndikator, Sasaran

    ins = Instansi.objects.get(slug="bantargebang")
    ind = Indikator.objects.create(
        instansi=ins,
        kode="IKU9",
        nama="Persentase Layanan Selesai Tepat Waktu",
        level="sasaran",
        sasaran=Sasaran.objects.get(instansi=ins, kode="S1.1"),
        satuan="Persen (%)",
        formulasi="selesai tepat waktu / semua × 100 %",
        sumber_data="Register layanan",
    )
    pk = PerjanjianKinerja.objects.create(
        instansi=ins, tahun=2025, versi=1, pihak_pertama=Pejabat.objects.get(kode="camat")
    )
    PKIndikator.objects.create(pk_dokumen=pk, indikator=ind, target=Decimal(80), no=1)
    return ind


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded evidence and photos (and issued documents) go to a temporary folder, not var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"


@pytest.fixture(autouse=True)
def _bahasa_indonesia():
    """Every test starts in Bahasa Indonesia: a request switched to English (the test client's
    LocaleMiddleware activates the language in the thread) must not leak into the next test."""
    from django.utils import translation

    translation.activate("id")
    yield
    translation.activate("id")


@pytest.fixture
def dua_pemda(db, settings):
    """Two pemda, each with a unit, an admin_pemda (staff, as a superuser sets it up) and an
    operator or evaluator; a superuser. Password tests.admin_bantu.PASSWORD."""
    from types import SimpleNamespace

    from django.contrib.auth import get_user_model

    from akun.models import Peran
    from tests.admin_bantu import PASSWORD
    from tests.factories import InstansiFactory, PemdaFactory

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # argon2 is slow
    User = get_user_model()
    a, b = PemdaFactory(kode="pemda-a", nama="Kota A"), PemdaFactory(kode="pemda-b", nama="Kota B")
    unit_a, unit_b = InstansiFactory(pemda=a, slug="unit-a"), InstansiFactory(pemda=b, slug="unit-b")
    admin_a = User.objects.create_user("admin-a", password=PASSWORD, is_staff=True)
    Peran.objects.create(user=admin_a, jenis="admin_pemda", pemda=a)
    admin_b = User.objects.create_user("admin-b", password=PASSWORD, is_staff=True)
    Peran.objects.create(user=admin_b, jenis="admin_pemda", pemda=b)
    op_a = User.objects.create_user("op-a", password=PASSWORD)
    Peran.objects.create(user=op_a, jenis="operator", instansi=unit_a)
    eval_b = User.objects.create_user("eval-b", password=PASSWORD)
    Peran.objects.create(user=eval_b, jenis="evaluator", pemda=b)
    root = User.objects.create_superuser("root", password=PASSWORD)
    return SimpleNamespace(
        a=a,
        b=b,
        unit_a=unit_a,
        unit_b=unit_b,
        admin_a=admin_a,
        admin_b=admin_b,
        op_a=op_a,
        eval_b=eval_b,
        root=root,
    )


# axe-core (npm devDependency, never a CDN) checks every page the browser tests reach.
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
DAMPAK_GAGAL = {"serious", "critical"}


def cek_aksesibilitas(page) -> list[dict]:
    """Run axe-core on ``page`` as it is now and fail on any serious or critical violation
    (naming the rule and the first elements). Evaluated through the DevTools protocol, so the
    page's Content-Security-Policy (no inline script) does not block it. Returns the lesser
    violations, for a test that wants to look at them."""
    assert AXE.exists(), f"{AXE} is missing: node_modules is older than package-lock.json (run npm ci)"
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    hasil = page.evaluate(
        """async () => {
            const r = await window.axe.run(document, {resultTypes: ["violations"]});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary)}));
        }"""
    )
    berat = [v for v in hasil if v["impact"] in DAMPAK_GAGAL]
    assert not berat, f"axe-core on {page.url}:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in berat
    )
    cek_bahasa(page)
    return [v for v in hasil if v["impact"] not in DAMPAK_GAGAL]


# English words that have no business in the Indonesian UI (the words Indonesian borrows — status,
# total, data, format, file names such as PDF/DOCX/XLSX, SAKIP, IKU — are not listed, so they pass)
KATA_INGGRIS = frozenset(
    """the and of is are was were be been this that these those with without from into for you your
    our please click here error errors warning warnings draft submit submitted save saved delete
    deleted cancel edit page not found forbidden required field fields invalid yes none null true
    false upload download login logout password username settings search back next previous
    verified returned locked pending failed success select choose file files year years
    report reports value values realisation budget signed sign issued issue
    must should cannot can't don't doesn't has have had will would which what when where who how
    why""".split()
)


def cek_bahasa(page) -> None:
    """Fail when the visible text of a page in the Indonesian UI holds an English word of
    ``KATA_INGGRIS`` (issue #14: no English left in the UI). Text the user typed or the data holds
    is Indonesian in the tests' data; elements marked ``lang="en"`` or ``translate="no"``, code and a
    document's preview (``.dokumen``: the unit's own data as the document prints it) are skipped."""
    teks = page.evaluate(
        """() => {
            if (!(document.documentElement.lang || "").startsWith("id")) return "";
            const salin = document.body.cloneNode(true);
            // .dokumen: a document's preview prints the unit's own data (e.g. an indicator's formulasi)
            salin.querySelectorAll('[lang="en"], [translate="no"], code, kbd, pre, script, style, .dokumen')
                .forEach(e => e.remove());
            return salin.innerText || salin.textContent || "";
        }"""
    )
    konteks = [
        teks[max(0, m.start() - 40) : m.end() + 40].replace("\n", " ")
        for m in re.finditer(r"[A-Za-z][A-Za-z']*", teks)
        if m.group(0).lower() in KATA_INGGRIS
    ]
    assert not konteks, f"English in the Indonesian UI of {page.url}:\n" + "\n".join(
        f"  …{k}…" for k in konteks
    )
