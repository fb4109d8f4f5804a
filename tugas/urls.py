"""URLs of the job pages: the user's own requests, a unit's jobs and a pemda's (pemda-level documents)."""

from django.urls import path

from . import views

app_name = "tugas"
urlpatterns = [
    path("tugas/", views.daftar, name="daftar"),
    path("unit/<slug:slug>/tugas/<uuid:pk>/", views.halaman, name="halaman"),
    path("unit/<slug:slug>/tugas/<uuid:pk>/kemajuan/", views.kemajuan, name="kemajuan"),
    path("unit/<slug:slug>/tugas/<uuid:pk>/hasil/", views.hasil, name="hasil"),
    path("pemda/<slug:kode>/tugas/<uuid:pk>/", views.halaman_pemda, name="halaman_pemda"),
    path("pemda/<slug:kode>/tugas/<uuid:pk>/kemajuan/", views.kemajuan_pemda, name="kemajuan_pemda"),
    path("pemda/<slug:kode>/tugas/<uuid:pk>/hasil/", views.hasil_pemda, name="hasil_pemda"),
]
