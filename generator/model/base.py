"""Building blocks of the model: the record base class and the validated value types."""

from __future__ import annotations

import ipaddress
import re
from pathlib import PurePosixPath
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from generator.diagnostics import Location
from generator.escaping import visible
from generator.text import describe_invisible, invisible_characters
from generator.words import noun


class Record(BaseModel):
    """A validated, immutable object of the model that remembers where it was written.

    Unknown keys are refused so that a typo is reported instead of silently ignored.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, allow_inf_nan=False)

    _source: Location | None = PrivateAttr(default=None)
    _fields: dict | None = PrivateAttr(default=None)

    def where(self, field: str | None = None) -> Location:
        """Where this object (or one of its fields) stands in the project files."""
        if field and self._fields and field in self._fields:
            return self._fields[field]
        return self._source or Location("?")


def _split_list(value: Any) -> Any:
    """Tables hold lists as 'a; b; c' in one cell."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    return value


def _visible(value: Any) -> Any:
    """Numbers, identifiers and file names must read as what they are: a bidi control or a
    zero-width character in them is an error (elsewhere, validation warns)."""
    if isinstance(value, str):
        hidden = invisible_characters(value)
        if hidden:
            raise ValueError(f"contains the invisible {noun(len(hidden), 'character')} {describe_invisible(hidden)}, which make it read differently from what it is; remove them")
    return value


Visible = BeforeValidator(_visible)

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"
Id = Annotated[str, Field(pattern=ID_PATTERN, description="Identifier: letters, digits, '-', '_', '.', ':'; starts with a letter or digit"), Visible]
IdList = Annotated[list[Id], BeforeValidator(_split_list)]

FILE_NAME_CHARACTERS = "letters, digits, '-', '_' and '.', starting with a letter or digit"


def _file_name_pattern(max_length: int) -> str:
    return r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,%d}$" % (max_length - 1)


def _file_name_part(max_length: int) -> AfterValidator:
    """A value that becomes part of an output file name or URL: no separator, markup, control
    character or space can reach a path, and the name stays far below file-system limits."""
    pattern = re.compile(_file_name_pattern(max_length))

    def check(value: str) -> str:
        if not pattern.fullmatch(value):
            shown = visible(value)
            shown = shown if len(shown) <= 40 else shown[:37] + "..."
            raise ValueError(f"{shown!r} becomes part of file names: use only {FILE_NAME_CHARACTERS}, at most {max_length} characters")
        return value

    return AfterValidator(check)


FileId = Annotated[
    str,
    Visible,
    _file_name_part(64),
    Field(json_schema_extra={"pattern": _file_name_pattern(64)}, description=f"Identifier that also names output files: {FILE_NAME_CHARACTERS}"),
]
Version = Annotated[
    str,
    Visible,
    _file_name_part(32),
    Field(json_schema_extra={"pattern": _file_name_pattern(32)}, description=f"Version, also part of file names: {FILE_NAME_CHARACTERS}, e.g. 2.1"),
]
StrList = Annotated[list[str], BeforeValidator(_split_list)]


def _e164(value: Any) -> Any:
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return value
    compact = re.sub(r"[\s\-./()]", "", value)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not re.fullmatch(r"\+[1-9]\d{1,14}", compact):
        if re.fullmatch(r"0[1-9]\d{5,13}", compact):  # a national number, as printed on a letterhead
            raise ValueError(f"not an E.164 number: {value.strip()!r} is a national number; add the country code, e.g. +41 {value.strip()[1:]} in Switzerland")
        shown = value.strip() if len(value.strip()) <= 30 else value.strip()[:27] + "..."
        raise ValueError(f"not an E.164 number: {shown!r}; write '+', country code, then at most 15 digits in all, e.g. +41 21 555 12 00")
    return compact


E164 = Annotated[str, BeforeValidator(_e164), Visible, Field(json_schema_extra={"pattern": r"^(\+|00)[1-9][0-9 ./()-]{1,20}$"}, description="E.164 number, e.g. +41 21 555 12 00")]

Extension = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v), Visible, Field(pattern=r"^[0-9*#]{1,10}$", description="Internal number (digits, * and #)")]

SECRET_SCHEMES = ("env", "vault", "keepass", "bitwarden", "1password", "pass", "file")


def _secret_ref(value: Any) -> Any:
    if value is None:
        return value
    if not isinstance(value, str) or not re.fullmatch(r"(%s):[^\s]+" % "|".join(SECRET_SCHEMES), value):
        # Never echo the value: it may be the secret itself.
        raise ValueError(
            "plaintext secret is not allowed in data files; store a reference to where the secret is kept "
            f"({', '.join(s + ':' for s in SECRET_SCHEMES)} e.g. env:PBX_BACKUP_KEY)"
        )
    return value


SecretRef = Annotated[
    str,
    BeforeValidator(_secret_ref),
    Field(
        pattern=r"^(%s):\S+$" % "|".join(SECRET_SCHEMES),
        description="Reference to a secret (never the secret itself), e.g. env:NAME or vault:path/key",
    ),
]


MAX_PATH_LENGTH = 1024
MAX_PATH_PART = 255  # bytes of one name on ext4, NTFS, APFS


def _project_path(value: str) -> str:
    if re.search(r"[\x00-\x1f\x7f]", value):
        raise ValueError("path holds a control character")
    if len(value) > MAX_PATH_LENGTH or any(len(part.encode("utf-8")) > MAX_PATH_PART for part in re.split(r"[\\/]", value)):
        raise ValueError(f"path is too long (at most {MAX_PATH_LENGTH} characters, {MAX_PATH_PART} bytes per name)")
    path = PurePosixPath(value.replace("\\", "/"))
    if path.is_absolute() or re.match(r"^[A-Za-z]:", value) or "://" in value:
        raise ValueError("path must be relative to the project folder")
    if ".." in path.parts:
        raise ValueError("path leaves the project folder ('..')")
    return str(path)


ProjectPath = Annotated[str, AfterValidator(_project_path), Visible, Field(description="Path of a file inside the project folder")]


def _ip(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return str(ipaddress.ip_address(value.strip()))
        except ValueError:
            raise ValueError("not an IP address") from None
    return value


IPAddress = Annotated[str, BeforeValidator(_ip), Field(description="IPv4 or IPv6 address")]


def _network(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return str(ipaddress.ip_network(value.strip(), strict=True))
        except ValueError as e:
            raise ValueError(f"not a network in CIDR notation ({e})") from None
    return value


Network = Annotated[str, BeforeValidator(_network), Field(description="Subnet in CIDR notation, e.g. 10.20.0.0/24")]

Text = Annotated[str, Field(max_length=20_000)]
