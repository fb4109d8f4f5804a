"""Posting the quarter's realisasi form (one form for every indicator; fields prefixed per
indicator, pengukuran.forms.awalan) from the test client."""

from perencanaan.models import Indikator


def isian(kode="IKU9", nilai="", versi=0, **lain) -> dict:
    """The POST data of the realisasi form with indicator ``kode``'s value, versi and any other of
    its fields (``analisis_sebab="…"``, ``bukti=<file>``)."""
    a = f"r{Indikator.objects.get(kode=kode, instansi__slug='bantargebang').id}"
    return {f"{a}-nilai": nilai, f"{a}-versi": versi, **{f"{a}-{k}": v for k, v in lain.items()}}
