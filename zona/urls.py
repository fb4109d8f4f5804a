from django.urls import path

from . import views

app_name = "zona"
urlpatterns = [
    path("unit/<slug:slug>/zona/", views.daftar, name="zona"),
    path("unit/<slug:slug>/zona/nilai/", views.nilai, name="nilai"),
    path("unit/<slug:slug>/zona/atur/", views.atur, name="atur"),
    path("unit/<slug:slug>/zona/foto/<int:pk>/", views.foto, name="foto"),
]
