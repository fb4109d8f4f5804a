"""Shared set-up of the Rencana Aksi tests: a PK 2025 of Bantargebang with a negative-polarity
count indicator (complaints, summed over the quarters) entered by hand."""

from decimal import Decimal


def pengaduan(pk_manual, *, target=Decimal(40)):
    """IKU9 of ``pk_manual`` turned into 'Jumlah Pengaduan' (negatif, jumlah) with annual target
    ``target`` in the PK 2025; returns (indikator, PK row)."""
    from perencanaan.models import PKIndikator

    ind = pk_manual
    ind.nama = "Jumlah Pengaduan Layanan"
    ind.satuan = "Pengaduan"
    ind.polaritas = "negatif"
    ind.agregasi = "jumlah"
    ind.save()
    row = PKIndikator.objects.get(indikator=ind, pk_dokumen__tahun=2025)
    row.target = target
    row.save()
    return ind, row
