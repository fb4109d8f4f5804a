from django.urls import path

from . import views

app_name = "konsol"
urlpatterns = [
    path("konsol/", views.beranda, name="beranda"),
    path("konsol/profil/", views.profil, name="profil"),
    path("konsol/profil/logo/", views.logo, name="logo"),
    path("konsol/unit/", views.unit_daftar, name="unit_daftar"),
    path("konsol/unit/baru/", views.unit_baru, name="unit_baru"),
    path("konsol/unit/<slug:slug>/", views.unit, name="unit"),
    path("konsol/unit/<slug:slug>/status/", views.unit_status, name="unit_status"),
    path("konsol/unit/<slug:slug>/subunit/baru/", views.subunit_baru, name="subunit_baru"),
    path("konsol/unit/<slug:slug>/subunit/<int:pk>/", views.subunit, name="subunit"),
    path("konsol/unit/<slug:slug>/subunit/<int:pk>/status/", views.subunit_status, name="subunit_status"),
    path("konsol/unit/<slug:slug>/pejabat/baru/", views.unit_pejabat_baru, name="unit_pejabat_baru"),
    path("konsol/unit/<slug:slug>/pegawai/<tahun:tahun>/", views.pegawai, name="pegawai"),
    path("konsol/pejabat/", views.pejabat_daftar, name="pejabat_daftar"),
    path("konsol/pejabat/baru/", views.pejabat_baru, name="pejabat_baru"),
    path("konsol/pejabat/<int:pk>/", views.pejabat, name="pejabat"),
    path("konsol/pejabat/<int:pk>/status/", views.pejabat_status, name="pejabat_status"),
    path("konsol/pengguna/", views.pengguna_daftar, name="pengguna_daftar"),
    path("konsol/pengguna/baru/", views.pengguna_baru, name="pengguna_baru"),
    path("konsol/pengguna/<int:pk>/", views.pengguna, name="pengguna"),
    path("konsol/pengguna/<int:pk>/status/", views.pengguna_status, name="pengguna_status"),
    path("konsol/pengguna/<int:pk>/tautan/", views.pengguna_tautan, name="pengguna_tautan"),
    path("konsol/pengguna/<int:pk>/otp/", views.pengguna_otp, name="pengguna_otp"),
    path("konsol/pengguna/<int:pk>/peran/", views.pengguna_peran, name="pengguna_peran"),
    path("konsol/peran/<int:pk>/hapus/", views.peran_hapus, name="peran_hapus"),
]
