"""Issuing from the web: the pimpinan confirms on /unit/<slug>/lkip/<tahun>/terbitkan/, the POST
enqueues a job (tugas.Tugas, kind "terbitan") whose worker freezes and renders the version, and the
job page offers the issued PDF. Reviu errors need the explicit acknowledgement; others get 403, a
user of another unit 404; nothing is enqueued or issued for them."""

import pytest

from laporan.models import TerbitanLKIP
from laporan.reviu import Temuan
from tests.terbitan_bantu import PDF_PALSU, baca, tanpa_libreoffice
from tests.tugas_bantu import DB, isi_unduhan, pekerja_satu_putaran
from tugas.models import Tugas

pytestmark = pytest.mark.django_db
URL = "/unit/bantargebang/lkip/2024/terbitkan/"


@pytest.fixture(autouse=True)
def antrian_db(settings, monkeypatch):
    settings.TASKS = DB
    tanpa_libreoffice(monkeypatch)


def test_pimpinan_issues_through_the_task_queue(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pimpinan")
    halaman = c.get(URL).content.decode()
    assert "versi 1" in halaman and "0 kesalahan" in halaman
    r = c.post(URL)
    p = Tugas.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/unit/bantargebang/tugas/{p.pk}/"
    assert (p.jenis, p.parameter["tahun"], p.pemohon.username) == ("terbitan", 2024, "pimpinan")
    assert not TerbitanLKIP.objects.exists()  # the request only enqueues
    pekerja_satu_putaran()
    p.refresh_from_db()
    t = TerbitanLKIP.objects.get()
    assert (p.status, t.nomor, t.nama_pengguna) == ("selesai", 1, "pimpinan")
    assert t.sha256 in c.get("/unit/bantargebang/lkip/2024/").content.decode()
    assert baca(t.berkas_pdf).startswith(PDF_PALSU)
    # last: closing the streamed download ends the request, which closes the test's connection on PostgreSQL
    d = c.get(f"/unit/bantargebang/tugas/{p.pk}/hasil/")
    assert d.status_code == 200 and isi_unduhan(d) == baca(t.berkas_pdf)


def test_reviu_errors_need_the_acknowledgement(pengguna_demo, masuk_sebagai, monkeypatch):
    import laporan.services
    import laporan.views

    salah = [Temuan("error", "IKU 1", "Realisasi tidak dapat dihitung", "")]
    monkeypatch.setattr(laporan.views, "reviu", lambda i, t: salah)
    monkeypatch.setattr(laporan.services, "reviu", lambda i, t: salah)
    c = masuk_sebagai("pimpinan")
    assert 'name="akui_galat"' in c.get(URL).content.decode()
    r = c.post(URL)
    assert r.status_code == 400 and "centang pernyataan" in r.content.decode()
    assert not Tugas.objects.exists()
    c.post(URL, {"akui_galat": "1"})
    assert Tugas.objects.get().parameter["akui_galat"] is True
    pekerja_satu_putaran()
    assert TerbitanLKIP.objects.get().galat_reviu == 1


@pytest.mark.parametrize("nama,status", [("pembaca", 403), ("operator", 403), ("evaluator", 403)])
def test_others_cannot_issue(pengguna_demo, masuk_sebagai, nama, status):
    c = masuk_sebagai(nama)
    assert c.get(URL).status_code == status
    assert c.post(URL, {"akui_galat": "1"}).status_code == status
    # nor through the generic document request
    assert c.post("/unit/bantargebang/dokumen/terbitan/2024/pdf/minta/").status_code == 404
    assert not Tugas.objects.exists() and not TerbitanLKIP.objects.exists()


def test_user_of_another_unit_gets_404(pengguna_demo, masuk_sebagai):
    from django.contrib.auth import get_user_model

    from akun.models import Peran
    from tests.factories import InstansiFactory

    lain = get_user_model().objects.create_user("pimpinan-lain")
    Peran.objects.create(user=lain, jenis="pimpinan", instansi=InstansiFactory())
    c = masuk_sebagai("pimpinan-lain")
    assert c.get(URL).status_code == 404 and c.post(URL).status_code == 404
    assert not Tugas.objects.exists() and not TerbitanLKIP.objects.exists()
