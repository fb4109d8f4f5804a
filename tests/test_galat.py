"""One error class for a refused write (dasar.galat.Ditolak): the message as is, or per form field."""

from dasar.galat import Ditolak, Konflik


def test_message_is_kept_as_is():
    assert str(Ditolak("Realisasi TW1 2025 berstatus diajukan.")) == "Realisasi TW1 2025 berstatus diajukan."
    assert Ditolak("x").bidang == {}


def test_field_messages_are_kept_and_joined():
    e = Ditolak(bidang={"kode": ["Kode sudah dipakai."], "nama": ["Nama wajib diisi."]})
    assert e.bidang == {"kode": ["Kode sudah dipakai."], "nama": ["Nama wajib diisi."]}
    assert str(e) == "Kode sudah dipakai.; Nama wajib diisi."


def test_the_model_guards_and_the_edit_conflict_are_refusals():
    from evaluasi.models import EvaluasiFinal, TemplatBeku
    from perencanaan.models import PKTerkunci

    for cls in (Konflik, EvaluasiFinal, TemplatBeku, PKTerkunci):
        assert issubclass(cls, Ditolak), cls
