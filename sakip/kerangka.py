"""The app shell's context (templates/base.html): the units the user may switch between, the
selected year, the side navigation along the SAKIP cycle and the breadcrumbs.

Who may use which section is decided by ``akun.izin.bagian_terlihat``; this module only turns
its answer into links. Everything is computed lazily, once per request, and only for a
logged-in user: a page that does not render the shell (an htmx fragment, a download) runs no
query for it. A fixed number of queries per page, whatever the number of units.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.db.models import Max
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf
from django.urls import reverse as _reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from akun import izin
from akun.services import SESI_TAHUN
from dasar.tahun import TAHUN_MAKS, TAHUN_MIN, sah

# The side navigation: (group, [(section, label, url name, needs the year in the path)]),
# in the order of the SAKIP cycle.
SIKLUS = [
    (_("Beranda"), [("dasbor", _("Dasbor unit"), "dasbor:unit", False)]),
    (
        _("Perencanaan"),
        [
            ("perencanaan", _("Renstra"), "perencanaan:renstra", False),
            ("perencanaan", _("Indikator Kinerja Utama"), "perencanaan:iku", False),
            ("perencanaan", _("Jenjang kinerja"), "perencanaan:jenjang", True),
            ("perencanaan", _("RHK pegawai"), "perencanaan:rhk", True),
            ("perencanaan", _("Renja (Rencana Kerja)"), "laporan:renja", True),
            ("pohon", _("Pohon kinerja"), "pohon:unit", True),
        ],
    ),
    (
        _("Perjanjian Kinerja"),
        [
            ("pk", _("Perjanjian Kinerja"), "perencanaan:pk", True),
            ("pk", _("Rencana Aksi"), "perencanaan:rencana_aksi", True),
        ],
    ),
    (_("Pengukuran"), [("pengukuran", _("Realisasi kinerja"), "pengukuran:realisasi", True)]),
    (
        _("Anggaran"),
        [
            ("anggaran", _("Anggaran dan realisasi"), "anggaran:anggaran", True),
            ("anggaran_dpa", _("DPA: pagu dan anggaran kas"), "anggaran:dpa", True),
        ],
    ),
    (
        _("SKM"),
        [
            ("skm", _("Hasil survei"), "skm:hasil_staf", True),
            ("skm_pengaturan", _("Pengaturan survei"), "skm:pengaturan", False),
        ],
    ),
    (_("Zona Integritas"), [("zona", _("Zona Integritas"), "zona:zona", False)]),
    (_("Evaluasi"), [("evaluasi", _("Evaluasi AKIP"), "evaluasi:daftar", False)]),
    (
        _("Laporan"),
        [
            ("laporan", _("LKIP"), "laporan:lkip", True),
            ("laporan_teks", _("Teks LKIP"), "laporan:teks", True),
            ("laporan", _("Reviu"), "laporan:reviu", True),
            ("laporan_reviu_berkas", _("Reviu berkas LKIP"), "laporan:reviu_berkas", False),
        ],
    ),
    (_("Data"), [("workbook", _("Workbook (unduh/unggah)"), "workbook:halaman", True)]),
]
# URL namespaces (and a few view names) -> the section a page belongs to, for the breadcrumbs
# and the highlighted link.
HALAMAN_BAGIAN = {
    "dasbor:unit": "dasbor:unit",
    "perencanaan:pk": "perencanaan:pk",
    "perencanaan:pk_buat": "perencanaan:pk",
    "perencanaan:pk_target": "perencanaan:pk",
    "perencanaan:pk_penandatangan": "perencanaan:pk",
    "laporan:pk_dokumen": "perencanaan:pk",
    "laporan:pk_tandatangani": "perencanaan:pk",
    "perencanaan:rencana_aksi": "perencanaan:rencana_aksi",
    "perencanaan:iku": "perencanaan:iku",
    "perencanaan:iku_ubah": "perencanaan:iku",
    "perencanaan:jenjang": "perencanaan:jenjang",
    "perencanaan:jenjang_ubah": "perencanaan:jenjang",
    "perencanaan:rhk": "perencanaan:rhk",
    "skm:pengaturan": "skm:pengaturan",
    "skm:kios": "skm:pengaturan",
    "skm:impor": "skm:hasil_staf",
    "laporan:teks": "laporan:teks",
    "laporan:renja": "laporan:renja",
    "anggaran:dpa": "anggaran:dpa",
    "anggaran:dukungan": "anggaran:dpa",
    "anggaran:hapus_baris": "anggaran:dpa",
    "laporan:reviu": "laporan:reviu",
    "laporan:reviu_berkas": "laporan:reviu_berkas",
    "laporan:reviu_berkas_hasil": "laporan:reviu_berkas",
    "pohon:unit": "pohon:unit",
}
NAMESPACE_BAGIAN = {
    "perencanaan": "perencanaan:renstra",
    "pengukuran": "pengukuran:realisasi",
    "anggaran": "anggaran:anggaran",
    "skm": "skm:hasil_staf",
    "zona": "zona:zona",
    "evaluasi": "evaluasi:daftar",
    "laporan": "laporan:lkip",
    "workbook": "workbook:halaman",
    "pohon": "pohon:unit",
}


@lru_cache(maxsize=4096)
def _reverse_tetap(urlconf, awalan, nama, kw) -> str:
    return _reverse(nama, urlconf=urlconf, kwargs=dict(kw))


def reverse(nama, kwargs=None) -> str:
    """``django.urls.reverse`` remembered per URL conf, script prefix, name and arguments (the
    shell reverses some 25 links on every page; the URLs do not depend on the language)."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF  # a test's override_settings is another key
    return _reverse_tetap(urlconf, get_script_prefix(), nama, tuple(sorted((kwargs or {}).items())))


def tahun_bawaan(user) -> int | None:
    """The year of a user who chose none: the tahun berjalan its pemda's admin set
    (``organisasi.Pemda.tahun_berjalan``, the pemda console's profile), else the latest year of a
    Perjanjian Kinerja of a unit it may see, else the latest year of a Renstra target; None when
    there is no data at all."""
    from organisasi.models import Pemda
    from perencanaan.models import PerjanjianKinerja, Target

    units = izin.instansi_terlihat(user)
    tahun = (
        Pemda.objects.filter(id__in=izin.pemda_anggota(user), tahun_berjalan__isnull=False)
        .order_by("id")
        .values_list("tahun_berjalan", flat=True)
        .first()
    )
    if tahun is None:
        tahun = PerjanjianKinerja.objects.filter(instansi__in=units).aggregate(m=Max("tahun"))["m"]
    if tahun is None:
        tahun = Target.objects.filter(indikator__instansi__in=units).aggregate(m=Max("tahun"))["m"]
    return tahun


def tahun_pengguna(request) -> int | None:
    """The year remembered for the user: kept in the session once read (no query on the next
    pages), read from akun.Profil.tahun at the session's first page, else :func:`tahun_bawaan`."""
    from akun.models import Profil

    tahun = request.session.get(SESI_TAHUN)
    if isinstance(tahun, int) and sah(tahun):
        return tahun
    tahun = Profil.objects.filter(user=request.user).values_list("tahun", flat=True).first()
    if tahun is None:
        tahun = tahun_bawaan(request.user)
    if tahun is not None:
        request.session[SESI_TAHUN] = tahun
    return tahun


def _halaman(request):
    cocok = getattr(request, "resolver_match", None)
    if cocok is None:
        return None, {}, {}
    return cocok.view_name, cocok.kwargs, request.GET


def _bangun(request) -> dict:
    user = request.user
    view_name, kwargs, kueri = _halaman(request)
    # a deactivated unit is offered in no picker: the switcher lists it only on its own pages
    units = [
        u
        for u in izin.instansi_terlihat(user).select_related("pemda").order_by("nama")
        if u.aktif or u.slug == kwargs.get("slug")
    ]
    # the current unit: the page's, else the only (or first) one the user may see
    unit = None
    slug = kwargs.get("slug")
    if slug:
        unit = next((u for u in units if u.slug == slug), None)
    if unit is None and units:
        unit = units[0]
    # the year: the page's (path or ?tahun=), else the remembered one
    tahun = kwargs.get("tahun")
    if tahun is None and str(kueri.get("tahun", "")).isdigit() and sah(int(kueri["tahun"])):
        tahun = int(kueri["tahun"])
    if tahun is None:
        tahun = tahun_pengguna(request)
    boleh = izin.bagian_terlihat(user, unit)
    aktif = HALAMAN_BAGIAN.get(view_name) or NAMESPACE_BAGIAN.get((view_name or ":").split(":")[0])
    navigasi = []
    remah = [{"label": _("Beranda"), "url": reverse("dasbor:beranda")}]
    if unit is not None:
        remah.append({"label": unit.nama, "url": reverse("dasbor:unit", kwargs={"slug": unit.slug})})
        for grup, tautan in SIKLUS:
            isi = []
            for bagian, label, nama, pakai_tahun in tautan:
                if bagian not in boleh or (pakai_tahun and tahun is None):
                    continue
                kw = {"slug": unit.slug}
                if pakai_tahun:
                    kw["tahun"] = tahun
                if nama == "pengukuran:realisasi":
                    kw["periode"] = (
                        kwargs.get("periode")
                        if view_name and view_name.startswith("pengukuran:") and kwargs.get("periode")
                        else "TW1"
                    )
                try:
                    url = reverse(nama, kwargs=kw)
                except NoReverseMatch:
                    continue
                if nama in ("dasbor:unit", "evaluasi:daftar", "zona:zona") and tahun is not None:
                    url += f"?tahun={tahun}"
                isi.append({"label": label, "url": url, "aktif": nama == aktif})
                if nama == aktif and nama != "dasbor:unit":
                    remah.append({"label": label, "url": url})
            if isi:
                navigasi.append({"label": grup, "tautan": isi})
    pemda_tautan = []
    if "dasbor_pemda" in boleh:
        kw = {"kode": unit.pemda.kode}
        url = reverse("dasbor:pemda", kwargs=kw) + (f"?tahun={tahun}" if tahun else "")
        pemda_tautan.append({"label": _("Dasbor pemda"), "url": url, "aktif": view_name == "dasbor:pemda"})
        if tahun is not None:
            pemda_tautan.append(
                {
                    "label": _("Perbandingan evaluasi"),
                    "url": reverse("evaluasi:perbandingan", kwargs={**kw, "tahun": tahun}),
                    "aktif": view_name == "evaluasi:perbandingan",
                }
            )
    if "dasbor_pemda" in boleh and tahun is not None:  # the pemda's pohon kinerja (same readers)
        pemda_tautan.append(
            {
                "label": _("Pohon kinerja pemda"),
                "url": reverse("pohon:pemda", kwargs={"kode": unit.pemda.kode, "tahun": tahun}),
                "aktif": (view_name or "") in ("pohon:pemda", "pohon:sasaran_pemda"),
            }
        )
    if "jadwal" in boleh and tahun is not None:
        pemda_tautan.append(
            {
                "label": _("Jadwal dan pengecualian"),
                "url": reverse("jadwal:jadwal", kwargs={"kode": unit.pemda.kode, "tahun": tahun}),
                "aktif": (view_name or "").startswith("jadwal:"),
            }
        )
    if "audit" in boleh:
        pemda_tautan.append(
            {"label": _("Jejak audit"), "url": reverse("audit:cari"), "aktif": view_name == "audit:cari"}
        )
    if "konsol" in boleh:  # the pemda console: admin_pemda only (akun.izin.bagian_terlihat)
        pemda_tautan.append(
            {
                "label": _("Konsol pemda"),
                "url": reverse("konsol:beranda"),
                "aktif": (view_name or "").startswith("konsol:"),
            }
        )
        if view_name and view_name.startswith("konsol:"):  # the console is no unit's page
            remah = remah[:1] + [{"label": _("Konsol pemda"), "url": reverse("konsol:beranda")}]
    if pemda_tautan:
        navigasi.append({"label": _("Pemda"), "tautan": pemda_tautan})
    if view_name == "dasbor:beranda":
        remah = remah[:1]
    # the years offered: around the selected one, within 2000–2100
    pusat = tahun or TAHUN_MIN
    pilihan_tahun = [t for t in range(pusat - 5, pusat + 3) if TAHUN_MIN <= t <= TAHUN_MAKS]
    return {
        "units": units,
        "unit": unit,
        "tahun": tahun,
        "pilihan_tahun": pilihan_tahun,
        "navigasi": navigasi,
        "remah": remah,
    }


def kerangka(request) -> dict:
    """Context processor: ``kerangka`` (see module docstring) for a logged-in user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"kerangka": None}
    return {"kerangka": SimpleLazyObject(lambda: _bangun(request))}
