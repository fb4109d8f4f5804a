"""The zona page and the evaluation list follow the year chosen in the top bar, never the clock
(issue #14 item 1): without ``?tahun=`` they show the chosen year; ``?tahun=`` still wins."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/unit/bantargebang/zona/", "/unit/bantargebang/evaluasi/"])
def test_the_chosen_year_without_a_query(pengguna_demo, masuk_sebagai, url):
    c = masuk_sebagai("operator")
    for tahun in (2023, 2025):
        c.post("/akun/tahun/", {"tahun": str(tahun), "next": url})
        assert c.get(url).context["tahun"] == tahun  # today is not 2023 nor 2025
    assert c.get(url + "?tahun=2024").context["tahun"] == 2024
