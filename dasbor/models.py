"""Stored dashboard fragments and the data versions they were computed from.

A dashboard is computed from dozens of queries and a few matplotlib charts (0,2–1,5 s). The
rendered fragment is kept in ``Cuplikan`` together with the token of the data version it was
computed from; ``Versi`` holds the current token per unit (``jenis="i"``) and per pemda
(``jenis="p"``). Every write to a unit's data deletes that unit's and its pemda's token
(``dasbor.versi``), so a fragment is served only while nothing it was computed from changed.
"""

from django.db import models


class Versi(models.Model):
    jenis = models.CharField(max_length=1)  # "i" instansi, "p" pemda
    objek = models.BigIntegerField()
    token = models.CharField(max_length=32)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["jenis", "objek"], name="versi_unik")]


class Cuplikan(models.Model):
    kunci = models.CharField(max_length=200, unique=True)  # page, object, year, language, variant
    syarat = models.CharField(max_length=80, default="")  # today's date and the code version
    jenis = models.CharField(max_length=1)
    objek = models.BigIntegerField()
    token = models.CharField(max_length=32)
    isi = models.TextField()
    dibuat = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["jenis", "objek"])]
