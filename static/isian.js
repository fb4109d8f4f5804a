// Nothing typed is lost (docs/antarmuka.md, "Typed input"):
// 1. A form marked data-jaga-perubahan asks before the page is left while it holds unsaved
//    changes (beforeunload); submitting the form itself does not ask.
// 2. A long form marked data-draf="<key>" keeps a draft of what is typed in this browser's
//    localStorage (every few seconds while typing). When the page is opened again and the draft
//    differs from what the server shows, a notice offers to restore or discard it; a draft equal
//    to the page (it was saved) is dropped silently. Logging out removes every draft.
// Served as a static file: the Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  var AWALAN = "sakip-draf:";
  var kotor = new Set();

  function bidang(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && el.type !== "file" &&
        el.type !== "submit" && el.type !== "button";
    });
  }

  function nilai(el) {
    return el.type === "checkbox" || el.type === "radio" ? (el.checked ? el.value : "") : el.value;
  }

  function tulis(el, v) {
    if (el.type === "checkbox" || el.type === "radio") { el.checked = v === el.value; } else { el.value = v; }
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function potret(form) {
    var isi = {};
    bidang(form).forEach(function (el) {
      if (el.type === "radio" && !el.checked) { return; }
      isi[el.name] = nilai(el);
    });
    return isi;
  }

  function sama(form, isi) {
    // only what the user sees counts (hidden version tokens may differ)
    return bidang(form).every(function (el) {
      if (el.type === "hidden" || !(el.name in isi)) { return true; }
      if (el.type === "radio") { return !el.checked || isi[el.name] === el.value; }
      return isi[el.name] === nilai(el);
    });
  }

  function jaga(form) {
    var tandai = function () { kotor.add(form); };
    form.addEventListener("input", tandai);
    form.addEventListener("change", tandai);
    form.addEventListener("submit", function () { kotor.delete(form); });
  }

  function draf(form) {
    var kunci = AWALAN + form.dataset.draf;
    var waktu = null;
    var catat = function () {
      try {
        localStorage.setItem(kunci, JSON.stringify({ waktu: new Date().toISOString(), isi: potret(form) }));
      } catch (e) { /* storage full or disabled: the unsaved-changes question still protects */ }
    };
    form.addEventListener("input", function () {
      clearTimeout(waktu);
      waktu = setTimeout(catat, 1500);
    });
    // the latest text is kept when the form is sent: if the save never arrives (the session
    // expired, the network failed) the next visit offers it; once saved it equals the page
    form.addEventListener("submit", function () { clearTimeout(waktu); catat(); });
    var simpanan = null;
    try { simpanan = JSON.parse(localStorage.getItem(kunci) || "null"); } catch (e) { simpanan = null; }
    if (!simpanan || !simpanan.isi) { return; }
    if (sama(form, simpanan.isi)) { localStorage.removeItem(kunci); return; }
    var kotak = document.createElement("div");
    kotak.className = "draf-tersedia";
    kotak.setAttribute("role", "status");
    var p = document.createElement("p");
    var t = new Date(simpanan.waktu);
    p.textContent = (form.dataset.drafTeks || "") + " " + t.toLocaleString(document.documentElement.lang === "en" ? "en-GB" : "id-ID");
    var pulihkan = document.createElement("button");
    pulihkan.type = "button";
    pulihkan.className = "btn btn-sm btn-primary";
    pulihkan.textContent = form.dataset.drafPulihkan || "Pulihkan";
    var buang = document.createElement("button");
    buang.type = "button";
    buang.className = "btn btn-sm btn-outline-dark";
    buang.textContent = form.dataset.drafBuang || "Buang";
    pulihkan.addEventListener("click", function () {
      bidang(form).forEach(function (el) {
        if (el.name in simpanan.isi) { tulis(el, simpanan.isi[el.name]); }
      });
      kotor.add(form);
      kotak.remove();
    });
    buang.addEventListener("click", function () { localStorage.removeItem(kunci); kotak.remove(); });
    kotak.appendChild(p);
    kotak.appendChild(pulihkan);
    kotak.appendChild(document.createTextNode(" "));
    kotak.appendChild(buang);
    form.parentNode.insertBefore(kotak, form);
  }

  window.addEventListener("beforeunload", function (e) {
    if (kotor.size) { e.preventDefault(); e.returnValue = ""; }
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-jaga-perubahan]").forEach(jaga);
    document.querySelectorAll("form[data-draf]").forEach(draf);
    document.querySelectorAll("form[action$='/akun/keluar/']").forEach(function (f) {
      f.addEventListener("submit", function () {
        Object.keys(localStorage).forEach(function (k) { if (k.indexOf(AWALAN) === 0) { localStorage.removeItem(k); } });
      });
    });
  });
})();
