from django.urls import path

from . import views

app_name = "akun"
urlpatterns = [
    path("masuk/", views.Masuk.as_view(), name="masuk"),
    path("keluar/", views.Keluar.as_view(), name="keluar"),
]
