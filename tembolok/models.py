"""Stored dashboard pages and the tokens of the data they were computed from.

A dashboard is computed from dozens of queries and a few matplotlib charts (0,2–1,5 s). The
rendered page is kept in ``Cuplikan`` together with the token it was computed under; ``Token``
holds the current token per unit (``jenis="i"``; ``"k"``: the same but kept by survey answers,
tembolok/__init__.py) and per pemda (``jenis="p"``). Every write to a unit's data deletes that
unit's and its pemda's token (``tembolok.services.usangkan``), so a page is served only while
nothing it was computed from changed.

The tables keep the names they had in the ``dasbor`` app (no data moved).
"""

from django.db import models

from . import ABAIKAN


class Token(models.Model):
    jalur_unit = ABAIKAN

    jenis = models.CharField(max_length=1)  # "i" instansi, "k" instansi but for survey answers, "p" pemda
    objek = models.BigIntegerField()
    token = models.CharField(max_length=32)

    class Meta:
        db_table = "dasbor_versi"
        constraints = [models.UniqueConstraint(fields=["jenis", "objek"], name="versi_unik")]


class Cuplikan(models.Model):
    jalur_unit = ABAIKAN

    kunci = models.CharField(max_length=200, unique=True)  # page, object, year, language, variant
    syarat = models.CharField(max_length=80, default="")  # today's date and the code fingerprint
    jenis = models.CharField(max_length=1)
    objek = models.BigIntegerField()
    token = models.CharField(max_length=32)
    isi = models.TextField()
    dibuat = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "dasbor_cuplikan"
        indexes = [models.Index(fields=["jenis", "objek"], name="dasbor_cupl_jenis_68d4e2_idx")]
