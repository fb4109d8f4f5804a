"""The rules of the pemda-level writes (rpjmd.services) and tables: a plan's period, the codes and
parents of a level's rows, targets inside the period and ranges in order, exactly one unit item
per link; refusals name the row and field and save nothing; every change is audited."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from akun.models import Peran
from audit.models import Jejak
from dasar.galat import Ditolak
from rpjmd import services
from rpjmd.models import IndikatorPemda, Kontribusi, TargetPemda
from tests.rpjmd_bantu import rpd_kecil

pytestmark = pytest.mark.django_db


@pytest.fixture
def r(db, django_user_model):
    r = rpd_kecil(dengan_kontribusi=False)
    r.admin = django_user_model.objects.create_user("admin-kota")
    Peran.objects.create(user=r.admin, jenis="admin_pemda", pemda=r.pemda)
    return r


def _rpjmd(r, **lebih):
    args = {
        "jenis": "rpjmd",
        "kode": "rpjmd-2028",
        "nama": "RPJMD 2028-2032",
        "tahun_awal": 2028,
        "tahun_akhir": 2032,
    }
    args.update(lebih)
    return services.simpan_rpjmd(user=r.admin, pemda=r.pemda, **args)


def test_plan_period_rules(r):
    with pytest.raises(Ditolak) as e:
        _rpjmd(r, tahun_awal=2030, tahun_akhir=2029)
    assert "tahun_akhir" in e.value.bidang
    with pytest.raises(Ditolak) as e:
        _rpjmd(r, tahun_akhir=2040)
    assert "Periode paling lama 10 tahun." in e.value.bidang["tahun_akhir"]
    with pytest.raises(Ditolak, match="bertumpuk"):
        _rpjmd(r, tahun_awal=2027)
    p = _rpjmd(r)
    assert Jejak.objects.filter(objek="rpjmd.Rpjmd", objek_id=str(p.pk), aksi="buat").exists()
    # the RPD's period cannot shrink past years that have targets
    with pytest.raises(Ditolak, match="2027"):
        services.simpan_rpjmd(
            user=r.admin,
            pemda=r.pemda,
            rpjmd=r.rpd,
            jenis="rpd",
            kode=r.rpd.kode,
            nama=r.rpd.nama,
            tahun_awal=2025,
            tahun_akhir=2026,
        )
    services.simpan_rpjmd(
        user=r.admin,
        pemda=r.pemda,
        rpjmd=r.rpd,
        jenis="rpd",
        kode=r.rpd.kode,
        nama="RPD baru",
        tahun_awal=2025,
        tahun_akhir=2027,
    )
    assert Jejak.objects.filter(objek="rpjmd.Rpjmd", field="nama", baru="RPD baru").exists()


def test_level_rows_are_checked_before_anything_is_saved(r):
    baris = [
        {"id": r.s11.id, "kode": "S1.1", "uraian": "Diubah", "tujuan": r.t1, "urutan": 1},
        {"id": None, "kode": "S1.2", "uraian": "Kode milik baris lain", "tujuan": r.t1, "urutan": 3},
    ]
    with pytest.raises(Ditolak) as e:
        services.simpan_tingkat(user=r.admin, rpjmd=r.rpd, tingkat="sasaran", baris=baris)
    assert "1:kode" in e.value.bidang and "Baris 2" in str(e.value)
    r.s11.refresh_from_db()
    assert r.s11.uraian == "Meningkatnya kualitas pelayanan publik"


def test_targets_inside_the_period_and_ranges_in_order(r):
    row = {
        "id": r.ind.id,
        "kode": "IS1.1",
        "nama": "IKM",
        "induk": r.s11,
        "satuan": "Nilai",
        "polaritas": "rentang",
        "formulasi": "",
        "urutan": 0,
    }
    with pytest.raises(Ditolak) as e:
        services.simpan_tingkat(
            user=r.admin,
            rpjmd=r.rpd,
            tingkat="indikator",
            baris=[{**row, "target": {2025: (Decimal(80), Decimal(70))}}],
        )
    assert "0:atas_2025" in e.value.bidang
    with pytest.raises(Ditolak):
        services.simpan_tingkat(
            user=r.admin,
            rpjmd=r.rpd,
            tingkat="indikator",
            baris=[{**row, "target": {2030: (Decimal(80), None)}}],
        )
    # a target emptied is removed (audited); a range saved; the indicator moved to the tujuan
    n = services.simpan_tingkat(
        user=r.admin,
        rpjmd=r.rpd,
        tingkat="indikator",
        baris=[
            {
                **row,
                "induk": r.t1,
                "target": {2025: (Decimal(60), Decimal(80)), 2026: (None, None), 2027: (Decimal(82), None)},
            }
        ],
    )
    assert n == 3
    ind = IndikatorPemda.objects.get(pk=r.ind.pk)
    assert (ind.level, ind.tujuan, ind.sasaran) == ("tujuan", r.t1, None)
    assert list(TargetPemda.objects.filter(indikator=ind).values_list("tahun", flat=True)) == [2025, 2027]
    assert Jejak.objects.filter(objek="rpjmd.TargetPemda", aksi="hapus").count() == 1


def test_a_link_names_exactly_one_unit_item(r):
    with pytest.raises(IntegrityError), transaction.atomic():
        Kontribusi.objects.create(
            sasaran_pemda=r.s11, instansi=r.unit2, tujuan=r.ut2, sasaran=r.us2, uraian="x"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Kontribusi.objects.create(sasaran_pemda=r.s11, instansi=r.unit2, uraian="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        IndikatorPemda.objects.create(
            rpjmd=r.rpd, level="tujuan", sasaran=r.s11, kode="X", nama="x", satuan="%"
        )


def test_links_saved_once_and_refused_twice(r):
    baris = [{"unsur": r.ut1, "sasaran_pemda": r.s11, "uraian": "Pelayanan"}]
    assert services.simpan_kontribusi(user=r.admin, instansi=r.unit1, baris=baris) == 1
    with pytest.raises(Ditolak, match="sudah ada"):
        services.simpan_kontribusi(user=r.admin, instansi=r.unit1, baris=baris)
    k = Kontribusi.objects.get()
    # unchanged: nothing written
    same = [{"id": k.id, "unsur": r.ut1, "sasaran_pemda": r.s11, "uraian": "Pelayanan"}]
    assert services.simpan_kontribusi(user=r.admin, instansi=r.unit1, baris=same) == 0
    services.hapus_kontribusi(user=r.admin, kontribusi=k)
    assert Jejak.objects.filter(objek="rpjmd.Kontribusi", aksi="hapus", instansi=r.unit1).exists()
