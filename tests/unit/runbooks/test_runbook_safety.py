"""Secrets never show, references only to the integrator, and hostile customer text stays text."""

from __future__ import annotations

import re

import markdown
import pytest

from generator.audience import Audience, for_audience
from generator.document import MARKDOWN_EXTENSIONS
from generator.runbooks import build_runbooks, runbook_for
from tests.unit.runbooks.fixtures import en, rochat  # noqa: F401  (fixtures)

REFERENCE = re.compile(r"\b(env|vault|keepass|bitwarden|1password|pass|file):\S+")


def _all_markdown(project, t) -> str:
    return "\n".join(b.markdown() for b in build_runbooks(project, t))


@pytest.mark.parametrize("audience", [Audience.CUSTOMER, Audience.AUDITOR])
def test_no_secret_reference_outside_the_integrator_audience(rochat, en, audience):
    md = _all_markdown(for_audience(rochat, audience), en)
    assert not REFERENCE.search(md.replace("\\", ""))


def test_the_integrator_sees_only_the_backup_key_and_credential_references(rochat, en):
    md = _all_markdown(rochat, en).replace("\\", "")
    shown = set(m.group(0) for m in REFERENCE.finditer(md))
    allowed = {ref for j in rochat.backups.jobs for ref in (j.encryption_key, j.credentials) if ref}
    assert shown and shown <= allowed
    # admin passwords, SIP passwords, licence keys and alarm codes are never listed, even as references
    for ref in ("vault:customers/rochat/3cx-admin", "vault:customers/rochat/sip-peoplefone", "vault:customers/rochat/3cx-licence", "vault:customers/rochat/alarm"):
        assert ref not in md


def test_the_key_holder_is_a_contact_never_a_key(rochat, en):
    md = runbook_for(rochat, en, "lau-pbx-01").markdown().replace("\u00a0", " ")  # phones keep no-break spaces
    assert "Key or password held by** | Julien Favre, Léman Télécom Sàrl, +41 21 555 80 11" in md


HOSTILE = "<script>alert(1)</script> [x](javascript:alert(2)) ![i](http://evil.example/p.png) | # **b** `c`"


def _hostile(project):
    server = project.servers[0].model_copy(update={"name": HOSTILE, "admin_url": "https://x/<img src=y onerror=alert(3)>"})
    job = project.backups.jobs[0].model_copy(update={"destination": "smb://nas/" + HOSTILE, "includes": [HOSTILE, "- not a list\n1. nor this"], "schedule": "| broken | table |"})
    contact = project.contacts[0].model_copy(update={"name": HOSTILE})
    backups = project.backups.model_copy(update={"jobs": [job, *project.backups.jobs[1:]]})
    return project.replace(servers=[server], backups=backups, contacts=[contact, *project.contacts[1:]])


def test_hostile_text_is_shown_as_text(rochat, en):
    md = runbook_for(_hostile(rochat), en, "lau-pbx-01").markdown()
    html = markdown.markdown(md, extensions=MARKDOWN_EXTENSIONS)
    assert "<script" not in html
    assert "<img" not in html
    assert "href=" not in html
    assert "&lt;script&gt;" in html
    for line in md.splitlines():
        if line.startswith("| **Schedule**"):
            assert line.count(" | ") == 1  # the data's pipes do not open new cells
    assert "<li>not a list" not in html


def test_hostile_text_in_template_placeholders_is_escaped(rochat, en):
    md = runbook_for(_hostile(rochat), en, "lau-pbx-01").markdown()
    steps = md.split("### Immediate backup")[1].split("###")[0]
    assert "https://x/&lt;img src=y onerror=alert(3)&gt;" in steps
    html = markdown.markdown(steps, extensions=MARKDOWN_EXTENSIONS)
    assert "<img" not in html and "<script" not in html


def test_a_key_holder_hidden_from_the_customer_is_not_taken_for_lost(rochat, en):
    contacts = [c.model_copy(update={"internal": True}) if c.id == "c-favre" else c for c in rochat.contacts]
    view = for_audience(rochat.replace(contacts=contacts), Audience.CUSTOMER)
    book = runbook_for(view, en, "lau-pbx-01")
    assert book.blocking == ()
    md = book.markdown()
    assert "Julien Favre" not in md
    assert "a contact of the integrator (not listed in this edition)" in md
