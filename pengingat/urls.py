from django.urls import path

from . import views

app_name = "pengingat"
urlpatterns = [path("pengingat/", views.daftar, name="daftar")]
