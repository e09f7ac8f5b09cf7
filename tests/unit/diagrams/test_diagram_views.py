"""Network, DECT, availability and backup views: what they must show."""

from __future__ import annotations

from diagram_fixtures import fr, grown, small  # noqa: F401  (fixtures)
from svgtext import joined, x_of

from generator.diagnostics import Location, Severity
from generator.diagrams import render_view, views
from generator.model.findings import Finding


def _svg(project, t, view, object_id=None) -> bytes:
    files = render_view(project, t, view, object_id)
    return next(content for path, content in files.items() if path.endswith(".svg"))


def test_every_view_is_listed_for_the_grown_project(grown, fr):
    listed = {(v.view, v.object_id) for v in views(grown, fr)}
    assert {("network", None), ("dect", "lau-dect"), ("dect", "gva-dect"), ("availability", None), ("backup", None)} <= listed


def test_network_shows_sites_wan_media_subnets_and_where_telephony_sits(grown, fr):
    text = joined(_svg(grown, fr, "network"))
    for site in grown.sites:
        assert site.name in text
    for link in grown.availability.wan_links:
        assert f"{link.provider} — {fr.label('wan_medium', link.medium)}" in text
    for subnet in grown.network.subnets:
        assert subnet.network in text
    assert "3CX Fiduciaire Rochat, 1 base DECT" in text  # server and base in the voice subnet
    assert "DECT Genève (gestionnaire DECT)" in text
    assert "SIP tie line" in text  # the site interconnect


def test_dect_groups_bases_by_sync_cluster_with_handsets_per_base(grown, fr):
    text = joined(_svg(grown, fr, "dect", "gva-dect"))
    assert "Groupe de synchronisation 1" in text and "Groupe de synchronisation 2" in text
    for i in range(1, 6):
        assert f"gva-b{i} (W90B)" in text
    assert "Combinés : 8" in text and "7 × W56H" in text and "1 sans base d'attache" in text
    assert "gva-rt-1" in text and "1 (maître)" in text
    assert "Switch Genève · 1/3 · PoE 2" in text


def test_dect_handset_counts_per_base_are_right(grown, fr):
    from svgtext import texts

    cells = [text for text, _ in texts(_svg(grown, fr, "dect", "gva-dect"))]
    row = cells.index("gva-b1 (W90B)")
    assert cells[row + 3] == "4"  # base, location, sync level, then handsets


def test_availability_without_findings_marks_nothing(small, fr):
    svg = _svg(small, fr, "availability")
    text = joined(svg)
    assert "APC Smart-UPS 1500 VA (SMT1500RMI2UC)" in text and "Charge 455 W (46 %)" in text
    assert "Liaison de secours" in text and "Plan de reprise" in text
    assert b"#c0392b" not in svg


def test_availability_marks_single_points_of_failure_from_findings(small, fr):
    findings = [
        Finding("AVL-SPOF-WAN", Severity.WARNING, "availability", "Single WAN router", "...", "lau-fw-01", Location("network.yaml", 1)),
        Finding("AVL-SIP-FALLBACK", Severity.WARNING, "Availability", "One SIP provider", "...", "trunk-peoplefone", Location("interfaces.yaml", 1)),
        Finding("BKP-ENCRYPT", Severity.ERROR, "backup", "Not ours", "...", "lau-fw-01", Location("backups.yaml", 1)),
        Finding("AVL-DR", Severity.INFO, "availability", "No DR site", "...", "lau", Location("availability.yaml", 1)),
        Finding("AVL-UPS-NETWORK", Severity.WARNING, "availability", "Switch not on UPS", "...", "lau-sw-02", Location("availability.yaml", 1)),
    ]
    text = joined(_svg(small.with_findings(findings), fr, "availability"))
    assert "AVL-SPOF-WAN: Single WAN router" in text
    assert "AVL-SIP-FALLBACK: One SIP provider" in text
    assert "BKP-ENCRYPT" not in text  # other categories belong to other views
    assert "lau — AVL-DR: No DR site" in text  # an object without a node is still listed
    assert "AVL-UPS-NETWORK: Switch not on UPS" in text and "lau-sw-02 — AVL-UPS-NETWORK" not in text  # equipment gets its row


def test_backup_flow_shows_jobs_and_flags_insecure_unencrypted(grown, fr):
    svg = _svg(grown, fr, "backup")
    text = joined(svg)
    for job in grown.backups.jobs:
        assert job.medium.split(" (")[0] in text
    assert "Transport non sécurisé (FTP)" in text and "Non chiffrée" in text
    assert "7 quotidiennes · 4 hebdomadaires · 6 mensuelles" in text
    assert "Non sauvegardés (1)" in text and "Boîtier fibre" in text
    assert x_of(svg, "Serveur Hyper-V") < x_of(svg, "NAS Synology DS923+")  # systems left, destinations right


def test_unknown_view_or_object_is_refused(small, fr):
    import pytest

    from generator.diagrams.programs import DiagramError

    with pytest.raises(DiagramError, match="unknown view"):
        render_view(small, fr, "floorplan")
    with pytest.raises(DiagramError, match="lau-dect"):
        render_view(small, fr, "dect", "nope")


def test_availability_findings_in_the_diagram_language(small):
    """The checks word findings in the project's language (French); the English content re-words
    them once, and the English diagram shows them in English."""
    from generator.checks import describe, run
    from tests.helpers import content_of

    findings = [f for f in run(small) if f.category.lower() == "availability" and f.active]
    assert findings
    content = content_of(small.with_findings(findings), "en")
    text = joined(_svg(content.project, content.translator, "availability"))
    f = findings[0]
    title = describe(f.rule, f.variant, f.params, content.translator)[0]
    assert f"{f.rule}: {title}" in text and f"{f.rule}: {f.title}" not in text


def test_a_subnet_stretched_over_a_site_link_is_drawn_at_each_site_it_reaches(fr):
    from generator.diagrams import network
    from generator.load import EXAMPLES, load

    clinic = load(EXAMPLES / "clinique-du-lac")
    stretched = next(s for s in clinic.network.subnets if s.spans)
    home, other = clinic.site_by_id[stretched.site], clinic.site_by_id[stretched.spans[0]]
    at_home = network.build(clinic, fr, "t", {home.id}).source()
    at_other = network.build(clinic, fr, "t", {other.id}).source().replace("<BR/>", " ")
    assert stretched.network in at_home and stretched.network in at_other  # it was drawn at its own site only
    assert f"étendu depuis {home.name}" in at_other and "étendu depuis" not in at_home
    assert stretched.network not in network.build(clinic, fr, "t", {s.id for s in clinic.sites} - set(stretched.sites)).source()
