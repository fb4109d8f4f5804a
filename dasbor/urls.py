from django.urls import path

from . import views

app_name = "dasbor"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("unit/<slug:slug>/", views.unit, name="unit"),
    path("pemda/<slug:kode>/", views.pemda, name="pemda"),
]
