"""URLs of the workbook pages: download, empty template, upload (dry run) and apply."""

from django.urls import path

from dasar import tahun as _tahun  # noqa: F401  (registers the <tahun:...> converter)

from . import views

app_name = "workbook"
urlpatterns = [
    path("unit/<slug:slug>/workbook/<tahun:tahun>/", views.halaman, name="halaman"),
    path("unit/<slug:slug>/workbook/<tahun:tahun>/unduh/", views.unduh, name="unduh"),
    path("unit/<slug:slug>/workbook/<tahun:tahun>/templat/", views.templat, name="templat"),
    path("unit/<slug:slug>/workbook/<tahun:tahun>/unggah/", views.unggah, name="unggah"),
    path("unit/<slug:slug>/workbook/unggahan/<uuid:pk>/", views.hasil, name="hasil"),
    path("unit/<slug:slug>/workbook/unggahan/<uuid:pk>/terapkan/", views.terapkan, name="terapkan"),
]
