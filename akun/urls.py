from django.urls import path

from . import views

app_name = "akun"
urlpatterns = [
    path("masuk/", views.Masuk.as_view(), name="masuk"),
    path("keluar/", views.Keluar.as_view(), name="keluar"),
    path("sandi/", views.GantiSandi.as_view(), name="ganti_sandi"),
    path("lupa-sandi/", views.LupaSandi.as_view(), name="lupa_sandi"),
    path("lupa-sandi/terkirim/", views.LupaSandiTerkirim.as_view(), name="lupa_sandi_terkirim"),
    path("sandi-baru/<uidb64>/<token>/", views.SandiBaru.as_view(), name="sandi_baru"),
    path("sandi-baru/selesai/", views.SandiBaruSelesai.as_view(), name="sandi_baru_selesai"),
    path("riwayat/", views.riwayat, name="riwayat"),
    path("pengingat/", views.pengingat, name="pengingat"),
    path("riwayat/pemda/", views.riwayat_pemda, name="riwayat_pemda"),
    path("otp/", views.otp, name="otp"),
    path("tahun/", views.pilih_tahun, name="pilih_tahun"),
    path("unit/", views.pilih_unit, name="pilih_unit"),
    path("otp/daftar/", views.otp_daftar, name="otp_daftar"),
]
