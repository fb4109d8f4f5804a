"""URLs of the pohon kinerja pages."""

from django.urls import path

from . import views

app_name = "pohon"
urlpatterns = [
    path("unit/<slug:slug>/pohon/<tahun:tahun>/", views.unit, name="unit"),
    path("unit/<slug:slug>/pohon/<tahun:tahun>/svg/", views.unit_svg, name="unit_svg"),
    path("unit/<slug:slug>/pohon/<tahun:tahun>/pdf/", views.unit_pdf, name="unit_pdf"),
    path("unit/<slug:slug>/pohon/<tahun:tahun>/bagian/", views.unit_bagian, name="unit_bagian"),
    path("pemda/<slug:kode>/pohon/<tahun:tahun>/", views.pemda, name="pemda"),
    path("pemda/<slug:kode>/pohon/<tahun:tahun>/svg/", views.pemda_svg, name="pemda_svg"),
    path("pemda/<slug:kode>/pohon/<tahun:tahun>/pdf/", views.pemda_pdf, name="pemda_pdf"),
    path(
        "pemda/<slug:kode>/pohon/<tahun:tahun>/sasaran/<int:pk>/", views.sasaran_pemda, name="sasaran_pemda"
    ),
    path(
        "pemda/<slug:kode>/pohon/<tahun:tahun>/sasaran/<int:pk>/svg/",
        views.sasaran_pemda_svg,
        name="sasaran_pemda_svg",
    ),
    path(
        "pemda/<slug:kode>/pohon/<tahun:tahun>/sasaran/<int:pk>/pdf/",
        views.sasaran_pemda_pdf,
        name="sasaran_pemda_pdf",
    ),
]
