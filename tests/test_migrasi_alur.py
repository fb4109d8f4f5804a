"""Migration pengukuran 0004: the one shared quarter state becomes two workflows, and the budget
workflow of each existing quarter starts in the state the shared row had (no data changes state)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import InstansiFactory

pytestmark = pytest.mark.django_db(transaction=True)
SEBELUM = [("pengukuran", "0003_batas_panjang_teks")]
SESUDAH = [("pengukuran", "0004_alur_terpisah")]


def test_existing_states_are_kept_for_both_workflows():
    ex = MigrationExecutor(connection)
    ex.migrate(SEBELUM)
    apps = ex.loader.project_state(SEBELUM).apps
    P = apps.get_model("pengukuran", "PengajuanRealisasi")
    ins = InstansiFactory(slug="unit-x")  # organisasi stays migrated: its current model
    P.objects.create(instansi_id=ins.id, tahun=2024, periode="TW1", status="diverifikasi", komentar="ok")
    P.objects.create(
        instansi_id=ins.id, tahun=2024, periode="TW2", status="dikembalikan", komentar="perbaiki"
    )
    ex = MigrationExecutor(connection)
    ex.loader.build_graph()
    ex.migrate(SESUDAH)
    P = ex.loader.project_state(SESUDAH).apps.get_model("pengukuran", "PengajuanRealisasi")
    got = sorted(P.objects.values_list("alur", "periode", "status", "komentar"))
    assert got == [
        ("anggaran", "TW1", "diverifikasi", "ok"),
        ("anggaran", "TW2", "dikembalikan", "perbaiki"),
        ("kinerja", "TW1", "diverifikasi", "ok"),
        ("kinerja", "TW2", "dikembalikan", "perbaiki"),
    ]
    ex = MigrationExecutor(connection)
    ex.loader.build_graph()
    ex.migrate(ex.loader.graph.leaf_nodes())  # back to the latest state for the next tests
