import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command


@pytest.mark.django_db
def test_demo_users_are_created_once():
    call_command("buat_pengguna_demo")
    call_command("buat_pengguna_demo")
    user = authenticate(username="admin", password="demo-sakip-2024")
    assert user is not None and user.is_superuser
