// Sort any table.sortable by clicking a column header; filter rows by text and by status.
// Plain DOM, no library, no request: the page works from disk and without this script.
(function () {
  "use strict";
  function key(cell) {
    var v = cell.getAttribute("data-sort");
    return v === null ? cell.textContent.trim() : v;
  }
  function sortBy(table, index, header) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (th.hasAttribute("aria-sort")) th.setAttribute("aria-sort", "none");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    // Read each row's key once (1,000 rows sort in a blink), as numbers when the whole column is.
    var keyed = Array.prototype.map.call(body.rows, function (row) { return [key(row.cells[index]), row]; });
    var numeric = keyed.every(function (k) { return k[0] !== "" && isFinite(k[0]); });
    if (numeric) keyed.forEach(function (k) { k[0] = parseFloat(k[0]); });
    var collator = new Intl.Collator(document.documentElement.lang, {numeric: true, sensitivity: "base"});
    keyed.sort(function (a, b) {
      var c = numeric ? a[0] - b[0] : collator.compare(a[0], b[0]);
      return ascending ? c : -c;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (k) { fragment.appendChild(k[1]); });
    body.appendChild(fragment);
  }
  function applyFilters(id) {
    var table = document.getElementById(id);
    var text = document.querySelector('[data-filter="' + id + '"]');
    var status = document.querySelector('[data-status-filter="' + id + '"]');
    var needle = text ? text.value.trim().toLowerCase() : "";
    var wanted = status ? status.value : "";
    var shown = 0, rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var tags = (rows[i].getAttribute("data-status") || "").split(" ");
      var visible = (!needle || rows[i].textContent.toLowerCase().indexOf(needle) !== -1) && (!wanted || tags.indexOf(wanted) !== -1);
      rows[i].hidden = !visible;
      if (visible) shown++;
    }
    var count = document.getElementById(id + "-count");
    if (count) count.textContent = count.getAttribute("data-template").replace("{shown}", shown).replace("{total}", rows.length);
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = th.querySelector("button");
      if (button) button.addEventListener("click", function () { sortBy(table, index, th); });
    });
    if (document.getElementById(table.id + "-count")) applyFilters(table.id);
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-filter], [data-status-filter]"), function (control) {
    var id = control.getAttribute("data-filter") || control.getAttribute("data-status-filter");
    control.addEventListener("input", function () { applyFilters(id); });
    control.addEventListener("change", function () { applyFilters(id); });
  });
})();
