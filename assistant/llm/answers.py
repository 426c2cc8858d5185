"""The shapes the model must answer in: one table (or a window of it), one section's figures.

These are the LLM's output contract, checked by instructor (an invalid answer goes back to
the model with the validation error). Numbers are read leniently as models write them
("12.5", "1,824.18", "100%"); anything else that is not a number is a validation error.
"""
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field

from assistant.values import normalize_text, to_ascii

NOT_A_NUMBER = ("", "null", "none", "n/a", "-", "/", "—", "——")
NOT_A_TEXT = ("", "null", "none")  # "/" and "——" are printed cell values, kept as such


def lenient_number(value):
    """Numbers as models write them: 12.5, "12.5", "1,824.18", "100%"; an empty answer is None."""
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    if isinstance(value, str):
        text = to_ascii(normalize_text(value)).replace(",", "").removesuffix("%")
        if text.lower() in NOT_A_NUMBER:
            return None
        try:
            return float(text)
        except ValueError:
            pass
    raise ValueError(f"应为数字或 null，而不是 {value!r}")


def lenient_text(value):
    """Text as models write it: a number where text was asked for becomes its printed form."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:g}"
    if isinstance(value, str) and value.strip().lower() in NOT_A_TEXT:
        return None
    return value


Number = Annotated[float | None, BeforeValidator(lenient_number)]
Text = Annotated[str | None, BeforeValidator(lenient_text)]


class AnsweredFundLine(BaseModel):
    label: str = Field(description="行名，如 年度资金总额、当年财政拨款")
    initial_budget: Number = Field(None, description="年初预算数")
    full_year_budget: Number = Field(None, description="全年预算数")
    executed: Number = Field(None, description="全年执行数")
    weight: Number = Field(None, description="分值")
    execution_rate: Number = Field(None, description="执行率，百分数的数字部分")
    score: Number = Field(None, description="得分")


class AnsweredIndicator(BaseModel):
    level1: Text = Field(None, description="一级指标")
    level2: Text = Field(None, description="二级指标")
    level3: Text = Field(None, description="三级指标")
    target: Text = Field(None, description="年度指标值")
    actual: Text = Field(None, description="实际完成值")
    weight: Number = Field(None, description="分值")
    score: Number = Field(None, description="得分")
    deviation_note: Text = Field(None, description="偏差原因分析及改进措施")


class AnsweredItem(BaseModel):
    label: str
    value: Number


class AnsweredRow(BaseModel):
    label: str
    values: list[Text] = []


class AnsweredTable(BaseModel):
    """One self-evaluation table (or the part of it the chunk shows), values copied from the text."""

    kind: Literal["department_overall", "project", "basic_data", "other"]
    title: Text = None
    name: Text = None
    funds_total: AnsweredFundLine | None = None
    fund_lines: list[AnsweredFundLine] = []
    breakdown: list[AnsweredItem] = []
    expected_goal: Text = None
    achieved_goal: Text = None
    indicators: list[AnsweredIndicator] = []
    rows: list[AnsweredRow] = []
    total_weight: Number = None
    total_score: Number = None


class AnsweredFigure(BaseModel):
    label: str = Field(description="数字前说明它是什么的几个字")
    value: float
    unit: Text = Field(None, description="万元、元、亿元或分")
    quote: str = Field(description="数字所在分句，逐字照抄")


class AnsweredSection(BaseModel):
    """The key figures of one narrative section."""

    unit_name: Text = None
    year: int | None = None
    figures: list[AnsweredFigure] = []


class NoteVerdict(BaseModel):
    note: int = Field(description="偏差说明的编号")
    states_cause: bool = Field(description="这条说明是否讲了偏差（未完成、扣分）的具体原因")
    cause: Text = Field(None, description="讲原因的那几个字，从说明中逐字照抄；没讲原因则为 null")


class NoteVerdicts(BaseModel):
    verdicts: list[NoteVerdict] = Field(default_factory=list, description="每条说明一个判断")


class FigureChoice(BaseModel):
    indicator: int = Field(description="指标的编号")
    figures: list[int] = Field(default_factory=list, description="说的正是这个指标的候选数字的编号；没有则为空")


class FigureChoices(BaseModel):
    choices: list[FigureChoice] = Field(default_factory=list, description="每个指标一项")
