"""Stored dashboards under concurrent writes: a unit's token dropped (``usangkan``, e.g. a public
SKM answer in another request) between the moment the pemda dashboard creates it and the moment it
reads it back must neither fail the page (it answered HTTP 500 with a ``KeyError`` under the
``bench_antrian`` load) nor let the row computed then be served later.

The interleaving is forced by running ``usangkan`` right after the token rows are inserted, on the
test's own connection: in production the other request's DELETE commits in the gap between the two
autocommit statements, which can happen on SQLite (separate gunicorn processes) as on PostgreSQL,
so these tests run on both.
"""

import pytest

from tembolok.models import Cuplikan, Token
from tembolok.services import token_banyak, usangkan

pytestmark = pytest.mark.django_db


@pytest.fixture
def sela(monkeypatch):
    """``sela(ids)``: every later ``Token.objects.bulk_create`` drops these units' tokens (and
    their pemda's) right after inserting, before the caller reads the tokens back. Returns the
    ids passed to each insert, in order."""
    asli = Token.objects.bulk_create
    panggilan = []

    def pasang(ids):
        def bulk_create(objs, *args, **kwargs):
            panggilan.append([o.objek for o in objs])
            hasil = asli(objs, *args, **kwargs)
            usangkan(ids)  # another request's write lands here
            return hasil

        monkeypatch.setattr(Token.objects, "bulk_create", bulk_create)
        return panggilan

    return pasang


def test_pemda_page_survives_a_token_dropped_between_insert_and_read(
    pengguna_demo, demo, masuk_sebagai, sela
):
    from tests.factories import InstansiFactory

    lain = InstansiFactory(pemda=demo.pemda)
    Token.objects.all().delete()
    sela([demo.id])
    c = masuk_sebagai("adminpemda")
    r = c.get("/pemda/kota-bekasi/?tahun=2024")
    assert r.status_code == 200
    assert demo.nama.encode() in r.content and lain.nama.encode() in r.content
    # the row computed under the dropped token is never served: its token is not the current one
    baris = Cuplikan.objects.get(kunci=f"ringkas:{demo.id}:2024")
    assert not Token.objects.filter(jenis="i", objek=demo.id, token=baris.token).exists()
    assert Token.objects.filter(
        jenis="i", objek=lain.id, token=Cuplikan.objects.get(kunci=f"ringkas:{lain.id}:2024").token
    ).exists()


def test_token_banyak_gives_every_id_a_token_and_inserts_in_id_order(demo, sela, monkeypatch):
    from tests.factories import InstansiFactory

    ids = [InstansiFactory(pemda=demo.pemda).id for _ in range(3)] + [demo.id]
    Token.objects.all().delete()
    panggilan = sela([demo.id, ids[1]])
    acak = [ids[2], ids[0], ids[3], ids[1]]
    tokens = token_banyak("i", acak)
    assert set(tokens) == set(ids) and len(set(tokens.values())) == 4
    assert panggilan == [sorted(ids)]  # one order for every request: no deadlock on PostgreSQL
    # the dropped ones got a token nobody holds; the others the stored current one
    sekarang = dict(Token.objects.filter(jenis="i").values_list("objek", "token"))
    assert set(sekarang) == {ids[0], ids[2]}
    assert all(tokens[i] == sekarang[i] for i in sekarang)
    monkeypatch.undo()  # no more writes in between: the next call creates and stores fresh ones
    lagi = token_banyak("i", ids)
    assert lagi == dict(Token.objects.filter(jenis="i").values_list("objek", "token"))
    assert all(lagi[i] != tokens[i] for i in (demo.id, ids[1])) and all(
        lagi[i] == tokens[i] for i in sekarang
    )
