from django.contrib import admin
from django.urls import include, path

from api.v1 import api as api_v1

from . import admin_site  # noqa: F401  (restricts the admin to admin_pemda)
from .sehat import sehat

urlpatterns = [
    path("sehat/", sehat, name="sehat"),
    path("admin/", admin.site.urls),
    path("api/v1/", api_v1.urls),
    path("akun/token-api/", include("api.urls")),
    path("akun/", include("akun.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("laporan.urls")),
    path("", include("tugas.urls")),
    path("", include("skm.urls")),
    path("", include("portal.urls")),
    path("", include("dasbor.urls")),
    path("", include("pengukuran.urls")),
    path("", include("perencanaan.urls")),
    path("", include("anggaran.urls")),
    path("", include("pohon.urls")),
    path("", include("zona.urls")),
    path("", include("evaluasi.urls")),
    path("", include("audit.urls")),
    path("", include("jadwal.urls")),
    path("", include("workbook.urls")),
    path("", include("pengingat.urls")),
    path("", include("konsol.urls")),
    path("", include("rpjmd.urls")),
]
