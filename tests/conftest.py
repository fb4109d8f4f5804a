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
