"""Shared set-up of the PK-per-jabatan tests: on the demo the Sekretaris Kecamatan owns the
sasaran program SP1.1 and SP2.1 (data/demo/source/jenjang.csv), measured by IP1 and IP2, which
have Renstra targets for 2024 only; ``sekcam_2025`` gives them 2025 targets and the Sekcam a name
(as the pemda's admin would), so a new PK 2025 can be made for him and signed."""

from decimal import Decimal

from organisasi.models import Pejabat
from perencanaan.models import Indikator, Target

NAMA_SEKCAM = "NAMA CONTOH, S.IP."


def sekcam_2025(instansi):
    """The named Sekcam and his two indicators (IP1 target 95, IP2 target 90 in 2025)."""
    Pejabat.objects.filter(instansi=instansi, kode="sekcam").update(nama=NAMA_SEKCAM)
    ip = list(Indikator.objects.filter(instansi=instansi, kode__in=["IP1", "IP2"]).order_by("kode"))
    for ind, nilai in zip(ip, (Decimal(95), Decimal(90)), strict=True):
        Target.objects.update_or_create(indikator=ind, tahun=2025, defaults={"nilai": nilai})
    return Pejabat.objects.get(instansi=instansi, kode="sekcam"), ip
