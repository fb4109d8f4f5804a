from django.urls import path

from dasar import tahun as _tahun  # noqa: F401  (registers the <tahun:...> converter: 2000–2100, else 404)

from . import views

app_name = "pengukuran"
urlpatterns = [
    path("unit/<slug:slug>/realisasi/<tahun:tahun>/<str:periode>/", views.halaman, name="realisasi"),
    path("unit/<slug:slug>/realisasi/<tahun:tahun>/<str:periode>/status/", views.status, name="status"),
    path(
        "unit/<slug:slug>/realisasi/<tahun:tahun>/<str:periode>/<str:kode>/pratinjau/",
        views.pratinjau,
        name="pratinjau",
    ),
    path("unit/<slug:slug>/bukti/<int:pk>/", views.unduh_bukti, name="bukti"),
]
