"""A language per audience: the small example's auditor reads German although the customer is French;
a command that names a language still wins, and the documents page says which language an audience gets."""

from __future__ import annotations

import datetime as dt

from generator.audience import Audience
from generator.document import to_markdown
from generator.load import EXAMPLES, SMALL_EXAMPLE
from generator.prepare import prepare
from tests.helpers import content_of


def test_the_auditor_reads_german_the_customer_french():
    root = EXAMPLES / SMALL_EXAMPLE
    assert prepare(root, Audience.AUDITOR).languages == ("de",)
    assert prepare(root, Audience.CUSTOMER).languages == ("fr",)
    assert prepare(root, Audience.AUDITOR, "en").languages == ("en",)
    assert prepare(root, Audience.AUDITOR, all_languages=True).languages == ("de", "fr", "en")


def test_the_documents_page_says_which_language_an_audience_gets(small_project):
    (doc,) = [d for d in content_of(small_project, "fr", dt.date(2026, 11, 20)).sections if d.slug == "documents"]
    assert "les éditions « Auditeur » sont en allemand." in to_markdown(doc)
    plain = small_project.replace(pbxdoc=small_project.pbxdoc.model_copy(update={"audience_languages": {}}))
    (doc,) = [d for d in content_of(plain, "fr", dt.date(2026, 11, 20)).sections if d.slug == "documents"]
    assert "éditions" not in to_markdown(doc)
