"""The review object: drafts of 偏差原因分析 and 改进措施 per deviation."""
from typing import Literal

from schemas.findings import CheckedReport
from schemas.report import Evidence, Model


class Draft(Model):
    table: int | None = None  # None: the narrative, as in Finding.table
    row: str | None = None
    finding_rules: list[str] = []
    deviation_cause: str
    improvement: str
    evidence: list[Evidence] = []
    mode: Literal["template", "llm"] = "template"


class ReviewedReport(CheckedReport):
    drafts: list[Draft] = []
