from django.urls import path

from . import views

app_name = "rpjmd"
urlpatterns = [
    path("konsol/rpjmd/", views.daftar, name="daftar"),
    path("konsol/rpjmd/baru/", views.baru, name="baru"),
    path("konsol/rpjmd/<int:pk>/", views.lihat, name="lihat"),
    path("konsol/rpjmd/<int:pk>/ubah/", views.ubah, name="ubah"),
    path("konsol/rpjmd/<int:pk>/hapus/", views.hapus_rpjmd, name="hapus"),
    path("konsol/rpjmd/<int:pk>/<str:tingkat>/", views.tingkat, name="tingkat"),
    path("konsol/rpjmd/<int:pk>/<str:tingkat>/<int:item>/hapus/", views.hapus_item, name="hapus_item"),
    path("unit/<slug:slug>/sasaran-pemda/", views.kontribusi, name="kontribusi"),
    path("unit/<slug:slug>/sasaran-pemda/<int:pk>/hapus/", views.kontribusi_hapus, name="kontribusi_hapus"),
]
