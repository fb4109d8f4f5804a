"""The public portal (no login): a pemda's page, a unit's page, their open data, and the
published documents (docs/portal.md)."""

from django.urls import path

from dasar import tahun as _tahun  # noqa: F401  (registers the <tahun:...> converter: 2000–2100, else 404)

from . import views

app_name = "portal"
urlpatterns = [
    path("publik/<slug:pemda>/", views.pemda, name="pemda"),
    path("publik/<slug:pemda>/data.json", views.data, {"fmt": "json"}, name="pemda_json"),
    path("publik/<slug:pemda>/data.xlsx", views.data, {"fmt": "xlsx"}, name="pemda_xlsx"),
    path("publik/<slug:pemda>/data/kamus.json", views.kamus, name="pemda_kamus"),
    path("publik/<slug:pemda>/data/<slug:tabel>.csv", views.data_csv, name="pemda_csv"),
    path("publik/<slug:pemda>/<slug:unit>/", views.unit, name="unit"),
    path("publik/<slug:pemda>/<slug:unit>/data.json", views.data, {"fmt": "json"}, name="unit_json"),
    path("publik/<slug:pemda>/<slug:unit>/data.xlsx", views.data, {"fmt": "xlsx"}, name="unit_xlsx"),
    path("publik/<slug:pemda>/<slug:unit>/data/kamus.json", views.kamus, name="unit_kamus"),
    path("publik/<slug:pemda>/<slug:unit>/data/<slug:tabel>.csv", views.data_csv, name="unit_csv"),
    path(
        "publik/<slug:pemda>/<slug:unit>/lkip/<tahun:tahun>/<int:nomor>.pdf",
        views.lkip,
        {"fmt": "pdf"},
        name="lkip_pdf",
    ),
    path(
        "publik/<slug:pemda>/<slug:unit>/lkip/<tahun:tahun>/<int:nomor>.docx",
        views.lkip,
        {"fmt": "docx"},
        name="lkip_docx",
    ),
    path("publik/<slug:pemda>/<slug:unit>/pk/<tahun:tahun>/<int:versi>.docx", views.pk, name="pk_docx"),
]
