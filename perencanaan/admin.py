from audit.admin import daftar

from .models import Indikator, PerjanjianKinerja, PKIndikator, Renstra, Sasaran, Target, Tujuan

daftar(Renstra, Tujuan, Sasaran, Indikator, Target, PerjanjianKinerja, PKIndikator)
