"""URLs of the reviu pages (included by laporan/urls.py)."""

from django.urls import path

from . import views_reviu

urlpatterns: list = [
    path("unit/<slug:slug>/reviu/<int:tahun>/", views_reviu.halaman, name="reviu"),
    path("unit/<slug:slug>/reviu/<int:tahun>/lembar.docx", views_reviu.lembar_docx, name="reviu_lembar"),
]
