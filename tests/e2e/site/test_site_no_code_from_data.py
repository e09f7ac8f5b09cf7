"""No code from data in the site and the PDFs: a project's template overrides render in the
sandbox, and its SVG logo is published as a PNG drawn from it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.audience import Audience
from generator.load import EXAMPLES, SMALL_EXAMPLE, load
from generator.pdf.render import PdfOptions, plan, run
from generator.templating import TemplateRefused
from tests.helpers import content_of

pytestmark = pytest.mark.slow

LOGO = Path("documents") / "leman-telecom-logo.svg"
GENERATED = dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)


@pytest.fixture
def project(tmp_path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(EXAMPLES / SMALL_EXAMPLE, target)
    return target


@pytest.mark.parametrize(
    "expression",
    [
        "lipsum.__globals__['os'].popen('touch {marker}').read()",
        "config.theme.get_env().from_string(\"{{{{ lipsum.__globals__['os'].popen('touch {marker}').read() }}}}\").render()",
        "config.plugins['pbxdoc'].source.project.root",
    ],
)
def test_a_template_override_that_reaches_for_code_fails_the_build(project, tmp_path, site_builder, expression):
    marker = tmp_path / "marker"
    partials = project / "templates" / "site" / "partials"
    partials.mkdir(parents=True)
    (partials / "copyright.html").write_text("{{ " + expression.format(marker=marker) + " }}\n", encoding="utf-8")
    with pytest.raises(TemplateRefused) as refused:
        site_builder(project, tmp_path / "out")
    assert str(partials / "copyright.html") in str(refused.value)
    assert not marker.exists()
    assert not (tmp_path / "out").exists()


HOSTILE_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="240" height="64" onload="alert(1)">'
    "<script>alert(2)</script>"
    '<image href="{url}/logo-image.png" width="10" height="10"/>'
    '<image xlink:href="file:///etc/passwd" width="10" height="10"/>'
    '<rect width="40" height="40" fill="#0b5563"/></svg>'
)


def test_an_svg_logo_reaches_the_site_as_a_png_only(project, tmp_path, trap_server, site_builder):
    url, requests = trap_server
    (project / LOGO).write_text(HOSTILE_LOGO.format(url=url), encoding="utf-8")
    site = site_builder(project, tmp_path / "out")
    logo = site / "assets" / "pbxdoc" / "logo.png"
    assert logo.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert requests == []
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".svg", ".js", ".json", ".css", ".png"):
            data = path.read_bytes()
            assert b"alert(2)" not in data and b"logo-image" not in data, path
    assert not (site / "assets" / "pbxdoc" / "logo.svg").exists()
    assert 'src="assets/pbxdoc/logo.png"' in (site / "index.html").read_text(encoding="utf-8")


def test_an_svg_logo_reaches_the_pdfs_as_a_png_only(project, trap_server):
    url, requests = trap_server
    (project / LOGO).write_text(HOSTILE_LOGO.format(url=url), encoding="utf-8")
    jobs = [job for job, _ in plan(content_of(load(project), "fr", GENERATED.date(), Audience.CUSTOMER), PdfOptions(records=("handover",)))]
    (job,) = jobs
    assert job.resources["project/logo.png"].startswith(b"\x89PNG\r\n\x1a\n")
    assert not any(name.endswith(".svg") and "logo" in name for name in job.resources)
    (result,) = run(jobs, workers=1)
    assert requests == [] and result.refused == ()
