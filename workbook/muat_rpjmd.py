"""The importer's loaders of the pemda-level sheets (``rpjmd`` … ``rpjmd_kontribusi``), mixed into
``workbook.importer._Loader`` (same helpers: ``err``, ``upsert``, ``get_instansi``, ``map``).

The plan's rows are keyed by the pemda's kode and the plan's kode; a unit's link
(``rpjmd_kontribusi``) names its own tujuan or sasaran (``level`` + ``unsur``) and a sasaran of a
plan of the unit's pemda. Every problem names its sheet, row, column and rule."""

from __future__ import annotations

from rpjmd.models import IndikatorPemda, Kontribusi, Misi, Rpjmd, SasaranPemda, TargetPemda, TujuanPemda

RPJMD_SHEETS = ("rpjmd", "rpjmd_misi", "rpjmd_tujuan", "rpjmd_sasaran", "rpjmd_indikator", "rpjmd_target")
MAKS_PERIODE = 10  # years of one plan at most (rpjmd.models.Rpjmd.clean)


class MuatRpjmd:
    def _rpjmd_maps(self) -> dict:
        """Stored plans of the pemda the workbook names (by its sheets or its units), keyed by
        (pemda id, kode), and their items keyed by (rpjmd id, kode). Read once."""
        if getattr(self, "_rpjmd", None) is None:
            pemda_ids = {p.id for p in self.pemda.values() if p.id} | {
                i.pemda_id for i in self.instansi.values() if i.id
            }
            rencana = {(o.pemda_id, o.kode): o for o in Rpjmd.objects.filter(pemda_id__in=pemda_ids)}
            ids = [o.id for o in rencana.values()]
            self._rpjmd = {
                "rpjmd": rencana,
                "rpjmd_misi": {(o.rpjmd_id, o.kode): o for o in Misi.objects.filter(rpjmd_id__in=ids)},
                "rpjmd_tujuan": {
                    (o.rpjmd_id, o.kode): o for o in TujuanPemda.objects.filter(rpjmd_id__in=ids)
                },
                "rpjmd_sasaran": {
                    (o.rpjmd_id, o.kode): o for o in SasaranPemda.objects.filter(rpjmd_id__in=ids)
                },
                "rpjmd_indikator": {
                    (o.rpjmd_id, o.kode): o for o in IndikatorPemda.objects.filter(rpjmd_id__in=ids)
                },
                "rpjmd_target": {
                    (o.indikator_id, o.tahun): o
                    for o in TargetPemda.objects.filter(indikator__rpjmd_id__in=ids)
                },
            }
        return self._rpjmd

    def _pemda_baris(self, r):
        pemda = self.pemda.get(r["pemda"])
        if pemda is None or pemda.id is None:
            self.err(r, "pemda", f'unknown pemda "{r["pemda"]}" (not in sheet pemda nor in the database)')
            return None
        return pemda

    def _rencana(self, r, pemda_id, kolom="rpjmd"):
        obj = self._rpjmd_maps()["rpjmd"].get((pemda_id, r[kolom]))
        if obj is None or obj.id is None:
            self.err(
                r, kolom, f'unknown rpjmd "{r[kolom]}" of the pemda (not in sheet rpjmd nor in the database)'
            )
            return None
        return obj

    def _item(self, r, kolom, sheet, rencana, label):
        obj = self._rpjmd_maps()[sheet].get((rencana.id, r[kolom]))
        if obj is None or obj.id is None:
            self.err(r, kolom, f'unknown {label} "{r[kolom]}" of rpjmd {rencana.kode}')
            return None
        return obj

    def load_rpjmd(self, rows):
        items = []
        periode: dict[int, list] = {}
        for r in rows:
            pemda = self._pemda_baris(r)
            if pemda is None:
                continue
            awal, akhir = r["tahun_awal"], r["tahun_akhir"]
            if akhir < awal:
                self.err(r, "tahun_akhir", f"tahun_akhir {akhir} is before tahun_awal {awal}")
                continue
            if akhir - awal >= MAKS_PERIODE:
                self.err(r, "tahun_akhir", f"a plan covers at most {MAKS_PERIODE} years ({awal}-{akhir})")
                continue
            periode.setdefault(pemda.id, []).append((r, awal, akhir))
            values = {
                "pemda": pemda,
                "kode": r["kode"],
                "jenis": r["jenis"],
                "nama": r["nama"],
                "tahun_awal": awal,
                "tahun_akhir": akhir,
                "visi": r["visi"] or "",
            }
            items.append((r, (pemda.id, r["kode"]), values))
        # the periods of one pemda's plans do not overlap (rpjmd.services.simpan_rpjmd)
        ada = self._rpjmd_maps()["rpjmd"]
        for pemda_id, daftar in periode.items():
            kode_baris = {r["kode"] for r, _a, _b in daftar}
            lain = [
                (o.kode, o.tahun_awal, o.tahun_akhir)
                for (pid, k), o in ada.items()
                if pid == pemda_id and k not in kode_baris
            ]
            semua = [(r["kode"], a, b) for r, a, b in daftar] + lain
            for r, a, b in daftar:
                for kode, a2, b2 in semua:
                    if kode != r["kode"] and a <= b2 and a2 <= b:
                        self.err(
                            r, "tahun_awal", f"period {a}-{b} overlaps rpjmd {kode} ({a2}-{b2}) of the pemda"
                        )
                        break
        self.upsert("rpjmd", Rpjmd, items, ada)

    def _baris_rencana(self, rows):
        """(row, plan) for each row whose pemda and plan are known."""
        for r in rows:
            pemda = self._pemda_baris(r)
            rencana = pemda and self._rencana(r, pemda.id)
            if rencana:
                yield r, rencana

    def load_rpjmd_misi(self, rows):
        items = [
            (
                r,
                (p.id, r["kode"]),
                {"rpjmd": p, "kode": r["kode"], "uraian": r["uraian"], "urutan": r["urutan"]},
            )
            for r, p in self._baris_rencana(rows)
        ]
        self.upsert("rpjmd_misi", Misi, items, self._rpjmd_maps()["rpjmd_misi"])

    def load_rpjmd_tujuan(self, rows):
        items = []
        for r, p in self._baris_rencana(rows):
            misi = None
            if r["misi"]:
                misi = self._item(r, "misi", "rpjmd_misi", p, "misi")
                if misi is None:
                    continue
            values = {
                "rpjmd": p,
                "kode": r["kode"],
                "uraian": r["uraian"],
                "misi": misi,
                "urutan": r["urutan"],
            }
            items.append((r, (p.id, r["kode"]), values))
        self.upsert("rpjmd_tujuan", TujuanPemda, items, self._rpjmd_maps()["rpjmd_tujuan"])

    def load_rpjmd_sasaran(self, rows):
        items = []
        for r, p in self._baris_rencana(rows):
            tujuan = self._item(r, "tujuan", "rpjmd_tujuan", p, "tujuan")
            if tujuan is None:
                continue
            values = {
                "rpjmd": p,
                "tujuan": tujuan,
                "kode": r["kode"],
                "uraian": r["uraian"],
                "urutan": r["urutan"],
            }
            items.append((r, (p.id, r["kode"]), values))
        self.upsert("rpjmd_sasaran", SasaranPemda, items, self._rpjmd_maps()["rpjmd_sasaran"])

    def load_rpjmd_indikator(self, rows):
        items = []
        for r, p in self._baris_rencana(rows):
            sheet = "rpjmd_tujuan" if r["level"] == "tujuan" else "rpjmd_sasaran"
            induk = self._item(r, "induk", sheet, p, r["level"])
            if induk is None:
                continue
            values = {
                "rpjmd": p,
                "kode": r["kode"],
                "nama": r["nama"],
                "level": r["level"],
                "tujuan": induk if r["level"] == "tujuan" else None,
                "sasaran": induk if r["level"] == "sasaran" else None,
                "satuan": r["satuan"],
                "polaritas": r["polaritas"],
                "formulasi": r["formulasi"] or "",
                "urutan": r["urutan"],
            }
            items.append((r, (p.id, r["kode"]), values))
        self.upsert("rpjmd_indikator", IndikatorPemda, items, self._rpjmd_maps()["rpjmd_indikator"])

    def load_rpjmd_target(self, rows):
        items = []
        for r, p in self._baris_rencana(rows):
            ind = self._item(r, "indikator", "rpjmd_indikator", p, "indikator")
            if ind is None:
                continue
            if not p.tahun_awal <= r["tahun"] <= p.tahun_akhir:
                self.err(
                    r,
                    "tahun",
                    f"tahun {r['tahun']} is outside rpjmd {p.kode} ({p.tahun_awal}-{p.tahun_akhir})",
                )
                continue
            if r["nilai_atas"] is not None and r["nilai_atas"] < r["nilai"]:
                self.err(r, "nilai_atas", f"nilai_atas {r['nilai_atas']} is below nilai {r['nilai']}")
                continue
            values = {
                "indikator": ind,
                "tahun": r["tahun"],
                "nilai": r["nilai"],
                "nilai_atas": r["nilai_atas"],
            }
            items.append((r, (ind.id, r["tahun"]), values))
        self.upsert("rpjmd_target", TargetPemda, items, self._rpjmd_maps()["rpjmd_target"])

    def load_rpjmd_kontribusi(self, rows):
        existing = {
            (
                o.instansi_id,
                "tujuan" if o.tujuan_id else "sasaran",
                o.tujuan_id or o.sasaran_id,
                o.sasaran_pemda_id,
            ): o
            for o in Kontribusi.objects.filter(instansi_id__in=self._ids())
        }
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            rencana = ins and self._rencana(r, ins.pemda_id)
            sp = rencana and self._item(r, "sasaran_pemda", "rpjmd_sasaran", rencana, "sasaran")
            if not sp:
                continue
            unsur = self.map(r["level"]).get((ins.id, r["unsur"]))
            if unsur is None:
                self.err(r, "unsur", f'unknown {r["level"]} "{r["unsur"]}" of instansi {ins.slug}')
                continue
            values = {
                "instansi": ins,
                "sasaran_pemda": sp,
                "tujuan": unsur if r["level"] == "tujuan" else None,
                "sasaran": unsur if r["level"] == "sasaran" else None,
                "uraian": r["uraian"],
            }
            items.append((r, (ins.id, r["level"], unsur.id, sp.id), values))
        self.upsert("rpjmd_kontribusi", Kontribusi, items, existing)
