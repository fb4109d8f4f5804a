"""SKM routes: public questionnaire, poster, public and staff results."""

from django.urls import path

from dasar import tahun as _tahun  # noqa: F401  (registers the <tahun:...> converter: 2000–2100, else 404)

from . import views

app_name = "skm"
urlpatterns = [
    path("s/<slug:slug>/terima-kasih/", views.terima_kasih, name="terima_kasih"),
    path("s/<slug:slug>/poster/", views.poster, name="poster"),
    path("s/<slug:slug>/", views.kuesioner, name="kuesioner"),
    path("s/<slug:slug>/<slug:layanan>/", views.kuesioner, name="kuesioner_layanan"),
    path("publik/<slug:slug>/skm/<tahun:tahun>/", views.hasil_publik, name="hasil_publik"),
    path("unit/<slug:slug>/skm/<tahun:tahun>/", views.hasil_staf, name="hasil_staf"),
    path("unit/<slug:slug>/skm/<tahun:tahun>/responden.xlsx", views.ekspor_xlsx, name="ekspor_xlsx"),
    path("unit/<slug:slug>/skm/<tahun:tahun>/impor/", views.impor, name="impor"),
    path("unit/<slug:slug>/skm/pengaturan/", views.pengaturan, name="pengaturan"),
    path("unit/<slug:slug>/skm/kios/", views.kios, name="kios"),
]
