// The page behaviour that would otherwise be inline script (the Content-Security-Policy allows
// scripts from our own static files only): a select that submits its form, a print button.
document.documentElement.classList.add("js");  // .js .tanpa-js: buttons only needed without script
// A wide table scrolls inside its own focusable, named region instead of widening the page on a
// 360 px screen (axe-core: scrollable-region-focusable); tables already in .gulir are left alone.
function gulirTabel(akar) {
  akar.querySelectorAll("main table").forEach(function (t) {
    if (t.closest(".gulir")) { return; }
    var w = document.createElement("div");
    var judul = t.querySelector("caption");
    w.className = "gulir";
    w.tabIndex = 0;
    w.setAttribute("role", "region");
    w.setAttribute("aria-label", judul ? judul.textContent.trim() : (document.documentElement.lang === "en" ? "Table" : "Tabel"));
    t.parentNode.insertBefore(w, t);
    w.appendChild(t);
  });
}
document.addEventListener("htmx:afterSwap", function (e) { gulirTabel(e.target.closest("main") ? e.target : document); });
document.addEventListener("DOMContentLoaded", function () {
  gulirTabel(document);
  document.querySelectorAll("select.kirim-saat-ganti").forEach(function (el) {
    el.addEventListener("change", function () { el.form.submit(); });
  });
  // the inbox count in the top bar, read after the page so that no page pays for its queries
  document.querySelectorAll(".jumlah-kotak[data-url]").forEach(function (el) {
    fetch(el.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d || !d.jumlah) { return; }
        el.textContent = d.jumlah;
        el.title = d.label;
        var teks = document.createElement("span");
        teks.className = "visually-hidden";
        teks.textContent = " (" + d.label + ")";
        el.appendChild(teks);
        el.hidden = false;
      })
      .catch(function () {});
  });
  document.querySelectorAll("button.cetak-halaman").forEach(function (el) {
    el.addEventListener("click", function () { window.print(); });
  });
});
