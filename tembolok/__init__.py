"""Tembolok (cache): which stored dashboard pages (``Cuplikan``) are still true.

Each unit (and each pemda) has a current ``Token``; a stored page carries the token it was
computed under and is served only while that token is still current. Every write to a unit's
data drops (``usangkan``) the token of that unit and of its pemda.

Every model of the project says how its rows reach a unit, with a class attribute
``jalur_unit`` (a test fails when a model has none):

- a field path to the unit's id, e.g. ``"instansi_id"`` or ``"indikator__instansi_id"``:
  saving or deleting a row drops the tokens of that unit and its pemda;
- ``UMUM``: data every page may show (units, pemda, nomenclature, evaluation templates):
  saving or deleting one drops every token;
- ``ABAIKAN``: data no dashboard shows (accounts, roles, the audit log, the cache itself).

A unit has two tokens: ``"i"`` (all of its data) and ``"k"`` (its data except the public survey
answers). A model whose rows are survey answers says so with ``jawaban_survei = True``: saving
one drops only the unit's ``"i"`` token (and its pemda's), so what is stored under ``"k"`` — the
pemda dashboard's per-unit capaian, budget and AKIP, which no answer changes — survives the
stream of answers a public questionnaire brings (``dasbor.selectors.ringkasan_tersimpan``).

This module holds only the two markers, so a ``models.py`` may import them without loading
any model.
"""

UMUM = "__umum__"
ABAIKAN = "__abaikan__"
