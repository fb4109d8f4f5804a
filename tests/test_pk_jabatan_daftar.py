"""The unit's PK page lists every PK of the year: the Camat's and the Sekretaris Kecamatan's (the
demo), each with its position, signatories, status and a link to its own page; a position's page
shows its PK and links to its document."""

import pytest

pytestmark = pytest.mark.django_db


def test_unit_pk_page_lists_every_pk_of_the_year(masuk_sebagai, demo_pk_jabatan):
    c = masuk_sebagai("pembaca")
    r = c.get("/unit/bantargebang/pk/2024/")
    assert r.status_code == 200
    daftar = r.content.decode().split('class="daftar-pk"')[1].split("</table>")[0]
    baris = daftar.split("<tr>")[2:]
    assert len(baris) == 2
    camat, sekcam = baris
    assert 'href="/unit/bantargebang/pk/2024/"' in camat and "Camat Bantargebang (kepala unit)" in camat
    assert (
        "CECEP MIFTAH FARID" in camat and "Penjabat Wali Kota Bekasi" in camat and "Ditandatangani" in camat
    )
    assert 'href="/unit/bantargebang/pk/2024/jabatan/sekcam/"' in sekcam
    assert "Sekretaris Kecamatan Bantargebang" in sekcam and "(nama belum diisi)" in sekcam
    assert "CECEP MIFTAH FARID, S.STP., M.M. — Camat Bantargebang" in sekcam and "Ditandatangani" in sekcam
    # a reader makes nothing: no link to make a position's PK
    assert "/pk/2024/jabatan/buat/" not in r.content.decode()


def test_position_page_shows_its_pk(masuk_sebagai, demo_pk_jabatan):
    c = masuk_sebagai("operator")
    r = c.get("/unit/bantargebang/pk/2024/jabatan/sekcam/")
    html = r.content.decode()
    assert r.status_code == 200
    assert (
        "Sekretaris Kecamatan Bantargebang" in html
        and "Capaian Kepuasan terhadap pelayanan masyarakat" in html
    )
    assert 'href="/unit/bantargebang/pk/2024/jabatan/sekcam/1/dokumen/"' in html
    assert "IKM" not in html.split("<main")[1]  # the Camat's IKU are not on it
    assert c.get("/unit/bantargebang/pk/2024/jabatan/tidak-ada/").status_code == 404
