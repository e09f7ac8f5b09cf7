from generator.i18n import LANGUAGES, catalogue


def test_every_site_word_exists_in_every_language():
    keys = {lang: {k for k in catalogue(lang) if k.startswith("site.")} for lang in LANGUAGES}
    assert keys["fr"] and keys["fr"] == keys["de"] == keys["en"]


def test_table_labels_keep_their_placeholders():
    for lang in LANGUAGES:
        words = catalogue(lang)
        shown = words["site.table.shown"]  # each placeholder as itself or as an ICU plural block
        assert all(f"{{{name}}}" in shown or f"{{{name}, plural," in shown for name in ("shown", "total"))
        assert "{page}" in words["site.table.page"] and "{pages}" in words["site.table.page"]
