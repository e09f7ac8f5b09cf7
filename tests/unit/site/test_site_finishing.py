from generator.site.finishing import label_checklists, zoomable_figures

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


def test_diagrams_link_to_their_svg():
    page = '<figure>\n<p><img alt="DECT &amp; bases" src="../diagrams/dect-x.svg" /></p>\n<figcaption>DECT</figcaption>\n</figure>'
    assert zoomable_figures(page, "Open <full>") == (
        '<figure>\n<p><a class="pbxdoc-figure" href="../diagrams/dect-x.svg" title="Open &lt;full&gt;">'
        '<img alt="DECT &amp; bases" src="../diagrams/dect-x.svg" /></a></p>\n<figcaption>DECT</figcaption>\n</figure>'
    )
