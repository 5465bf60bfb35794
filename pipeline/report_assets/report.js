// Tolk report: optional keyboard help; every page works without it.
// n / j: next finding, p / k: previous finding; opening a link to a finding
// opens its panel. "?only-findings" and "?only-unreviewed" in the address tick
// those filters and
// "?open" opens every panel (for screenshots and printing).
(function () {
  "use strict";

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (el && el.tagName === "DETAILS") {
      el.open = true;
      var summary = el.querySelector("summary");
      if (summary) summary.focus();
    }
  }

  function marks() {
    return Array.prototype.filter.call(document.querySelectorAll("mark[tabindex]"), function (m) {
      return m.offsetParent !== null;
    });
  }

  function step(delta) {
    var all = marks();
    if (!all.length) return;
    var current = all.indexOf(document.activeElement);
    var next;
    if (current >= 0) {
      next = (current + delta + all.length) % all.length;
    } else {
      next = delta > 0 ? 0 : all.length - 1;
    }
    all[next].focus();
    all[next].scrollIntoView({ block: "center" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    if (event.key === "n" || event.key === "j") {
      step(1);
      event.preventDefault();
    } else if (event.key === "p" || event.key === "k") {
      step(-1);
      event.preventDefault();
    } else if (event.key === "Enter" && event.target.tagName === "MARK") {
      var panel = document.getElementById(event.target.getAttribute("data-finding"));
      if (panel) {
        panel.open = true;
        var summary = panel.querySelector("summary");
        if (summary) summary.focus();
      }
      event.preventDefault();
    }
  });

  var query = window.location.search;
  if (/[?&]only-findings\b/.test(query)) {
    var box = document.getElementById("only-findings");
    if (box) box.checked = true;
  }
  if (/[?&]only-unreviewed\b/.test(query)) {
    var drafts = document.getElementById("only-unreviewed");
    if (drafts) drafts.checked = true;
  }
  if (/[?&]open\b/.test(query)) {
    Array.prototype.forEach.call(document.querySelectorAll("details.finding"), function (d) {
      d.open = true;
    });
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
