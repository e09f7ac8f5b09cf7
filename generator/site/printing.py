"""Printed pages carry the document id, version, date, classification and page number, in the
page margins (CSS paged media), so that a printed runbook says which edition it is."""

from __future__ import annotations

import datetime as dt

from generator.i18n import Translator
from generator.model.project import Project


def css_string(value: str) -> str:
    """A CSS string literal holding value as text: every character but letters, digits and spaces escaped."""
    return '"' + "".join(c if c.isalnum() and c.isascii() or c == " " else f"\\{ord(c):06x}" for c in value) + '"'


def print_css(project: Project, t: Translator, generated: dt.datetime) -> str:
    doc = project.pbxdoc.document
    identity = t.t("site.print.identity", id=f"{doc.id_prefix}-SITE-{doc.version}", version=doc.version, date=t.date(generated.date()))
    page = t.t("site.print.page")
    of = t.t("site.print.of")
    return (
        "/* Generated: the edition printed in the page margins. */\n"
        "@media print {\n"
        "  @page {\n"
        "    margin: 18mm 14mm 16mm;\n"
        f"    @top-left {{ content: {css_string(identity)}; font: 8pt sans-serif; color: #444; }}\n"
        f"    @top-right {{ content: {css_string(project.pbxdoc.classification_in(t))}; font: 8pt sans-serif; color: #444; }}\n"
        f"    @bottom-right {{ content: {css_string(page + ' ')} counter(page) {css_string(' ' + of + ' ')} counter(pages); font: 8pt sans-serif; color: #444; }}\n"
        "  }\n"
        "}\n"
    )
