"""The user's API token pages (under /akun/token-api/): list, create (shown once), revoke."""

from django.urls import path

from . import views

app_name = "token_api"
urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("<int:pk>/cabut/", views.cabut, name="cabut"),
]
