"""The translation catalogue: domain files and domain folders add up; a key defined twice fails."""

from __future__ import annotations

import pytest

from generator import i18n


@pytest.fixture
def translations(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    i18n.catalogue.cache_clear()
    yield tmp_path / "fr"
    i18n.catalogue.cache_clear()


def test_a_domain_folder_adds_to_its_domain(translations):
    (translations / "checks").mkdir(parents=True)
    (translations / "checks.yaml").write_text("rules:\n  A:\n    title: Un\n", encoding="utf-8")
    (translations / "checks" / "routing.yaml").write_text("rules:\n  FLOW-X:\n    title: Deux\n", encoding="utf-8")
    words = i18n.catalogue("fr")
    assert words["checks.rules.A.title"] == "Un"
    assert words["checks.rules.FLOW-X.title"] == "Deux"


def test_a_key_defined_twice_is_an_error(translations):
    (translations / "checks").mkdir(parents=True)
    (translations / "checks.yaml").write_text("rules:\n  A:\n    title: Un\n", encoding="utf-8")
    (translations / "checks" / "more.yaml").write_text("rules:\n  A:\n    title: Autre\n", encoding="utf-8")
    with pytest.raises(ValueError, match="checks.rules.A.title is defined twice"):
        i18n.catalogue("fr")


def test_a_sentence_takes_the_plural_form_of_its_language(translations):
    translations.mkdir(parents=True, exist_ok=True)
    (translations / "sections.yaml").write_text("users:\n  one: '{count} utilisateur'\n  other: '{count} utilisateurs'\n", encoding="utf-8")
    t = i18n.Translator("fr")
    assert t.t("sections.users", count=1) == "1 utilisateur"
    assert t.t("sections.users", count=0) == "0 utilisateur"  # French: 0 and 1 are singular
    assert t.t("sections.users", count=2) == "2 utilisateurs"
    assert t.t("sections.users", count=t.number(1200)) == f"{t.number(1200)} utilisateurs"  # a count already formatted


def test_a_sentence_counting_several_things_takes_each_ones_form(translations):
    translations.mkdir(parents=True)
    (translations / "content.yaml").write_text(
        'summary: "{errors, plural, one {# erreur} other {# erreurs}}, {warnings, plural, =0 {aucun avertissement} one {# avertissement de {site}} other {# avertissements de {site}}}"\n',
        encoding="utf-8",
    )
    t = i18n.Translator("fr")
    assert t.t("content.summary", errors=0, warnings=0, site="Vevey") == "0 erreur, aucun avertissement"  # French: 0 is singular
    assert t.t("content.summary", errors=1, warnings=1, site="Vevey") == "1 erreur, 1 avertissement de Vevey"
    assert t.t("content.summary", errors=t.number(1234), warnings=2, site="Vevey") == f"{t.number(1234)} erreurs, 2 avertissements de Vevey"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_no_sentence_writes_a_plural_in_brackets(lang):
    """"base(s)", "Warnung(en)", "le(s) switch(es)": a count decides the form (Babel), never the reader.
    Every plural block of the catalogue parses and has its `other` branch."""
    import re

    words = i18n.catalogue(lang)
    bracketed = sorted(key for key, text in words.items() if re.search(r"\w\((s|es|e|en|n|x|er|aux|[a-zäöü]+en)\)", text))  # also Basis(stationen)
    assert bracketed == []
    for key, text in words.items():
        for match in i18n._PLURAL.finditer(text):
            branches, _ = i18n._branches(text, match.end())
            assert "other" in branches, key


@pytest.mark.parametrize("lang, one, other", [
    ("fr", "il y a 1 jour", "il y a 3 jours"),
    ("de", "vor 1 Tag ", "vor 3 Tagen"),
    ("en", "1 day ago", "3 days ago"),
])
def test_a_count_of_one_reads_in_the_singular(lang, one, other):
    """'1 days ago', '1 membres sonnent': a count placed before its noun takes the form of its number."""
    t = i18n.Translator(lang)
    values = {"job": "j", "date": "01.01.2026", "limit": 2}
    assert one in t.t("checks.rules.BKP-STALE.message", days=1, **values)
    assert other in t.t("checks.rules.BKP-STALE.message", days=3, **values)
    ring = t.t("routing.step.ring_group", name="G", count=1, seconds=20)
    assert {"fr": "1 membre sonne", "de": "1 Mitglied klingelt", "en": "1 member rings"}[lang] in ring


def test_a_value_that_is_no_number_takes_the_other_form():
    t = i18n.Translator("en")
    assert "— days" in t.t("portfolio.in_days", days="—")
    assert t.t("portfolio.in_days", days="1") == "in 1 day" and t.t("portfolio.in_days", days=t.number(2000)) == f"in {t.number(2000)} days"


def test_no_count_before_its_noun_without_a_plural_form():
    """A count written straight before a noun of a list of everyday nouns ('{days} jours') is a
    plural block, so that 1 reads in the singular; counts that are never one (every user of a
    customer) are listed here."""
    import re

    nouns = {"fr": "jours|bases|combinés|membres|canaux|numéros|adresses|utilisateurs|règles|trunks",
             "de": "Tage|Tagen|Basen|Mobilteile|Mitglieder|Kanäle|Nummern|Rufnummern|Adressen|Regeln|Trunks",
             "en": "days|bases|handsets|members|channels|numbers|addresses|users|rules|trunks"}
    never_one = {"sections.numbering.users_elsewhere", "sections.numbering.users_page_intro", "sections.addressing.fixed_elsewhere"}
    for lang, words in nouns.items():
        bare = sorted(k for k, text in i18n.catalogue(lang).items() if re.search(r"\{(count|days|age)\} (" + words + r")\b", text) and k not in never_one)
        assert bare == [], (lang, bare)
