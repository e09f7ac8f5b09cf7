import re

from generator.site.branding import Branding, branding_of, contrast_with_white, readable_on_white


def test_dark_colours_are_kept():
    assert readable_on_white("#0B5563") == "#0b5563"


def test_light_colours_are_darkened_to_aa_contrast():
    darkened = readable_on_white("#ffe600")
    assert contrast_with_white(darkened) >= 4.5
    assert darkened != "#ffe600"


def test_css_sets_material_variables_from_the_brand():
    css = Branding(primary="#0b5563", accent="#ffe600", footer=None, logo=None).css()
    assert "--md-primary-fg-color: #0b5563;" in css
    accent = re.search(r"--md-accent-fg-color: (#[0-9a-f]{6});", css).group(1)
    assert contrast_with_white(accent) >= 4.5


def test_branding_of_the_small_example_publishes_its_logo(small_project):
    branding = branding_of(small_project)
    assert branding.logo is not None and branding.logo.content.startswith(b"\x89PNG\r\n")  # the SVG, rasterised
    assert branding.logo_site_path == "assets/pbxdoc/logo.png"
    assert branding.footer.startswith("Léman Télécom")
