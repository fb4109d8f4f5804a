#!/usr/bin/env python
"""National-scale benchmark (issue #18, item 4): the IKM read from the SKM running sums, the
pemda capaian API page and the survey intake on one PostgreSQL holding a national host's data.

    cd /work/main && .venv/bin/python benchmarks/bench_nasional.py [--pemda 550] [--unit 20000]
        [--indikator 200000] [--jawaban 10000000] [--jumlah-sesudah]
        [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--concurrency 20]

Creates a fresh PostgreSQL database ``sakip_bench_<pid>_nasional`` (dropped at the end), migrates
it and generates: ``--pemda`` pemda, ``--unit`` units spread over them (3 layanan and one head
each), ``--indikator`` indicators spread over the units, each in the unit's signed 2024 PK with a
target and a realisasi for TW1–TW4, and ``--jawaban`` survey answers (``skm_responden`` rows) over
units × layanan × 2024 TW1–TW4, loaded with one COPY (psycopg ``cursor.copy``). By default the
database triggers of skm/0009–0011 maintain ``skm_jumlahjawaban`` (per layanan),
``skm_jumlahjawabanunit`` (per unit and period) and ``skm_jumlahtahununit`` (per unit and year)
row by row during the COPY (what a
live system does; its time is the load time reported); ``--jumlah-sesudah`` disables the trigger
during the COPY and fills the sums afterwards with the migration's ISI_ULANG statements (the report
says which mode was used). Generation time per step and ``pg_database_size`` are reported.

Measurements (same run):
  a. IKM of every unit × period from the running sums: ``skm.selectors.nilai_ikm`` over all unit
     ids (the values read of the dashboards; it reads ``baris_total``), and, reported beside it,
     ``ikm_tahun`` (the per-period objects with their NRR, what one unit's pages read) and
     ``nrr_responden`` (NRR of every unsur). Target < 3 s.
  b. The same from the GROUP BY over the answers (``nilai_ikm`` with ``baris_total_dari_jawaban``
     and ``baris_jumlah_dari_jawaban`` in place of the sums, and ``nrr_responden_dari_jawaban``);
     both must give identical NRR, respondents and IKM, and ``nilai_ikm`` the same IKM as
     ``ikm_tahun``. Target: sums ≥ 20× faster.
  c. ``GET /api/v1/pemda/<kode>/capaian/2024`` (the pemda comparison endpoint of the API: every
     unit's capaian, public without a token) for random pemda, ``--concurrency`` threads against
     ``gunicorn sakip.wsgi -w 2``. Target p95 < 800 ms.
  d. Survey intake: the public questionnaire ``/s/<slug>/`` posted as in bench_skm (GET form,
     POST answers, a new X-Forwarded-For identity per ``SKM_MAKS_PER_MENIT`` submissions) with the
     trigger maintaining the sums. Target ≥ 150 submissions/s.
  e. EXPLAIN (ANALYZE, FORMAT JSON) of the sums read (all units, and one pemda's units) and of the
     pemda page's main queries (units, PK in force, PK rows with realisasi): node types printed;
     the sums reads must not scan ``skm_responden`` and the pemda's read must use an index.

The report is printed and written to ``benchmarks/out/nasional-postgresql.json``; the exit status
is 0 only when every target is met.
"""

from __future__ import annotations

import argparse
import http.client
import importlib
import json
import os
import platform
import random
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))
import _gunicorn  # noqa: E402
import bench_core as core  # noqa: E402  (sets DJANGO_SETTINGS_MODULE and DJANGO_DEBUG=0)
import bench_skm  # noqa: E402
from _gunicorn import persentil  # noqa: E402

TAHUN = 2024
PERIODE = ("TW1", "TW2", "TW3", "TW4")
LAYANAN = 3
TARGET_IKM_S = 3.0
TARGET_RATIO = 20.0
TARGET_API_P95_MS = 800.0
TARGET_RPS = 150.0


# --------------------------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------------------------


# the three running-sums tables the triggers of skm/0009–0011 keep (per layanan, per unit and
# period, per unit and year) and their total size
TABEL_JUMLAH = ("skm_jumlahjawaban", "skm_jumlahjawabanunit", "skm_jumlahtahununit")
UKURAN_JUMLAH = " + ".join(f"pg_total_relation_size('{t}')" for t in TABEL_JUMLAH)


def _isi(c, tabel: str, diberi: dict[str, str], dari: str) -> int:
    """INSERT INTO tabel SELECT … FROM dari: the given column expressions, and a neutral value
    ('' / false / 0 / now()) for every other NOT NULL column without a database default (Django
    keeps its defaults in Python). Returns the row count."""
    c.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s "
        "AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO'",
        [tabel],
    )
    netral = {
        "boolean": "false",
        "timestamp with time zone": "now()",
        "date": "current_date",
        "jsonb": "'{}'",
    }
    kolom = dict(diberi)
    for nama, jenis in c.fetchall():
        if nama not in kolom:
            if "char" in jenis or jenis == "text":
                kolom[nama] = "''"
            else:
                kolom[nama] = netral.get(jenis, "0")
    c.execute(f"INSERT INTO {tabel} ({', '.join(kolom)}) SELECT {', '.join(kolom.values())} FROM {dari}")
    return c.rowcount


def _baris_jawaban(units: list[tuple[int, list[int], float]], jawaban: int, seed: int):
    """Yield COPY text blocks of ``jawaban`` answers: answer g goes to unit g % U, layanan
    (g / U) % 3, quarter (g / 3U) % 4; answers 1..4 skewed by the unit's bias."""
    rng = random.Random(seed)
    kumpulan = []  # per bias decile: 2,000 answer vectors (tab-joined u1..u9)
    for d in range(10):
        b = d / 10
        kumpulan.append(
            ["\t".join(str(min(4, 1 + int(rng.random() * 3.2 + b))) for _ in range(9)) for _ in range(2000)]
        )
    n_unit = len(units)
    blok: list[str] = []
    for g in range(jawaban):
        iid, lay, bias = units[g % n_unit]
        q = (g // (n_unit * LAYANAN)) % 4
        pool = kumpulan[int(bias * 10)]
        blok.append(
            f"{iid}\t{lay[(g // n_unit) % LAYANAN]}\t{TAHUN}\tTW{q + 1}\t{TAHUN}-{3 * q + 1:02d}-{1 + g % 28:02d}"
            f"\t{'LP'[g & 1]}\t{18 + g % 60}\t\t\t\t2024-12-31 00:00:00+00\tbench\t{pool[g % 2000]}\n"
        )
        if len(blok) >= 50_000:
            yield "".join(blok)
            blok = []
    if blok:
        yield "".join(blok)


def prepare(args) -> dict:
    from django.core.management import call_command
    from django.db import connection

    waktu: dict[str, float] = {}
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    waktu["migrate_s"] = time.perf_counter() - t0
    P, U, I, J = args.pemda, args.unit, args.indikator, args.jawaban  # noqa: N806, E741
    t = time.perf_counter()
    with connection.cursor() as c:
        _isi(
            c,
            "organisasi_pemda",
            {"kode": "'p' || lpad(g::text, 3, '0')", "nama": "'Pemda ' || g"},
            f"generate_series(0, {P - 1}) g",
        )
        _isi(
            c,
            "organisasi_instansi",
            {
                "slug": "'unit-' || lpad(g::text, 5, '0')",
                "nama": "'Unit Sintetis ' || g",
                "jenis": "'kecamatan'",
                "pemda_id": "p.id",
                "aktif": "true",
            },
            f"generate_series(0, {U - 1}) g JOIN organisasi_pemda p ON p.kode = 'p' || lpad((g % {P})::text, 3, '0')",
        )
        c.execute("""
            CREATE TEMP TABLE bench_unit AS
              SELECT (substr(slug, 6)::int) AS n, id, pemda_id, (abs(hashtext(slug)) % 100) / 100.0 AS b
              FROM organisasi_instansi;
            CREATE INDEX ON bench_unit (n);
        """)
        _isi(
            c,
            "organisasi_layanan",
            {"kode": "'L' || k", "nama": "'Layanan ' || k", "instansi_id": "u.id"},
            f"bench_unit u CROSS JOIN generate_series(1, {LAYANAN}) k",
        )
        _isi(
            c,
            "organisasi_pejabat",
            {
                "kode": "'KEPALA'",
                "nama": "'Kepala ' || u.n",
                "jabatan": "'Camat'",
                "instansi_id": "u.id",
                "pemda_id": "u.pemda_id",
                "aktif": "true",
            },
            "bench_unit u",
        )
        waktu["unit_s"] = time.perf_counter() - t
        t = time.perf_counter()
        # indicator i belongs to unit i % U; kode IKU<n> numbered within the unit
        _isi(
            c,
            "perencanaan_indikator",
            {
                "kode": f"'IKU' || (1 + g / {U})",
                "nama": "'Indikator sintetis ' || g",
                "level": "'sasaran'",
                "satuan": "'%'",
                "polaritas": "'positif'",
                "agregasi": "'terakhir'",
                "iku": "true",
                "sumber_realisasi": "'manual'",
                "instansi_id": "u.id",
            },
            f"generate_series(0, {I - 1}) g JOIN bench_unit u ON u.n = g % {U}",
        )
        _isi(
            c,
            "perencanaan_perjanjiankinerja",
            {
                "tahun": str(TAHUN),
                "versi": "1",
                "tanggal": f"'{TAHUN}-01-15'",
                "status": "'ditandatangani'",
                "instansi_id": "u.id",
                "pihak_pertama_id": "j.id",
                "sha256": "''",
            },
            "bench_unit u JOIN organisasi_pejabat j ON j.instansi_id = u.id",
        )
        _isi(
            c,
            "perencanaan_pkindikator",
            {
                "no": "row_number() OVER (PARTITION BY i.instansi_id ORDER BY i.id)",
                "target": "80 + (i.id % 20)",
                "indikator_id": "i.id",
                "pk_dokumen_id": "pk.id",
            },
            "perencanaan_indikator i JOIN perencanaan_perjanjiankinerja pk ON pk.instansi_id = i.instansi_id",
        )
        _isi(
            c,
            "pengukuran_realisasi",
            {
                "tahun": str(TAHUN),
                "periode": "'TW' || q",
                "nilai": "60 + ((i.id * 7 + q * 13) % 50)",
                "indikator_id": "i.id",
                "versi": "1",
            },
            "perencanaan_indikator i CROSS JOIN generate_series(1, 4) q",
        )
        waktu["indikator_s"] = time.perf_counter() - t
        c.execute(
            "SELECT u.id, array_agg(l.id ORDER BY l.kode), u.b FROM bench_unit u "
            "JOIN organisasi_layanan l ON l.instansi_id = u.id GROUP BY u.n, u.id, u.b ORDER BY u.n"
        )
        units = [(iid, lay, float(b)) for iid, lay, b in c.fetchall()]

    # the answers: one COPY, the trigger maintaining the sums row by row (default) or disabled
    # and the sums filled afterwards by the migration's statement (--jumlah-sesudah)
    mig = importlib.import_module("skm.migrations.0011_jumlah_tahun_unit")
    kolom = (
        "instansi_id, layanan_id, tahun, periode, tanggal_layanan, jenis_kelamin, umur, pendidikan, "
        "pekerjaan, saran, dibuat, klien, " + ", ".join(f"u{i}" for i in range(1, 10))
    )
    raw = connection.connection  # the psycopg connection under Django's
    t = time.perf_counter()
    with raw.cursor() as c:
        if args.jumlah_sesudah:
            c.execute("ALTER TABLE skm_responden DISABLE TRIGGER skm_jumlah_jawaban")
        # one COPY per 20 blocks (1,000,000 answers), each its own transaction as intake would be
        # (one huge transaction keeps every superseded version of a sums row alive to its end)
        blok_blok = _baris_jawaban(units, J, seed=18)
        selesai = False
        while not selesai:
            with raw.transaction(), c.copy(f"COPY skm_responden ({kolom}) FROM STDIN") as cp:
                for _ in range(20):
                    blok = next(blok_blok, None)
                    if blok is None:
                        selesai = True
                        break
                    cp.write(blok)
        waktu["copy_s"] = time.perf_counter() - t
        if args.jumlah_sesudah:
            c.execute("ALTER TABLE skm_responden ENABLE TRIGGER skm_jumlah_jawaban")
            t2 = time.perf_counter()
            for sql in mig.ISI_ULANG:
                c.execute(sql)
            waktu["isi_awal_s"] = time.perf_counter() - t2
    waktu["jawaban_s"] = time.perf_counter() - t
    t = time.perf_counter()
    with connection.cursor() as c:
        # the trigger updates each sums row in place once per answer: after a bulk load the table
        # holds mostly dead versions (reported), compacted once as an operator would after an import
        c.execute(f"SELECT pg_size_pretty({UKURAN_JUMLAH})")
        jumlah_size_load = c.fetchone()[0]
        for tabel in TABEL_JUMLAH:
            c.execute(f"VACUUM (FULL) {tabel}")
        waktu["vacuum_full_jumlah_s"] = time.perf_counter() - t
        t = time.perf_counter()
        c.execute("VACUUM ANALYZE")
        waktu["vacuum_analyze_s"] = time.perf_counter() - t
        c.execute("SELECT count(*) FROM skm_responden")
        n_jawaban = c.fetchone()[0]
        c.execute("SELECT count(*), coalesce(sum(n), 0) FROM skm_jumlahjawaban")
        n_jumlah, sum_n = c.fetchone()
        c.execute("SELECT count(*) FROM perencanaan_indikator")
        n_ind = c.fetchone()[0]
        c.execute(
            "SELECT pg_database_size(current_database()), pg_size_pretty(pg_database_size(current_database())), "
            f"pg_size_pretty(pg_total_relation_size('skm_responden')), pg_size_pretty({UKURAN_JUMLAH}), version()"
        )
        db_bytes, db_size, resp_size, jumlah_size, server = c.fetchone()
    if n_jawaban != J or sum_n != J or n_ind != I:
        raise SystemExit(
            f"generated {n_jawaban} answers (sums count {sum_n}), {n_ind} indicators; expected {J}, {I}"
        )
    return {
        "ids": [u[0] for u in units],
        "mode": "jumlah-sesudah (trigger off during COPY, ISI_ULANG after)"
        if args.jumlah_sesudah
        else "trigger (sums maintained row by row during the COPY)",
        "times": waktu,
        "generation_s": sum(
            v for k, v in waktu.items() if k.endswith(("unit_s", "indikator_s", "jawaban_s"))
        ),
        "answers_per_s_loaded": J / waktu["jawaban_s"],
        "jumlah_rows": n_jumlah,
        "database_bytes": db_bytes,
        "database_size": db_size,
        "responden_size": resp_size,
        "jumlahjawaban_size": jumlah_size,
        "jumlahjawaban_size_after_load": jumlah_size_load,
        "server": server.split(" on ")[0],
    }


# --------------------------------------------------------------------------------------------
# a/b. IKM of every unit × period: running sums vs GROUP BY over the answers
# --------------------------------------------------------------------------------------------


def best_of(fn, n):
    times, out = [], None
    for _ in range(n):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), out


def _ikm_dict(hasil) -> dict:
    """{unit: (yearly IKM, {period: IKM})} of an ``ikm_tahun`` answer, to compare with ``nilai_ikm``."""
    return {iid: (h.ikm, {p.periode: p.ikm for p in h.periode}) for iid, h in hasil.items()}


def _nilai_dict(hasil) -> dict:
    """The same of a ``nilai_ikm`` answer (its respondents are compared through ``nrr_responden``):
    a reference to each unit's values, no copy (the timed read is the selector's)."""
    return {iid: (h.ikm, h.periode) for iid, h in hasil.items()}


def bench_ikm(ids, repeat: int) -> dict:
    from django.db import connection

    from skm import selectors as s

    asli = s.baris_jumlah, s.baris_total

    def ikm_jumlah():
        return _nilai_dict(s.nilai_ikm(ids, TAHUN))

    def ikm_jawaban():
        # nilai_ikm reads the sums through these names (baris_jumlah for the units it reads in full)
        s.baris_jumlah, s.baris_total = s.baris_jumlah_dari_jawaban, s.baris_total_dari_jawaban
        try:
            return _nilai_dict(s.nilai_ikm(ids, TAHUN))
        finally:
            s.baris_jumlah, s.baris_total = asli

    with core.counting(connection) as qc:
        ikm_jumlah()
    nrr_best, nrr_med, nrr_j = best_of(lambda: s.nrr_responden(ids, TAHUN), repeat)
    objek_best, _objek_med, objek = best_of(lambda: _ikm_dict(s.ikm_tahun(ids, TAHUN)), repeat)
    ikm_best, ikm_med, ikm_j = best_of(ikm_jumlah, repeat)
    if objek != ikm_j:
        raise SystemExit("nilai_ikm and ikm_tahun give different IKM")
    gb_repeat = max(1, min(repeat, 2))
    gnrr_best, gnrr_med, nrr_g = best_of(lambda: s.nrr_responden_dari_jawaban(ids, TAHUN), gb_repeat)
    gikm_best, gikm_med, ikm_g = best_of(ikm_jawaban, gb_repeat)
    if nrr_j != nrr_g:
        raise SystemExit("the running sums and the GROUP BY over the answers give different NRR")
    if ikm_j != ikm_g:
        raise SystemExit("the running sums and the GROUP BY over the answers give different IKM")
    pairs = sum(len(v) for v in nrr_j.values())
    ratio = gikm_best / ikm_best
    res = {
        "pairs": pairs,
        "units": len(nrr_j),
        "nrr_sums_best_s": nrr_best,
        "nrr_sums_median_s": nrr_med,
        "ikm_sums_best_s": ikm_best,
        "ikm_sums_median_s": ikm_med,
        "ikm_sums_queries": qc.n,
        "ikm_tahun_objects_best_s": objek_best,
        "nrr_groupby_best_s": gnrr_best,
        "ikm_groupby_best_s": gikm_best,
        "ikm_groupby_median_s": gikm_med,
        "ratio_ikm": ratio,
        "ratio_nrr": gnrr_best / nrr_best,
        "equal": True,
        "target_s": TARGET_IKM_S,
        "target_ratio": TARGET_RATIO,
        "ok": ikm_best < TARGET_IKM_S and ratio >= TARGET_RATIO,
        "sample": {f"{k}/{p}": str(round(v, 2)) for k in sorted(ikm_j)[:2] for p, v in ikm_j[k][1].items()},
    }
    print(
        f"IKM of {pairs} unit × period pairs ({res['units']} units): sums {ikm_best:.3f} s "
        f"({qc.n} queries; ikm_tahun with per-period objects {objek_best:.3f} s, "
        f"nrr_responden {nrr_best:.3f} s); GROUP BY over the answers {gikm_best:.3f} s "
        f"(nrr {gnrr_best:.3f} s) → {ratio:.1f}× (NRR alone {res['ratio_nrr']:.1f}×), identical results "
        f"[{'OK' if res['ok'] else 'MISSED'}: < {TARGET_IKM_S} s and ≥ {TARGET_RATIO:.0f}×]",
        flush=True,
    )
    return res


# --------------------------------------------------------------------------------------------
# e. EXPLAIN
# --------------------------------------------------------------------------------------------


class _Tangkap:
    def __init__(self):
        self.q: list[tuple[str, object]] = []

    def __call__(self, execute, sql, params, many, context):
        self.q.append((sql, params))
        return execute(sql, params, many, context)


def _nodes(plan, out):
    out.append((plan["Node Type"], plan.get("Relation Name"), plan.get("Index Name")))
    for p in plan.get("Plans", []):
        _nodes(p, out)
    return out


def _explain(label, fn) -> list[dict]:
    from django.db import connection

    tk = _Tangkap()
    with connection.execute_wrapper(tk):
        fn()
    hasil = []
    with connection.cursor() as c:
        for sql, params in tk.q:
            c.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
            doc = c.fetchone()[0]
            doc = json.loads(doc) if isinstance(doc, str) else doc
            nodes = _nodes(doc[0]["Plan"], [])
            hasil.append(
                {
                    "query": sql[:160],
                    "execution_ms": doc[0].get("Execution Time"),
                    "nodes": [" ".join(x for x in n if x) for n in nodes],
                    "seq_scans": sorted({n[1] for n in nodes if n[0] == "Seq Scan"}),
                    "indexes": sorted({n[2] for n in nodes if n[2]}),
                }
            )
    for h in hasil:
        print(f"  EXPLAIN {label}: {h['execution_ms']:.1f} ms — {' > '.join(h['nodes'])}", flush=True)
    return hasil


def bench_explain(ids) -> dict:
    from organisasi.models import Instansi, Pemda
    from pengukuran.selectors import capaian_pk
    from perencanaan.selectors import pk_berlaku
    from skm.selectors import nilai_ikm, nrr_responden

    pemda = Pemda.objects.order_by("kode").first()
    ids_pemda = list(Instansi.objects.filter(pemda=pemda).order_by("slug").values_list("id", flat=True))
    out = {
        "sums_all_units": _explain("sums, all units", lambda: nrr_responden(ids, TAHUN)),
        "sums_one_pemda": _explain("sums, one pemda", lambda: nrr_responden(ids_pemda, TAHUN)),
        "year_sums_all_units": _explain("year sums, all units", lambda: nilai_ikm(ids, TAHUN)),
        "year_sums_one_pemda": _explain("year sums, one pemda", lambda: nilai_ikm(ids_pemda, TAHUN)),
        "pemda_units": _explain(
            "pemda units",
            lambda: list(Instansi.objects.filter(pemda=pemda).select_related("pemda").order_by("slug")),
        ),
        "pemda_pk_berlaku": _explain("pemda PK in force", lambda: pk_berlaku(ids_pemda, TAHUN)),
        "pemda_capaian_pk": _explain("pemda capaian_pk", lambda: capaian_pk(ids_pemda, TAHUN)),
    }
    sums = (
        out["sums_all_units"]
        + out["sums_one_pemda"]
        + out["year_sums_all_units"]
        + out["year_sums_one_pemda"]
    )
    no_resp_scan = not any(
        "skm_responden" in h["seq_scans"] or any("skm_responden" in n for n in h["nodes"]) for h in sums
    )
    # the year sums read is nilai_ikm's first query (the second reads the small PengaturanSKM table)
    pemda_index = all(h["indexes"] for h in out["sums_one_pemda"] + out["year_sums_one_pemda"][:1])
    besar = (
        "skm_responden",
        "perencanaan_pkindikator",
        "pengukuran_realisasi",
        "perencanaan_indikator",
        *TABEL_JUMLAH,
    )
    pemda_seq = sorted(
        {
            t
            for k in ("sums_one_pemda", "year_sums_one_pemda", "pemda_pk_berlaku", "pemda_capaian_pk")
            for h in out[k]
            for t in h["seq_scans"]
            if t in besar
        }
    )
    out["no_responden_scan_in_sums"] = no_resp_scan
    out["index_used_for_one_pemda_sums"] = pemda_index
    out["seq_scans_on_large_tables_for_one_pemda"] = pemda_seq
    out["ok"] = no_resp_scan and pemda_index and not pemda_seq
    print(
        f"EXPLAIN: sums read never touches skm_responden: {no_resp_scan}; index for one pemda's sums: "
        f"{pemda_index}; sequential scans of large tables for one pemda: {pemda_seq or 'none'} "
        f"[{'OK' if out['ok'] else 'MISSED'}]",
        flush=True,
    )
    return out


# --------------------------------------------------------------------------------------------
# c. the pemda comparison API page under load; d. survey intake
# --------------------------------------------------------------------------------------------


def bench_api(port: int, kode_pemda: list[str], args) -> dict:
    lat: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    n_total = [0]

    def worker(i):
        rng = random.Random(100 + i)
        k = _gunicorn.Klien(port)
        for _ in range(2):  # warm-up
            k.req("GET", f"/api/v1/pemda/{rng.choice(kode_pemda)}/capaian/{TAHUN}")
        ready.wait()
        while True:
            with lock:
                if n_total[0] >= args.requests or time.perf_counter() > batas[0]:
                    return
                n_total[0] += 1
            st, body, dt = k.req("GET", f"/api/v1/pemda/{rng.choice(kode_pemda)}/capaian/{TAHUN}")
            with lock:
                if st == 200 and b'"indikator"' in body:
                    lat.append(dt * 1000)
                else:
                    errors.append(f"{st} {body[:80]!r}")

    ready = threading.Barrier(args.concurrency + 1)
    batas = [time.perf_counter() + 10**6]
    ts = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.concurrency)]
    for t in ts:
        t.start()
    ready.wait()
    t0 = time.perf_counter()
    batas[0] = t0 + args.max_seconds
    for t in ts:
        t.join()
    wall = time.perf_counter() - t0
    res = {
        "endpoint": "/api/v1/pemda/<kode>/capaian/2024 (public, no token)",
        "concurrency": args.concurrency,
        "requests": len(lat),
        "errors": len(errors),
        "error_samples": errors[:3],
        "seconds": wall,
        "requests_per_s": len(lat) / wall if wall else None,
        "p50_ms": persentil(lat, 50),
        "p95_ms": persentil(lat, 95),
        "p99_ms": persentil(lat, 99),
        "target_p95_ms": TARGET_API_P95_MS,
    }
    res["ok"] = bool(lat) and not errors and res["p95_ms"] < TARGET_API_P95_MS
    print(
        f"API pemda capaian page at {args.concurrency} users: {len(lat)} requests in {wall:.1f} s, "
        f"p50 {res['p50_ms'] or 0:.0f} ms, p95 {res['p95_ms'] or 0:.0f} ms, errors {len(errors)} "
        f"[{'OK' if res['ok'] else 'MISSED'}: p95 < {TARGET_API_P95_MS:.0f} ms]",
        flush=True,
    )
    return res


def bench_intake(port: int, slugs: list[str], args) -> dict:
    """bench_skm's respondents (GET form, POST answers), counted by id above the generated rows."""
    from django.db import connection
    from django.db.models import Max

    from skm.models import JumlahJawaban
    from skm.models import Responden as Model
    from skm.views import _maks_per_menit

    per_client = _maks_per_menit()
    stats = {"get_ms": [], "post_ms": [], "errors": []}
    lock = threading.Lock()
    counter = [0]
    stop = [time.perf_counter() + 10**6]
    ready = threading.Barrier(args.threads + 1)
    id_awal = Model.objects.aggregate(m=Max("id"))["m"] or 0
    connection.close()

    def ip_baru():
        with lock:
            counter[0] += 1
            n = counter[0]
        return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"

    def worker(i):
        rng = random.Random(i)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _ in range(3):
            bench_skm.submit(
                bench_skm.Responden(conn, ip_baru()),
                rng.choice(slugs),
                rng,
                {"get_ms": [], "post_ms": [], "errors": []},
                lock,
            )
        ready.wait()
        while time.perf_counter() < stop[0]:
            r = bench_skm.Responden(conn, ip_baru())
            for _ in range(per_client):
                if time.perf_counter() >= stop[0]:
                    break
                bench_skm.submit(r, rng.choice(slugs), rng, stats, lock)
        conn.close()

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.threads)]
    for t in threads:
        t.start()
    ready.wait()
    t0 = time.perf_counter()
    stop[0] = t0 + args.seconds
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    baru = Model.objects.filter(id__gt=id_awal)
    stored = baru.exclude(klien="bench").count()
    # the sums still match the answers for the units just written to
    from skm.selectors import nrr_responden, nrr_responden_dari_jawaban

    ditulis = list(baru.values_list("instansi_id", flat=True).distinct())
    sama = nrr_responden(ditulis, TAHUN) == nrr_responden_dari_jawaban(ditulis, TAHUN)
    jumlah_n = sum(JumlahJawaban.objects.filter(instansi_id__in=ditulis).values_list("n", flat=True))
    ok = len(stats["post_ms"])
    rps = ok / wall
    res = {
        "threads": args.threads,
        "seconds": wall,
        "submissions": ok,
        "stored": stored,
        "errors": len(stats["errors"]),
        "error_samples": stats["errors"][:5],
        "submissions_per_s": rps,
        "post_p50_ms": persentil(stats["post_ms"], 50),
        "post_p95_ms": persentil(stats["post_ms"], 95),
        "get_p95_ms": persentil(stats["get_ms"], 95),
        "sums_equal_after_intake": sama,
        "units_written": len(ditulis),
        "sums_n_of_units_written": jumlah_n,
        "target_rps": TARGET_RPS,
    }
    res["ok"] = rps >= TARGET_RPS and not stats["errors"] and sama
    print(
        f"survey intake: {ok} submissions in {wall:.1f} s = {rps:.0f}/s with {args.threads} threads, stored "
        f"(incl. warm-up) {stored}, errors {len(stats['errors'])}; POST p95 {res['post_p95_ms'] or 0:.0f} ms; "
        f"sums equal to the answers after intake: {sama} [{'OK' if res['ok'] else 'MISSED'}: ≥ {TARGET_RPS:.0f}/s]",
        flush=True,
    )
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pemda", type=int, default=550)
    ap.add_argument("--unit", type=int, default=20_000)
    ap.add_argument("--indikator", type=int, default=200_000)
    ap.add_argument("--jawaban", type=int, default=10_000_000)
    ap.add_argument(
        "--jumlah-sesudah",
        action="store_true",
        help="disable the sums trigger during the COPY and fill the sums afterwards (ISI_ULANG)",
    )
    ap.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--max-seconds", type=float, default=60.0)
    ap.add_argument("--seconds", type=float, default=15.0, help="length of the survey intake run")
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-web", action="store_true")
    args = ap.parse_args(argv)
    if core.db_kind(args.database_url) != "postgresql":
        ap.error("bench_nasional needs a PostgreSQL --database-url")
    report = {
        "sizes": {
            "pemda": args.pemda,
            "unit": args.unit,
            "indikator": args.indikator,
            "jawaban": args.jawaban,
            "layanan_per_unit": LAYANAN,
            "periods": len(PERIODE),
        },
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "loadavg_start": os.getloadavg(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    with core.fresh_database(args.database_url, suffix="_nasional") as db_url:
        core._setup(db_url)
        info = prepare(args)
        ids = info.pop("ids")
        report["server"] = info.pop("server")
        report["data"] = info
        print(
            f"{report['server']}: {args.pemda} pemda, {args.unit} units, {args.indikator} indicators, "
            f"{args.jawaban} answers; generation {info['generation_s']:.1f} s (answers {info['times']['jawaban_s']:.1f} s "
            f"= {info['answers_per_s_loaded']:.0f}/s, mode: {info['mode']}); database {info['database_size']} "
            f"(skm_responden {info['responden_size']}, the three sums tables {info['jumlahjawaban_size']}, "
            f"{info['jumlahjawaban_size_after_load']} before VACUUM FULL, "
            f"{info['jumlah_rows']} rows)",
            flush=True,
        )
        report["ikm"] = bench_ikm(ids, args.repeat)
        report["explain"] = bench_explain(ids)
        if not args.skip_web:
            from organisasi.models import Instansi, Pemda

            kode = list(Pemda.objects.values_list("kode", flat=True))
            slugs = list(Instansi.objects.values_list("slug", flat=True))
            core._close_django()
            with bench_skm.gunicorn(db_url, args.workers) as port:
                report["api"] = bench_api(port, kode, args)
                report["intake"] = bench_intake(port, slugs, args)
        core._close_django()
    report["loadavg_end"] = os.getloadavg()
    core.OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = core.OUT_DIR / "nasional-postgresql.json"
    out.write_text(json.dumps(report, indent=2, default=str))
    print(f"report: {out.relative_to(ROOT)}")
    parts = [
        report["ikm"],
        report["explain"],
        report.get("api", {"ok": True}),
        report.get("intake", {"ok": True}),
    ]
    return 0 if all(p["ok"] for p in parts) else 1


if __name__ == "__main__":
    sys.exit(main())
