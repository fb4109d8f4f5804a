"""URLs of the dokumen pages (LKIP, PK documents, editable texts) and of the reviu."""

from django.urls import path

from dasar import tahun as _tahun  # noqa: F401  (registers the <tahun:...> converter: 2000–2100, else 404)

from . import views

app_name = "laporan"
urlpatterns = [
    path("unit/<slug:slug>/lkip/<tahun:tahun>/", views.lkip, name="lkip"),
    path(
        "unit/<slug:slug>/lkip/<tahun:tahun>/lkip.docx", views.lkip_unduh, {"fmt": "docx"}, name="lkip_docx"
    ),
    path("unit/<slug:slug>/lkip/<tahun:tahun>/lkip.pdf", views.lkip_unduh, {"fmt": "pdf"}, name="lkip_pdf"),
    path(
        "unit/<slug:slug>/lkip/<tahun:tahun>/terbitan/<int:nomor>.docx",
        views.lkip_terbitan,
        {"fmt": "docx"},
        name="terbitan_docx",
    ),
    path(
        "unit/<slug:slug>/lkip/<tahun:tahun>/terbitan/<int:nomor>.pdf",
        views.lkip_terbitan,
        {"fmt": "pdf"},
        name="terbitan_pdf",
    ),
    path("unit/<slug:slug>/lkip/<tahun:tahun>/terbitkan/", views.terbitkan, name="terbitkan"),
    path("unit/<slug:slug>/lkip/<tahun:tahun>/teks/", views.teks, name="teks"),
    path("unit/<slug:slug>/pk/<tahun:tahun>/dokumen.docx", views.pk_unduh, {"fmt": "docx"}, name="pk_docx"),
    path("unit/<slug:slug>/pk/<tahun:tahun>/dokumen.pdf", views.pk_unduh, {"fmt": "pdf"}, name="pk_pdf"),
    path("unit/<slug:slug>/pk/<tahun:tahun>/<int:versi>/dokumen/", views.pk_dokumen, name="pk_dokumen"),
    path(
        "unit/<slug:slug>/pk/<tahun:tahun>/<int:versi>/tandatangani/",
        views.pk_tandatangani,
        name="pk_tandatangani",
    ),
    path("unit/<slug:slug>/renja/<tahun:tahun>/", views.renja, name="renja"),
    # a position's own PK (``jabatan`` = the official's code): its documents come from the job path
    path(
        "unit/<slug:slug>/pk/<tahun:tahun>/jabatan/<slug:jabatan>/<int:versi>/dokumen/",
        views.pk_dokumen,
        name="pk_dokumen_jabatan",
    ),
    path(
        "unit/<slug:slug>/pk/<tahun:tahun>/jabatan/<slug:jabatan>/<int:versi>/tandatangani/",
        views.pk_tandatangani,
        name="pk_tandatangani_jabatan",
    ),
    path("unit/<slug:slug>/reviu/<tahun:tahun>/", views.reviu_halaman, name="reviu"),
    path("unit/<slug:slug>/evaluasi/<int:pk>/lhe.<str:fmt>", views.lhe_unduh, name="lhe"),
    path(
        "unit/<slug:slug>/skm/<tahun:tahun>/laporan.docx", views.skm_unduh, {"fmt": "docx"}, name="skm_docx"
    ),
    path("unit/<slug:slug>/skm/<tahun:tahun>/laporan.pdf", views.skm_unduh, {"fmt": "pdf"}, name="skm_pdf"),
    # documents made by the task queue's worker (tugas.Tugas); the downloads above stay for
    # scripts and the tests of the documents' content
    path("unit/<slug:slug>/dokumen/<str:jenis>/<int:nomor>/<str:fmt>/minta/", views.minta, name="minta"),
    path("unit/<slug:slug>/esr/<tahun:tahun>/minta/", views.minta_esr, name="minta_esr"),
    path("unit/<slug:slug>/reviu/<tahun:tahun>/lembar.docx", views.reviu_lembar, name="reviu_lembar"),
    # the reviu of an LKIP file made elsewhere: upload, then its findings (read by the worker)
    path("unit/<slug:slug>/reviu-berkas/", views.reviu_berkas, name="reviu_berkas"),
    path("unit/<slug:slug>/reviu-berkas/<int:pk>/", views.reviu_berkas_hasil, name="reviu_berkas_hasil"),
]
