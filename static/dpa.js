// The DPA grid (anggaran/templates/anggaran/dpa.html): running totals as one types — each row's
// Σ anggaran kas TW1–TW4 and its selisih against the pagu (pagu perubahan, else pagu murni), and
// the column totals — and "Tambah baris" (a copy of the empty row, numbered after the last).
// The server computes the same figures when it renders the page and reads every number itself
// (rumus.angka, docs/rules.md §8); this script only shows them while typing. A cell it cannot
// read as rupiah shows "?" in the sums: the server will name the problem on saving.
(function () {
  "use strict";
  var format = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });

  // Rupiah typed the Indonesian (or English) way: "8.500.000.000", "8,500,000,000", "850.000",
  // "850,000" (a lone group of three digits is thousands in a rupiah column), "1.234.567,50",
  // "Rp 5.000.000". null when empty, NaN when not one number.
  function bacaRupiah(teks) {
    var t = (teks || "").replace(/\u00a0/g, " ").trim();
    if (!t) { return null; }
    var negatif = false;
    if (t.charAt(0) === "(" && t.charAt(t.length - 1) === ")") { negatif = true; t = t.slice(1, -1).trim(); }
    if (t.charAt(0) === "-" || t.charAt(0) === "\u2212") { negatif = !negatif; t = t.slice(1).trim(); }
    t = t.replace(/^rp\.?\s*/i, "").replace(/\s+/g, "");
    if (!/^[0-9][0-9.,]*$/.test(t) || !/[0-9]$/.test(t)) { return NaN; }
    var titik = (t.match(/\./g) || []).length, koma = (t.match(/,/g) || []).length, angka;
    var grup = function (s, tanda) {
      var p = s.split(tanda);
      return p[0].length >= 1 && p[0].length <= 3 && p.slice(1).every(function (x) { return x.length === 3; });
    };
    if (titik && koma) {
      var desimal = t.lastIndexOf(",") > t.lastIndexOf(".") ? "," : ".";
      var ribuan = desimal === "," ? "." : ",";
      var bagian = t.split(desimal);
      if (bagian.length !== 2 || !grup(bagian[0], ribuan)) { return NaN; }
      angka = Number(bagian[0].split(ribuan).join("") + "." + bagian[1]);
    } else if (titik > 1 || koma > 1) {
      var tanda = titik ? "." : ",";
      if (!grup(t, tanda)) { return NaN; }
      angka = Number(t.split(tanda).join(""));
    } else if (titik === 1 || koma === 1) {
      var p = t.split(titik ? "." : ",");
      angka = p[1].length === 3 ? Number(p[0] + p[1]) : Number(p[0] + "." + p[1]);
    } else {
      angka = Number(t);
    }
    return negatif ? -angka : angka;
  }

  function tulis(sel, nilai) {
    if (!sel) { return; }
    if (nilai === null) { sel.textContent = "-"; return; }
    sel.textContent = isNaN(nilai) ? "?" : "Rp " + format.format(nilai);
  }

  function nilaiBaris(tr, kolom) {
    var el = tr.querySelector('[data-dpa="' + kolom + '"]');
    return el ? bacaRupiah(el.value) : null;
  }

  function hitung(tabel) {
    var kolom = ["pagu_murni", "pagu", "kas_tw1", "kas_tw2", "kas_tw3", "kas_tw4"];
    var total = kolom.map(function () { return 0; }), totalPagu = 0;
    tabel.querySelectorAll("tbody tr.baris-dpa").forEach(function (tr) {
      var v = kolom.map(function (k) { return nilaiBaris(tr, k); });
      v.forEach(function (x, i) { total[i] += x === null ? 0 : x; });
      var kosong = v.every(function (x) { return x === null; });
      var kas = v.slice(2).reduce(function (a, x) { return a + (x === null ? 0 : x); }, 0);
      var pagu = v[1] !== null ? v[1] : (v[0] !== null ? v[0] : 0);
      totalPagu += pagu;
      tulis(tr.querySelector("[data-jumlah-kas]"), kosong ? null : kas);
      var sel = tr.querySelector("[data-selisih]");
      tulis(sel, kosong ? null : pagu - kas);
      if (sel) { sel.classList.toggle("warning", !kosong && pagu - kas !== 0); }
    });
    total[1] = totalPagu;  // under "pagu perubahan": the pagu in force (revised, else original)
    total.forEach(function (t, i) { tulis(tabel.querySelector('[data-total="' + i + '"]'), t); });
    var jumlahKas = total.slice(2).reduce(function (a, x) { return a + x; }, 0);
    tulis(tabel.querySelector('[data-total="kas"]'), jumlahKas);
    tulis(tabel.querySelector('[data-total="selisih"]'), totalPagu - jumlahKas);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.dpa");
    if (!form) { return; }
    var tabel = form.querySelector("table.dpa");
    form.addEventListener("input", function (e) { if (e.target.dataset.dpa) { hitung(tabel); } });
    var tombol = form.querySelector("button.tambah-baris");
    var templat = document.getElementById("templat-baris-dpa");
    var jumlahForm = form.querySelector('input[name$="-TOTAL_FORMS"]');
    if (tombol && templat && jumlahForm) {
      tombol.hidden = false;
      tombol.addEventListener("click", function () {
        var i = Number(jumlahForm.value);
        var html = templat.innerHTML.split("__prefix__").join(String(i)).split("__nomor__").join(String(i + 1));
        var tbody = tabel.querySelector("tbody");
        tbody.insertAdjacentHTML("beforeend", html);
        jumlahForm.value = String(i + 1);
        var baru = tbody.lastElementChild;
        if (window.htmx) { window.htmx.process(baru); }
        var masukan = baru.querySelector("input[list]");
        if (masukan) { masukan.focus(); }
      });
    }
    hitung(tabel);
  });
}());
