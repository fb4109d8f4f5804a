"""Jobs run off the request path by the task queue (dasar/antrian.py), as the web sees them.

A ``Tugas`` is one requested piece of long work (a document today): who asked, for which
unit, what (``jenis`` and ``parameter``), its idempotency key, its status and progress, its result
file or its error in Indonesian. The work itself is a task of the app that knows how to do it
(``laporan/tugas.py``); it reports through ``tugas.services.jalankan``.
"""
