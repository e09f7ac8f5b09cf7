"""The PDFs alone (`pbxdoc pdf`): the build's load, check and audience stages, then this renderer."""

from __future__ import annotations

from pathlib import Path

from generator.audience import Audience, for_audience
from generator.i18n import Translator
from generator.output import Output
from generator.pdf.render import PdfOptions, PdfResult, make, plan
from generator.pipeline import generation_date, load_checked


def build_pdfs(root: Path, out: Path, lang: str | None, audience: Audience, records: tuple[str, ...] = ()) -> tuple[list[PdfResult], list[str]]:
    project, _ = load_checked(root)
    translator = Translator(lang or project.pbxdoc.language.value)
    generated = generation_date(project)
    jobs = plan(for_audience(project, audience), translator, audience, generated, PdfOptions(records=records))
    output = Output(out, project=root)
    try:
        results, refused = make(jobs, output)
        output.commit(project.digest, generated.isoformat(), {"customer": project.pbxdoc.customer.id, "audience": audience.value, "languages": [translator.lang], "input_files": project.file_digests})
    except BaseException:
        output.discard()
        raise
    return results, refused
