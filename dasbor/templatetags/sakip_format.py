"""Indonesian number formatting in templates, through rumus.format (one implementation)."""

from django import template

from rumus import format as f
from rumus.capaian import WARNA_KATEGORI
from rumus.capaian import warna_kategori as _warna_kategori

register = template.Library()


@register.filter
def rupiah(value):
    return f.format_rupiah(value)


@register.filter
def persen(value, places=1):
    return f.format_persen(value, int(places))


@register.filter
def angka(value, places=2):
    return f.format_angka(value, int(places))


@register.filter
def tanggal(value):
    return f.format_tanggal(value)


WARNA = WARNA_KATEGORI


@register.filter
def warna_kategori(kategori):
    """CSS class of a capaian category (status colour, rumus.capaian.warna_kategori)."""
    return _warna_kategori(kategori)


@register.filter
def make_list_tw(value):
    """ "TW1 TW2" → ["TW1", "TW2"] (period links)."""
    return value.split()
