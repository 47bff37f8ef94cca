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
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { panel.hidden = true; } });
  // Where each mark landed, for checking: the line and column of its first
  // character (columns count code points) and whether it shows on screen.
  try {
    var width = document.documentElement.clientWidth;
    document.querySelectorAll("mark[data-line]").forEach(function (m) {
      var line = m.closest(".line"), src = line.querySelector(".src");
      var r = document.createRange();
      r.setStart(src, 0);
      r.setEnd(m, 0);
      var text = "";
      document.querySelectorAll('mark[data-key="' + m.getAttribute("data-key") + '"]').forEach(function (p) { text += p.textContent; });
      m.setAttribute("data-got", line.getAttribute("data-n") + ":" + (Array.from(r.toString()).length + 1));
      m.setAttribute("data-got-len", String(new TextEncoder().encode(text).length));
      var b = m.getBoundingClientRect();
      m.setAttribute("data-shown", b.width > 0 && b.height > 0 && b.left >= 0 && b.right <= width + 1 ? "1" : "0");
    });
  } catch (e) { fail(e); }
  // page.html#focus=m-c-c1 focuses that mark, so that its details show
  // (a plain #m-c-c1 scrolls to it as any fragment does).
  var want = /^#focus=(.+)$/.exec(location.hash);
  var target = want && document.getElementById(decodeURIComponent(want[1]));
  if (target && target.matches("mark[tabindex]")) { target.focus({ preventScroll: true }); }
  root.setAttribute("data-ready", "1");
})();
