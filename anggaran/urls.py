from django.urls import path

from . import views

app_name = "anggaran"
urlpatterns = [
    path("unit/<slug:slug>/anggaran/<int:tahun>/", views.anggaran, name="anggaran"),
    path(
        "unit/<slug:slug>/anggaran/<int:tahun>/realisasi/<str:periode>/",
        views.realisasi_triwulan,
        name="realisasi",
    ),
    path(
        "unit/<slug:slug>/anggaran/<int:tahun>/realisasi/<str:periode>/simpan/",
        views.simpan_realisasi,
        name="simpan",
    ),
]
