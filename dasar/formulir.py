"""Base forms of the project: every submitted value is cleaned by ``dasar.teks`` (control
characters other than tab and line break removed, line breaks as ``\\n``) before any field sees
it, so no form stores a character a document or PostgreSQL cannot hold."""

from __future__ import annotations

from django import forms

from dasar.teks import bersih_data


class BersihMixin:
    TETAP = ("password",)  # a password is compared as typed: never changed

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(bersih_data(data, self.TETAP) if data is not None else None, *args, **kwargs)


def bersihkan_form(form_class):
    """``form_class`` (e.g. what ``ModelAdmin.get_form`` built) with its submitted values cleaned
    the same way: used by every admin page (``audit.admin.Diaudit``)."""
    if issubclass(form_class, BersihMixin):
        return form_class
    return type(form_class.__name__, (BersihMixin, form_class), {"__module__": form_class.__module__})


class Form(BersihMixin, forms.Form):
    pass


class ModelForm(BersihMixin, forms.ModelForm):
    pass


class AngkaField(forms.CharField):
    """A number typed the Indonesian way, read by the project's one number rule
    (``rumus.angka.parse_angka`` with the column's ``jenis``; docs/rules.md §8): "8.500.000.000" is
    Rp 8.500.000.000 and "850,000" Rp 850.000 in a rupiah field, never 8,5 or 850. A text the rule
    cannot read one way is refused with the reason and an example, and stays in the field as typed
    (a bound form shows what was typed). ``bulat``: whole numbers only (a pagu in whole rupiah).
    The initial value is shown as the app writes numbers ("8.500.000.000")."""

    def __init__(self, *, jenis="rupiah", bulat: bool = False, contoh: str = "8.500.000.000", **kwargs):
        from rumus.angka import JenisAngka

        self.jenis = JenisAngka(jenis)
        self.bulat = bulat
        self.contoh = contoh
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "maxlength": 40})
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        from decimal import Decimal

        from rumus.format import format_angka

        if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
            d = Decimal(value)
            return format_angka(d, 0 if d == d.to_integral_value() else 2)
        return value

    def to_python(self, value):
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        from rumus.angka import AngkaError, parse_angka

        teks = super().to_python(value)
        if teks in self.empty_values:
            return None
        try:
            if len(teks) > 40:
                raise AngkaError("too long")
            n = parse_angka(teks, self.jenis)
        except AngkaError as exc:
            saran = " atau ".join(s for s, _v in exc.saran)
            pesan = _("“%(teks)s” tidak dapat dibaca sebagai satu angka.") % {"teks": teks}
            if saran:
                pesan += " " + _("Tulis %(saran)s.") % {"saran": saran}
            else:
                pesan += " " + _("Contoh: %(contoh)s.") % {"contoh": self.contoh}
            raise ValidationError(pesan, code="angka") from None
        if self.bulat and n != n.to_integral_value():
            raise ValidationError(
                _("“%(teks)s”: tulis dalam rupiah penuh tanpa sen, contoh %(contoh)s.")
                % {"teks": teks, "contoh": self.contoh},
                code="bulat",
            )
        return n


def pesan_angka(teks: str, exc) -> str:
    """The Indonesian message for a typed number refused by ``rumus.angka.parse_angka`` (``exc``: its
    ``AngkaError``, whose own wording is English, for the command line): an ambiguous one names
    both readings and how to write each (``exc.saran``); anything else gives an example."""
    from django.utils.translation import gettext as _

    saran = getattr(exc, "saran", None) or []
    if len(saran) == 2:
        (ribu, _v1), (desimal, _v2) = saran
        return _(
            "“%(teks)s” dapat dibaca %(ribu)s atau %(desimal)s: tulis %(ribu)s (ribuan) atau "
            "%(desimal)s (desimal)."
        ) % {"teks": teks, "ribu": ribu, "desimal": desimal}
    return _("“%(teks)s” bukan angka; contoh penulisan: 97,8 atau 1.250.000.") % {"teks": teks}
