from audit.admin import daftar

from .models import BarisAnggaran, Dukungan, Kegiatan, PaguProgram, Program, RealisasiAnggaran, SubKegiatan

daftar(Program, Kegiatan, SubKegiatan, BarisAnggaran, PaguProgram, RealisasiAnggaran, Dukungan)
