"""The generated documents' storage (``STORAGES["dokumen"]``): issued LKIP versions, job results,
reviewed uploads. Local files under ``DOKUMEN_ROOT`` by default; an S3-compatible bucket when
``SAKIP_S3_BUCKET`` is set (sakip/settings.py), so web servers and task workers on several machines
see the same files (docs/architecture.md, "Growing past one machine").

Every read and write of a generated file goes through these functions with a name relative to the
storage (``terbitan/lkip/…``, ``tugas/<id>/<attempt>/<file>``); nothing else opens a path under
``DOKUMEN_ROOT``. Names are written once: a second write of the same name is refused, never an
overwrite, so a stored document cannot change after it was issued.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.functional import cached_property

NAMA = "dokumen"  # the STORAGES alias


class PenyimpananLokal(FileSystemStorage):
    """Local files under ``settings.DOKUMEN_ROOT`` (read when first used and again whenever the
    setting changes, as FileSystemStorage does for MEDIA_ROOT)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.DOKUMEN_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "DOKUMEN_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


def penyimpanan() -> Storage:
    return storages[NAMA]


def tulis_sekali(nama: str, data: bytes) -> str:
    """Write ``data`` under ``nama``; ``FileExistsError`` when that name is already taken (also
    when another process took it at the same moment: the storage then picks another name, which is
    deleted again)."""
    s = penyimpanan()
    if s.exists(nama):
        raise FileExistsError(nama)
    disimpan = s.save(nama, ContentFile(data))
    if disimpan != nama:
        s.delete(disimpan)
        raise FileExistsError(nama)
    return nama


def baca(nama: str) -> bytes:
    """The stored bytes; ``FileNotFoundError`` when there is no such file (both backends)."""
    with penyimpanan().open(nama, "rb") as f:
        return f.read()


def buka(nama: str):
    """The stored file opened for reading (for a streamed download)."""
    return penyimpanan().open(nama, "rb")


def ada(nama: str) -> bool:
    return bool(nama) and penyimpanan().exists(nama)


def hapus(nama: str) -> None:
    """Delete one file (nothing happens when it is not there)."""
    penyimpanan().delete(nama)


def isi_folder(folder: str) -> list[str]:
    """Every file name under ``folder`` (recursively), sorted; empty when the folder is not there."""
    return semua_berkas(penyimpanan(), folder)


def semua_berkas(s: Storage, folder: str = "") -> list[str]:
    """Every file name under ``folder`` of storage ``s`` (recursively), sorted."""
    try:
        subfolder, berkas = s.listdir(folder)
    except FileNotFoundError:
        return []
    awal = f"{folder.rstrip('/')}/" if folder else ""
    out = [awal + b for b in berkas]
    for d in subfolder:
        out.extend(semua_berkas(s, awal + d))
    return sorted(out)


def hapus_folder(folder: str) -> None:
    """Delete every file under ``folder`` and, on local files, the emptied folders too."""
    s = penyimpanan()
    for nama in isi_folder(folder):
        s.delete(nama)
    if isinstance(s, FileSystemStorage):
        shutil.rmtree(s.path(folder), ignore_errors=True)


@contextmanager
def salinan_lokal(s: Storage, nama: str) -> Iterator[Path]:
    """A path on this machine holding the stored file ``nama`` of storage ``s``, for readers that
    want a file (openpyxl, pdfplumber): the file itself on local storage, else a temporary copy
    with the same base name, deleted afterwards."""
    if isinstance(s, FileSystemStorage):
        yield Path(s.path(nama))
        return
    with tempfile.TemporaryDirectory(prefix="sakip-") as folder:
        path = Path(folder) / PurePosixPath(nama).name
        with s.open(nama, "rb") as src, path.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        yield path
