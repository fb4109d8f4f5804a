"""URLs of the dokumen pages (LKIP, PK documents, editable texts) and of the reviu."""

from django.urls import path

from . import views

app_name = "laporan"
urlpatterns = [
    path("unit/<slug:slug>/lkip/<int:tahun>/", views.lkip, name="lkip"),
    path("unit/<slug:slug>/lkip/<int:tahun>/lkip.docx", views.lkip_unduh, {"fmt": "docx"}, name="lkip_docx"),
    path("unit/<slug:slug>/lkip/<int:tahun>/lkip.pdf", views.lkip_unduh, {"fmt": "pdf"}, name="lkip_pdf"),
    path("unit/<slug:slug>/lkip/<int:tahun>/teks/", views.teks, name="teks"),
    path("unit/<slug:slug>/lkip/<int:tahun>/teks/<slug:bagian>/", views.teks_simpan, name="teks_simpan"),
    path("unit/<slug:slug>/pk/<int:tahun>/dokumen.docx", views.pk_unduh, {"fmt": "docx"}, name="pk_docx"),
    path("unit/<slug:slug>/pk/<int:tahun>/dokumen.pdf", views.pk_unduh, {"fmt": "pdf"}, name="pk_pdf"),
    path("unit/<slug:slug>/reviu/<int:tahun>/", views.reviu_halaman, name="reviu"),
    path("unit/<slug:slug>/reviu/<int:tahun>/lembar.docx", views.reviu_lembar, name="reviu_lembar"),
]
