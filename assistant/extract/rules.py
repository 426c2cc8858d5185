"""The rules extractor: deterministic, offline, the default."""
from assistant.document import Document
from assistant.extract.narrative import extract_figures, extract_unit_name, extract_year
from assistant.extract.tables import extract_tables
from schemas import Report


def extract_rules(document: Document) -> Report:
    tables, warnings = extract_tables(document.tables)
    paragraphs = document.paragraphs
    if not tables and not paragraphs:
        warnings.append("未识别到任何段落或自评表。")
    return Report(
        source=document.source,
        extractor="rules",
        unit_name=extract_unit_name(paragraphs, tables),
        year=extract_year(paragraphs, tables),
        tables=tables,
        figures=extract_figures(paragraphs),
        warnings=document.warnings + warnings,
    )
