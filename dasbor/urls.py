from django.urls import path

from . import views

app_name = "dasbor"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("unit/<slug:slug>/", views.unit, name="unit"),
    path("pemda/<slug:kode>/", views.pemda, name="pemda"),
    path("tugas-saya/", views.kotak_masuk, name="kotak"),
    path("tugas-saya/jumlah/", views.kotak_jumlah, name="kotak_jumlah"),
    path("panduan/", views.baca_panduan, name="panduan"),
    path("panduan/gambar/<str:nama>", views.gambar_panduan, name="panduan_gambar"),
    path("panduan/<slug:bab>/", views.baca_panduan, name="panduan_bab"),
]
