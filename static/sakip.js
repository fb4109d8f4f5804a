// The page behaviour that would otherwise be inline script (the Content-Security-Policy allows
// scripts from our own static files only): a select that submits its form, a print button.
document.documentElement.classList.add("js");  // .js .tanpa-js: buttons only needed without script
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("select.kirim-saat-ganti").forEach(function (el) {
    el.addEventListener("change", function () { el.form.submit(); });
  });
  document.querySelectorAll("button.cetak-halaman").forEach(function (el) {
    el.addEventListener("click", function () { window.print(); });
  });
});
