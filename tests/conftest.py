import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.fixture
def demo(db):
    """The Bantargebang 2024 dataset loaded from the committed workbook."""
    from workbook.importer import import_workbook

    hasil = import_workbook(settings.DEMO_WORKBOOK)
    assert hasil.ok, hasil.errors
    from organisasi.models import Instansi

    return Instansi.objects.get(slug="bantargebang")


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
    """The demo users (every role) on top of the demo data; password DEMO_PASSWORD."""
    call_command("buat_pengguna_demo")
    from django.contrib.auth import get_user_model

    return {u.username: u for u in get_user_model().objects.all()}


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
    """Uploaded evidence and photos go to a temporary folder, not var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
