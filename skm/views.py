"""Public SKM questionnaire (no login): light page, no JavaScript needed."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from organisasi.models import Instansi, Layanan
from rumus.skm import UNSUR

from .models import Responden

PERTANYAAN = (
    "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam "
    "standar pelayanan dengan hasil yang diberikan?",
    "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
)
LABEL = ("Tidak baik", "Kurang baik", "Baik", "Sangat baik")
JENDELA = dt.timedelta(minutes=1)
DUPLIKAT = dt.timedelta(minutes=10)


def _maks_per_menit() -> int:
    return getattr(settings, "SKM_MAKS_PER_MENIT", 5)


def _klien(request) -> str:
    ip = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(f"{settings.SECRET_KEY}|{ip}".encode()).hexdigest()


def _periode(tanggal: dt.date) -> str:
    return f"TW{(tanggal.month - 1) // 3 + 1}"


def kuesioner(request, slug, layanan=None):
    ins = get_object_or_404(Instansi, slug=slug)
    lay = get_object_or_404(Layanan, instansi=ins, kode=layanan) if layanan else None
    unsur = [{"no": i + 1, "nama": UNSUR[i], "tanya": PERTANYAAN[i], "pilihan": list(enumerate(LABEL, 1))}
             for i in range(9)]
    galat: list[str] = []
    nilai = {}
    if request.method == "POST":
        if request.POST.get("situs"):  # honeypot: bots fill every field
            return redirect("skm:terima_kasih", slug=ins.slug)
        klien = _klien(request)
        if Responden.objects.filter(klien=klien, dibuat__gte=timezone.now() - JENDELA).count() >= _maks_per_menit():
            return render(request, "skm/kuesioner.html",
                          {"instansi": ins, "layanan": lay, "unsur": unsur, "nilai": {},
                           "galat": ["Terlalu banyak kiriman dari perangkat ini. Silakan coba lagi sebentar lagi."]},
                          status=429)
        for i in range(1, 10):
            v = request.POST.get(f"u{i}", "")
            if v not in ("1", "2", "3", "4"):
                galat.append(f"Unsur {i} ({UNSUR[i - 1]}): pilih salah satu jawaban 1–4.")
            else:
                nilai[f"u{i}"] = int(v)
        umur = request.POST.get("umur", "").strip()
        if umur and (not umur.isdigit() or not 10 <= int(umur) <= 120):
            galat.append("Umur harus angka antara 10 dan 120.")
        jk = request.POST.get("jenis_kelamin", "")
        if jk not in ("", "L", "P"):
            galat.append("Jenis kelamin tidak dikenal.")
        if not galat:
            today = timezone.localdate()
            duplikat = Responden.objects.filter(klien=klien, dibuat__gte=timezone.now() - DUPLIKAT,
                                                instansi=ins, layanan=lay, **nilai).exists()
            if not duplikat:
                Responden.objects.create(
                    instansi=ins, layanan=lay, tahun=today.year, periode=_periode(today), tanggal_layanan=today,
                    jenis_kelamin=jk, umur=int(umur) if umur else None,
                    pendidikan=request.POST.get("pendidikan", "")[:40], pekerjaan=request.POST.get("pekerjaan", "")[:60],
                    saran=request.POST.get("saran", "")[:2000], klien=klien, **nilai)
            return redirect("skm:terima_kasih", slug=ins.slug)
    return render(request, "skm/kuesioner.html",
                  {"instansi": ins, "layanan": lay, "unsur": unsur, "nilai": nilai, "galat": galat},
                  status=400 if galat else 200)


def terima_kasih(request, slug):
    ins = get_object_or_404(Instansi, slug=slug)
    return render(request, "skm/terima_kasih.html", {"instansi": ins})


def _hasil(ins, tahun):
    from rumus.skm import unsur_terendah

    from .services import ikm_tahun

    hasil = ikm_tahun([ins.id], tahun).get(ins.id)
    baris = []
    if hasil:
        for p in hasil.periode:
            baris.append({"p": p, "unsur": list(zip(UNSUR, p.nrr, p.ikm_unsur, p.mutu_unsur, strict=True)),
                          "terendah": [(n, UNSUR[n - 1], v) for n, v in unsur_terendah(p.nrr, 3)]})
    return hasil, baris


def hasil_publik(request, slug, tahun):
    ins = get_object_or_404(Instansi, slug=slug)
    hasil, baris = _hasil(ins, tahun)
    return render(request, "skm/hasil.html", {"instansi": ins, "tahun": tahun, "hasil": hasil, "baris": baris})


def poster(request, slug):
    import io

    import qrcode
    import qrcode.image.svg

    ins = get_object_or_404(Instansi, slug=slug)
    url = request.build_absolute_uri(f"/s/{ins.slug}/")
    buf = io.BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=20).save(buf)
    svg = buf.getvalue().decode()
    svg = svg[svg.index("<svg"):]
    return render(request, "skm/poster.html", {"instansi": ins, "url": url, "svg": svg})


def _staf():
    from akun.izin import perlu

    @perlu("lihat")
    def hasil_staf(request, instansi, tahun):
        from django.db.models import Count

        hasil, baris = _hasil(instansi, tahun)
        qs = Responden.objects.filter(instansi=instansi, tahun=tahun)
        kelompok = {
            "Jenis kelamin": list(qs.values_list("jenis_kelamin").annotate(n=Count("id")).order_by("jenis_kelamin")),
            "Pendidikan": list(qs.values_list("pendidikan").annotate(n=Count("id")).order_by("pendidikan")),
            "Pekerjaan": list(qs.values_list("pekerjaan").annotate(n=Count("id")).order_by("pekerjaan")),
        }
        saran = list(qs.exclude(saran="").values_list("saran", flat=True)[:200])
        from rumus.skm import sampel_krejcie_morgan

        from .models import PengaturanSKM

        pengaturan = PengaturanSKM.objects.filter(instansi=instansi).first()
        populasi = pengaturan.populasi_per_periode if pengaturan else None
        sampel = sampel_krejcie_morgan(populasi) if populasi else None
        return render(request, "skm/hasil.html", {
            "instansi": instansi, "tahun": tahun, "hasil": hasil, "baris": baris, "staf": True,
            "kelompok": kelompok, "saran": saran, "sampel": sampel, "populasi": populasi})

    return hasil_staf


hasil_staf = _staf()


def _ekspor():
    from akun.izin import perlu

    @perlu("lihat")
    def ekspor_xlsx(request, instansi, tahun):
        import io

        from django.http import HttpResponse
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "skm_responden"
        kolom = ["periode", "layanan", "tanggal_layanan", "jenis_kelamin", "umur", "pendidikan", "pekerjaan",
                 *[f"u{i}" for i in range(1, 10)], "saran"]
        ws.append(kolom)
        qs = (Responden.objects.filter(instansi=instansi, tahun=tahun).select_related("layanan")
              .order_by("periode", "id"))
        for r in qs:
            ws.append([r.periode, r.layanan.kode if r.layanan else "", r.tanggal_layanan, r.jenis_kelamin, r.umur,
                       r.pendidikan, r.pekerjaan, *[getattr(r, f"u{i}") for i in range(1, 10)], r.saran])
        buf = io.BytesIO()
        wb.save(buf)
        resp = HttpResponse(buf.getvalue(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        resp["Content-Disposition"] = f'attachment; filename="skm-{instansi.slug}-{tahun}.xlsx"'
        return resp

    return ekspor_xlsx


ekspor_xlsx = _ekspor()
