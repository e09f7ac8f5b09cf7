"""The customers of a portfolio: the project folders of DIR, or the ones portfolio.yaml lists with
their own settings. A customer that cannot be built is kept with its reason, never dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from generator.audience import Audience
from generator.diagnostics import PbxdocError, Report
from generator.loaders.yaml_file import read_yaml
from generator.model.organisation import Language

PORTFOLIO_FILE = "portfolio.yaml"
PROJECT_FILE = "pbxdoc.yaml"
MAX_PORTFOLIO_BYTES = 4 * 1024 * 1024
# A customer id names a folder of OUT and a file of its state: no dot, no slash, no leading '_'
# (OUT's own entries start with '_' or hold a dot), at most 64 characters.
CUSTOMER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
ID_RULE = "letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters"


class PortfolioError(PbxdocError):
    """portfolio.yaml cannot be read: nothing is built (a usage error)."""


class CustomerEntry(BaseModel):
    """One customer of portfolio.yaml; unset settings take the command's options."""

    model_config = ConfigDict(extra="forbid")
    path: str
    id: str | None = None
    audience: Audience | None = None
    lang: Language | None = None
    all_languages: bool | None = None


class PortfolioFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    customers: list[CustomerEntry]


@dataclass(frozen=True)
class Customer:
    id: str
    root: Path
    audience: Audience | None = None
    lang: str | None = None
    all_languages: bool | None = None


@dataclass(frozen=True)
class Unbuildable:
    """A customer found but not buildable as listed (bad id, missing folder, link, duplicate)."""

    id: str
    reason: str

    @property
    def has_valid_id(self) -> bool:
        return bool(CUSTOMER_ID.match(self.id))


@dataclass
class Discovery:
    customers: list[Customer] = field(default_factory=list)
    unbuildable: list[Unbuildable] = field(default_factory=list)


def discover(directory: Path) -> Discovery:
    """Every customer of the portfolio in DIR, sorted by id."""
    if not directory.is_dir():
        raise PortfolioError(f"{directory} is not a folder; give the folder holding the customer folders or portfolio.yaml")
    listed = directory / PORTFOLIO_FILE
    found = Discovery()
    if listed.is_file() or listed.is_symlink():
        entries = _read_portfolio(listed)
        candidates = [(entry.id or Path(entry.path).name, entry.path, entry) for entry in entries]
    else:
        candidates = [(child.name, child.name, None) for child in sorted(directory.iterdir()) if not child.name.startswith(".") and (child / PROJECT_FILE).exists()]
    seen: dict[str, str] = {}
    base = directory.resolve()
    for customer_id, relative, entry in candidates:
        problem = _problem(customer_id, relative, directory, base)
        if problem is None and customer_id.casefold() in seen:
            problem = f"the id {customer_id} is also used by {seen[customer_id.casefold()]}; give each customer its own id"
        if problem is not None:
            found.unbuildable.append(Unbuildable(customer_id, problem))
            continue
        seen[customer_id.casefold()] = relative
        found.customers.append(
            Customer(
                id=customer_id,
                root=directory / relative,
                audience=entry.audience if entry else None,
                lang=entry.lang.value if entry and entry.lang else None,
                all_languages=entry.all_languages if entry else None,
            )
        )
    found.customers.sort(key=lambda c: c.id)
    found.unbuildable.sort(key=lambda u: (u.id, u.reason))
    return found


def _problem(customer_id: str, relative: str, directory: Path, base: Path) -> str | None:
    """Why this customer cannot be built, or None."""
    if not CUSTOMER_ID.match(customer_id):
        return f"{customer_id!r} cannot name its output folder ({ID_RULE}); give it an id in {PORTFOLIO_FILE}"
    path = Path(relative)
    if path.is_absolute() or ".." in path.parts:
        return f"path {relative!r} leaves the portfolio folder; list customer folders relative to it"
    root = directory / path
    if root.is_symlink():
        return f"{relative} is a symbolic link, which pbxdoc does not follow; list the real folder"
    if not root.is_dir():
        return f"{relative}: no such customer folder"
    if not root.resolve().is_relative_to(base):
        return f"{relative} leads outside the portfolio folder"
    if not (root / PROJECT_FILE).is_file():
        return f"{relative} holds no {PROJECT_FILE}"
    return None


def _read_portfolio(path: Path) -> list[CustomerEntry]:
    if path.is_symlink() or not path.is_file():
        raise PortfolioError(f"{path.name} is not a regular file (a link is not followed)")
    if path.stat().st_size > MAX_PORTFOLIO_BYTES:
        raise PortfolioError(f"{path.name} is larger than {MAX_PORTFOLIO_BYTES // (1024 * 1024)} MB; refused")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise PortfolioError(f"{path.name} is not UTF-8 text (byte {e.start})") from e
    report = Report()
    source = read_yaml(text, PORTFOLIO_FILE, report)
    if source is None:
        raise PortfolioError("; ".join(str(d) for d in report.sorted()))
    try:
        return PortfolioFile.model_validate(source.data).customers
    except ValidationError as e:
        problems = []
        for err in e.errors():
            loc = source.locate(tuple(err["loc"]))
            field_name = ".".join(str(p) for p in err["loc"])
            problems.append(f"{loc}: {field_name}: {err['msg']}")
        raise PortfolioError("; ".join(problems)) from e
