"""Vendor step templates: the right one is chosen, a project adds or replaces one by a file."""

from __future__ import annotations

import re
import string

import pytest
import yaml

from generator.i18n import LANGUAGES
from generator.load import load
from generator.runbooks import TemplateError, build_runbooks, runbook_for
from generator.runbooks.templates import BUILT_IN, PLACEHOLDERS, STEP_KINDS, load_templates, select
from tests.unit.runbooks.fixtures import en, en_integrator, rochat  # noqa: F401  (fixtures)


@pytest.mark.parametrize(
    ("kind", "vendor", "model", "expected"),
    [
        ("server", "3CX", "3CX Phone System", "3cx"),
        ("server", "Mitel", "Mitel 470", "mitel-mivoice-office-400"),
        ("server", "Mitel", "MiVoice Office 400 Virtual Appliance", "mitel-mivoice-office-400-virtual"),
        ("server", "Aastra", "Aastra 415", "mitel-mivoice-office-400"),
        ("server", "Unify", "OpenScape Business X8", "unify-openscape-business"),
        ("server", "Unify", "OpenScape Business S", "unify-openscape-business"),
        ("server", "Microsoft", "Teams Direct Routing", "generic"),
        ("dect_system", "Yealink", "Yealink W90DM", "yealink-dect-manager"),
        ("dect_system", "Yealink", "W80DM", "yealink-dect-manager"),
        ("dect_system", "Yealink", "Yealink W70B", "yealink-dect-base"),
        ("dect_system", "Mitel", "SIP-DECT RFP 48", "generic"),
        ("device", "Yealink", "W70B", "generic"),  # a DECT template is for DECT systems only
        ("device", "HPE Aruba", "Instant On 1930", "generic"),
        ("hypervisor", "Dell", "PowerEdge T360", "hypervisor-image"),
        ("nas", "Synology", "DS923+", "generic"),
        ("special_interface", "2N", "IP Verso", "generic"),
    ],
)
def test_each_vendor_template_is_selected(kind, vendor, model, expected):
    device_kind = kind if kind in ("hypervisor", "nas") else None
    subject_kind = "device" if device_kind else kind
    assert select(load_templates(None), subject_kind, vendor, model, device_kind).template.id == expected


def test_the_examples_use_the_vendor_templates(rochat, en):
    chosen = {b.system_id: b.template for b in build_runbooks(rochat, en)}
    assert chosen["lau-pbx-01"] == "3cx"
    assert chosen["lau-dect"] == "yealink-dect-base"
    assert chosen["lau-sw-01"] == "generic"
    assert chosen["lau-hv-01"] == "hypervisor-image"


def test_every_built_in_template_has_every_step_in_every_language():
    for loaded in load_templates(None):
        for kind in STEP_KINDS:
            assert loaded.template.steps[kind], (loaded.file, kind)
            for step in loaded.template.steps[kind]:
                for lang in LANGUAGES:
                    text = getattr(step, lang)
                    assert text.strip()
                    assert {name for _, name, _, _ in string.Formatter().parse(text) if name} <= set(PLACEHOLDERS)


def test_templates_name_their_vendor_manual():
    for path in sorted(BUILT_IN.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["manual"]["title"] and data["manual"]["backup_section"] and data["manual"]["restore_section"], path.name
        assert data["source"], path.name


def test_a_manual_title_is_the_vendors_own_and_what_is_said_about_it_is_in_the_readers_language():
    """A title printed as one string is the manual's name only: a note on it (which edition) in one
    language would be English on a French page."""
    for path in sorted(BUILT_IN.glob("*.yaml")):
        title = yaml.safe_load(path.read_text(encoding="utf-8"))["manual"]["title"]
        if isinstance(title, str):
            assert re.search(r"\((?!\{\w+\}\))", title) is None, path.name  # a note in brackets; "({make})" names the product
        else:
            assert set(title) == set(LANGUAGES) and len(set(title.values())) == len(LANGUAGES), path.name


def _template(id_: str, vendor: str, priority: int = 50) -> dict:
    step = {"fr": "Exporter {name} vers {destination}", "de": "{name} nach {destination} exportieren", "en": "Export {name} to {destination} via the Frobnicator menu"}
    return {
        "id": id_,
        "source": "Frobnicator admin guide 3.2",
        "priority": priority,
        "match": {"kinds": ["device"], "vendor": vendor},
        "manual": {"title": "Frobnicator admin guide", "backup_section": "Saving settings", "restore_section": "Loading settings"},
        "steps": {k: [step] for k in STEP_KINDS},
    }


def test_an_integrator_adds_a_vendor_by_dropping_a_file_in_the_project(small_copy, en, en_integrator):
    root = small_copy
    (root / "runbooks").mkdir()
    (root / "runbooks" / "teltonika.yaml").write_text(yaml.safe_dump(_template("teltonika", "teltonika")), encoding="utf-8")
    project = load(root)
    book = runbook_for(project, en, "lau-4g-01")
    assert book.template == "teltonika"
    md = book.markdown()
    assert "via the Frobnicator menu" in md
    assert "Frobnicator admin guide" in md
    assert "runbooks/teltonika.yaml" not in md  # the customer reads the manual (above), not the template file
    assert "runbooks/teltonika.yaml" in runbook_for(project, en_integrator, "lau-4g-01").markdown()  # the integrator, the file
    assert runbook_for(project, en, "lau-sw-01").template == "generic"


def test_a_project_template_with_a_built_in_id_replaces_it(small_copy, en):
    root = small_copy
    (root / "runbooks").mkdir()
    replacement = _template("3cx", "3cx", priority=10)
    replacement["match"]["kinds"] = ["server"]
    (root / "runbooks" / "3cx.yaml").write_text(yaml.safe_dump(replacement), encoding="utf-8")
    md = runbook_for(load(root), en, "lau-pbx-01").markdown()
    assert "via the Frobnicator menu" in md
    assert "management console" not in md.split("## Restore procedure")[0].split("### Immediate backup")[1]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t["steps"]["restore"][0].update(en="Open {password}"), "unknown placeholder {password}"),
        (lambda t: t["steps"].pop("rollback"), "missing rollback"),
        (lambda t: t["steps"]["restore"][0].pop("de"), "de"),
        (lambda t: t["match"].update(kinds=["fax"]), "unknown kind"),
    ],
)
def test_a_broken_template_is_reported_with_its_file(small_copy, en, change, message):
    root = small_copy
    (root / "runbooks").mkdir()
    broken = _template("broken", "x")
    change(broken)
    (root / "runbooks" / "broken.yaml").write_text(yaml.safe_dump(broken), encoding="utf-8")
    with pytest.raises(TemplateError) as e:
        build_runbooks(load(root), en)
    assert "runbooks/broken.yaml" in str(e.value)
    assert message in str(e.value)


def test_a_template_link_leaving_the_project_is_refused(small_copy, tmp_path, en):
    root = small_copy
    (root / "runbooks").mkdir()
    outside = tmp_path / "outside.yaml"
    outside.write_text(yaml.safe_dump(_template("outside", "x")), encoding="utf-8")
    project = load(root)  # validation refuses such a link (generator.overrides); make it after loading
    (root / "runbooks" / "outside.yaml").symlink_to(outside)
    with pytest.raises(TemplateError, match="leaves the project"):
        build_runbooks(project, en)
