"""Public SKM questionnaire (no login): light page, no JavaScript needed."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from dasar.galat import Ditolak
from dasar.klien import alamat_klien
from dasar.teks import ambil, bersih_data, terlalu_panjang
from organisasi.models import Instansi, Layanan
from rumus.angka import AngkaError, JenisAngka, parse_angka
from rumus.skm import UNSUR

from .models import Responden
from .selectors import pengaturan_unit, pertanyaan_unit
from .services import Kiriman, baca_token, kunci_klien, perangkat_kios, simpan_jawaban, token_formulir


def _maks_per_menit() -> int:
    return getattr(settings, "SKM_MAKS_PER_MENIT", 5)


def _cek_isian(post) -> tuple[dict, list[str]]:
    """The posted answers checked: (fields for ``simpan_jawaban``, problems)."""
    galat, nilai = [], {}
    for i in range(1, 10):
        v = post.get(f"u{i}", "")
        if v not in ("1", "2", "3", "4"):
            galat.append(f"Unsur {i} ({UNSUR[i - 1]}): pilih salah satu jawaban 1–4.")
        else:
            nilai[f"u{i}"] = int(v)
    umur = post.get("umur", "").strip()
    if umur and (not umur.isdigit() or not 10 <= int(umur) <= 120):
        galat.append("Umur harus angka antara 10 dan 120.")
    jk = post.get("jenis_kelamin", "")
    if jk not in ("", "L", "P"):
        galat.append("Jenis kelamin tidak dikenal.")
    isian = {
        "jawaban": nilai,
        "jenis_kelamin": jk,
        "umur": int(umur) if umur and umur.isdigit() else None,
        "pendidikan": post.get("pendidikan", ""),
        "pekerjaan": post.get("pekerjaan", ""),
        "saran": post.get("saran", ""),
    }
    return isian, galat


@never_cache
def kuesioner(request, slug, layanan=None):
    """The public questionnaire. Each view of the form carries a new one-time token; the post
    stores one row per token (``simpan_jawaban``). A successful post costs 5 queries (unit, the
    unit's period type, the rate-limit counter, insert, and the counter row of a new minute)."""
    ins = get_object_or_404(Instansi, slug=slug)
    lay = get_object_or_404(Layanan, instansi=ins, kode=layanan) if layanan else None
    galat: list[str] = []
    if request.method == "POST":
        if request.POST.get("situs"):  # honeypot: bots fill every field
            return redirect("skm:terima_kasih", slug=ins.slug)
        isian, galat = _cek_isian(bersih_data(request.POST))  # dasar.teks: no control characters
        galat += terlalu_panjang(isian, Responden)
        token = baca_token(request.POST.get("token", ""))
        if token is None and not galat:
            galat.append(
                "Formulir ini sudah kedaluwarsa atau tidak lengkap. Jawaban Anda masih ada di bawah; "
                "periksa lalu kirim lagi."
            )
        if not galat:
            kios = perangkat_kios(request, ins)
            hasil = simpan_jawaban(
                instansi=ins,
                layanan=lay,
                token=token,
                # a kiosk tablet has its own limit; everyone else shares their address's
                klien=f"kios:{kios.id}" if kios else kunci_klien(alamat_klien(request)),
                batas=getattr(settings, "SKM_KIOS_MAKS_PER_MENIT", 30) if kios else _maks_per_menit(),
                **isian,
            )
            if hasil is Kiriman.TERLALU_BANYAK:
                return _form(
                    request,
                    ins,
                    lay,
                    ["Terlalu banyak kiriman dari perangkat ini. Silakan coba lagi sebentar lagi."],
                    429,
                )
            return redirect("skm:terima_kasih", slug=ins.slug)
    return _form(request, ins, lay, galat, 400 if galat else 200)


def _form(request, ins, lay, galat, status):
    """The form page. The nine questions' HTML is cached under a hash of their wording and the
    language (a changed wording is a new key, so every worker process shows it at once)."""
    from django.core.cache import cache
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language

    unsur = pertanyaan_unit(ins)
    isian = request.POST if request.method == "POST" else {}
    if isian:  # a refused form keeps what the respondent chose: not cached
        for u in unsur:
            u.dipilih = isian.get(f"u{u.no}", "")
        html = render_to_string("skm/_unsur.html", {"unsur": unsur})
    else:
        kunci = (
            "skm:unsur:"
            + hashlib.sha256(repr((get_language(), [(u.tanya, u.label) for u in unsur])).encode()).hexdigest()
        )
        html = cache.get(kunci)
        if html is None:
            html = render_to_string("skm/_unsur.html", {"unsur": unsur})
            cache.set(kunci, str(html), 24 * 3600)
        html = mark_safe(html)  # noqa: S308 (rendered by our own autoescaping template)
    return render(
        request,
        "skm/kuesioner.html",
        {
            "instansi": ins,
            "layanan": lay,
            "unsur_html": html,
            "galat": galat,
            "isian": isian,
            "token": token_formulir(),
            "retensi": settings.SKM_RETENSI_BULAN,
        },
        status=status,
    )


def terima_kasih(request, slug):
    ins = get_object_or_404(Instansi, slug=slug)
    # on a kiosk tablet the next respondent starts from here
    return render(request, "skm/terima_kasih.html", {"instansi": ins, "kios": perangkat_kios(request, ins)})


def _hasil(ins, tahun):
    from rumus.skm import unsur_terendah

    from .selectors import ikm_tahun

    hasil = ikm_tahun([ins.id], tahun).get(ins.id)
    baris = []
    if hasil:
        for p in hasil.periode:
            baris.append(
                {
                    "p": p,
                    "unsur": list(zip(p.unsur, p.nrr, p.ikm_unsur, p.mutu_unsur, strict=True)),
                    "terendah": [(n, p.unsur[n - 1], v) for n, v in unsur_terendah(p.nrr, 3)],
                }
            )
    return hasil, baris


def hasil_publik(request, slug, tahun):
    ins = get_object_or_404(Instansi.objects.select_related("pemda"), slug=slug)
    hasil, baris = _hasil(ins, tahun)
    return render(
        request, "skm/hasil.html", {"instansi": ins, "tahun": tahun, "hasil": hasil, "baris": baris}
    )


def poster(request, slug):
    import io

    import qrcode
    import qrcode.image.svg

    ins = get_object_or_404(Instansi, slug=slug)
    url = request.build_absolute_uri(f"/s/{ins.slug}/")
    buf = io.BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=20).save(buf)
    svg = buf.getvalue().decode()
    svg = svg[svg.index("<svg") :]
    return render(request, "skm/poster.html", {"instansi": ins, "url": url, "svg": svg})


def _staf():
    from akun.izin import perlu

    @perlu("lihat")
    def hasil_staf(request, instansi, tahun):
        from django.db.models import Count

        from akun.izin import boleh, boleh_atur_skm
        from rumus.skm import sampel_krejcie_morgan

        from . import grafik
        from .selectors import batch_impor, interval_per_periode

        hasil, baris = _hasil(instansi, tahun)
        batch = batch_impor(instansi, tahun) if boleh_atur_skm(request.user, instansi) else []
        qs = Responden.objects.filter(instansi=instansi, tahun=tahun)
        kelompok = {
            "Jenis kelamin": list(
                qs.values_list("jenis_kelamin").annotate(n=Count("id")).order_by("jenis_kelamin")
            ),
            "Pendidikan": list(qs.values_list("pendidikan").annotate(n=Count("id")).order_by("pendidikan")),
            "Pekerjaan": list(qs.values_list("pekerjaan").annotate(n=Count("id")).order_by("pekerjaan")),
            "Layanan": list(
                qs.values_list("layanan__nama").annotate(n=Count("id")).order_by("layanan__nama")
            ),
        }
        saran = list(qs.exclude(saran="").values_list("saran", flat=True)[:200])
        pengaturan = pengaturan_unit(instansi)
        populasi = pengaturan.populasi_per_periode
        sampel = sampel_krejcie_morgan(populasi) if populasi else None
        ci = interval_per_periode(instansi, tahun)
        for b in baris:
            b["ci"] = ci.get(b["p"].periode)
            b["grafik"] = grafik.unsur(b["p"])
            b["sampel_tercapai"] = bool(
                sampel is not None and b["p"].responden and b["p"].responden >= sampel
            )
        return render(
            request,
            "skm/hasil.html",
            {
                "instansi": instansi,
                "tahun": tahun,
                "hasil": hasil,
                "baris": baris,
                "staf": True,
                "kelompok": kelompok,
                "saran": saran,
                "sampel": sampel,
                "populasi": populasi,
                "ci_tahun": ci.get("TAHUN_SEMUA"),
                "tren": grafik.tren(hasil.periode) if hasil else None,
                "boleh_atur": boleh_atur_skm(request.user, instansi),
                "boleh_unduh": boleh(request.user, "unduh_responden", instansi),
                "batch": batch,
                "ganti": next((b for b in batch if str(b.id) == request.GET.get("ganti")), None),
                "pengaturan": pengaturan,
            },
        )

    return hasil_staf


hasil_staf = _staf()


def _pengaturan():
    from akun.izin import perlu

    @perlu("lihat")
    def pengaturan(request, instansi):
        """Survey setup: everyone who sees the unit may read it; operator and admin_pemda edit."""
        from django.contrib import messages
        from django.core.exceptions import PermissionDenied

        from akun.izin import boleh_atur_skm

        from .services import hapus_layanan, simpan_pengaturan, tambah_layanan, ubah_layanan

        atur = boleh_atur_skm(request.user, instansi)
        obj = pengaturan_unit(instansi)
        unsur = pertanyaan_unit(instansi)
        galat: dict = {}
        bagian = request.POST.get("bagian", "") if request.method == "POST" else ""
        if bagian.startswith("layanan_"):
            if not atur:
                raise PermissionDenied
            try:
                if bagian == "layanan_tambah":
                    obj = tambah_layanan(
                        user=request.user,
                        instansi=instansi,
                        kode=ambil(request.POST, "kode"),
                        nama=ambil(request.POST, "nama"),
                    )
                    messages.success(request, _("Layanan '%(nama)s' ditambahkan.") % {"nama": obj.nama})
                elif bagian == "layanan_ubah":
                    obj = ubah_layanan(
                        user=request.user,
                        instansi=instansi,
                        layanan_id=request.POST.get("layanan"),
                        nama=ambil(request.POST, "nama"),
                    )
                    messages.success(request, _("Layanan '%(nama)s' disimpan.") % {"nama": obj.nama})
                elif bagian == "layanan_hapus":
                    hapus_layanan(
                        user=request.user, instansi=instansi, layanan_id=request.POST.get("layanan")
                    )
                    messages.success(request, _("Layanan dihapus."))
                else:
                    raise Ditolak(bidang={"layanan": ["Perintah tidak dikenal."]})
            except Ditolak as exc:
                galat = exc.bidang or {"__all__": [str(exc)]}
            else:
                return redirect("skm:pengaturan", slug=instansi.slug)
        elif request.method == "POST":
            if not atur:
                raise PermissionDenied
            populasi = request.POST.get("populasi_per_periode", "").strip()
            pertanyaan = [
                (
                    ambil(request.POST, f"u{i}_pertanyaan"),
                    [ambil(request.POST, f"u{i}_label{k}") for k in range(1, 5)],
                )
                for i in range(1, 10)
            ]
            try:
                try:  # a count: "1.000" and "1,000" are both 1000 (docs/rules.md §8)
                    populasi = int(parse_angka(populasi, JenisAngka.CACAH)) if populasi else None
                except AngkaError:
                    raise Ditolak(
                        bidang={"populasi_per_periode": ["Populasi harus bilangan bulat."]}
                    ) from None
                simpan_pengaturan(
                    user=request.user,
                    instansi=instansi,
                    jenis_periode=request.POST.get("jenis_periode", ""),
                    metode=request.POST.get("metode", ""),
                    populasi_per_periode=populasi,
                    pertanyaan=pertanyaan,
                    skema=request.POST.get("skema"),
                )
            except Ditolak as exc:
                galat = exc.bidang or {"__all__": [str(exc)]}
                obj.jenis_periode = request.POST.get("jenis_periode", "")
                obj.metode = request.POST.get("metode", "")
                for u, (teks, label) in zip(unsur, pertanyaan, strict=True):
                    u.tanya, u.label = teks, label
            else:
                messages.success(request, "Pengaturan SKM disimpan.")
                return redirect("skm:pengaturan", slug=instansi.slug)
        from django.db.models import Count

        from .models import PengaturanSKM, SkemaSKM

        return render(
            request,
            "skm/pengaturan.html",
            {
                "instansi": instansi,
                "pengaturan": obj,
                "unsur": unsur,
                "galat": galat,
                "boleh_atur": atur,
                "jenis_periode": PengaturanSKM.JenisPeriode.choices,
                "metode": PengaturanSKM.Metode.choices,
                "daftar_skema": SkemaSKM.objects.annotate(jumlah=Count("unsur")),
                "layanan": instansi.layanan.all(),
                "isian_layanan": request.POST if bagian == "layanan_tambah" else {},
                "populasi": request.POST.get("populasi_per_periode")
                if galat and not bagian
                else obj.populasi_per_periode,
            },
            status=400 if galat else 200,
        )

    return pengaturan


pengaturan = _pengaturan()


def _impor():
    from akun.izin import perlu

    @perlu("lihat")
    def impor(request, instansi, tahun):
        """Upload of paper questionnaires (sheet skm_responden); operator and admin_pemda."""
        from django.contrib import messages
        from django.core.exceptions import PermissionDenied
        from django.urls import reverse

        from akun.izin import boleh_atur_skm

        from . import services
        from .services import impor_responden
        from .tugas import antrikan_impor_responden

        if not boleh_atur_skm(request.user, instansi):
            raise PermissionDenied
        if request.method != "POST":
            from django.http import HttpResponseNotAllowed

            return HttpResponseNotAllowed(["POST"])
        ganti = request.POST.get("ganti", "")
        berkas = request.FILES.get("berkas")
        if berkas is not None and berkas.size > services.BATAS_LANGSUNG_BYTES:
            # a large file: the worker imports it; the job's page shows its progress and result
            p, galat = antrikan_impor_responden(
                user=request.user,
                instansi=instansi,
                berkas=berkas,
                ganti=ganti or None,
                konfirmasi=request.POST.get("konfirmasi"),
            )
            if p is not None:
                return redirect("tugas:halaman", instansi.slug, p.pk)
            messages.error(request, "Tidak ada yang disimpan. " + "; ".join(galat[:30]))
            return redirect(reverse("skm:hasil_staf", kwargs={"slug": instansi.slug, "tahun": tahun}))
        n, galat = impor_responden(
            user=request.user,
            instansi=instansi,
            berkas=request.FILES.get("berkas"),
            ganti=ganti or None,
            konfirmasi=request.POST.get("konfirmasi"),
        )
        if galat:
            messages.error(
                request,
                "Tidak ada yang disimpan. "
                + "; ".join(galat[:30])
                + (f" (dan {len(galat) - 30} masalah lain)" if len(galat) > 30 else ""),
            )
        elif ganti:
            messages.success(request, f"Batch diganti: {n} jawaban responden diimpor.")
            ganti = ""
        elif n == 0:
            messages.success(request, "Tidak ada jawaban baru: isi berkas ini sudah tersimpan.")
        else:
            messages.success(request, f"{n} jawaban responden diimpor sebagai batch baru.")
        from django.urls import reverse

        url = reverse("skm:hasil_staf", kwargs={"slug": instansi.slug, "tahun": tahun})
        return redirect(f"{url}?ganti={ganti}#impor" if ganti.isdigit() else url)

    return impor


impor = _impor()


def _ekspor():
    from akun.izin import perlu

    @perlu("unduh_responden")
    def ekspor_xlsx(request, instansi, tahun):
        """The year's respondents with their personal data (operator and pimpinan; audited)."""
        import io

        from openpyxl import Workbook

        from dasar.xlsx import aman_ditulis
        from laporan.unduhan import unduh

        from .services import catat_unduhan_responden

        wb = Workbook()
        ws = wb.active
        ws.title = "skm_responden"
        kolom = [
            "periode",
            "layanan",
            "tanggal_layanan",
            "jenis_kelamin",
            "umur",
            "pendidikan",
            "pekerjaan",
            *[f"u{i}" for i in range(1, 10)],
            "saran",
        ]
        ws.append(kolom)
        qs = (
            Responden.objects.filter(instansi=instansi, tahun=tahun)
            .select_related("layanan")
            .order_by("periode", "id")
        )
        for r in qs:
            ws.append(
                [
                    r.periode,
                    r.layanan.kode if r.layanan else "",
                    r.tanggal_layanan,
                    r.jenis_kelamin,
                    r.umur,
                    r.pendidikan,
                    r.pekerjaan,
                    *[getattr(r, f"u{i}") for i in range(1, 10)],
                    r.saran,
                ]
            )
        catat_unduhan_responden(request.user, instansi, tahun=tahun, jumlah=ws.max_row - 1)
        buf = io.BytesIO()
        aman_ditulis(wb)  # a respondent's =HYPERLINK(...) stays text
        wb.save(buf)
        return unduh(
            request.user, instansi, tahun, awalan="skm", fmt="xlsx", isi=buf.getvalue, aksi="unduh_responden"
        )

    return ekspor_xlsx


ekspor_xlsx = _ekspor()


def _kios():
    from akun.izin import perlu

    @perlu("lihat")
    def kios(request, instansi):
        """Kiosk mode for counter tablets: the unit's operator or admin_pemda turns it on for the
        device this page is opened on (a signed cookie) and off for any of the unit's devices."""
        from django.contrib import messages
        from django.core.exceptions import PermissionDenied

        from akun.izin import boleh_atur_skm

        from .models import PerangkatKios
        from .services import COOKIE_KIOS, SALT_KIOS, aktifkan_kios, nonaktifkan_kios

        if not boleh_atur_skm(request.user, instansi):
            raise PermissionDenied
        ini = perangkat_kios(request, instansi)
        if request.method == "POST":
            if request.POST.get("bagian") == "aktifkan":
                p = aktifkan_kios(user=request.user, instansi=instansi, nama=request.POST.get("nama", ""))
                resp = redirect("skm:kuesioner", slug=instansi.slug)
                resp.set_signed_cookie(
                    COOKIE_KIOS,
                    p.kunci,
                    salt=SALT_KIOS,
                    max_age=365 * 24 * 3600,
                    httponly=True,
                    samesite="Lax",
                    secure=settings.SESSION_COOKIE_SECURE,
                )
                return resp
            try:
                p = nonaktifkan_kios(
                    user=request.user, instansi=instansi, perangkat_id=request.POST.get("perangkat")
                )
            except Ditolak as exc:
                messages.error(request, str(exc))
                return redirect("skm:kios", slug=instansi.slug)
            messages.success(request, f"Mode kios dimatikan untuk '{p.nama}'.")
            resp = redirect("skm:kios", slug=instansi.slug)
            if ini and ini.id == p.id:
                resp.delete_cookie(COOKIE_KIOS)
            return resp
        return render(
            request,
            "skm/kios.html",
            {
                "instansi": instansi,
                "ini": ini,
                "perangkat": PerangkatKios.objects.filter(instansi=instansi, aktif=True).select_related(
                    "dibuat_oleh"
                ),
                "batas_kios": getattr(settings, "SKM_KIOS_MAKS_PER_MENIT", 30),
                "batas": _maks_per_menit(),
            },
        )

    return kios


kios = _kios()
