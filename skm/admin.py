from audit.admin import daftar

from .models import PengaturanSKM, PertanyaanSKM, Responden, RingkasanNRR

daftar(RingkasanNRR, PengaturanSKM, Responden, PertanyaanSKM)
