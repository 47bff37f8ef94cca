"use strict";
(function () {
  var root = document.documentElement, errors = [];
  function fail(msg) { errors.push(String(msg)); root.setAttribute("data-errors", errors.join("\n")); }
  window.addEventListener("error", function (e) { fail(e.message); });
  document.addEventListener("securitypolicyviolation", function (e) { fail("blocked by the page's policy: " + e.violatedDirective); });
  var panel = document.getElementById("panel"), body = document.getElementById("panel-body");
  function show(mark) {
    var d = document.getElementById("d-" + mark.getAttribute("data-key"));
    var notes = (mark.getAttribute("aria-describedby") || "").split(" ");
    body.replaceChildren();
    notes.forEach(function (id) {
      var n = document.getElementById(id);
      if (n && n !== d && n.classList.contains("note")) { var c = n.cloneNode(true); c.removeAttribute("id"); body.appendChild(c); }
    });
    if (d) { var c = d.cloneNode(true); c.removeAttribute("id"); body.appendChild(c); }
    panel.hidden = body.childNodes.length === 0;
  }
  document.addEventListener("focusin", function (e) {
    var m = e.target.closest && e.target.closest("mark[data-key]");
    if (m) { show(m); }
  });
  document.getElementById("panel-close").addEventListener("click", function () { panel.hidden = true; });
  var toggle = document.getElementById("markup-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var hide = document.getElementById("source").classList.toggle("hide-markup");
      toggle.setAttribute("aria-pressed", hide ? "true" : "false");
    });
  }
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { panel.hidden = true; } });
  // page.html#focus=m-c-c1 focuses that mark, so that its details show
  // (a plain #m-c-c1 scrolls to it as any fragment does); #measure records
  // where each mark landed, for tests: the line and column of its first
  // character (columns count code points), the bytes of its text (its
  // parts joined) and whether it shows on screen.
  var opts = {};
  location.hash.slice(1).split("&").forEach(function (kv) {
    var i = kv.indexOf("=");
    if (kv) { try { opts[i < 0 ? kv : kv.slice(0, i)] = i < 0 ? "1" : decodeURIComponent(kv.slice(i + 1)); } catch (e) { /* a malformed fragment is ignored */ } }
  });
  // #markup=hide opens the page of an HTML input with its markup hidden
  if (opts.markup === "hide" && toggle) { toggle.click(); }
  if (opts.measure) {
    try {
      var width = document.documentElement.clientWidth, texts = {}, firsts = [];
      document.querySelectorAll("mark[data-key]").forEach(function (m) {
        var k = m.getAttribute("data-key");
        texts[k] = (texts[k] || "") + m.textContent;
        if (m.hasAttribute("data-line")) { firsts.push(m); }
      });
      firsts.forEach(function (m) {
        var line = m.closest(".line"), r = document.createRange();
        r.setStart(line.querySelector(".src"), 0);
        r.setEnd(m, 0);
        m.setAttribute("data-got", line.getAttribute("data-n") + ":" + (Array.from(r.toString()).length + 1));
        m.setAttribute("data-got-len", String(new TextEncoder().encode(texts[m.getAttribute("data-key")]).length));
        var b = m.getBoundingClientRect();
        m.setAttribute("data-shown", b.width > 0 && b.height > 0 && b.left >= 0 && b.right <= width + 1 ? "1" : "0");
      });
    } catch (e) { fail(e); }
  }
  var target = opts.focus && document.getElementById(opts.focus);
  if (target && target.matches("mark[tabindex]")) { target.focus({ preventScroll: true }); }
  root.setAttribute("data-ready", "1");
})();
