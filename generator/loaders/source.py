"""Raw records read from a project file, remembering where each value came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Location

Path_ = tuple[str | int, ...]


@dataclass
class Source:
    """The plain data of one file and the location of every key, item and cell in it.

    `positions` maps a path of keys and list indices (as pydantic reports them in `loc`) to the
    place where that value was written.
    """

    file: str
    data: Any
    positions: dict[Path_, Location] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)  # field name -> header as written
    hidden_text: bool = False  # holds a bidi control or zero-width character somewhere

    def locate(self, path: Path_) -> Location:
        """The most precise location known for a path: the longest prefix that was recorded."""
        path = tuple(path)
        while path:
            loc = self.positions.get(path)
            if loc is not None:
                return loc
            path = path[:-1]
        return self.positions.get((), Location(self.file, 1, 1))
