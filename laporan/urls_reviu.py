"""URLs of the reviu pages (included by laporan/urls.py)."""

urlpatterns: list = []
