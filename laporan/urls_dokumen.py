"""URLs of the dokumen pages (included by laporan/urls.py)."""

urlpatterns: list = []
