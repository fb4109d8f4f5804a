"""Importer fuzzing: any cell content is either accepted or reported with its cell; never a crash."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.spec import SHEETS, CellError

cell_values = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(-(10**15), 10**15),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 1, 1)),
)
kolom = st.sampled_from([k for s in SHEETS for k in s.kolom])


@given(kolom, cell_values)
@settings(max_examples=500, deadline=None)
def test_every_column_parses_or_raises_cell_error(k, value):
    try:
        k.parse(value)
    except CellError as exc:
        assert str(exc)


@pytest.mark.django_db(transaction=True)
# openpyxl itself refuses control characters when writing, so the text is printable.
@given(
    value=st.one_of(
        st.text(st.characters(min_codepoint=32, blacklist_categories=("Cs",)), max_size=20),
        st.integers(-5, 10**12),
        st.floats(allow_nan=True),
    )
)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_random_pagu_cell_imports_or_is_reported(tmp_path_factory, value):
    from anggaran.models import BarisAnggaran
    from tests.wb_utils import column_of, demo_copy
    from workbook.importer import import_workbook

    col = column_of("anggaran", "pagu")
    path = demo_copy(tmp_path_factory.mktemp("h"), {("anggaran", f"{col}3"): value})
    hasil = import_workbook(path)
    if hasil.ok:
        assert BarisAnggaran.objects.count() == 40
    else:
        assert all(e.startswith(("anggaran!", "periksa")) for e in hasil.errors), hasil.errors
        assert any(e.startswith(f"anggaran!{col}3:") for e in hasil.errors)
        assert BarisAnggaran.objects.count() == 0
    BarisAnggaran.objects.all().delete()
