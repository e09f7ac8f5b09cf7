from generator.i18n import LANGUAGES, catalogue


def test_every_site_word_exists_in_every_language():
    keys = {lang: {k for k in catalogue(lang) if k.startswith("site.")} for lang in LANGUAGES}
    assert keys["fr"] and keys["fr"] == keys["de"] == keys["en"]


def test_table_labels_keep_their_placeholders():
    for lang in LANGUAGES:
        words = catalogue(lang)
        assert "{shown}" in words["site.table.shown"] and "{total}" in words["site.table.shown"]
        assert "{page}" in words["site.table.page"] and "{pages}" in words["site.table.page"]
