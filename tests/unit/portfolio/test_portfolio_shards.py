"""Shards partition the customers by a hash of their id: each in exactly one, stable when another is added."""

from __future__ import annotations

import pytest

from generator.portfolio.shards import Shard, parse_shard, shard_of

IDS = [f"customer-{i:03d}" for i in range(300)]


@pytest.mark.parametrize("count", [1, 2, 3, 4, 7])
def test_shards_partition_the_customers(count):
    shards = [Shard(i, count) for i in range(1, count + 1)]
    held = [[c for c in IDS if s.holds(c)] for s in shards]
    assert sorted(c for part in held for c in part) == sorted(IDS)  # none missing, none twice
    assert all(part for part in held)  # 300 customers leave no shard empty


def test_adding_a_customer_moves_no_other():
    before = {c: shard_of(c, 4) for c in IDS}
    after = {c: shard_of(c, 4) for c in [*IDS, "new-customer", "another-one"]}
    assert all(after[c] == before[c] for c in IDS)


def test_assignment_does_not_depend_on_order():
    assert [shard_of(c, 5) for c in IDS] == [shard_of(c, 5) for c in reversed(IDS)][::-1]


def test_parse_shard():
    assert parse_shard("2/4") == Shard(2, 4)
    assert str(parse_shard(" 1 / 1 ")) == "1/1"


@pytest.mark.parametrize("text", ["0/4", "5/4", "2", "a/b", "1/0", ""])
def test_parse_shard_refuses(text):
    with pytest.raises(ValueError, match="shard"):
        parse_shard(text)
