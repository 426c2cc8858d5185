"""The check object: findings with evidence and recomputed scores."""
from typing import Literal

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


class TableScore(Model):
    table: int
    self_score: float | None = None
    recomputed_score: float | None = None


class CheckedReport(Report):
    findings: list[Finding] = []
    scores: list[TableScore] = []
