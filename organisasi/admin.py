from audit.admin import daftar

from .models import Instansi, Layanan, Pegawai, Pejabat, Pemda, SubUnit

daftar(Pemda, Instansi, SubUnit, Pejabat, Pegawai, Layanan)
