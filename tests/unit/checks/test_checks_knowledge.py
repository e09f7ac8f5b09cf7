"""Vendor figures come from data files, carry their source, and an integrator can extend them."""

from __future__ import annotations

import pytest
from checks_helpers import findings_of, knowledge  # noqa: F401  (knowledge is a fixture)

from generator.knowledge import KnowledgeError, for_project, load


def test_every_figure_has_a_source(knowledge):
    for product in knowledge.products.values():
        for path, figure in {**product.figures, **product.features}.items():
            assert figure.source.strip(), f"{product.id}.{path} has no source"


def test_figures_from_the_vendor_manuals(knowledge):
    m470 = knowledge.find("Mitel 470")
    assert m470.group("psu_total_w")["both"].value == 360
    assert m470.group("card_power_w")["32FXS"].value == 4.5
    assert not m470.figure("terminal_power_w.digital").confirmed
    assert knowledge.find("Yealink W70B", "dect_base").value("max_handsets") == 10
    assert knowledge.find("Yealink W90DM", "dect_manager").value("max_handsets") == 250
    assert knowledge.find("3CX", "communication_server").features["hot_desking"].value == ["PRO", "Enterprise"]


def test_a_project_vendors_folder_extends_and_corrects_the_catalogue(tmp_path):
    (tmp_path / "vendors").mkdir()
    (tmp_path / "vendors" / "local.yaml").write_text(
        "products:\n"
        "  gigaset-n300:\n"
        "    kind: dect_base\n    vendor: Gigaset\n    name: Gigaset N300 IP\n    match: [n300]\n"
        "    source: Gigaset N300 datasheet\n    figures: {max_handsets: 6}\n"
        "  yealink-w70b:\n    figures:\n      max_handsets: {value: 8, source: our measurement}\n",
        encoding="utf-8",
    )
    extended = for_project(tmp_path)
    assert extended.find("Gigaset N300 IP", "dect_base").value("max_handsets") == 6
    w70b = extended.find("Yealink W70B", "dect_base")
    assert w70b.value("max_handsets") == 8 and w70b.figure("max_handsets").source == "our measurement"
    assert w70b.value("max_simultaneous_calls") == 10  # figures not overridden stay


def test_an_integrator_figure_changes_the_verdict(small_project, tmp_path):
    """The small example's W70B holds 6 handsets and 1 repeater: fine at 10 slots, not at 6."""
    (tmp_path / "w70b.yaml").write_text("products:\n  yealink-w70b:\n    figures: {max_handsets: 6}\n", encoding="utf-8")
    assert findings_of(small_project, "DECT-MONOCELL", load()) == []
    assert [f.object_id for f in findings_of(small_project, "DECT-MONOCELL", load((tmp_path,)))] == ["lau-dect-01"]


def test_a_broken_catalogue_file_is_named(tmp_path):
    (tmp_path / "bad.yaml").write_text("products:\n  x:\n    figurs: {}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="bad.yaml: product x: unknown key"):
        load((tmp_path,))


def test_the_firmware_archive_scope_is_a_convention_the_integrator_extends(small_project, tmp_path):
    """Switches are out of scope by default; a project that manages them adds the kind."""
    archive = [a for a in small_project.backups.firmware_archive if a.system not in ("lau-sw-01", "lau-sw-02")]
    small_project = small_project.replace(backups=small_project.backups.model_copy(update={"firmware_archive": archive}))
    assert findings_of(small_project, "BKP-FIRMWARE", load()) == []
    (tmp_path / "scope.yaml").write_text(
        "products:\n  pbxdoc-conventions:\n    figures:\n      firmware_archive_device_kinds: [gateway, switch]\n", encoding="utf-8"
    )
    found = {f.object_id for f in findings_of(small_project, "BKP-FIRMWARE", load((tmp_path,)))}
    assert found == {"lau-sw-01", "lau-sw-02"}
