from audit.admin import daftar

from .models import NilaiPembanding, Realisasi

daftar(Realisasi, NilaiPembanding)
