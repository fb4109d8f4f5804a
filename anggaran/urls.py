from django.urls import path

from dasar import tahun as _tahun  # noqa: F401  (registers the <tahun:...> converter: 2000–2100, else 404)

from . import views

app_name = "anggaran"
urlpatterns = [
    path("unit/<slug:slug>/anggaran/<tahun:tahun>/", views.anggaran, name="anggaran"),
    path(
        "unit/<slug:slug>/anggaran/<tahun:tahun>/realisasi/<str:periode>/",
        views.realisasi_triwulan,
        name="realisasi",
    ),
    path(
        "unit/<slug:slug>/anggaran/<tahun:tahun>/realisasi/<str:periode>/simpan/",
        views.simpan_realisasi,
        name="simpan",
    ),
    path(
        "unit/<slug:slug>/anggaran/<tahun:tahun>/realisasi/<str:periode>/status/",
        views.status,
        name="status",
    ),
    path("unit/<slug:slug>/kunci-tahun/<tahun:tahun>/", views.kunci_tahun, name="kunci_tahun"),
    # the DPA of a unit-year (budget lines, cash plan) and its links to indicators, in the app
    path("unit/<slug:slug>/anggaran/<tahun:tahun>/dpa/", views.dpa, name="dpa"),
    path(
        "unit/<slug:slug>/anggaran/<tahun:tahun>/baris/<int:pk>/hapus/",
        views.hapus_baris,
        name="hapus_baris",
    ),
    path("unit/<slug:slug>/anggaran/<tahun:tahun>/dukungan/", views.dukungan, name="dukungan"),
    path("unit/<slug:slug>/anggaran/sub-kegiatan/", views.cari_sub, name="cari_sub_kegiatan"),
]
