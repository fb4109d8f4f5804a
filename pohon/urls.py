"""URLs of the pohon kinerja pages."""

from django.urls import path

from . import views

app_name = "pohon"
urlpatterns = [
    path("unit/<slug:slug>/pohon/<tahun:tahun>/", views.unit, name="unit"),
    path("unit/<slug:slug>/pohon/<tahun:tahun>/svg/", views.unit_svg, name="unit_svg"),
    path("unit/<slug:slug>/pohon/<tahun:tahun>/pdf/", views.unit_pdf, name="unit_pdf"),
    path("pemda/<slug:kode>/pohon/<tahun:tahun>/", views.pemda, name="pemda"),
    path("pemda/<slug:kode>/pohon/<tahun:tahun>/svg/", views.pemda_svg, name="pemda_svg"),
]
