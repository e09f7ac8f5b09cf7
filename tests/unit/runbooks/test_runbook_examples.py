"""Every bundled example: each value of its backup data shows in the runbook of its system."""

from __future__ import annotations

import pytest

from generator.audience import Audience, AudienceTranslator
from generator.document import escape
from generator.i18n import LANGUAGES, Translator
from generator.load import EXAMPLES, load
from generator.runbooks import build_runbooks, runbook_ids, subjects
from generator.runbooks.prerequisites import archived, readable_phone

PROJECTS = sorted(p.name for p in EXAMPLES.iterdir() if (p / "pbxdoc.yaml").exists())


@pytest.fixture(scope="module", params=PROJECTS)
def example(request):
    project = load(EXAMPLES / request.param)
    books = {b.system_id: b.markdown() for b in build_runbooks(project, AudienceTranslator("en", Audience.INTEGRATOR))}  # the whole data: the integrator's edition
    return project, books


def test_every_job_is_in_its_systems_runbook(example):
    project, books = example
    owner = runbook_ids(project)
    for job in project.backups.jobs:
        md = books[owner[job.system]]
        for value in (job.destination, job.schedule, job.medium, job.id):
            assert escape(value) in md, (job.id, value)
        if job.key_holder:
            assert project.contact_by_id[job.key_holder].name in md
        if job.encryption_key:
            assert escape(job.encryption_key) in md


def test_every_version_a_restore_needs_is_in_the_runbook_with_its_archive(example):
    project, books = example
    for subject in subjects(project):
        md = books[subject.id]
        for version in subject.versions:
            if version.version:
                assert escape(version.version) in md, (subject.id, version)
                entry = archived(project, version)
                if entry:
                    assert escape(entry.file) in md, entry


def test_restore_tests_and_manual_backups_are_listed(example):
    project, books = example
    owner = runbook_ids(project)
    for test in project.backups.restore_tests:
        assert test.id in books[owner[test.system]]
    for manual in project.backups.manual_backups:
        if manual.device in owner and manual.file:
            assert escape(manual.file) in books[owner[manual.device]]


def test_the_first_escalation_contacts_are_in_every_runbook(example):
    project, books = example
    first = [c for c in project.contacts if c.escalation == 1]
    for md in books.values():
        for contact in first:
            assert contact.name in md and readable_phone(contact.phone or contact.mobile) in md


@pytest.mark.parametrize("lang", LANGUAGES)
def test_runbooks_are_deterministic_in_every_language(lang):
    project = load(EXAMPLES / PROJECTS[0])
    first = [b.markdown() for b in build_runbooks(project, Translator(lang))]
    again = [b.markdown() for b in build_runbooks(load(EXAMPLES / PROJECTS[0]), Translator(lang))]
    assert first == again
