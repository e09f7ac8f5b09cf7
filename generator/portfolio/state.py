"""What a portfolio build keeps beside each customer's output (OUT/_state/<id>.json): the build key,
the last outcome and the customer's facts. The merge reads these from other machines' outputs,
so they are validated as strictly as a project file: bounded, typed, links kept inside OUT."""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from generator.portfolio.customers import CUSTOMER_ID

STATE_DIR = "_state"
FORMAT = 1
MAX_STATE_BYTES = 16 * 1024 * 1024
# A link the dashboard offers: a relative path inside the customer's output, nothing else.
OUTPUT_PATH = re.compile(r"^(?!/)(?!.*(?:^|/)\.\.(?:/|$))[A-Za-z0-9_./-]{1,300}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CustomerName(_Strict):
    id: str
    name: str
    language: str


class DocumentInfo(_Strict):
    date: str
    version: str


class Server(_Strict):
    id: str
    vendor: str
    model: str
    software_version: str


class Counts(_Strict):
    sites: int = Field(ge=0)
    users: int = Field(ge=0)
    handsets: int = Field(ge=0)


class FindingCounts(_Strict):
    error: int = Field(ge=0)
    warning: int = Field(ge=0)
    info: int = Field(ge=0)
    waived: int = Field(ge=0)


class Completeness(_Strict):
    score: float = Field(ge=0, le=1)
    missing: list[str]


class DatedItem(_Strict):
    kind: Literal["licence", "contract", "waiver", "restore_test", "open_point", "certificate", "firmware_support"]
    object: str
    label: str
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    last: str | None = None


class LicenceUse(_Strict):
    id: str
    item: str
    kind: str
    system: str
    quantity: int = Field(ge=0)
    used: int | None = Field(None, ge=0)


class Outputs(_Strict):
    site: str | None = None
    records: list[str] = []
    workbooks: list[str] = []

    @field_validator("site", "records", "workbooks")
    @classmethod
    def _inside(cls, value):
        for path in [value] if isinstance(value, str) else (value or []):
            if not OUTPUT_PATH.match(path):
                raise ValueError(f"output path {path!r} is not a relative path inside the customer's output")
        return value


class Facts(_Strict):
    format: Literal[1]
    customer: CustomerName
    document: DocumentInfo
    servers: list[Server]
    counts: Counts
    findings: FindingCounts
    completeness: Completeness
    dates: list[DatedItem]
    licences: list[LicenceUse]
    input_digest: str
    outputs: Outputs


class CustomerState(_Strict):
    format: Literal[1] = FORMAT
    id: str = Field(pattern=CUSTOMER_ID.pattern)
    key: str | None = None  # the key of the last successful build
    ok: bool  # the last attempt succeeded
    reason: str = ""  # why the last attempt failed
    failed_key: str | None = None  # the key that failed as invalid data (not retried while unchanged)
    last_success: str | None = None  # ISO time of the last successful build
    facts: Facts | None = None  # from the last successful build


class StateError(Exception):
    """A state file that is not one pbxdoc wrote (or was damaged): it is not trusted."""


def state_path(out: Path, customer_id: str) -> Path:
    return out / STATE_DIR / f"{customer_id}.json"


def read_state(path: Path) -> CustomerState:
    if path.is_symlink() or not path.is_file():
        raise StateError(f"{path.name} is not a regular file")
    if path.stat().st_size > MAX_STATE_BYTES:
        raise StateError(f"{path.name} is larger than {MAX_STATE_BYTES // (1024 * 1024)} MB")
    try:
        state = CustomerState.model_validate_json(path.read_bytes())
    except ValidationError as e:
        first = e.errors()[0]
        raise StateError(f"{path.name}: {'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from e
    if f"{state.id}.json" != path.name:
        raise StateError(f"{path.name} holds the state of {state.id}")
    return state


def write_state(out: Path, state: CustomerState) -> None:
    """Write atomically: a build killed half-way leaves the previous state, never half a file."""
    folder = out / STATE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(state.model_dump(mode="json"), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=f".{state.id}.", suffix=".tmp", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, state_path(out, state.id))


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def states_in(out: Path) -> tuple[list[CustomerState], list[str]]:
    """Every trusted state of an output folder, by id, and the problems with the others."""
    folder = out / STATE_DIR
    states, problems = [], []
    if not folder.is_dir() or folder.is_symlink():
        return states, [f"{out}: no {STATE_DIR} folder, so not a portfolio output"]
    for path in sorted(folder.glob("*.json")):
        try:
            states.append(read_state(path))
        except StateError as e:
            problems.append(f"{out}: {e}")
    return sorted(states, key=lambda s: s.id), problems


class Ledger:
    """The trusted states of an output folder, read once per run and written through (builds
    finish in several threads). A damaged state is as good as none: that customer is rebuilt."""

    def __init__(self, out: Path):
        self.out = out
        self._lock = threading.Lock()
        self._states = {s.id: s for s in states_in(out)[0]}

    def get(self, customer_id: str) -> CustomerState | None:
        with self._lock:
            return self._states.get(customer_id)

    def put(self, state: CustomerState) -> None:
        write_state(self.out, state)
        with self._lock:
            self._states[state.id] = state

    def drop(self, customer_id: str) -> None:
        state_path(self.out, customer_id).unlink()
        with self._lock:
            del self._states[customer_id]

    def ids(self) -> list[str]:
        with self._lock:
            return sorted(self._states)
