"""The audit report holds an audit: frame, every rule with its result, opinion, recommendations,
management response; and every breach a table shows has the finding that states it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.audience import Audience, for_audience
from generator.checks import catalogue, run
from generator.checks.rules.backup import allowed_age
from generator.document import Admonition, Table, Text
from generator.i18n import Translator
from generator.load import EXAMPLES, load
from generator.model.audit import Audit
from generator.pdf.records import audit, audit_evidence

TODAY = dt.date(2026, 11, 20)
RULE_ID = re.compile(r"\b[A-Z]+-[A-Z0-9-]+\b")


@pytest.fixture(scope="module")
def checked():
    """Both examples, checked, by name."""
    projects = {}
    for name in ("fiduciaire-rochat", "clinique-du-lac"):
        project = load(EXAMPLES / name)
        projects[name] = project.with_findings(run(project))
    return projects


def _value(cell) -> str:
    return str(getattr(cell, "value", cell))


def _table(document) -> Table:
    return next(b for b in document.blocks if isinstance(b, Table))


def _documents(record, title: str):
    return [d for d in record.documents if d.title == title]


def test_every_rule_of_the_catalogue_is_listed_with_its_result(checked):
    t = Translator("en")
    project = checked["clinique-du-lac"]
    rows = {r[0]: _value(r[3]) for r in _table(audit.rules_applied(project, t)).rows}
    assert list(rows) == [i.id for i in catalogue("en")]
    assert rows["BKP-RESTORE-SYSTEM"] == "Finding (2)"  # the two hypervisors
    assert rows["HW-FXS-HEAT"] == "Waived"
    assert rows["BKP-ENCRYPT"] == "Passed"
    small = {r[0]: _value(r[3]) for r in _table(audit.rules_applied(checked["fiduciaire-rochat"], t)).rows}
    assert small["HW-SLOT"] == "Not applicable" and small["DECT-MULTICELL"] == "Not applicable"  # a 3CX VM, monocell DECT
    assert small["DECT-MONOCELL"] == "Passed"


def test_the_opinion_is_derived_from_the_findings(checked):
    from generator.diagnostics import Location, Severity
    from generator.model.findings import Finding

    project = checked["fiduciaire-rochat"]
    assert audit.opinion(project) == "qualified"  # open warnings
    assert audit.opinion(project.with_findings([])) == "compliant"
    error = Finding("BKP-ENCRYPT", Severity.ERROR, "backup", "t", "m", "job", Location("backups.yaml", 1))
    assert audit.opinion(project.with_findings([error])) == "adverse"
    text = " ".join(_value(p) for b in audit.conclusion(project.with_findings([error]), Translator("en")).blocks for p in getattr(b, "parts", ()))
    assert "does not comply" in text


def test_an_auditor_from_the_integrator_is_not_independent(checked):
    t = Translator("en")
    small = checked["fiduciaire-rochat"].replace(audit=None)  # no audit.yaml: the author audits their own file
    auditor, independent = audit.auditor_of(small)
    assert (auditor.name, independent) == (small.pbxdoc.document.author, False)
    assert any(isinstance(b, Admonition) and b.kind == "warning" for b in audit.frame(small, t, TODAY).blocks)
    clinic = checked["clinique-du-lac"]
    assert audit.auditor_of(clinic)[1] is True
    assert not any(isinstance(b, Admonition) for b in audit.frame(clinic, t, TODAY).blocks)
    own = clinic.audit.model_copy(update={"auditor": clinic.audit.auditor.model_copy(update={"name": "Laura Mottier", "organisation": "LT audit"})})
    assert audit.auditor_of(clinic.replace(audit=own))[1] is False  # one of the integrator's technicians


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
@pytest.mark.parametrize("independent", [True, False])
def test_the_auditor_is_named_without_a_grammatical_gender(checked, lang, independent):
    """The data does not say whether the auditor is a man or a woman (Claudia Jaggi, Anne Rossier):
    the report names the person and a role, never "Der Auditor" or "L'auditeur ... indépendant"."""
    t = Translator(lang)
    project = checked["clinique-du-lac"]
    if not independent:
        project = project.replace(audit=None)
    record = audit.build(project, t, TODAY)
    words = [_value(p) for d in record.documents for b in d.blocks for p in getattr(b, "parts", ())]
    words += [s.role for s in record.signatures] + [record.signature_statement]
    words += [_value(c) for d in record.documents for b in d.blocks if isinstance(b, Table) for r in b.rows for c in r]
    words += [_value(p) for d in record.documents for b in d.blocks if isinstance(b, Admonition) for x in b.body for p in getattr(x, "parts", ())]
    text = " ".join(words)
    assert audit.auditor_of(project)[0].name in text
    gendered = {"fr": r"\bL'auditeur\b|\bauditeur\b|\bauditrice\b|\best indépendante?\b", "de": r"\b(?:Der|Die) Auditor(?:in)?\b|\bAuditor(?:in)?\b", "en": r"\b(?:he|she|his|her)\b"}[lang]
    assert not re.search(gendered, text), re.search(gendered, text)


def test_recommendations_carry_owner_deadline_and_response(checked):
    t = Translator("en")
    clinic = checked["clinique-du-lac"]
    rows = _table(audit.recommendations(clinic, t)).rows
    active = [f for f in clinic.findings if f.active]
    assert len(rows) == len(active)
    by_finding = {r[1]: r for r in rows}
    hv = by_finding["BKP-RESTORE-SYSTEM · mtx-hv-01"]
    assert hv[3] == "Léman Télécom Sàrl" and hv[4] == t.date(dt.date(2027, 1, 31)) and hv[5].startswith("Accepted")
    assert by_finding["AVL-ROUTE-FALLBACK · out-standby"][5].startswith("Declined")
    # Without an audit file, owner, deadline and answer are left to be written in by hand.
    blank = _table(audit.recommendations(checked["fiduciaire-rochat"].replace(audit=None), t)).rows
    assert blank and all(r[3] == r[4] == r[5] == audit.WRITE_IN for r in blank)
    # A recommendation for "*" answers every finding of its rule.
    small = {r[1]: r for r in _table(audit.recommendations(checked["fiduciaire-rochat"], t)).rows}
    assert small["AVL-SIP-PROVIDER · lau-pbx-01"][3] == "Léman Télécom Sàrl" and small["AVL-SIP-PROVIDER · lau-pbx-01"][5].startswith("Declined")


def test_management_response_and_signatures(checked):
    t = Translator("en")
    record = audit.build(checked["clinique-du-lac"], t, TODAY)
    assert [(s.role, s.name) for s in record.signatures] == [("For the audit", "Anne Rossier"), ("For the customer's management", "Stéphane Monnier")]
    response = _documents(record, "Management response")[0]
    assert "Answered by Stéphane Monnier on 20/11/2026." in [_value(p) for b in response.blocks for p in getattr(b, "parts", ())]


def _breach_shown(headers: tuple, row: tuple, t: Translator, today: dt.date, project) -> bool:
    """Whether a row of an evidence table shows a breach, judged from the data, not from the cell."""
    col = {_value(h): i for i, h in enumerate(headers)}
    if t.t("pdf.col.last_test") in col:
        tests = sorted((r for r in project.backups.restore_tests if r.system == row[0]), key=lambda r: r.date)
        passed = [r for r in tests if r.result == "passed"]
        return not tests or tests[-1].result != "passed" or (today - passed[-1].date).days > project.pbxdoc.policy.restore_test_max_age_days
    if t.t("pdf.col.last_success") in col:
        job = next(j for j in project.backups.jobs if j.system == row[0] and t.label("backup_method", j.method) == _value(row[1]) and t.label("backup_location", j.location) == _value(row[2]))
        late = job.last_success is None or (today - job.last_success).days > allowed_age(job, project.pbxdoc.policy.backup_max_age_days)
        return (job.automated and late) or not job.encrypted
    if t.t("pdf.col.expiry") in col and t.t("pdf.col.licence") in col:
        lic = next(x for x in project.licences if x.item == _value(row[0]))
        return lic.expiry is not None and (lic.expiry - today).days <= project.pbxdoc.policy.licence_warning_days
    if t.t("pdf.col.present") in col:
        return _value(row[col[t.t("pdf.col.present")]]) == t.t("pdf.no")
    return False


@pytest.mark.parametrize("audience", list(Audience))
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", ["fiduciaire-rochat", "clinique-du-lac"])
def test_every_breach_a_table_shows_has_its_finding(checked, name, lang, audience):
    """Walk every table of the report: a row that shows a breach (restore test never or overdue,
    backup older than accepted, licence expiring, item missing) is in bold and names the rule of an
    existing finding about it; a bold cell always names one."""
    t = Translator(lang)
    project = for_audience(checked[name], audience)
    record = audit.build(project, t, TODAY)
    findings = {(f.rule, f.object_id) for f in project.findings}
    rules = {f.rule for f in project.findings}
    walked = 0
    for document in record.documents:
        for table in (b for b in document.blocks if isinstance(b, Table)):
            for row in table.rows:
                strong = [c for c in row if isinstance(c, Text) and c.strong]
                for cell in strong:
                    named = set(RULE_ID.findall(cell.value) + RULE_ID.findall(_value(row[0]))) & rules
                    assert named, f"{document.title}: bold cell without a finding: {cell.value}"
                if _breach_shown(table.headers, row, t, TODAY, project):
                    walked += 1
                    assert strong, f"{document.title}: a breach in plain text: {row}"
                    assert any((r, o) in findings for c in strong for r in RULE_ID.findall(c.value) for o in (_value(row[0]), *[f.object_id for f in project.findings if f.rule == r])), row
    assert walked >= (2 if name == "fiduciaire-rochat" else 3)


def test_hypervisors_never_restored_and_weekly_jobs(checked):
    """The clinic's hypervisors were never restored: the table names the finding. The small
    example's weekly VM image, 5 days old, is within its accepted age (9 days), as BKP-STALE judges."""
    t = Translator("en")
    restore = [b for b in audit_evidence.backups(checked["clinique-du-lac"], t, TODAY).blocks if isinstance(b, Table)][-1]
    rows = {r[0]: r for r in restore.rows}
    for hv in ("mtx-hv-01", "vev-hv-01"):
        assert rows[hv][3].strong and "BKP-RESTORE-SYSTEM" in rows[hv][3].value
    jobs = [b for b in audit_evidence.backups(checked["fiduciaire-rochat"], t, TODAY).blocks if isinstance(b, Table)][0].rows
    weekly = next(r for r in jobs if r[0] == "lau-hv-01")
    assert _value(weekly[5]).endswith("(5 d ago)")
    assert not isinstance(weekly[5], Text) and _value(weekly[6]) == "9 d"


def test_completeness_and_findings_are_the_same_for_every_audience(checked):
    """Commercial documents are withheld from the auditor and the customer: the item reads
    "withheld for this audience", is counted as present, and the score does not change."""
    t = Translator("en")
    scores = {}
    for audience in Audience:
        view = for_audience(checked["clinique-du-lac"], audience)
        doc = audit_evidence.completeness(view, t)
        scores[audience] = _value(doc.blocks[0].parts[0])
        states = {r[0]: _value(r[1]) for r in _table(doc).rows}
        offers = states[t.t("checks.completeness.offers")]
        assert offers == ("Yes" if audience is Audience.INTEGRATOR else "Withheld for this audience")
        assert "No" not in states.values()
        assert view.findings == checked["clinique-du-lac"].findings
    assert len(set(scores.values())) == 1 and "100%" in scores[Audience.AUDITOR]


def test_the_audit_file_is_validated():
    with pytest.raises(ValueError):
        Audit.model_validate({"auditor": {"name": "a", "organisation": "b"}, "period_start": "2026-02-01", "period_end": "2026-01-01"})


def test_each_edition_has_its_own_document_id(checked):
    """Language and audience editions differ in content: their ids and file names differ too."""
    from generator.pdf.layout import document_id

    project = checked["clinique-du-lac"]
    ids = {document_id(project, "audit", lang, a.value) for lang in ("fr", "de", "en") for a in Audience}
    assert len(ids) == 9 and "CDL-TEL-AUDIT-3.2-fr-auditor" in ids


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_readers_edition_says_where_its_evidence_is_as_it_prints_it(checked, lang):
    """The auditor's edition cites a section of the documentation, not file:line: neither the column
    head nor the method may say it cites files and lines; the integrator's edition does cite them."""
    from generator.audience import AudienceTranslator

    project = checked["clinique-du-lac"]
    for audience, files in ((Audience.AUDITOR, False), (Audience.INTEGRATOR, True)):
        t = AudienceTranslator(lang, audience)
        record = audit.build(project, t, TODAY)
        heads = [str(h) for d in record.documents for b in d.blocks if isinstance(b, Table) for h in b.headers]
        method = " ".join(_value(p) for b in audit.frame(project, t, TODAY).blocks for p in getattr(b, "parts", ()))
        file_line = {"fr": ("fichier:ligne", "le fichier et la ligne"), "de": ("Datei:Zeile", "die Datei und die Zeile"), "en": ("file:line", "the file and line")}[lang]
        assert any(file_line[0] in h for h in heads) is files, heads
        assert (file_line[1] in method) is files, method


def test_voip_channels_are_not_applicable_until_they_or_their_licences_are_recorded(checked):
    """Without the channels configured or licensed, DIM-VOIP-CHANNELS judged nothing: the audit
    says so instead of 'passed'."""
    t = Translator("en")
    clinic = checked["clinique-du-lac"]
    assert {r[0]: _value(r[3]) for r in _table(audit.rules_applied(clinic, t)).rows}["DIM-VOIP-CHANNELS"] == "Not applicable"
    recorded = clinic.replace(servers=[s.model_copy(update={"voip_channels": 120}) if s.id == "mtx-pbx-01" else s for s in clinic.servers])
    recorded = recorded.with_findings(run(recorded))
    assert {r[0]: _value(r[3]) for r in _table(audit.rules_applied(recorded, t)).rows}["DIM-VOIP-CHANNELS"] == "Passed"
