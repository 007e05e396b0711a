// Selecting a highlight shows its item's fields in the detail box (no inline script:
// the page's Content-Security-Policy allows only scripts served from here).
(function () {
  "use strict";
  var detail = document.getElementById("detail");
  if (!detail) { return; }

  function select(itemId) {
    var card = document.querySelector('.items [data-card="' + CSS.escape(itemId) + '"]');
    if (!card) { return; }
    var copy = card.cloneNode(true);
    copy.id = "selected";
    copy.classList.add("open");
    detail.replaceChildren(copy);
    document.querySelectorAll("mark.hl.active").forEach(function (mark) {
      mark.classList.remove("active");
    });
    document.querySelectorAll('mark.hl[data-item="' + CSS.escape(itemId) + '"]').forEach(function (mark) {
      mark.classList.add("active");
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-select]");
    if (link) {
      event.preventDefault();
      select(link.getAttribute("data-select"));
      var first = document.querySelector('mark.hl[data-item="' + CSS.escape(link.getAttribute("data-select")) + '"]');
      if (first) { first.scrollIntoView({block: "center"}); }
      return;
    }
    var mark = event.target.closest("mark.hl");
    if (mark) { select(mark.getAttribute("data-item")); }
  });

  var chosen = detail.querySelector("[data-card]");
  if (chosen) {
    var itemId = chosen.getAttribute("data-card");
    document.querySelectorAll('mark.hl[data-item="' + CSS.escape(itemId) + '"]').forEach(function (mark) {
      mark.classList.add("active");
    });
    var first = document.querySelector('mark.hl.active');
    if (first) { first.scrollIntoView({block: "center"}); }
  }
})();
