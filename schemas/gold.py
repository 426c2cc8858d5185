"""Gold labels: the extract shape read off the source by a person, plus defects and Q&A."""
from typing import Literal

from pydantic import Field

from schemas.report import Evidence, Figure, Model, Table


class Defect(Model):
    """A problem a careful reviewer would raise, with the arithmetic that proves it."""

    rule: str
    severity: Literal["error", "warning", "info"]
    table: int | None = None
    row: str | None = None
    expected: str | None = None
    actual: str | None = None
    explanation: str
    evidence: list[Evidence] = []


class QAPair(Model):
    question: str
    answer: str
    value: float | None = None
    unit: str | None = None
    kind: Literal["table_lookup", "narrative", "derived", "not_found"] = "table_lookup"
    evidence: list[Evidence] = []


class GoldReport(Model):
    source: str = Field(description="file name of the sample in evals/samples/")
    unit_name: str | None = None
    year: int | None = None
    tables: list[Table] = []
    figures: list[Figure] = []
    defects: list[Defect] = []
    qa: list[QAPair] = []
