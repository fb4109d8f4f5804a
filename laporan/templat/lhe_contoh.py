"""The LHE of the demo unit as a PDF for docs/screenshots/ (used by `make screenshots-lkip`), run in
a throw-away demo database:

    python manage.py shell < laporan/templat/lhe_contoh.py   (writes $SAKIP_LHE_CONTOH)

A draft AKIP evaluation started by the demo operator: its LHE renders live, with the cover, the
structure and the signature block a final one has.
"""

import os

from django.contrib.auth import get_user_model

from evaluasi.services import buat_evaluasi
from laporan import keluaran
from laporan.lhe import dokumen_lhe
from organisasi.models import Instansi

unit = Instansi.objects.get(slug="bantargebang")
ev = buat_evaluasi(
    user=get_user_model().objects.get(username="operator"), instansi=unit, tahun=2024, jenis="akip"
)
keluaran.simpan(dokumen_lhe(ev), os.environ["SAKIP_LHE_CONTOH"])
