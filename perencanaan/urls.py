from django.urls import path

from dasar import tahun as _tahun  # noqa: F401  (registers the <tahun:...> converter: 2000–2100, else 404)

from . import views

app_name = "perencanaan"
urlpatterns = [
    path("unit/<slug:slug>/renstra/", views.renstra, name="renstra"),
    path("unit/<slug:slug>/renstra/buat/", views.renstra_buat, name="renstra_buat"),
    path("unit/<slug:slug>/renstra/target/", views.kisi_target, name="kisi_target"),
    path("unit/<slug:slug>/iku/", views.iku, name="iku"),
    path("unit/<slug:slug>/iku/ubah/", views.iku_ubah, name="iku_ubah"),
    path("unit/<slug:slug>/pk/<tahun:tahun>/", views.pk, name="pk"),
    path("unit/<slug:slug>/pk/<tahun:tahun>/buat/", views.pk_buat, name="pk_buat"),
    path("unit/<slug:slug>/pk/<tahun:tahun>/target/<int:row_id>/", views.pk_target, name="pk_target"),
    path("unit/<slug:slug>/pk/<tahun:tahun>/penandatangan/", views.pk_penandatangan, name="pk_penandatangan"),
    # a position's own PK (Sekretaris, Kepala Seksi, Lurah: ``jabatan`` = the official's code)
    path("unit/<slug:slug>/pk/<tahun:tahun>/jabatan/buat/", views.pk_jabatan_buat, name="pk_jabatan_buat"),
    path("unit/<slug:slug>/pk/<tahun:tahun>/jabatan/<slug:jabatan>/", views.pk, name="pk_jabatan"),
    path(
        "unit/<slug:slug>/pk/<tahun:tahun>/jabatan/<slug:jabatan>/buat/",
        views.pk_buat,
        name="pk_buat_jabatan",
    ),
    path(
        "unit/<slug:slug>/pk/<tahun:tahun>/jabatan/<slug:jabatan>/penandatangan/",
        views.pk_penandatangan,
        name="pk_penandatangan_jabatan",
    ),
    path("unit/<slug:slug>/rencana-aksi/<tahun:tahun>/", views.rencana_aksi, name="rencana_aksi"),
    path("unit/<slug:slug>/jenjang/<tahun:tahun>/", views.jenjang, name="jenjang"),
    path(
        "unit/<slug:slug>/jenjang/<tahun:tahun>/sasaran/<int:sasaran_id>/",
        views.jenjang_ubah,
        name="jenjang_ubah",
    ),
    path("unit/<slug:slug>/rhk/<tahun:tahun>/", views.rhk, name="rhk"),
    path("unit/<slug:slug>/rhk/<tahun:tahun>/unduh.<str:format>", views.rhk_unduh, name="rhk_unduh"),
    path("unit/<slug:slug>/renstra/<str:jenis>/baru/", views.ubah_objek, name="baru"),
    path("unit/<slug:slug>/renstra/<str:jenis>/<int:pk>/", views.ubah_objek, name="ubah"),
    path("unit/<slug:slug>/renstra/<str:jenis>/<int:pk>/hapus/", views.hapus, name="hapus"),
    path("unit/<slug:slug>/renstra/<str:jenis>/<int:pk>/arsipkan/", views.arsipkan, name="arsipkan"),
    path("unit/<slug:slug>/renstra/<str:jenis>/<int:pk>/geser/", views.geser, name="geser"),
]
