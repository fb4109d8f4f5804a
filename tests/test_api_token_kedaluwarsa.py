"""Every API token ends: the user chooses how long it works (30–365 days, 90 by default), the
page shows until when, and after that moment the token is refused like a revoked one (401) and
no longer counts towards the active-token limit."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from api import services
from api.models import TokenAPI
from audit.models import Jejak
from dasar.galat import Ditolak
from tests.api_bantu import klien

pytestmark = pytest.mark.django_db
RENSTRA = "/api/v1/instansi/bantargebang/renstra"


def test_the_chosen_validity_is_stored_shown_and_audited(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pembaca")
    halaman = c.get("/akun/token-api/").content.decode()
    assert 'name="masa_berlaku"' in halaman and "90 hari" in halaman
    sebelum = timezone.now()
    r = c.post("/akun/token-api/", {"nama": "Sinkron SIPD", "masa_berlaku": "30"})
    assert r.status_code == 200
    obj = TokenAPI.objects.get(user__username="pembaca")
    assert sebelum + dt.timedelta(days=30) <= obj.kedaluwarsa <= timezone.now() + dt.timedelta(days=30)
    assert "Berlaku sampai" in r.content.decode()
    jejak = Jejak.objects.get(objek="api.TokenAPI", objek_id=str(obj.pk), aksi="buat", field="kedaluwarsa")
    assert jejak.baru == obj.kedaluwarsa.isoformat(timespec="seconds")


def test_without_a_choice_the_token_works_ninety_days(pengguna_demo):
    obj, _teks = services.buat_token(user=pengguna_demo["pembaca"], nama="tanpa pilihan")
    sisa = obj.kedaluwarsa - timezone.now()
    assert dt.timedelta(days=89, hours=23) < sisa <= dt.timedelta(days=90)


@pytest.mark.parametrize("hari", ["0", "7", "3650", "-1", "sembilan puluh", "90; DROP TABLE"])
def test_a_validity_outside_the_choices_is_refused_and_nothing_is_stored(pengguna_demo, masuk_sebagai, hari):
    c = masuk_sebagai("pembaca")
    r = c.post("/akun/token-api/", {"nama": "X", "masa_berlaku": hari})
    assert r.status_code == 400
    assert not TokenAPI.objects.exists()
    with pytest.raises(Ditolak):
        services.buat_token(user=pengguna_demo["pembaca"], nama="X", hari=3650)


def test_a_token_past_its_end_is_refused(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pembaca")
    r = c.post("/akun/token-api/", {"nama": "Dasbor", "masa_berlaku": "30"})
    teks = re.search(r'id="token-baru" readonly value="([^"]+)"', r.content.decode()).group(1)
    assert klien(teks).get(RENSTRA).status_code == 200
    obj = TokenAPI.objects.get(user__username="pembaca")
    TokenAPI.objects.filter(pk=obj.pk).update(kedaluwarsa=timezone.now() - dt.timedelta(seconds=1))
    r = klien(teks).get(RENSTRA)
    assert r.status_code == 401 and r.json()["pesan"].startswith("Perlu token API")
    # even public data: a header that is not a valid token is never read as anonymous
    assert klien(teks).get("/api/v1/pemda").status_code == 401
    halaman = c.get("/akun/token-api/").content.decode()
    assert "kedaluwarsa" in halaman and f"/akun/token-api/{obj.pk}/cabut/" not in halaman


def test_expired_tokens_do_not_count_towards_the_limit(pengguna_demo):
    user = pengguna_demo["pembaca"]
    for i in range(services.BATAS_TOKEN_AKTIF):
        services.buat_token(user=user, nama=f"t{i}")
    with pytest.raises(Ditolak):
        services.buat_token(user=user, nama="satu lagi")
    TokenAPI.objects.filter(user=user, nama="t0").update(kedaluwarsa=timezone.now() - dt.timedelta(days=1))
    obj, _teks = services.buat_token(user=user, nama="satu lagi")
    assert obj.aktif
