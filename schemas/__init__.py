"""Pydantic models of the public JSON contract (schema_version "1").

Every pipeline stage speaks these models; `schemas/json/` holds their exported
JSON Schema (kept in sync by tests/test_schemas.py).
"""
from schemas.report import Evidence, Figure, FundLine, Goals, Indicator, Location, Report, Source, Table, TableRow
from schemas.findings import CheckedReport, Finding, TableScore
from schemas.review import Draft, ReviewedReport
from schemas.answer import Answer
from schemas.gold import Defect, GoldReport, QAPair

SCHEMA_VERSION = "1"

__all__ = [
    "SCHEMA_VERSION", "Evidence", "Figure", "FundLine", "Goals", "Indicator", "Location", "Report",
    "Source", "Table", "TableRow", "CheckedReport", "Finding", "TableScore", "Draft",
    "ReviewedReport", "Answer", "Defect", "GoldReport", "QAPair",
]
