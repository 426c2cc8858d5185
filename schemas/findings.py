"""The check object: findings with evidence and recomputed scores."""
from typing import Literal

from pydantic import Field

from schemas.report import Evidence, Model, Report


class Finding(Model):
    rule: str
    severity: Literal["error", "warning", "info"]
    table: int | None = None
    row: str | None = None
    message: str
    expected: str | None = None
    actual: str | None = None
    evidence: list[Evidence] = []
    doubt: str | None = Field(None, description="why the table figures this rests on may be misread: then an info "
                                                "asking for a manual check (需人工核对), not a defect claim")


class TableScore(Model):
    table: int
    self_score: float | None = None
    recomputed_score: float | None = None


class CheckedReport(Report):
    findings: list[Finding] = []
    scores: list[TableScore] = []
