/* pbxdoc: sortable, filterable, paged tables: those inside <div class="sortable"> and every other
 * table of LONG_TABLE rows or more. On a phone, tables of STACK_COLUMNS columns or more show each
 * row as a card with its labels. A link to a row's anchor (a person of the directory, from the
 * search) opens the page of the table that holds it and highlights the row.
 * Plain DOM, no dependency, no network. Labels come from #pbxdoc-labels (translations). */
(function () {
  "use strict";
  var PAGE_SIZE = 50, LONG_TABLE = 12, STACK_COLUMNS = 4;
  var enhanced = [];
  var labelsNode = document.getElementById("pbxdoc-labels");
  var labels = labelsNode ? JSON.parse(labelsNode.textContent) : {};
  // ICU plural blocks of the catalogue ({total, plural, one {# row} other {# rows}}), each
  // branch chosen by the browser's CLDR rules for the page's language, as pbxdoc does in Python.
  function plurals(text, values) {
    var rules = new Intl.PluralRules(document.documentElement.lang || "en");
    var block = /\{(\w+), *plural, */g, out = "", from = 0, match;
    while ((match = block.exec(text)) !== null) {
      var value = values[match[1]], branches = {}, i = block.lastIndex;
      while (text[i] !== "}") {
        if (text[i] === " ") { i += 1; continue; }
        var open = text.indexOf("{", i), depth = 1, j = open + 1;
        while (depth) { depth += text[j] === "{" ? 1 : text[j] === "}" ? -1 : 0; j += 1; }
        branches[text.slice(i, open).trim()] = text.slice(open + 1, j - 1);
        i = j;
      }
      var chosen = branches["=" + value] || branches[rules.select(Number(value))] || branches.other;
      out += text.slice(from, match.index) + chosen.split("#").join(String(value));
      from = block.lastIndex = i + 1;
    }
    return out + text.slice(from);
  }
  function label(key, values) {
    var text = plurals(labels[key] || key, values || {});
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  // A row's text as typed into the filter: accents folded, and each number also as bare digits and
  // dialled nationally (+41 21 555 12 34 -> 41215551234, 0215551234).
  function searchable(row) {
    var text = fold(row.textContent);
    Array.prototype.forEach.call(row.cells, function (cell) {
      var digits = cell.textContent.replace(/[^0-9+]/g, "");
      if (/^\+?[0-9]{6,}$/.test(digits)) {
        text += " " + digits.replace("+", "");
        if (digits.indexOf("+41") === 0) text += " 0" + digits.slice(3);
      }
    });
    return text;
  }
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });

  function enhance(table, index) {
    var body = table.tBodies[0];
    if (!body || !table.tHead) return;
    var rows = Array.prototype.slice.call(body.rows);
    var state = { query: "", page: 0, column: -1, descending: false };
    rows.forEach(function (row) { row._pbxdocText = searchable(row); });

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
    // A table of its own (not in a .sortable block) gets a block to hold its bar and pager: material
    // wraps tables for scrolling only after this script has run.
    var holder = table.closest(".sortable");
    if (!holder) {
      holder = document.createElement("div");
      holder.className = "pbxdoc-table";
      table.parentNode.insertBefore(holder, table);
      holder.appendChild(table);
    }
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
    function show(row) {
      input.value = ""; state.query = "";
      var index = rows.indexOf(row);
      if (index < 0) return;
      state.page = Math.floor(index / PAGE_SIZE);
      render();
    }
    enhanced.push({ table: table, show: show });
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

  var tables = Array.prototype.filter.call(document.querySelectorAll(".md-typeset table"), function (table) {
    if (table.closest(".facts")) return false;
    return table.closest(".sortable") || (table.tBodies[0] && table.tBodies[0].rows.length >= LONG_TABLE);
  });
  tables.forEach(enhance);

  // Phones: a wide table becomes one card per row, each cell labelled with its column.
  Array.prototype.forEach.call(document.querySelectorAll(".md-typeset table"), function (table) {
    if (table.closest(".facts") || !table.tHead || table.tHead.rows[0].cells.length < STACK_COLUMNS) return;
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) { return cell.textContent.trim(); });
    table.setAttribute("data-pbxdoc-stack", "");  // not a class: material styles only tables without one
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          if (!headers[i]) return;
          cell.setAttribute("data-label", headers[i]);
          // The card is a grid of label and value: the value's text, links and highlights go in one
          // holder, else each would be a grid item of its own ("mtx-pbx-01 + vev-pbx-01" on three lines).
          if (!cell.firstChild) return;
          var value = document.createElement("span");
          value.className = "pbxdoc-cell";
          while (cell.firstChild) value.appendChild(cell.firstChild);
          cell.appendChild(value);
        });
      });
    });
  });

  // The row a link points at (#person-...): shown on its page of the table, highlighted.
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    var row = target && target.closest("tr");
    if (!row) return;
    Array.prototype.forEach.call(document.querySelectorAll("tr.pbxdoc-target"), function (r) { r.classList.remove("pbxdoc-target"); });
    enhanced.forEach(function (e) { if (e.table.contains(row)) e.show(row); });
    row.classList.add("pbxdoc-target");
    row.setAttribute("tabindex", "-1");
    row.scrollIntoView({ block: "center" });
    row.focus({ preventScroll: true });
  }
  reveal();
  window.addEventListener("hashchange", reveal);

  // Wide tables scroll sideways inside material's wrapper: keyboard users must reach it too.
  function focusableScrollers() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])"), function (wrap) {
      wrap.tabIndex = 0;
    });
  }
  focusableScrollers();
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(focusableScrollers);
})();
