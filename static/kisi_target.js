// The Renstra targets grid (perencanaan/kisi_target.html): a range copied from a spreadsheet
// (rows separated by line breaks, cells by tabs) and pasted into a cell fills the grid from that
// cell, one row per indicator row and one column per year. The texts are put in as copied; the
// server reads them as numbers (rumus.angka: "97,8", "1.250.000"; an ambiguous "1.250" is refused
// with both readings) when the form is saved. Without script the grid is typed cell by cell.
(function () {
  "use strict";

  // "a\tb\r\nc\td\r\n" -> [["a", "b"], ["c", "d"]]; the spreadsheet's final line break is no row
  function potong(teks) {
    var baris = teks.replace(/\r\n?/g, "\n").split("\n");
    if (baris.length > 1 && baris[baris.length - 1] === "") { baris.pop(); }
    return baris.map(function (b) { return b.split("\t").map(function (s) { return s.trim(); }); });
  }

  function pasang(tabel) {
    // the grid as rows of cells (an archived cell has no input and is skipped over, keeping
    // the columns aligned with the years)
    var kisi = Array.prototype.map.call(tabel.tBodies[0].rows, function (tr) {
      return Array.prototype.slice.call(tr.cells, 2).map(function (td) { return td.querySelector("input"); });
    });
    tabel.addEventListener("paste", function (e) {
      var sel = e.target;
      if (!(sel instanceof HTMLInputElement)) { return; }
      var data = (e.clipboardData || window.clipboardData).getData("text");
      if (data.indexOf("\t") < 0 && data.indexOf("\n") < 0) { return; } // one value: paste as usual
      e.preventDefault();
      var r0 = -1, c0 = -1;
      kisi.forEach(function (baris, r) { var c = baris.indexOf(sel); if (c >= 0) { r0 = r; c0 = c; } });
      if (r0 < 0) { return; }
      var terisi = 0;
      potong(data).forEach(function (nilai, dr) {
        var baris = kisi[r0 + dr];
        if (!baris) { return; }
        nilai.forEach(function (v, dc) {
          var input = baris[c0 + dc];
          if (input) {
            input.value = v;
            input.dispatchEvent(new Event("input", { bubbles: true }));
            terisi += 1;
          }
        });
      });
      var info = document.getElementById("info-tempel");
      if (info) {
        info.textContent = (document.documentElement.lang === "en" ? "Cells filled: " : "Sel terisi: ") + terisi +
          (document.documentElement.lang === "en" ? ". Check, then Save." : ". Periksa, lalu Simpan.");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table[data-kisi-tempel]").forEach(pasang);
  });
})();
