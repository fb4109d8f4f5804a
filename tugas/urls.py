"""URLs of the job pages."""

from django.urls import path

from . import views

app_name = "tugas"
urlpatterns = [
    path("unit/<slug:slug>/tugas/<uuid:pk>/", views.halaman, name="halaman"),
    path("unit/<slug:slug>/tugas/<uuid:pk>/kemajuan/", views.kemajuan, name="kemajuan"),
    path("unit/<slug:slug>/tugas/<uuid:pk>/hasil/", views.hasil, name="hasil"),
]
