from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("akun/", include("akun.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("laporan.urls")),
    path("", include("skm.urls")),
    path("", include("dasbor.urls")),
    path("", include("pengukuran.urls")),
    path("", include("perencanaan.urls")),
    path("", include("anggaran.urls")),
    path("", include("zona.urls")),
]
