"""A signed Perjanjian Kinerja is immutable; a revision is a new versi."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from perencanaan.models import PerjanjianKinerja, PKIndikator, PKTerkunci
from tests.wb_utils import column_of, demo_copy

pytestmark = pytest.mark.django_db


def test_signed_pk_cannot_be_saved_or_deleted(demo):
    pk = PerjanjianKinerja.objects.get(instansi=demo, tahun=2024, versi=1)
    assert pk.ditandatangani
    pk.keterangan = "diubah"
    with pytest.raises(PKTerkunci):
        pk.save()
    with pytest.raises(PKTerkunci):
        pk.delete()
    row = PKIndikator.objects.filter(pk_dokumen=pk).first()
    row.target = Decimal(1)
    with pytest.raises(PKTerkunci):
        row.save()


def test_import_refuses_to_change_a_signed_pk(demo, tmp_path, capsys):
    col = column_of("pk_indikator", "target")
    path = demo_copy(tmp_path, {("pk_indikator", f"{col}2"): 90})
    with pytest.raises(SystemExit):
        call_command("import_workbook", str(path))
    assert "is signed; its targets cannot change" in capsys.readouterr().err
    assert PKIndikator.objects.get(pk_dokumen__versi=1, indikator__kode="IKU1").target == 83


def test_a_revision_is_a_new_version_and_keeps_the_old(demo, tmp_path):
    from openpyxl import load_workbook

    path = demo_copy(tmp_path)
    wb = load_workbook(path)
    pk, rows = wb["pk"], wb["pk_indikator"]
    header = [c.value for c in pk[1]]
    first = [c.value for c in pk[2]]
    first[header.index("versi")] = 2
    first[header.index("status")] = "draft"
    pk.append(first)
    h2 = [c.value for c in rows[1]]
    for r in list(rows.iter_rows(min_row=2, values_only=True)):
        r = list(r)
        r[h2.index("versi")] = 2
        rows.append(r)
    wb.save(path)
    call_command("import_workbook", str(path))
    assert PerjanjianKinerja.objects.filter(instansi=demo, tahun=2024).count() == 2
    assert PKIndikator.objects.filter(pk_dokumen__versi=1).count() == 3
    # the signed versi stays the one in force while the revision is a draft
    from pengukuran.selectors import pk_berlaku

    assert pk_berlaku([demo.id], 2024)[demo.id].versi == 1
