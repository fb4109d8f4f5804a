"""Entry windows: admin_pemda sets the year's windows on the schedule page; once a window closes
the quarter refuses entry (the services say which window and when); an exception re-opens it for
that unit only, until its date. "Today" is injected (jadwal.selectors.hari_ini)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from akun.models import Peran
from anggaran.models import BarisAnggaran, RealisasiAnggaran
from audit.models import Jejak
from dasar.galat import Ditolak
from jadwal import selectors as jadwal_selectors
from jadwal.models import JadwalPemda, JendelaEntri, Pengecualian
from organisasi.models import Pejabat
from pengukuran import services
from pengukuran.models import Realisasi
from perencanaan.models import Indikator, PerjanjianKinerja, PKIndikator, Sasaran
from tests.factories import InstansiFactory
from tests.realisasi_bantu import isian

pytestmark = pytest.mark.django_db
JADWAL = "/pemda/kota-bekasi/jadwal/2025/"
ENTRI = "/unit/bantargebang/realisasi/2025/TW2/"


@pytest.fixture
def hari(monkeypatch):
    """Set "today" for the schedule: ``hari(dt.date(...))``."""

    def atur(d):
        monkeypatch.setattr(jadwal_selectors, "hari_ini", lambda: d)

    atur(dt.date(2025, 7, 1))
    return atur


def _isi_jadwal(admin, **ubah):
    data = {"batas_lkip": "2026-03-31", "kinerja_TW2_buka": "2025-07-01", "kinerja_TW2_tutup": "2025-07-15"}
    data.update(ubah)
    return admin.post(JADWAL, data, follow=True)


def _tetangga(pk_manual):
    """Another unit of the same pemda with its own PK 2025 row and operator."""
    ins = InstansiFactory(pemda=pk_manual.instansi.pemda, slug="mustikajaya", nama="Kecamatan Mustikajaya")
    s = Sasaran.objects.get(instansi=pk_manual.instansi, kode="S1.1")
    ind = Indikator.objects.create(
        instansi=ins,
        kode="IKU9",
        nama="Layanan tepat waktu",
        level="sasaran",
        sasaran=s,
        satuan="%",
        formulasi="x",
        sumber_data="y",
    )
    pk = PerjanjianKinerja.objects.create(
        instansi=ins, tahun=2025, versi=1, pihak_pertama=Pejabat.objects.get(kode="camat")
    )
    PKIndikator.objects.create(pk_dokumen=pk, indikator=ind, target=Decimal(80), no=1)
    op = get_user_model().objects.create_user("op-mustikajaya", password="x-tidak-dipakai-1")
    Peran.objects.create(user=op, jenis="operator", instansi=ins)
    return ind, op


def _simpan(user, ind, nilai="85"):
    ada = Realisasi.objects.filter(indikator=ind, tahun=2025, periode="TW2").first()
    return services.simpan_realisasi(
        user=user,
        indikator=ind,
        tahun=2025,
        periode="TW2",
        isian=services.Isian(Decimal(nilai), {}, ada.versi if ada else None),
    )


def test_schedule_page_saves_every_date_in_one_save_and_audits(pk_manual, masuk_sebagai, hari):
    admin = masuk_sebagai("adminpemda")
    r = admin.get(JADWAL)
    assert r.status_code == 200
    assert 'value="2026-03-31"' in r.content.decode()  # LKIP deadline: 31 March of the next year
    r = _isi_jadwal(
        admin, anggaran_TW2_buka="2025-07-01", anggaran_TW2_tutup="2025-07-20", evaluasi_mulai="2026-02-01"
    )
    assert "Jadwal 2025 disimpan" in r.content.decode()
    w = JendelaEntri.objects.get(alur="kinerja", periode="TW2")
    assert (w.buka, w.tutup) == (dt.date(2025, 7, 1), dt.date(2025, 7, 15))
    assert JendelaEntri.objects.get(alur="anggaran", periode="TW2").tutup == dt.date(2025, 7, 20)
    assert JadwalPemda.objects.get().evaluasi_mulai == dt.date(2026, 2, 1)
    assert Jejak.objects.filter(keterangan="jendela entri", aksi="buat").count() == 2
    # a bad pair is refused with every typed value kept, nothing saved
    r = _isi_jadwal(
        admin, kinerja_TW3_buka="2025-10-20", kinerja_TW3_tutup="2025-10-01", kinerja_TW4_buka="2026-01-02"
    )
    html = r.content.decode()
    assert "Tanggal tutup harus sama dengan atau sesudah tanggal buka" in html
    assert "Isi juga tanggal tutup" in html
    assert 'value="2025-10-20"' in html and 'value="2026-01-02"' in html
    assert JendelaEntri.objects.count() == 2


def test_closed_window_refuses_entry_and_exception_reopens_for_that_unit_only(pk_manual, masuk_sebagai, hari):
    operator = get_user_model().objects.get(username="operator")
    lain_ind, lain_op = _tetangga(pk_manual)
    _isi_jadwal(masuk_sebagai("adminpemda"))
    # open on its last day
    hari(dt.date(2025, 7, 15))
    _simpan(operator, pk_manual, "81")
    # closed the day after: the service names the window and its date; nothing written
    hari(dt.date(2025, 7, 16))
    with pytest.raises(Ditolak, match="Jendela entri realisasi kinerja TW2 2025 ditutup 15 Juli 2025"):
        _simpan(operator, pk_manual, "90")
    assert Realisasi.objects.get(indikator=pk_manual, periode="TW2").nilai == Decimal("81")
    with pytest.raises(Ditolak, match="ditutup 15 Juli 2025"):
        services.ubah_status(
            user=operator, instansi=pk_manual.instansi, tahun=2025, periode="TW2", aksi="ajukan"
        )
    # the page says so and offers no entry form
    op = masuk_sebagai("operator")
    html = op.get(ENTRI).content.decode()
    assert "Jendela entri realisasi kinerja TW2 2025 ditutup 15 Juli 2025." in html
    assert '-nilai"' not in html  # no value field of the quarter's form
    r = op.post(ENTRI, isian(nilai="90", versi=1), follow=True)
    assert "ditutup 15 Juli 2025" in r.content.decode()
    # other quarters (no window) stay open
    services.simpan_realisasi(
        user=operator,
        indikator=pk_manual,
        tahun=2025,
        periode="TW3",
        isian=services.Isian(Decimal(1), {}, None),
    )

    # admin_pemda grants Bantargebang an exception until 22 July
    admin = masuk_sebagai("adminpemda")
    r = admin.post(
        JADWAL + "pengecualian/",
        {
            "instansi": str(pk_manual.instansi_id),
            "alur": "kinerja",
            "periode": "TW2",
            "sampai": "2025-07-22",
            "alasan": "Operator cuti sakit 8–15 Juli",
        },
        follow=True,
    )
    assert "Pengecualian untuk Kecamatan Bantargebang disimpan" in r.content.decode()
    assert Jejak.objects.filter(
        objek="jadwal.Pengecualian", aksi="buat", field="sampai", baru="2025-07-22"
    ).exists()
    _simpan(operator, pk_manual, "90")  # re-opened for this unit
    assert "pengecualian sampai 22 Juli 2025" in op.get(ENTRI).content.decode()
    with pytest.raises(Ditolak, match="ditutup 15 Juli 2025"):  # not for the neighbour
        _simpan(lain_op, lain_ind, "70")
    # after the exception's date, closed again
    hari(dt.date(2025, 7, 23))
    with pytest.raises(Ditolak, match="ditutup 15 Juli 2025"):
        _simpan(operator, pk_manual, "91")
    # withdrawn (audited)
    p = Pengecualian.objects.get()
    admin.post(JADWAL + f"pengecualian/{p.pk}/cabut/")
    assert not Pengecualian.objects.exists()
    assert Jejak.objects.filter(objek="jadwal.Pengecualian", aksi="hapus").exists()


def test_budget_window_is_its_own(pk_manual, masuk_sebagai, hari):
    """The budget realisasi has its own window: a closed performance window leaves it open."""
    _isi_jadwal(masuk_sebagai("adminpemda"), anggaran_TW2_buka="2025-07-01", anggaran_TW2_tutup="2025-07-31")
    hari(dt.date(2025, 7, 20))
    b = BarisAnggaran.objects.filter(instansi=pk_manual.instansi).first()
    b.pk = None
    b.tahun = 2025
    b.save()
    op = masuk_sebagai("operator")
    url = "/unit/bantargebang/anggaran/2025/realisasi/TW2/"
    assert "terbuka 1 Juli 2025 sampai 31 Juli 2025" in op.get(url).content.decode()
    r = op.post(url + "simpan/", {f"baris-{b.id}": "1.000"}, follow=True)
    assert "disimpan (1 baris berubah)" in r.content.decode()
    hari(dt.date(2025, 8, 1))
    r = op.post(url + "simpan/", {f"baris-{b.id}": "2.000"}, follow=True)
    assert "Jendela entri realisasi anggaran TW2 2025 ditutup 31 Juli 2025" in r.content.decode()
    assert RealisasiAnggaran.objects.get(baris=b, periode="TW2").nilai == 1000


def test_exception_needs_a_closed_window_a_later_date_and_a_reason(pk_manual, masuk_sebagai, hari):
    admin = masuk_sebagai("adminpemda")
    data = {
        "instansi": str(pk_manual.instansi_id),
        "alur": "kinerja",
        "periode": "TW2",
        "sampai": "2025-07-22",
        "alasan": "x",
    }
    assert "Belum ada jendela entri" in admin.post(JADWAL + "pengecualian/", data).content.decode()
    _isi_jadwal(admin)
    html = admin.post(JADWAL + "pengecualian/", {**data, "sampai": "2025-07-10"}).content.decode()
    assert "harus sesudah penutupan jendela (15 Juli 2025)" in html
    assert 'value="2025-07-10"' in html
    assert not Pengecualian.objects.exists()


def test_windows_of_the_selected_year_only(pk_manual, masuk_sebagai, hari):
    """A 2025 window does not close 2024's quarter (the year of the page, never the clock's)."""
    _isi_jadwal(masuk_sebagai("adminpemda"))
    hari(dt.date(2025, 12, 1))
    operator = get_user_model().objects.get(username="operator")
    services.simpan_realisasi(
        user=operator,
        indikator=pk_manual,
        tahun=2024,
        periode="TW2",
        isian=services.Isian(Decimal(1), {}, None),
    )
