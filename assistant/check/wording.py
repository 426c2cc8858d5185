"""Judgments of wording the checkers need and rules can only approximate.

Two questions are about what words mean, not what numbers say:
- does a deviation note state a cause ("因供应商交货推迟" does; "加大宣传力度" does not)?
- does a narrative figure speak of a table indicator named in other words ("每万人口发明专利拥有量" in the text
  for the table's "有效发明专利拥有量")?

The checkers ask them of `Context.wording`, a `Wording`. `RulesWording` answers by keyword list and by the
synonym table (assistant/check/names.py); a judge that asks a language model (assistant/llm/wording.py) is
handed in by whoever runs the checks with an LLM extractor. Either way the comparison of values stays in
the checkers: a judge only says which words go together.
"""
from typing import Protocol

from assistant.check.names import same_indicator
from assistant.extract.figures import NarrativeFigure
from assistant.values import normalize_text

# A note that names no cause: a slogan or a bare intention ("逐步提高", "加大宣传力度").
CAUSE_WORDS = ("因", "由于", "原因", "导致", "受", "未能", "不足", "影响", "缺", "延迟", "滞后", "减少", "下降",
               "调整", "疫情", "未完成", "没有", "不到位", "偏低", "偏高", "超出", "差距",
               "延续", "跨年",  # 部分项目延续至下年: the work went on into the next year
               "动态",  # 特困人员实行动态管理: a roll people enter and leave, so its count moves
               "直接拨付")  # 由中央直接拨付到个人银行账户: the money went past the unit, which paid none of it


def note_states_cause(note: str | None) -> bool:
    """The rules' reading: a long note, or one with a word of cause."""
    text = normalize_text(note)
    return len(text) > 25 or any(word in text for word in CAUSE_WORDS)


class Wording(Protocol):
    warnings: list[str]  # what the judge could not answer or refused to believe, for the report

    def states_cause(self, note: str) -> bool:
        """Whether a deviation note states why the row deviates."""

    def speaks_of(self, indicator: str, figure: NarrativeFigure, clause: str, paragraph: str) -> bool:
        """Whether `figure` (read in `clause` of `paragraph`) is the narrative's figure for the indicator named so."""


class RulesWording:
    """The rules' judge: the keyword list and the synonym table."""

    def __init__(self) -> None:
        self.warnings: list[str] = []

    def states_cause(self, note: str) -> bool:
        return note_states_cause(note)

    def speaks_of(self, indicator: str, figure: NarrativeFigure, clause: str, paragraph: str) -> bool:
        return same_indicator(indicator, figure.subject, clause, paragraph)
