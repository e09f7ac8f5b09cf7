"""What the workbook holds: one table per tabular record of the model, in plain values.

Sheets are described here once (columns with their kind, and the rows taken from the model);
`xlsx.py` presents them and `importer.py` reads the importable ones back, so the column list of
a concern exists in one place only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from generator.audience import data_file, evidence, finding_object
from generator.i18n import Translator
from generator.model.callflow import call_flows
from generator.model.project import Project

# How a column's values are written and read back.
TEXT, INT, FLOAT, MONEY, DATE, BOOL, LIST, ENUM, CHECK, DAYS = "text", "int", "float", "money", "date", "bool", "list", "enum", "check", "days"
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    """A column: `key` names its header (workbook.column.<key>) and, unless derived, the model field."""

    key: str
    kind: str = TEXT
    enum: str | None = None  # ENUM columns: label domain in model.yaml or workbook.label, or a full key prefix ("checks.category")
    derived: bool = False  # computed for the reader, ignored on import
    optional: bool = False  # left out when empty everywhere (commercial data and secret references
    # are emptied for the customer and auditor audiences, so their columns disappear)
    wide: bool = False  # long text: wrapped in a wider column
    label: str | None = None  # header given as is (rights matrix: one column per permission)


@dataclass(frozen=True)
class Sheet:
    """One worksheet: `key` names it (workbook.sheet.<key>); `concern` when it can be imported back."""

    key: str
    columns: tuple[Column, ...]
    rows: list[tuple]
    concern: str | None = None
    frozen_columns: int = 0
    matrix: bool = False  # a users x rights matrix: narrow, rotated headers
    extra: dict = field(default_factory=dict)

    def without_empty_optional_columns(self) -> "Sheet":
        keep = [i for i, c in enumerate(self.columns) if not c.optional or any(row[i] not in (None, "", []) for row in self.rows)]
        if len(keep) == len(self.columns):
            return self
        return Sheet(
            self.key,
            tuple(self.columns[i] for i in keep),
            [tuple(row[i] for i in keep) for row in self.rows],
            self.concern,
            self.frozen_columns,
            self.matrix,
            self.extra,
        )


def _value(record: Any, column: Column) -> Any:
    value = getattr(record, column.key)
    if isinstance(value, Enum):
        return value.value
    if value is False and column.optional:  # an optional flag is shown where it is set, and only
        return None  # when it is set somewhere (the customer never sees "internal: no" everywhere)
    return value


def _record_rows(records: list, columns: tuple[Column, ...]) -> list[tuple]:
    return [tuple(_value(r, c) for c in columns) for r in records]


# --- importable sheets: every column is a field of the concern's record ------------------------

IMPORTABLE: dict[str, tuple[str, tuple[Column, ...]]] = {
    "addresses": (
        "addresses",
        (Column("address"), Column("hostname"), Column("subnet"), Column("device"), Column("mac"), Column("role", wide=True)),
    ),
    "users": (
        "users",
        (
            Column("id"),
            Column("last_name"),
            Column("first_name"),
            Column("extension"),
            Column("did"),
            Column("department"),
            Column("site"),
            Column("email"),
            Column("mobile"),
            Column("rights_profile"),
            Column("terminal"),
            Column("hot_desking", BOOL),
            Column("mobile_extension", BOOL),
            Column("dual_homing", BOOL),
            Column("voicemail", BOOL),
            Column("pin", optional=True),
        ),
    ),
    "handsets": (
        "handsets",
        (
            Column("id"),
            Column("system"),
            Column("model"),
            Column("user"),
            Column("extension"),
            Column("ipei"),
            Column("base"),
            Column("firmware_version"),
            Column("notes", wide=True),
        ),
    ),
    "licences": (
        "licences",
        (
            Column("id"),
            Column("item", wide=True),
            Column("kind", ENUM, enum="licence_kind"),
            Column("system"),
            Column("quantity", INT),
            Column("used", INT),
            Column("edition"),
            Column("start", DATE),
            Column("expiry", DATE),
            Column("days_to_expiry", DAYS, derived=True),
            Column("contract"),
            Column("key", optional=True),
            Column("price_chf", MONEY, optional=True),
        ),
    ),
    "changelog": (
        "changelog",
        (
            Column("id"),
            Column("date", DATE),
            Column("author"),
            Column("ticket"),
            Column("description", wide=True),
            Column("devices", LIST),
            Column("backup_before"),
            Column("backup_before_date", DATE),
            Column("backup_after"),
            Column("backup_after_date", DATE),
        ),
    ),
    "contacts": (
        "contacts",
        (
            Column("id"),
            Column("name"),
            Column("role", ENUM, enum="contact_role"),
            Column("organisation"),
            Column("function"),
            Column("phone"),
            Column("mobile"),
            Column("email"),
            Column("site"),
            Column("escalation", INT),
            Column("internal", BOOL, optional=True),
            Column("notes", wide=True),
        ),
    ),
    "documents": (
        "documents",
        (
            Column("id"),
            Column("kind", ENUM, enum="document_kind"),
            Column("title", wide=True),
            Column("date", DATE),
            Column("file"),
            Column("reference", wide=True),
            Column("internal", BOOL, optional=True),
        ),
    ),
}
"""Sheet key -> (concern, columns). Import reads these sheets back into the concern's file."""


# Columns naming a file of the customer's folder: its path for the integrator, in words for the others.
FILE_COLUMNS = frozenset({"file", "backup_before", "backup_after"})


def _importable(project: Project, key: str, generated: dt.date, t: Translator) -> Sheet:
    concern, columns = IMPORTABLE[key]
    records = getattr(project, concern)
    if key == "licences":
        rows = []
        for lic in records:
            values = {c.key: (_value(lic, c) if not c.derived else None) for c in columns}
            values["days_to_expiry"] = (lic.expiry - generated).days if lic.expiry else None
            rows.append(tuple(values[c.key] for c in columns))
        return Sheet(key, columns, rows, concern, frozen_columns=1, extra={"warning_days": project.pbxdoc.policy.licence_warning_days})
    rows = _record_rows(records, columns)
    files = [i for i, c in enumerate(columns) if c.key in FILE_COLUMNS]
    if files:
        rows = [tuple(data_file(v, t) if i in files and isinstance(v, str) else v for i, v in enumerate(row)) for row in rows]
    return Sheet(key, columns, rows, concern, frozen_columns=1)


# --- read-only sheets ---------------------------------------------------------------------------

TERMINAL_COLUMNS = (
    Column("id"),
    Column("type", ENUM, enum="terminal_type"),
    Column("vendor"),
    Column("model"),
    Column("count", INT),
    Column("server"),
    Column("site"),
    Column("firmware_version"),
    Column("poe_class", INT),
    Column("notes", wide=True),
)

BACKUP_JOB_COLUMNS = (
    Column("id"),
    Column("system"),
    Column("method", ENUM, enum="backup_method"),
    Column("location", ENUM, enum="backup_location"),
    Column("destination", wide=True),
    Column("medium"),
    Column("schedule"),
    Column("automated", BOOL),
    Column("rotation_daily", INT, derived=True),
    Column("rotation_weekly", INT, derived=True),
    Column("rotation_monthly", INT, derived=True),
    Column("encrypted", BOOL),
    Column("key_holder"),
    Column("includes", LIST, wide=True),
    Column("excludes", LIST, wide=True),
    Column("last_success", DATE),
    Column("encryption_key", optional=True),
    Column("credentials", optional=True),
)

RESTORE_TEST_COLUMNS = (
    Column("id"),
    Column("system"),
    Column("date", DATE),
    Column("by"),
    Column("result", ENUM, enum="test_result"),
    Column("duration_min", INT),
    Column("backup_used"),
    Column("notes", wide=True),
)

INVENTORY_COLUMNS = (
    Column("category", ENUM, enum="inventory", derived=True),
    Column("id"),
    Column("name"),
    Column("vendor"),
    Column("model"),
    Column("site"),
    Column("software_version"),
    Column("firmware_version"),
    Column("serial"),
    Column("address"),
    Column("count", INT),
    Column("firmware_archived", BOOL, derived=True),
)

FINDING_COLUMNS = (
    Column("severity", ENUM, enum="severity"),
    Column("status", ENUM, enum="checks.status"),
    Column("rule"),
    Column("category", ENUM, enum="checks.category"),
    Column("title", wide=True),
    Column("message", wide=True),
    Column("object"),
    Column("source"),
)


def _terminals(project: Project) -> Sheet:
    return Sheet("terminals", TERMINAL_COLUMNS, _record_rows(project.terminals.terminals, TERMINAL_COLUMNS), frozen_columns=1)


def _backup_jobs(project: Project) -> Sheet:
    rows = []
    for job in project.backups.jobs:
        rotation = job.rotation
        values = {c.key: getattr(job, c.key, None) for c in BACKUP_JOB_COLUMNS}
        values["method"], values["location"] = job.method.value, job.location
        values["rotation_daily"] = rotation.daily if rotation else None
        values["rotation_weekly"] = rotation.weekly if rotation else None
        values["rotation_monthly"] = rotation.monthly if rotation else None
        rows.append(tuple(values[c.key] for c in BACKUP_JOB_COLUMNS))
    return Sheet("backup_jobs", BACKUP_JOB_COLUMNS, rows, frozen_columns=1)


def _restore_tests(project: Project) -> Sheet:
    return Sheet("restore_tests", RESTORE_TEST_COLUMNS, _record_rows(project.backups.restore_tests, RESTORE_TEST_COLUMNS), frozen_columns=1)


def _inventory_items(project: Project) -> list[tuple[str, Any, dict]]:
    """(category, record, overrides) for every piece of hardware or software with a version."""
    items: list[tuple[str, Any, dict]] = []
    for server in project.servers:
        items.append(("server", server, {}))
        for card in server.slots:
            items.append(
                ("card", card, {"id": f"{server.id}/{card.slot}", "name": card.type, "vendor": server.vendor, "model": " + ".join([card.type, *card.modules]), "site": server.site})
            )
    for device in project.network.devices:
        items.append(("device", device, {}))
    for system in project.dect.systems:
        items.append(("dect_system", system, {"model": system.manager_model, "software_version": system.manager_version, "address": system.manager_address}))
    for base in project.dect.bases:
        items.append(("dect_base", base, {"name": base.location}))
    for repeater in project.dect.repeaters:
        base = project.base_by_id.get(repeater.base)
        items.append(("dect_repeater", repeater, {"name": repeater.location, "site": base.site if base else None}))
    for group in project.terminals.terminals:
        items.append(("terminal", group, {"name": None}))
    def site_of(server_id: str) -> str | None:
        server = project.server_by_id.get(server_id)
        return server.site if server else None

    for special in project.interfaces.special_interfaces:
        items.append(("special_interface", special, {"site": special.site or site_of(special.server)}))
    for app in project.terminals.application_servers:
        items.append(("application_server", app, {"vendor": app.product, "software_version": app.version, "site": site_of(app.server)}))
    for ups in project.availability.ups:
        items.append(("ups", ups, {}))
    return items


def _inventory(project: Project) -> Sheet:
    archived = {(a.system, a.version) for a in project.backups.firmware_archive}
    rows = []
    for category, record, overrides in _inventory_items(project):
        values: dict[str, Any] = {c.key: getattr(record, c.key, None) for c in INVENTORY_COLUMNS}
        values.update(overrides)
        values["category"] = category
        version = values["firmware_version"] or values["software_version"]
        values["firmware_archived"] = (values["id"], version) in archived if version else None
        rows.append(tuple(values[c.key] for c in INVENTORY_COLUMNS))
    return Sheet("inventory", INVENTORY_COLUMNS, rows, frozen_columns=2)


NUMBER_COLUMNS = (
    Column("number"),
    Column("line"),
    Column("site"),
    Column("number_status", ENUM, enum="sections.routing.status"),
    Column("holder_kind", ENUM, enum="holder_kind"),
    Column("holder"),
    Column("note", wide=True),
    Column("donor"),
    Column("porting_date", DATE),
    Column("authorisation"),
)


def _numbers(project: Project) -> Sheet:
    """Every public number of the blocks and lines: assigned, reserved or free, and its porting."""
    flows = call_flows(project)
    names = {u.id: u.display_name for u in project.users} | {e.id: e.name for e in project.routing.entry_points}
    rows = []
    for entry in flows.inventory():
        ported = entry.ported
        rows.append((entry.number, entry.line, entry.site, entry.status, entry.holder_kind, names.get(entry.holder or "", entry.holder), entry.note,
                     ported.donor if ported else None, ported.date if ported else None, ported.authorisation if ported else None))
    return Sheet("numbers", NUMBER_COLUMNS, rows, frozen_columns=1)


def _findings(project: Project, t: Translator) -> Sheet:
    """Titles and messages as the build worded them, in the workbook's language; the evidence as
    file:line for the integrator, in words for the others."""
    rows = [(f.severity.value, f.status.value, f.rule, f.category, f.title, f.message, finding_object(f.object_id, t), evidence(f.location, project, t)) for f in project.findings]
    return Sheet("findings", FINDING_COLUMNS, rows)


def _rights(project: Project) -> Sheet:
    """Users down, permissions across: a check mark where the user's profile grants the permission."""
    permissions = project.rights.permissions
    profiles = {p.id: p for p in project.rights.profiles}
    columns = (
        Column("id"),
        Column("name"),
        Column("extension"),
        Column("rights_profile"),
        Column("outgoing", ENUM, enum="outgoing"),
        *(Column(f"permission:{p.id}", CHECK, label=p.name) for p in permissions),
    )
    rows = []
    for user in project.users:
        profile = profiles.get(user.rights_profile)
        granted = set(profile.permissions) if profile else set()
        rows.append(
            (
                user.id,
                user.display_name,
                user.extension,
                profile.name if profile else user.rights_profile,
                profile.outgoing if profile else None,
                *(p.id in granted for p in permissions),
            )
        )
    return Sheet("rights", columns, rows, frozen_columns=2, matrix=True)


SHEET_ORDER = (
    "addresses",
    "users",
    "terminals",
    "handsets",
    "licences",
    "rights",
    "changelog",
    "backup_jobs",
    "restore_tests",
    "inventory",
    "numbers",
    "findings",
    "contacts",
    "documents",
)


def build_sheets(project: Project, generated: dt.date, translator: Translator | None = None) -> list[Sheet]:
    """Every sheet of the workbook, in reading order, with empty optional columns removed."""
    t = translator or Translator(project.pbxdoc.language.value)
    sheets = {
        "terminals": _terminals(project),
        "rights": _rights(project),
        "backup_jobs": _backup_jobs(project),
        "restore_tests": _restore_tests(project),
        "inventory": _inventory(project),
        "numbers": _numbers(project),
        "findings": _findings(project, t),
    }
    for key in IMPORTABLE:
        sheets[key] = _importable(project, key, generated, t)
    return [sheets[key].without_empty_optional_columns() for key in SHEET_ORDER]
