"""Budget screen: programme → kegiatan → line with pagu, cash plan, realisasi, serapan, efisiensi and
the `periksa` findings next to the rows they concern."""

from django.shortcuts import render

from akun.izin import perlu
from pengukuran.periksa import periksa
from rumus.anggaran import roll_up

from .services import muat_baris, nama_nomenklatur


@perlu("lihat")
def anggaran(request, instansi, tahun):
    lines = muat_baris([instansi.id], tahun).get(instansi.id, [])
    total = roll_up(b.baris() for b in lines)
    codes = {b.program for b in lines} | {b.kegiatan for b in lines} | {b.sub_kegiatan for b in lines}
    nama = nama_nomenklatur(codes)
    temuan = {}
    for t in periksa(instansi, tahun):
        if t.where.startswith("anggaran "):
            temuan.setdefault(t.where, []).append(t)
    rows = []
    for p in sorted(total.anak.values(), key=lambda n: n.kode):
        rows.append(("program", nama.get(p.kode, ""), p, []))
        for k in sorted(p.anak.values(), key=lambda n: n.kode):
            rows.append(("kegiatan", nama.get(k.kode, ""), k, []))
            for s in sorted(k.anak.values(), key=lambda n: (n.kode, n.subunit or "")):
                key = f"anggaran {s.kode}" + (f" [{s.subunit}]" if s.subunit else "")
                rows.append(("sub", nama.get(s.kode, "") + (f" ({s.subunit})" if s.subunit else ""), s,
                             temuan.get(key, [])))
    return render(request, "anggaran/anggaran.html", {"instansi": instansi, "tahun": tahun, "rows": rows,
                                                       "total": total if lines else None})
