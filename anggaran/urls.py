from django.urls import path

from . import views

app_name = "anggaran"
urlpatterns = [
    path("unit/<slug:slug>/anggaran/<int:tahun>/", views.anggaran, name="anggaran"),
]
