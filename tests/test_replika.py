"""The read replica (dasar/replika.py): the portal's and the API's GET requests read from it, the rest
from the primary, every write to the primary.

The router and the middleware are checked in process; then, in a subprocess with two real SQLite
files as primary and replica (the test database of this process has no second alias), a portal page
is shown from a replica that lags behind the primary, while an internal read and a write use the
primary.
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from django.http import HttpResponse
from django.test import RequestFactory

from dasar import replika

BASE = Path(__file__).resolve().parent.parent


def _jawab_dengan_tanda(request):
    return HttpResponse("1" if replika._boleh_replika.get() else "0")


def test_router_tanpa_replika_selalu_utama(monkeypatch):
    monkeypatch.setattr(replika, "replika_terpasang", lambda: False)
    rute = replika.RuteReplika()
    token = replika._boleh_replika.set(True)
    try:
        assert rute.db_for_read(None) is None
    finally:
        replika._boleh_replika.reset(token)
    assert rute.db_for_write(None) == "default"


def test_router_dengan_replika_hanya_untuk_permintaan_bertanda(monkeypatch):
    monkeypatch.setattr(replika, "replika_terpasang", lambda: True)
    rute = replika.RuteReplika()
    assert rute.db_for_read(None) is None
    token = replika._boleh_replika.set(True)
    try:
        assert rute.db_for_read(None) == "replika"
        assert rute.db_for_write(None) == "default"
    finally:
        replika._boleh_replika.reset(token)
    assert rute.allow_migrate("replika", "organisasi") is False
    assert rute.allow_migrate("default", "organisasi") is True


def test_middleware_menandai_get_portal_dan_api_saja():
    mw = replika.BacaReplika(_jawab_dengan_tanda)
    rf = RequestFactory()
    assert mw(rf.get("/publik/kota-bekasi/")).content == b"1"
    assert mw(rf.head("/api/v1/instansi/")).content == b"1"
    assert mw(rf.post("/api/v1/realisasi/")).content == b"0"  # a write request reads the primary
    assert mw(rf.get("/dasbor/")).content == b"0"
    assert mw(rf.get("/skm/isi/x/")).content == b"0"
    assert replika._boleh_replika.get() is False  # reset after the response


SKRIP = textwrap.dedent(
    """
    import django, shutil, sys
    django.setup()
    from django.conf import settings
    from django.test import Client
    from organisasi.models import Pemda

    Pemda.objects.create(kode="kota-contoh", nama="Kota Lama")
    settings_db = settings.DATABASES
    shutil.copyfile(settings_db["default"]["NAME"], settings_db["replika"]["NAME"])
    # the primary moves on; the replica has not received it yet
    Pemda.objects.filter(kode="kota-contoh").update(nama="Kota Baru")

    c = Client()
    r = c.get("/publik/kota-contoh/", HTTP_HOST="localhost")
    isi = r.content.decode()
    assert r.status_code == 200, (r.status_code, isi[:1500])
    assert "Kota Lama" in isi and "Kota Baru" not in isi, "the portal page did not read the replica"
    # outside a marked request (an operator's page, a shell): the primary
    assert Pemda.objects.get(kode="kota-contoh").nama == "Kota Baru"
    # a write during a marked request still goes to the primary
    from dasar.replika import _boleh_replika
    t = _boleh_replika.set(True)
    Pemda.objects.create(kode="kota-lain", nama="Kota Lain")
    assert Pemda.objects.filter(kode="kota-lain").count() == 0  # read from the lagging replica
    _boleh_replika.reset(t)
    assert Pemda.objects.filter(kode="kota-lain").count() == 1
    print("OK")
    """
)


def test_halaman_portal_dibaca_dari_replika_sungguhan(tmp_path):
    utama, salinan = tmp_path / "utama.sqlite3", tmp_path / "replika.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sakip.settings_test",
        "DATABASE_URL": f"sqlite:///{utama}",
        "DATABASE_REPLICA_URL": f"sqlite:///{salinan}",
    }
    env.pop("PYTEST_XDIST_WORKER", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=BASE,
        env=env,
        check=True,
        timeout=600,
    )
    hasil = subprocess.run(
        [sys.executable, "-c", SKRIP], cwd=BASE, env=env, capture_output=True, text=True, timeout=300
    )
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    assert hasil.stdout.strip().endswith("OK")


SKRIP_S3 = textwrap.dedent(
    """
    import django
    django.setup()
    from django.core.files.storage import storages
    from storages.backends.s3 import S3Storage
    s = storages["default"]
    assert isinstance(s, S3Storage), type(s)
    assert s.bucket_name == "sakip-berkas" and s.endpoint_url == "http://127.0.0.1:9000"
    assert s.location == "media" and s.default_acl == "private" and s.querystring_auth
    assert s.file_overwrite is False
    d = storages["dokumen"]  # the generated documents: the same bucket, their own prefix
    assert isinstance(d, S3Storage) and d.bucket_name == "sakip-berkas" and d.location == "dokumen"
    assert d.default_acl == "private" and d.file_overwrite is False
    print("OK")
    """
)


def test_berkas_unggahan_ke_s3_bila_diatur():
    """SAKIP_S3_BUCKET puts the uploaded files and the generated documents on S3-compatible storage
    (no server is contacted)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sakip.settings_test",
        "SAKIP_S3_BUCKET": "sakip-berkas",
        "SAKIP_S3_ENDPOINT": "http://127.0.0.1:9000",
        "SAKIP_S3_ACCESS_KEY": "kunci",
        "SAKIP_S3_SECRET_KEY": "rahasia",
    }
    hasil = subprocess.run(
        [sys.executable, "-c", SKRIP_S3], cwd=BASE, env=env, capture_output=True, text=True, timeout=120
    )
    assert hasil.returncode == 0, hasil.stderr[-3000:]


def test_tanpa_s3_berkas_lokal():
    from django.core.files.storage import FileSystemStorage, storages

    assert isinstance(storages["default"], FileSystemStorage)
    assert isinstance(storages["dokumen"], FileSystemStorage)
