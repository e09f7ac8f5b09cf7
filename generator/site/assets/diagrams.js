/* pbxdoc: diagrams pan and zoom inside the page (vendored svg-pan-zoom), open full screen with a
 * way back (the close button, Escape, or the browser's back button), and fit a phone's screen.
 * Plain DOM, no network. */
(function () {
  "use strict";
  if (typeof window.svgPanZoom !== "function") return;
  var READABLE = 0.8;  // the diagrams are drawn for A4; below this scale their text is too small to read

  Array.prototype.forEach.call(document.querySelectorAll("[data-pbxdoc-diagram]"), function (box, index) {
    var svg = box.querySelector("svg");
    if (!svg) return;
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    var zoom = window.svgPanZoom(svg, {
      zoomEnabled: true, panEnabled: true, controlIconsEnabled: true, dblClickZoomEnabled: true,
      mouseWheelZoomEnabled: true, preventMouseEventsDefault: true, zoomScaleSensitivity: 0.25,
      minZoom: 0.3, maxZoom: 20, fit: true, center: true
    });
    function readable() {
      zoom.resize(); zoom.fit(); zoom.center();
      var real = zoom.getSizes().realZoom;
      if (real < READABLE) zoom.zoom(READABLE / real);
    }
    readable();
    var full = box.querySelector("[data-pbxdoc-full]"), close = box.querySelector("[data-pbxdoc-close]");
    var reset = box.querySelector("[data-pbxdoc-reset]");
    var state = "pbxdoc-diagram-" + index;
    function open(push) {
      box.classList.add("pbxdoc-diagram--full");
      document.documentElement.classList.add("pbxdoc-noscroll");
      full.hidden = true; close.hidden = false; close.focus();
      if (push) history.pushState({ pbxdocDiagram: state }, "");
      readable();
    }
    function shut(pop) {
      if (!box.classList.contains("pbxdoc-diagram--full")) return;
      box.classList.remove("pbxdoc-diagram--full");
      document.documentElement.classList.remove("pbxdoc-noscroll");
      full.hidden = false; close.hidden = true; full.focus();
      if (!pop && history.state && history.state.pbxdocDiagram === state) history.back();
      readable();
    }
    full.addEventListener("click", function () { open(true); });
    close.addEventListener("click", function () { shut(false); });
    reset.addEventListener("click", readable);
    box.addEventListener("keydown", function (e) { if (e.key === "Escape") shut(false); });
    window.addEventListener("popstate", function () { shut(true); });
    window.addEventListener("resize", function () { zoom.resize(); });
  });
})();
