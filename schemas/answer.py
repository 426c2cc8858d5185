"""The ask object: one answer with its evidence."""
from typing import Literal

from schemas.report import Evidence, Model


class Answer(Model):
    question: str
    answer: str
    value: float | None = None
    unit: str | None = None
    evidence: list[Evidence] = []
    mode: Literal["offline", "llm"] = "offline"
