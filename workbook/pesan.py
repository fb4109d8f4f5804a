"""The importer's problems in Bahasa Indonesia, for the web upload.

The importer (``workbook.importer``, ``workbook.spec``) writes its problems in English for the
command line and its tests, always as ``sheet!CELL: message``. The upload page shows them to
people who read Indonesian: ``indonesiakan`` keeps the ``sheet!CELL`` and says the message in
Indonesian, by the patterns below (one per kind of message); a message of no known pattern is
shown as written. Values quoted from the cells are kept as they are.
"""

from __future__ import annotations

import re

_NILAI = r'"(?P<nilai>.*)"'

# (pattern of the English message, Indonesian template); tried in order, the first match wins
POLA: tuple[tuple[re.Pattern, str], ...] = tuple(
    (re.compile(a, re.S), b)
    for a, b in (
        # the cascade sheet jenjang and the indicators' link to it (importer.load_jenjang)
        (r"rule of a (?P<l>\w+) node: (?P<pesan>.*)", "aturan jenjang {l}: {pesan}"),
        (
            r'jenjang node "(?P<k>[^"]*)" is a (?P<l>\w+) node: the indicator\'s level must be (?P<l2>\w+)',
            'jenjang "{k}" bertingkat {l}: tingkat indikatornya harus {l2}',
        ),
        (
            r'induk must be (?P<a>\S+), the budget code of jenjang node "(?P<k>[^"]*)"',
            'induk harus {a}, kode anggaran jenjang "{k}"',
        ),
        (
            r'unknown (?P<l>\w+) code "(?P<nilai>.*)" for a (?P<l2>\w+) node',
            'kode {l} "{nilai}" tidak dikenal untuk jenjang {l2}',
        ),
        (
            r'unknown (?P<apa>[\w ]+) "(?P<nilai>.*)" of instansi (?P<i>\S+) \(sheet (?P<s>\w+)\)',
            '{apa} "{nilai}" tidak dikenal di instansi {i} (lembar {s})',
        ),
        (
            r"periode is required when tanggal_layanan is blank",
            "periode wajib diisi bila tanggal_layanan kosong",
        ),
        (
            r"(?P<k>u\d+) is required \((?P<s>.*) has (?P<n>\d+) unsur\)",
            "{k} wajib diisi ({s} memiliki {n} unsur)",
        ),
        (r"(?P<k>\S+) is required(?P<sisa>.*)", "{k} wajib diisi{sisa}"),
        (
            r"(?P<k>\S+) contains the control character (?P<u>U\+[0-9A-F]+) at position (?P<n>\d+) "
            r"\((?P<aturan>.*)\)",
            "{k} memuat karakter kendali {u} pada posisi {n} ({aturan})",
        ),
        (r"(?P<k>\S+) has more than (?P<n>\d+) characters", "{k} lebih dari {n} karakter"),
        (
            r"urutan must be at most (?P<n>\d+), got (?P<nilai>.*)",
            "urutan paling besar {n}, tertulis {nilai}",
        ),
        (
            r"(?P<s>\w+) (?P<k>\S+) is used in (?P<t>\d+) \(signed PK, realisasi or budget link\): "
            r"tahun_nonaktif must be (?P<n>\d+) or later \(or blank\)",
            "{s} {k} dipakai pada {t} (PK yang ditandatangani, realisasi atau tautan anggaran): "
            "tahun_nonaktif harus {n} atau sesudahnya (atau kosong)",
        ),
        (
            r"zona (?P<k>\S+) was assessed in (?P<t>\d+): tahun_nonaktif must be (?P<n>\d+) or later "
            r"\(or blank\)",
            "zona {k} sudah dinilai pada {t}: tahun_nonaktif harus {n} atau sesudahnya (atau kosong)",
        ),
        (
            r"zona (?P<k>\S+) is retired from (?P<t>\d+) \(tahun_nonaktif\): it has no assessment in "
            r"(?P<n>\d+)",
            "zona {k} nonaktif sejak {t} (tahun_nonaktif): tidak ada penilaian pada {n}",
        ),
        (
            r"bulan must be 1–12 \(or blank for the year's recapitulation\), got (?P<nilai>.*)",
            "bulan harus 1–12 (atau kosong untuk rekap tahunan), tertulis {nilai}",
        ),
        (
            r"(?P<k>u\d+) must be blank: instansi (?P<i>\S+) surveys with (?P<s>.*) \((?P<n>\d+) unsur; "
            r"its SKM settings choose the scheme\)",
            "{k} harus kosong: instansi {i} memakai {s} ({n} unsur; skema dipilih di pengaturan SKM)",
        ),
        (
            r"NRR (?P<k>u\d+) must be between 1 and 4, got (?P<nilai>.*)",
            "NRR {k} harus antara 1 dan 4, tertulis {nilai}",
        ),
        (
            r"answer (?P<k>u\d+) must be 1, 2, 3 or 4, got (?P<nilai>.*)",
            "jawaban {k} harus 1, 2, 3 atau 4, tertulis {nilai}",
        ),
        (
            r"tanggal_layanan (?P<d>\S+) is not in (?P<apa>tahun|periode) (?P<t>\S+)",
            "tanggal_layanan {d} tidak berada di {apa} {t}",
        ),
        (
            r"umur must be between 10 and 120, got (?P<nilai>.*)",
            "umur harus antara 10 dan 120, tertulis {nilai}",
        ),
        (r"bobot must be positive, got (?P<nilai>.*)", "bobot harus lebih dari 0, tertulis {nilai}"),
        (
            r"nilai must be between 0 and the bobot (?P<b>\S+), got (?P<nilai>.*)",
            "nilai harus antara 0 dan bobot {b}, tertulis {nilai}",
        ),
        (
            r'instansi "(?P<i>[^"]*)" does not belong to pemda "(?P<p>[^"]*)"',
            'instansi "{i}" bukan unit pemda "{p}"',
        ),
        (
            r"(?P<k>\S+) is longer than (?P<n>\d+) characters \((?P<m>\d+)\)",
            "{k} lebih dari {n} karakter ({m})",
        ),
        (
            r"(?P<k>\S+) must be a code \(letters, digits, \. - _ /\), got " + _NILAI,
            '{k} harus berupa kode (huruf, angka, . - _ /), tertulis "{nilai}"',
        ),
        (
            r"(?P<k>\S+) must be a number, ambiguous(?P<sisa>.*)",
            "{k} harus berupa angka yang hanya dapat dibaca satu cara (ambiguous{sisa})",
        ),
        (r"(?P<k>\S+) must be a number, got " + _NILAI, '{k} harus berupa angka, tertulis "{nilai}"'),
        (
            r"(?P<k>\S+) is too large \((?P<nilai>.*)\); at most 15 digits before the decimal mark",
            "{k} terlalu besar ({nilai}); paling banyak 15 angka sebelum tanda desimal",
        ),
        (
            r"(?P<k>\S+) has more than (?P<n>\d+) decimal places \((?P<nilai>.*)\)",
            "{k} memiliki lebih dari {n} angka desimal ({nilai})",
        ),
        (
            r"(?P<k>\S+) must be a whole number \(not negative\), got " + _NILAI,
            '{k} harus berupa bilangan bulat (tidak negatif), tertulis "{nilai}"',
        ),
        (
            r"(?P<k>\S+) must be a whole number \(not negative\), (?P<sisa>.*)",
            "{k} harus berupa bilangan bulat (tidak negatif): {sisa}",
        ),
        (
            r"(?P<k>\S+) must be a whole number, got (?P<nilai>.*)",
            "{k} harus berupa bilangan bulat, tertulis {nilai}",
        ),
        (
            r"(?P<k>\S+) must be a year between 1990 and 2100, got (?P<nilai>.*)",
            "{k} harus berupa tahun antara 1990 dan 2100, tertulis {nilai}",
        ),
        (r"(?P<k>\S+) must not be negative, got (?P<nilai>.*)", "{k} tidak boleh negatif, tertulis {nilai}"),
        (
            r"rencana_aksi of (?P<k>\S+) (?P<t>\d+) breaks the rule '(?P<a>[\w-]+)' of its aggregation: the TW4 target is (?P<h>\S+), the PK's annual target is (?P<n>\S+)",
            "rencana aksi {k} {t} melanggar aturan agregasi '{a}': target TW4 {h}, padahal target "
            "tahunan PK {n}",
        ),
        (
            r"rencana_aksi of (?P<k>\S+) (?P<t>\d+) breaks the rule '(?P<a>[\w-]+)' of its aggregation: TW1–TW4 add up to (?P<h>\S+), the PK's annual target is (?P<n>\S+)",
            "rencana aksi {k} {t} melanggar aturan agregasi '{a}': jumlah TW1–TW4 {h}, padahal "
            "target tahunan PK {n}",
        ),
        (
            r"rencana_aksi of (?P<k>\S+) (?P<t>\d+) breaks the rule '(?P<a>[\w-]+)' of its aggregation: the mean of TW1–TW4 is (?P<h>\S+), the PK's annual target is (?P<n>\S+)",
            "rencana aksi {k} {t} melanggar aturan agregasi '{a}': rata-rata TW1–TW4 {h}, padahal "
            "target tahunan PK {n}",
        ),
        (
            r"rencana_aksi of (?P<k>\S+) (?P<t>\d+) breaks the rule '(?P<a>[\w-]+)' of its aggregation: quarters (?P<q>.*) have no target \(a Rencana Aksi needs TW1–TW4\), the PK's annual target is (?P<n>\S+)",
            "rencana aksi {k} {t} belum lengkap: {q} belum bertarget (rencana aksi memerlukan "
            "TW1–TW4), target tahunan PK {n}",
        ),
        (
            r'indikator "(?P<k>.*)" is not in the Perjanjian Kinerja (?P<t>\d+) in force of (?P<i>\S+) '
            r"\(a Rencana Aksi plans the PK's indicators\)",
            'indikator "{k}" tidak ada di Perjanjian Kinerja {t} yang berlaku untuk {i} (rencana aksi '
            "hanya untuk indikator PK)",
        ),
        (
            r"sub_kegiatan (?P<k>\S+) is not in the DPA of (?P<i>\S+) in (?P<t>\d+) \(add it to sheet "
            r"anggaran\)",
            "sub_kegiatan {k} tidak ada di DPA {i} tahun {t} (tambahkan di lembar anggaran)",
        ),
        (
            r"the (?P<p>TW\d) target of (?P<k>\S+) (?P<t>\d+) cannot change: the TW\d realisasi is "
            r"verified \(stored target: (?P<n>[^)]*)\)",
            "target {p} {k} {t} tidak dapat diubah: realisasi {p} sudah diverifikasi (target tersimpan: {n})",
        ),
        (
            r"(?P<k>\S+) must be one of (?P<daftar>.*); got " + _NILAI,
            '{k} harus salah satu dari {daftar}; tertulis "{nilai}"',
        ),
        (
            r'(?P<k>\S+) must be "ya" or "tidak", got ' + _NILAI,
            '{k} harus "ya" atau "tidak", tertulis "{nilai}"',
        ),
        (
            r"(?P<k>\S+) must be a date \(YYYY-MM-DD\), got " + _NILAI,
            '{k} harus berupa tanggal (TTTT-BB-HH), tertulis "{nilai}"',
        ),
        (
            r'nip must have 18 digits, got "(?P<nilai>.*)" \((?P<n>\d+) characters\)',
            'nip harus 18 angka, tertulis "{nilai}" ({n} karakter)',
        ),
        (
            r'unknown instansi "(?P<nilai>.*)" \(not in sheet instansi nor in the database\)',
            'instansi "{nilai}" tidak dikenal (tidak ada di lembar instansi maupun di basis data)',
        ),
        (r'unknown pemda "(?P<nilai>.*)"', 'pemda "{nilai}" tidak dikenal'),
        (
            r'unknown pejabat "(?P<nilai>.*)" \(neither of instansi (?P<i>\S+) nor of its pemda\)',
            'pejabat "{nilai}" tidak dikenal (bukan pejabat instansi {i} maupun pemdanya)',
        ),
        (
            r'unknown (?P<apa>[\w ]+) "(?P<nilai>.*)" of instansi (?P<i>\S+)',
            '{apa} "{nilai}" tidak dikenal di instansi {i}',
        ),
        (r'unknown (?P<apa>[\w /-]+) "(?P<nilai>.*)"', '{apa} "{nilai}" tidak dikenal'),
        (r"duplicate row: same key as row (?P<n>\d+)", "baris ganda: kuncinya sama dengan baris {n}"),
        (r'missing required column "(?P<k>[^"]+)"(?P<sisa>.*)', 'kolom wajib "{k}" tidak ada{sisa}'),
        (
            r'unknown column "(?P<k>[^"]*)" \(expected: (?P<daftar>[^)]*)(?P<sisa>.*)\)',
            'kolom "{k}" tidak dikenal (yang dikenal: {daftar}{sisa})',
        ),
        (r'column "(?P<k>[^"]*)" appears twice', 'kolom "{k}" muncul dua kali'),
        (
            r"unknown sheet \(known: (?P<daftar>[^;]*);.*",
            "lembar tidak dikenal (yang dikenal: {daftar}; awali nama lembar dengan _ untuk catatan; "
            "lembar Petunjuk berisi petunjuk templat)",
        ),
        (
            r"more than (?P<n>\d+) columns; this is not a SAKIP sheet",
            "lebih dari {n} kolom; ini bukan lembar SAKIP",
        ),
        (
            r"the workbook has more than (?P<n>[\d,]+) rows, the most one import takes.*",
            "workbook berisi lebih dari {n} baris, batas satu kali impor; bagi menjadi beberapa workbook",
        ),
        (
            r"not a readable \.xlsx workbook \((?P<sisa>.*)\)",
            "bukan workbook .xlsx yang dapat dibaca ({sisa})",
        ),
        (
            r"tahun_akhir (?P<a>\d+) is before tahun_awal (?P<b>\d+)",
            "tahun_akhir {a} lebih awal dari tahun_awal {b}",
        ),
        (
            r'a (?P<s>\w+) code has (?P<n>\d+) parts separated by "\.", got "(?P<nilai>.*)"',
            'kode {s} terdiri atas {n} bagian dipisah ".", tertulis "{nilai}"',
        ),
        (
            r'(?P<p>\w+) "(?P<a>[^"]*)" of (?P<s>\w+) "(?P<b>[^"]*)" is not defined',
            '{p} "{a}" dari {s} "{b}" belum ada',
        ),
        (r"pagu must not be negative, got (?P<nilai>.*)", "pagu tidak boleh negatif, tertulis {nilai}"),
        (
            r"no budget line (?P<kode>\S+) for (?P<untuk>.*) in (?P<t>\d+) \(add it to sheet anggaran\)",
            "tidak ada baris anggaran {kode} untuk {untuk} pada {t} (tambahkan di lembar anggaran)",
        ),
        (
            r"Perjanjian Kinerja (?P<t>\d+) versi (?P<v>\d+) is signed and cannot change; enter the "
            r"revision as versi (?P<w>\d+)",
            "Perjanjian Kinerja {t} versi {v} sudah ditandatangani dan tidak dapat diubah; masukkan "
            "perubahannya sebagai versi {w}",
        ),
        (
            r"Perjanjian Kinerja (?P<t>\d+) versi (?P<v>\d+) is signed; its targets cannot change.*",
            "Perjanjian Kinerja {t} versi {v} sudah ditandatangani; targetnya tidak dapat diubah "
            "(masukkan versi baru)",
        ),
        (
            r"no Perjanjian Kinerja (?P<t>\d+) versi (?P<v>\d+) for (?P<i>\S+)",
            "tidak ada Perjanjian Kinerja {t} versi {v} untuk {i}",
        ),
    )
)

_SEL = re.compile(r"^(?P<sel>[^\s!:]+![A-Z]*\d+(?::\d+)?|[^\s:]+\.xlsx): (?P<pesan>.*)$", re.S)


def indonesiakan(masalah: str) -> str:
    """``sheet!CELL: message`` with the message in Indonesian (by ``POLA``); unknown kinds as is."""
    m = _SEL.match(masalah)
    sel, pesan = (m["sel"], m["pesan"]) if m else (None, masalah)
    for pola, templat in POLA:
        cocok = pola.fullmatch(pesan)
        if cocok:
            pesan = templat.format(**cocok.groupdict())
            break
    return f"{sel}: {pesan}" if sel else pesan
