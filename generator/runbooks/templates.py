"""Vendor step templates: how to back up and restore a given make of system, kept as data.

Templates are YAML files in `generator/knowledge/runbooks/` and, for an integrator's own vendors,
in the project's `runbooks/` folder (a file there with the id of a built-in template replaces it).
Each names the vendor manual and holds numbered steps in French, German and English with
{placeholders} that the runbook fills from the data. See the README beside the built-in files.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from generator.diagnostics import PbxdocError
from generator.document import Text, escape
from generator.i18n import LANGUAGES
from generator.loaders.files import inside
from generator.model.network import DeviceKind
from generator.words import noun

BUILT_IN = Path(__file__).resolve().parent.parent / "knowledge" / "runbooks"
PROJECT_FOLDER = "runbooks"
STEP_KINDS = ("backup_now", "verify_backup", "restore", "verify_restore", "rollback")
SUBJECT_KINDS = ("server", "dect_system", "device", "special_interface", "application_server")
PLACEHOLDERS = (
    "id", "name", "vendor", "model", "make", "version", "archive", "admin_url", "address", "location",
    "destination", "backup_file", "key_holder", "manual", "manual_backup", "manual_restore",
)


class TemplateError(PbxdocError):
    """A step template file is unreadable or does not follow the template format."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _known_placeholders(text: str, allowed: tuple[str, ...] = PLACEHOLDERS) -> str:
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError as e:
        raise ValueError(f"{e} (write a literal brace as {{{{ or }}}})") from None
    for _, name, spec, conversion in fields:
        if name is not None and (name not in allowed or spec or conversion):
            raise ValueError(f"unknown placeholder {{{name}}}; use one of {', '.join('{' + p + '}' for p in allowed)}")
    return text


class Step(_Strict):
    fr: str
    de: str
    en: str

    _placeholders = field_validator("fr", "de", "en")(classmethod(lambda cls, text: _known_placeholders(text)))


MANUAL_PLACEHOLDERS = ("id", "name", "vendor", "model", "make")


class ManualText(_Strict):
    """A manual's words in each language, when they are a description rather than the manual's own title."""

    fr: str
    de: str
    en: str

    _placeholders = field_validator("fr", "de", "en")(classmethod(lambda cls, text: _known_placeholders(text, MANUAL_PLACEHOLDERS)))


class Manual(_Strict):
    """The vendor manual a step refers to; its title may name the {vendor}, {model} or {make}.

    A real manual's title and section titles are given as printed (one string); the generic
    template describes them, in each language."""

    title: str | ManualText = Field(..., description="The vendor manual's name")
    backup_section: str | ManualText = Field(..., description="Title (or topic) of the section on backing up")
    restore_section: str | ManualText = Field(..., description="Title (or topic) of the section on restoring")

    @field_validator("title", "backup_section", "restore_section")
    @classmethod
    def _placeholders(cls, value):
        return _known_placeholders(value, MANUAL_PLACEHOLDERS) if isinstance(value, str) else value

    def filled(self, lang: str, values: dict[str, str]) -> tuple[str, str, str]:
        """Title, backup section and restore section in this language, with the system's vendor and model."""
        def text(value: str | ManualText) -> str:
            raw = value if isinstance(value, str) else getattr(value, lang)
            return raw.format_map({p: values[p] for p in MANUAL_PLACEHOLDERS})

        return text(self.title), text(self.backup_section), text(self.restore_section)


class Match(_Strict):
    kinds: list[str] = Field(default_factory=list, description="Subject kinds; empty matches every kind")
    vendor: str | None = Field(None, description="Regular expression searched in the vendor (case-insensitive)")
    model: str | None = Field(None, description="Regular expression searched in the model (case-insensitive)")
    device_kinds: list[str] = Field(default_factory=list, description="For devices: network.yaml kinds (switch, hypervisor, nas...); empty matches every kind")

    @field_validator("device_kinds")
    @classmethod
    def _device_kinds(cls, kinds: list[str]) -> list[str]:
        known = {k.value for k in DeviceKind}
        unknown = sorted(set(kinds) - known)
        if unknown:
            raise ValueError(f"unknown device {noun(len(unknown), 'kind')} {', '.join(unknown)}; use {', '.join(sorted(known))}")
        return kinds

    @field_validator("kinds")
    @classmethod
    def _kinds(cls, kinds: list[str]) -> list[str]:
        unknown = sorted(set(kinds) - set(SUBJECT_KINDS))
        if unknown:
            raise ValueError(f"unknown {noun(len(unknown), 'kind')} {', '.join(unknown)}; use {', '.join(SUBJECT_KINDS)}")
        return kinds

    @field_validator("vendor", "model")
    @classmethod
    def _regex(cls, value: str | None) -> str | None:
        if value is not None:
            re.compile(value)
        return value


class StepTemplate(_Strict):
    id: str = Field(..., pattern=r"^[a-z0-9][a-z0-9-]*$")
    source: str = Field(..., description="Where the steps come from (manual, release), for reviewers")
    priority: int = Field(0, description="The highest-priority matching template is used")
    match: Match
    manual: Manual
    steps: dict[str, list[Step]]

    @field_validator("steps")
    @classmethod
    def _every_kind(cls, steps: dict[str, list[Step]]) -> dict[str, list[Step]]:
        missing = [k for k in STEP_KINDS if not steps.get(k)]
        unknown = sorted(set(steps) - set(STEP_KINDS))
        if missing or unknown:
            raise ValueError(f"steps must hold exactly {', '.join(STEP_KINDS)}" + (f"; missing {', '.join(missing)}" if missing else "") + (f"; unknown {', '.join(unknown)}" if unknown else ""))
        return steps

    def matches(self, kind: str, vendor: str, model: str, device_kind: str | None = None) -> bool:
        m = self.match
        return (
            (not m.kinds or kind in m.kinds)
            and (not m.device_kinds or device_kind in m.device_kinds)
            and (m.vendor is None or re.search(m.vendor, vendor or "", re.IGNORECASE) is not None)
            and (m.model is None or re.search(m.model, model or "", re.IGNORECASE) is not None)
        )


@dataclass(frozen=True)
class Loaded:
    template: StepTemplate
    file: str  # shown in errors and in the runbook's provenance line
    from_project: bool


def _read(path: Path, shown: str, from_project: bool) -> Loaded:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Loaded(StepTemplate.model_validate(data), shown, from_project)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise TemplateError(f"{shown}: cannot read the step template ({e.__class__.__name__}: {e})") from e
    except ValidationError as e:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc']) or '(file)'}: {err['msg']}" for err in e.errors())
        raise TemplateError(f"{shown}: not a valid step template: {problems}") from e


@lru_cache(maxsize=1)
def _built_in() -> tuple[Loaded, ...]:
    return tuple(_read(p, f"knowledge/runbooks/{p.name}", False) for p in sorted(BUILT_IN.glob("*.yaml")))


def load_templates(project_root: Path | None) -> list[Loaded]:
    """Built-in templates, with the project's own (`runbooks/*.yaml`) added or replacing by id."""
    by_id = {t.template.id: t for t in _built_in()}
    folder = project_root / PROJECT_FOLDER if project_root else None
    if folder is not None and folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            shown = f"{PROJECT_FOLDER}/{path.name}"
            if not inside(project_root, path):
                raise TemplateError(f"{shown}: the file is a link that leaves the project folder; refused")
            loaded = _read(path, shown, True)
            by_id[loaded.template.id] = loaded
    return sorted(by_id.values(), key=lambda t: t.template.id)


def select(templates: list[Loaded], kind: str, vendor: str, model: str, device_kind: str | None = None) -> Loaded:
    """The matching template of highest priority; a project's template wins a tie."""
    candidates = [t for t in templates if t.template.matches(kind, vendor, model, device_kind)]
    if not candidates:
        raise TemplateError(f"no step template matches a {kind} of vendor {vendor!r}, model {model!r}; keep the generic template (an empty match)")
    return max(candidates, key=lambda t: (t.template.priority, t.from_project, t.template.id))


def fill(text: str, values: dict[str, str]) -> Text:
    """A template sentence as safe Markdown: its own words and the data's values are both escaped,
    and the values are set in bold so that a technician finds them at a glance."""
    out = []
    for literal, name, _, _ in string.Formatter().parse(text):
        out.append(escape(literal))
        if name is not None:
            value = values[name]
            out.append(value.md() if isinstance(value, Text) else f"**{escape(value)}**")
    return Text("".join(out), raw=True)


def steps(template: StepTemplate, kind: str, lang: str, values: dict[str, str]) -> tuple[Text, ...]:
    assert lang in LANGUAGES
    return tuple(fill(getattr(step, lang), values) for step in template.steps[kind])
