/* pbxdoc: sortable, filterable, paged tables (tables inside <div class="sortable">).
 * Plain DOM, no dependency, no network. Labels come from #pbxdoc-labels (translations). */
(function () {
  "use strict";
  var PAGE_SIZE = 50;
  var labelsNode = document.getElementById("pbxdoc-labels");
  var labels = labelsNode ? JSON.parse(labelsNode.textContent) : {};
  function label(key, values) {
    var text = labels[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });

  function enhance(table, index) {
    var body = table.tBodies[0];
    if (!body || !table.tHead) return;
    var rows = Array.prototype.slice.call(body.rows);
    var state = { query: "", page: 0, column: -1, descending: false };
    rows.forEach(function (row) { row._pbxdocText = fold(row.textContent); });

    var bar = document.createElement("div");
    bar.className = "pbxdoc-table-bar";
    var input = document.createElement("input");
    input.type = "search";
    input.id = "pbxdoc-filter-" + index;
    input.placeholder = label("filter_placeholder");
    input.setAttribute("aria-label", label("filter"));
    var status = document.createElement("span");
    status.className = "pbxdoc-table-status";
    status.setAttribute("aria-live", "polite");
    bar.appendChild(input);
    bar.appendChild(status);
    var pager = document.createElement("div");
    pager.className = "pbxdoc-pager";
    var previous = button(label("previous"), function () { state.page -= 1; render(); });
    var pageInfo = document.createElement("span");
    var next = button(label("next"), function () { state.page += 1; render(); });
    pager.appendChild(previous); pager.appendChild(pageInfo); pager.appendChild(next);
    var holder = table.closest(".sortable") || table.parentNode;
    holder.insertBefore(bar, holder.firstChild);
    holder.appendChild(pager);

    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, column) {
      var sort = button("", function () {
        state.descending = state.column === column ? !state.descending : false;
        state.column = column;
        rows.sort(function (a, b) {
          var order = collator.compare(a.cells[column] ? a.cells[column].textContent.trim() : "", b.cells[column] ? b.cells[column].textContent.trim() : "");
          return state.descending ? -order : order;
        });
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
        cell.setAttribute("aria-sort", state.descending ? "descending" : "ascending");
        rows.forEach(function (row) { body.appendChild(row); });
        render();
      });
      sort.className = "pbxdoc-sort";
      sort.title = label("sort");
      while (cell.firstChild) sort.appendChild(cell.firstChild);
      cell.appendChild(sort);
    });
    input.addEventListener("input", function () { state.query = fold(input.value.trim()); state.page = 0; render(); });

    function button(text, action) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      b.addEventListener("click", action);
      return b;
    }
    function render() {
      var matching = rows.filter(function (row) { return !state.query || row._pbxdocText.indexOf(state.query) !== -1; });
      var pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
      state.page = Math.min(Math.max(state.page, 0), pages - 1);
      var first = state.page * PAGE_SIZE, visible = new Set(matching.slice(first, first + PAGE_SIZE));
      var kept = new Set(matching);
      rows.forEach(function (row) {  // paged-out rows still print (see pbxdoc.css)
        row.hidden = !kept.has(row);
        row.classList.toggle("pbxdoc-paged-out", kept.has(row) && !visible.has(row));
      });
      status.textContent = label("shown", { shown: matching.length, total: rows.length });
      pageInfo.textContent = label("page", { page: state.page + 1, pages: pages });
      previous.disabled = state.page === 0;
      next.disabled = state.page >= pages - 1;
      pager.hidden = pages < 2;
    }
    render();
  }

  Array.prototype.forEach.call(document.querySelectorAll(".sortable table"), enhance);
})();
