from generator.site.checklists import label_checklists

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
