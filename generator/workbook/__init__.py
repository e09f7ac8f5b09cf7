"""The customer workbook: every tabular record of the model as a sheet, and import back from Excel."""

from __future__ import annotations

import datetime as dt

from generator.audience import Audience
from generator.i18n import Translator
from generator.model.project import Project
from generator.workbook.sheets import Sheet, build_sheets
from generator.workbook.xlsx import WorkbookWriter, page_footer


def workbook_properties(project: Project, translator: Translator, generated: dt.datetime, audience: Audience = Audience.CUSTOMER) -> dict:
    """Document properties: who, what, when (fixed to the generation date), from which data and
    for which audience (an import refuses a workbook made for readers: its cells are redacted or
    worded for them)."""
    info = project.pbxdoc
    created = generated.astimezone(dt.timezone.utc).replace(tzinfo=None)
    title = translator.t("workbook.title", customer=info.customer.name)
    return {
        "core": {
            "title": title,
            "subject": translator.t("workbook.subject"),
            "author": info.document.author,
            "company": info.integrator.name,
            "category": info.classification_in(translator),
            "keywords": f"pbxdoc, {info.customer.id}",
            "comments": translator.t("workbook.comments", digest=project.digest),
            "created": created,
        },
        "custom": [  # Excel keeps at most 255 characters of a custom property
            ("pbxdoc:customer", info.customer.name[:255]),
            ("pbxdoc:customer-id", info.customer.id),
            ("pbxdoc:language", translator.lang),
            ("pbxdoc:audience", audience.value),
            ("pbxdoc:input-digest", project.digest or "-"),
            ("pbxdoc:document", f"{info.document.id_prefix} v{info.document.version}"[:255]),
        ],
    }


def render_workbook(project: Project, translator: Translator, generated: dt.datetime, sheets: list[Sheet] | None = None, audience: Audience = Audience.CUSTOMER) -> bytes:
    """The .xlsx bytes of the customer workbook; same project and date, same bytes. An internal
    (integrator) workbook says so in every page header."""
    info = project.pbxdoc
    internal = audience is Audience.INTEGRATOR
    stamp = translator.t("workbook.footer", date=translator.date(generated.date()), version=info.document.version)
    header = (info.customer.name, info.classification_in(translator) + (f" · {translator.t('content.internal_short')}" if internal else ""))  # the sheet's title goes between them
    footer = page_footer(stamp, info.integrator.name)
    writer = WorkbookWriter(translator, workbook_properties(project, translator, generated, audience), header, footer, info.integrator.branding.primary_color)
    return writer.write(sheets if sheets is not None else build_sheets(project, generated.date(), translator))


__all__ = ["render_workbook", "build_sheets", "workbook_properties"]
