"""Which shard builds a customer: a hash of its id, so that adding or removing a customer never
moves another one (the CI matrix keeps each machine's previous outputs useful)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

SHARD = re.compile(r"^\s*(\d{1,4})\s*/\s*(\d{1,4})\s*$")


@dataclass(frozen=True)
class Shard:
    """Shard `index` of `count`, numbered from 1 like GitLab's CI_NODE_INDEX."""

    index: int
    count: int

    def holds(self, customer_id: str) -> bool:
        return shard_of(customer_id, self.count) == self.index

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


ALL = Shard(1, 1)


def shard_of(customer_id: str, count: int) -> int:
    """The shard (1..count) that builds this customer."""
    digest = hashlib.sha256(customer_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def parse_shard(text: str) -> Shard:
    """'2/4' -> Shard(2, 4); anything else is a ValueError saying what is expected."""
    match = SHARD.match(text or "")
    if not match:
        raise ValueError(f"shard {text!r} is not of the form i/n (e.g. 2/4)")
    index, count = int(match.group(1)), int(match.group(2))
    if not 1 <= index <= count:
        raise ValueError(f"shard {text!r}: i must be between 1 and n (shards are numbered from 1)")
    return Shard(index, count)
