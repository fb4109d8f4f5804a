from django.urls import path

from dasar import tahun as _tahun  # noqa: F401  (registers the <tahun:...> converter: 2000–2100, else 404)

from . import views

app_name = "evaluasi"
urlpatterns = [
    path("unit/<slug:slug>/evaluasi/", views.daftar, name="daftar"),
    path("unit/<slug:slug>/evaluasi/buat/", views.buat, name="buat"),
    path("unit/<slug:slug>/evaluasi/<int:pk>/", views.lke, name="lke"),
    path("unit/<slug:slug>/evaluasi/<int:pk>/komponen/<int:komponen_id>/", views.komponen, name="komponen"),
    path("unit/<slug:slug>/evaluasi/<int:pk>/finalkan/", views.finalkan, name="finalkan"),
    path("unit/<slug:slug>/evaluasi/<int:pk>/status/", views.status, name="status"),
    path("unit/<slug:slug>/evaluasi/<int:pk>/lhe/", views.lhe, name="lhe"),
    path("unit/<slug:slug>/evaluasi/<int:pk>/rekomendasi/", views.rekomendasi, name="rekomendasi"),
    path("unit/<slug:slug>/evaluasi/bukti/<int:pk>/", views.unduh_bukti, name="bukti"),
    path("unit/<slug:slug>/tindak-lanjut/<int:pk>/", views.tindak_lanjut, name="tindak_lanjut"),
    path(
        "unit/<slug:slug>/tindak-lanjut/<int:pk>/berkas/",
        views.unduh_tindak_lanjut,
        name="berkas_tindak_lanjut",
    ),
    path("pemda/<slug:kode>/evaluasi/<tahun:tahun>/", views.perbandingan, name="perbandingan"),
    path("evaluasi/templat/", views.templat_daftar, name="templat_daftar"),
    path("evaluasi/templat/<int:pk>/", views.templat, name="templat"),
    path("evaluasi/templat/<int:pk>/salin/", views.templat_salin, name="templat_salin"),
    path("evaluasi/templat/kriteria/<int:pk>/", views.kriteria_ubah, name="kriteria_ubah"),
]
