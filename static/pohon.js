// The pohon kinerja page: open/close every node and zoom the tree. Without script the tree is a
// nested list of <details> elements, each opened and closed by its own summary.
document.addEventListener("DOMContentLoaded", function () {
  var pohon = document.getElementById("pohon");
  if (!pohon) { return; }
  var skala = 1;
  var label = document.getElementById("pohon-skala");
  function atur(s) {
    skala = Math.min(2, Math.max(0.3, Math.round(s * 10) / 10));
    pohon.style.setProperty("--skala", String(skala));
    pohon.firstElementChild.style.transform = "scale(" + skala + ")";
    if (label) { label.textContent = Math.round(skala * 100) + " %"; }
  }
  document.querySelectorAll("[data-pohon]").forEach(function (b) {
    b.addEventListener("click", function () {
      var aksi = b.dataset.pohon;
      if (aksi === "buka" || aksi === "tutup") {
        // a unit of the pemda page (details[hx-get]) is not opened by "Buka semua": each opening
        // fetches its subtree; open units one by one
        pohon.querySelectorAll("details").forEach(function (d) {
          if (aksi === "tutup" || !d.hasAttribute("hx-get")) { d.open = aksi === "buka"; }
        });
      } else if (aksi === "perbesar") { atur(skala + 0.1); } else { atur(skala - 0.1); }
    });
  });
});
