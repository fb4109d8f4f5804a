from audit.admin import daftar

from .models import PenilaianZona, Zona

daftar(Zona, PenilaianZona)
