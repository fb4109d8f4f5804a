from laporan.dokumen import Dokumen


def test_penomoran_unik_per_bab():
    d = Dokumen("LKIP")
    b1 = d.tambah_bab("PENDAHULUAN")
    b1.tabel("Pegawai", [["a"]], [["1"]])
    s = b1.bagian("Latar Belakang")
    s.tabel("Lain", [["a"]], [])
    b2 = d.tambah_bab("PERENCANAAN")
    b2.tabel("Renstra", [["a"]], [])
    b2.gambar("Capaian", None)
    tabel = d.daftar_tabel()
    assert tabel == ["Tabel 1.1 Pegawai", "Tabel 1.2 Lain", "Tabel 2.1 Renstra"]
    assert d.daftar_gambar() == ["Gambar 2.1 Capaian"]
    assert len(set(tabel)) == len(tabel)
    isi = d.daftar_isi()
    assert (1, "BAB I PENDAHULUAN") in isi
    assert (2, "1.1 Latar Belakang") in isi
