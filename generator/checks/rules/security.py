"""Security: no plaintext secrets anywhere in the data, administration by named people, secure trunks."""

from __future__ import annotations

import re

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity
from generator.model.base import SECRET_SCHEMES, Record

REFERENCE = "|".join(re.escape(s) for s in SECRET_SCHEMES)
SECRET_IN_TEXT = re.compile(
    r"(?i)\b[a-z][a-z0-9+.-]*://[^\s/:@]+:[^\s/@]+@"  # credentials in a URL
    r"|\b(?:password|passwd|pwd|passphrase|mot de passe|mdp|passwort|kennwort|pin|secret|api[ _-]?key|token)\b\s*[:=]\s*"
    rf"(?!(?:{REFERENCE}):)[^\s,;]+"
)


def text_fields(record: Record, owner: str = ""):
    """(record, field, owner id, text) for every text value of a record and the records inside it."""
    owner = str(getattr(record, "id", "") or owner)
    for name, value in record.__dict__.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str):
                yield record, name, owner, item
            elif isinstance(item, Record):
                yield from text_fields(item, owner)


@rule("SEC-PLAINTEXT", Category.SECURITY, Severity.ERROR, "Course 6.3 (secure backups) and good practice: secrets are kept in a vault, the documentation holds references")
def plaintext_secret(ctx):
    project = ctx.project
    for concern in type(project).model_fields:
        value = getattr(project, concern)
        for record in value if isinstance(value, list) else [value]:
            if not isinstance(record, Record):
                continue
            for owner_record, field, owner, text in text_fields(record, concern):
                # Every pattern needs ':', '=' or '@'; testing for them first keeps large projects fast.
                if (":" in text or "=" in text) and SECRET_IN_TEXT.search(text):
                    # The message names the field, never the text: it holds the secret.
                    yield hit(owner_record, field, object_id=owner or concern, field=field, file=owner_record.where(field).file)


@rule("SEC-ADMIN-NAMED", Category.SECURITY, Severity.ERROR, "Good practice (course 6.2 rights matrix): administration rights only for named, accountable people", ("unnamed", "unlisted"))
def admin_named(ctx):
    rights = ctx.project.rights
    for account in rights.admin_accounts:
        if not account.person:
            yield hit(account, "system", variant="unnamed", account=account.id, system=account.system)
    admin_permissions = {p.id for p in rights.permissions if p.admin}
    admin_profiles = {p.id for p in rights.profiles if admin_permissions & set(p.permissions)}
    listed = {a.person for a in rights.admin_accounts if a.person}
    for user in ctx.project.users:
        if user.rights_profile in admin_profiles and user.id not in listed:
            yield hit(user, "rights_profile", variant="unlisted", user=user.id, profile=user.rights_profile)


@rule("SEC-SIP-TLS", Category.SECURITY, Severity.WARNING, "Good practice: SIP signalling over TLS and media over SRTP so calls cannot be intercepted on the Internet")
def sip_encrypted(ctx):
    for trunk in ctx.project.interfaces.sip_trunks:
        if trunk.transport != "tls" or not trunk.srtp:
            yield hit(trunk, "transport" if trunk.transport != "tls" else "srtp", trunk=trunk.id, transport=trunk.transport, srtp="SRTP" if trunk.srtp else "RTP")
