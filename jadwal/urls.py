from django.urls import path

from dasar import tahun as _tahun  # noqa: F401  (registers the <tahun:...> converter)

from . import views

app_name = "jadwal"
urlpatterns = [
    path("pemda/<slug:kode>/jadwal/<tahun:tahun>/", views.jadwal, name="jadwal"),
    path("pemda/<slug:kode>/jadwal/<tahun:tahun>/pengecualian/", views.pengecualian, name="pengecualian"),
    path("pemda/<slug:kode>/jadwal/<tahun:tahun>/pengecualian/<int:pk>/cabut/", views.cabut, name="cabut"),
]
