/* pbxdoc: diagrams pan and zoom inside the page (vendored svg-pan-zoom), open full screen with a
 * way back (the close button, Escape, or the browser's back button), and fit a phone's screen.
 * Plain DOM, no network. */
(function () {
  "use strict";
  if (typeof window.svgPanZoom !== "function") return;
  var READABLE_PX = 11;  // the diagrams are drawn for A4: fitted to a screen, their small text is 3 to 6 px high

  Array.prototype.forEach.call(document.querySelectorAll("[data-pbxdoc-diagram]"), function (box, index) {
    var svg = box.querySelector("svg");
    if (!svg) return;
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    var fitted = textHeight();  // measured as the browser fits the drawing, before svg-pan-zoom takes over
    var zoom = window.svgPanZoom(svg, {
      zoomEnabled: true, panEnabled: true, controlIconsEnabled: false, dblClickZoomEnabled: true,  // our buttons: translated, off the drawing
      mouseWheelZoomEnabled: true, preventMouseEventsDefault: true, zoomScaleSensitivity: 0.25,
      minZoom: 0.3, maxZoom: 20, fit: true, center: true
    });
    // The most common text height, so that a table's small print reads without zooming. svg-pan-zoom
    // moves the drawing on the next animation frame: heights are measured once, then scaled by its zoom.
    function textHeight() {
      // font size times the scale on screen (a rendered box would not shrink below the browser's minimum font size)
      var heights = Array.prototype.slice.call(svg.querySelectorAll("text"), 0, 200)
        .map(function (t) { var m = t.getScreenCTM(); return m ? parseFloat(getComputedStyle(t).fontSize) * Math.abs(m.a) : 0; })
        .filter(function (h) { return h > 0; })
        .sort(function (a, b) { return a - b; });
      return heights.length ? heights[Math.floor(heights.length / 2)] : 0;
    }
    var initial = zoom.getSizes().realZoom;
    function readable() {
      zoom.resize(); zoom.fit(); zoom.center();
      var height = fitted * zoom.getSizes().realZoom / initial;
      if (height > 0 && height < READABLE_PX) zoom.zoomBy(READABLE_PX / height);
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
    box.querySelector("[data-pbxdoc-zoom-in]").addEventListener("click", function () { zoom.zoomIn(); });
    box.querySelector("[data-pbxdoc-zoom-out]").addEventListener("click", function () { zoom.zoomOut(); });
    box.addEventListener("keydown", function (e) { if (e.key === "Escape") shut(false); });
    window.addEventListener("popstate", function () { shut(true); });
    window.addEventListener("resize", function () { zoom.resize(); });
  });
})();
