"""The unit dashboard shows per PK indicator whether it is on its Rencana Aksi: "sesuai rencana" or
"tertinggal" with the quarter judged (the latest with a target and a realisasi), and a link to
make the plan where there is none."""

from decimal import Decimal

from pengukuran.models import Realisasi
from perencanaan import services
from perencanaan.models import PKIndikator, TargetTriwulan

D = Decimal


def test_dashboard_says_on_plan_or_behind(pengguna_demo, masuk_sebagai):
    row = PKIndikator.objects.select_related("indikator__instansi").get(
        pk_dokumen__instansi__slug="bantargebang", pk_dokumen__tahun=2024, indikator__kode="IKU3"
    )
    ind = row.indikator
    TargetTriwulan.objects.all().delete()  # the demo's illustrative plan: start without one
    c = masuk_sebagai("pimpinan")
    html = c.get("/unit/bantargebang/?tahun=2024").content.decode()
    assert "belum ada Rencana Aksi" in html and "/unit/bantargebang/rencana-aksi/2024/" in html

    services.simpan_rencana_aksi(
        user=pengguna_demo["operator"],
        instansi=ind.instansi,
        tahun=2024,
        target={ind.id: [D(10), D(20), D(30), D(40)]},
        langkah={},
    )
    Realisasi.objects.filter(indikator=ind, tahun=2024, periode__in=["TW2", "TW3", "TW4"]).delete()
    Realisasi.objects.update_or_create(indikator=ind, tahun=2024, periode="TW1", defaults={"nilai": D(12)})
    html = c.get("/unit/bantargebang/?tahun=2024").content.decode()  # the stored page was dropped
    assert "sesuai rencana (TW1)" in html

    Realisasi.objects.update_or_create(indikator=ind, tahun=2024, periode="TW2", defaults={"nilai": D(15)})
    html = c.get("/unit/bantargebang/?tahun=2024").content.decode()
    assert "<strong>tertinggal</strong> (TW2)" in html
