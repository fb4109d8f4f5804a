"""Authorisation matrix of the account pages (login, password, reset, login history)."""

from tests.izin_common import PUBLIK, UNIT

# pages of one's own account: any logged-in user, whatever unit; anonymous → login page
SENDIRI = {**UNIT, "other": 200}

CASES = {
    "akun/masuk/": ("/akun/masuk/", PUBLIK),
    # logging out is POST only
    "akun/keluar/": ("/akun/keluar/", {r: 405 for r in UNIT}),
    "akun/sandi/": ("/akun/sandi/", SENDIRI),
    "akun/lupa-sandi/": ("/akun/lupa-sandi/", PUBLIK),
    "akun/lupa-sandi/terkirim/": ("/akun/lupa-sandi/terkirim/", PUBLIK),
    # a link that is not valid shows the "no longer valid" page to anyone
    "akun/sandi-baru/<uidb64>/<token>/": ("/akun/sandi-baru/MQ/salah-token/", PUBLIK),
    "akun/sandi-baru/selesai/": ("/akun/sandi-baru/selesai/", PUBLIK),
    "akun/riwayat/": ("/akun/riwayat/", SENDIRI),
    # one's own reminders and the e-mail setting
    "akun/pengingat/": ("/akun/pengingat/", SENDIRI),
    "pengingat/": ("/pengingat/", SENDIRI),
    # the second factor: any logged-in user may enrol an authenticator app and give its code
    "akun/otp/": ("/akun/otp/", SENDIRI),
    "akun/otp/daftar/": ("/akun/otp/daftar/", SENDIRI),
    # the app shell's year selector (POST only) and unit switcher (a unit the user may see)
    "akun/tahun/": ("/akun/tahun/", {**{r: 405 for r in UNIT}, "anon": 302}),
    "akun/unit/": (
        "/akun/unit/?unit=bantargebang&next=/unit/bantargebang/",
        {**{r: 302 for r in UNIT}, "other": 404},
    ),
    # the login history of the pemda's users: its admin_pemda only
    "akun/riwayat/pemda/": (
        "/akun/riwayat/pemda/",
        {r: 404 for r in UNIT} | {"adminpemda": 200, "anon": 302},
    ),
}
