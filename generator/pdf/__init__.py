"""PDF records for auditors and customers: archival and tagged (PDF/A-3a), traceable, verifiable.

Records and the documentation book are built as `generator.document.Document`s, turned into HTML
with the same Markdown extensions as the site, laid out by weasyprint from `templates/pdf/`, with
a URL fetcher that serves only what pbxdoc generated and files inside the project.
"""
