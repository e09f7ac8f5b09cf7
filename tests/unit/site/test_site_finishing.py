from generator.site.figures import inline_svg, interactive_figures
from generator.site.finishing import label_checklists

BOX = '<label class="task-list-control"><input type="checkbox"/><span class="task-list-indicator"></span>'


def test_the_items_text_names_its_box():
    html = f"<li class=\"task-list-item\">{BOX}</label> Le trunk <strong>SIP</strong> est enregistré.</li>"
    assert label_checklists(html) == f"<li class=\"task-list-item\">{BOX} Le trunk <strong>SIP</strong> est enregistré.</label></li>"


def test_nested_lists_stay_outside_the_label():
    html = f"<li class=\"task-list-item\">{BOX}</label> Parent<ul><li>child</li></ul></li>"
    assert label_checklists(html) == f"<li class=\"task-list-item\">{BOX} Parent</label><ul><li>child</li></ul></li>"


def test_other_html_is_untouched():
    html = "<p><label>Nom</label> <input type=\"text\"></p>"
    assert label_checklists(html) == html


WORDS = {"full": "Full screen", "close": "Close", "zoom_in": "Zoom in", "zoom_out": "Zoom out", "reset": "Fit", "download": "Download <svg>", "hint": "Drag"}
SVG = (b'<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg width="10pt" viewBox="0 0 10 10"><defs><marker id="m"/></defs>'
       b'<g id="graph0" onclick="alert(1)"><path marker-end="url(#m)"/><script>alert(2)</script>'
       b'<a xlink:href="javascript:alert(3)"><text>x</text></a><image href="data:image/png;base64,AAAA"/></g></svg>')


def test_diagrams_are_drawn_inline_with_their_tools():
    page = '<figure>\n<p><img alt="DECT &amp; bases" src="../diagrams/dect-x.svg" /></p>\n<figcaption>DECT</figcaption>\n</figure>'
    out = interactive_figures(page, "backup/index.html", {"diagrams/dect-x.svg": SVG}, WORDS)
    assert out.startswith('<figure>\n<div class="pbxdoc-diagram" data-pbxdoc-diagram><div class="pbxdoc-diagram__bar">')
    assert '<svg role="img" aria-label="DECT &amp; bases" focusable="false" width="10pt"' in out
    assert 'href="../diagrams/dect-x.svg" download>Download &lt;svg&gt;</a>' in out
    assert out.endswith("<figcaption>DECT</figcaption>\n</figure>")


def test_inline_diagrams_run_nothing_and_share_no_id():
    svg = inline_svg(SVG, "d2", "x")
    assert "<?xml" not in svg and "DOCTYPE" not in svg
    assert "script" not in svg and "onclick" not in svg and "javascript:" not in svg
    assert 'id="d2-m"' in svg and 'url(#d2-m)' in svg and 'id="d2-graph0"' in svg
    assert 'href="data:image/png;base64,AAAA"' in svg


def test_a_figure_whose_svg_is_not_ours_stays_an_image():
    page = '<figure>\n<p><img alt="x" src="elsewhere.svg" /></p>'
    assert interactive_figures(page, "index.html", {}, WORDS) == page
