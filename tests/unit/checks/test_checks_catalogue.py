"""The catalogue is documented: every rule has its words, and every message variant, in fr, de and en."""

from __future__ import annotations

import re

import pytest

from generator.checks import catalogue
from generator.checks.registry import RULES, Category
from generator.checks.completeness import ITEMS
from generator.i18n import LANGUAGES, Translator


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_is_documented(lang):
    t = Translator(lang)
    for rule in RULES.values():
        for key in ("title", "problem", "rationale", "remediation", *rule.variants):
            assert t.has(f"checks.rules.{rule.id}.{key}"), f"{lang}: checks.rules.{rule.id}.{key} is missing"
        assert rule.source.strip(), f"{rule.id} names no source"
    for category in Category:
        assert t.has(f"checks.category.{category.value}")
    for item in ITEMS:
        assert t.has(f"checks.completeness.{item}")


def test_languages_use_the_same_placeholders():
    """A translated message fills exactly the values the English one does."""
    en = Translator("en")
    for lang in ("fr", "de"):
        t = Translator(lang)
        for rule in RULES.values():
            for variant in rule.variants:
                key = f"checks.rules.{rule.id}.{variant}"
                assert set(re.findall(r"{(\w+)(?:}|, *plural,)", t.t(key))) == set(re.findall(r"{(\w+)(?:}|, *plural,)", en.t(key))), f"{lang}: {key}"


def test_no_words_are_left_untranslated():
    """French and German titles differ from the English ones (names such as DECT aside)."""
    en = {r.id: r.title for r in catalogue("en")}
    for lang in ("fr", "de"):
        same = [r.id for r in catalogue(lang) if r.title == en[r.id]]
        assert same == [], f"{lang} titles identical to English: {same}"


def test_catalogue_lists_every_rule_once_by_category():
    infos = catalogue("fr")
    assert sorted(i.id for i in infos) == sorted(RULES)
    assert infos == sorted(infos, key=lambda i: (i.category, i.id))
    assert {i.category for i in infos} <= {c.value for c in Category}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_has_a_problem_title_that_is_not_its_goal(lang):
    """A finding is titled with what is wrong; the rule's goal ("outbound routes have a fallback")
    printed over a finding reads as its opposite. Rules added in any translation file are covered."""
    t = Translator(lang)
    missing = [r for r in sorted(RULES) if not t.has(f"checks.rules.{r}.problem")]
    assert missing == [], f"{lang}: rules without a problem title: {missing}"
    same = [r for r in sorted(RULES) if t.t(f"checks.rules.{r}.problem") == t.t(f"checks.rules.{r}.title")]
    assert same == [], f"{lang}: problem title equal to the goal: {same}"


def test_findings_are_titled_with_the_problem_and_the_catalogue_with_the_goal():
    from generator.checks import describe

    title, message, _ = describe("AVL-ROUTE-FALLBACK", "single", {"route": "r1", "pattern": "0", "lines": "2"}, Translator("en"))
    assert title == "Outbound route without a fallback"
    assert message == "Outbound route r1 (dial pattern 0) uses one trunk although the server has 2 lines."  # "(0.)" alone read as a typo
    assert {i.id: i.title for i in catalogue("en")}["AVL-ROUTE-FALLBACK"] == "Outbound routes have a fallback"


def test_the_rules_per_group_script_counts_the_catalogue():
    """bench/rules_per_group.py (the figures of a change's note) counts every registered rule once,
    in its own group."""
    import importlib.util
    from pathlib import Path

    from generator.checks.registry import RULES

    path = Path(__file__).resolve().parents[3] / "bench" / "rules_per_group.py"
    spec = importlib.util.spec_from_file_location("rules_per_group", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    groups = script.catalogue(path.parent.parent)
    assert sorted(i for ids in groups.values() for i in ids) == sorted(RULES)
    assert all(RULES[i].category.value == g for g, ids in groups.items() for i in ids)
    table = script.table(groups, {"security": ["SEC-PLAINTEXT"]}, ids=True)
    assert f"**{len(RULES)} in {len(groups)} groups**" in table and "**1 in 1 groups**" in table
