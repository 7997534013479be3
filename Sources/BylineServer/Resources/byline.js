// Byline's article view: clicking (or pressing Enter on) a highlighted fact shows its details
// in the fact panel. Details are read from the element's data-details attribute and written
// with textContent only, so nothing from the article is ever parsed as HTML.
(function () {
  "use strict";
  function show(element) {
    var list = document.getElementById("fact-details");
    if (!list) { return; }
    while (list.firstChild) { list.removeChild(list.firstChild); }
    (element.getAttribute("data-details") || "").split("\n").forEach(function (line) {
      var cut = line.indexOf(": ");
      if (cut < 0) { return; }
      var term = document.createElement("dt");
      term.textContent = line.slice(0, cut);
      var value = document.createElement("dd");
      value.textContent = line.slice(cut + 2);
      list.appendChild(term);
      list.appendChild(value);
    });
    var previous = document.querySelectorAll(".selected");
    for (var i = 0; i < previous.length; i++) { previous[i].classList.remove("selected"); }
    element.classList.add("selected");
  }
  function handle(event) {
    if (event.type === "keydown" && event.key !== "Enter") { return; }
    var target = event.target.closest ? event.target.closest("[data-details]") : null;
    if (target) { show(target); event.stopPropagation(); }
  }
  document.addEventListener("click", handle);
  document.addEventListener("keydown", handle);
}());
