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


class HeldoutQuestion(QAPair):
    """A reviewer question of the second held-out set (evals/gold/heldout/qa2.json), written apart from the chat.

    `history` holds the questions asked before in the same chat (the labelled question is the follow-up);
    `must_mention` every item a correct answer names; questions about the tool's own results carry
    `expected_from: "check"` and are scored against `selfeval check` on the sample: `field` of table
    `table` (0-based, null for the whole report), findings narrowed by `rule` and `severity`.
    """

    source: str
    category: Literal["lookup", "list", "comparison", "tool_result", "follow_up", "not_found", "narrative", "derived"]
    history: list[str] = []
    must_mention: list[str] = []
    expected_from: Literal["check"] | None = None
    field: Literal["recomputed_score", "score_difference", "error_count", "finding_rows"] | None = None
    table: int | None = None
    rule: str | None = None
    severity: Literal["error", "warning", "info"] | None = None


class GoldReport(Model):
    source: str = Field(description="file name of the sample in evals/samples/")
    unit_name: str | None = None
    year: int | None = None
    tables: list[Table] = []
    figures: list[Figure] = []
    defects: list[Defect] = []
    qa: list[QAPair] = []
