"""Was an indicator's target met, and what score do the rules give it?

Reads 指标值 and 完成值 with the value parser, compares them in the direction the target
states (or the indicator's nature implies), and derives the rule score: full 分值 when met,
分值 × 完成值/指标值 (≥) or 分值 × 指标值/完成值 (≤) when a quantitative target is missed.
A cell holding several targets ("≥90%\n100%") is judged part by part.
"""
import re
from dataclasses import dataclass, field

from assistant.extract import columns
from assistant.values import (COMPARATORS, NOT_APPLICABLE, NUMBER, Quantity, normalize_text, parse_target,
                              repeats_comparator, rule_share, to_ascii)
from schemas import Indicator

MONEY_TO_YUAN = {"元": 1.0, "万元": 10_000.0, "亿元": 100_000_000.0}
# 控制率, 调整率 and 结转结余率 are the department common indicators (部门整体支出共性指标) whose standard is a ceiling.
LOWER_IS_BETTER_WORDS = ("成本", "费用", "时间", "时限", "周期", "天数", "时效", "不合格率", "发生率", "事故",
                         "控制率", "调整率", "结余率")
# A result that says the work is still under way or not done (建设中, 在建, 尚未完成): a target of a figure or a
# date is missed, whatever it counted.
UNFINISHED = re.compile(r"^(?:尚?未完成|未开工|在建|(?:正在)?(?:建设|施工|推进|实施|进行)中)$")
# Rates whose more is better, whatever the 二级指标 they are printed under.
HIGHER_IS_BETTER_RATES = ("完成率", "合格率", "达标率", "覆盖率", "到位率", "执行率", "及时率", "知晓率", "入库率")
# Where each target of a multi-target cell starts: an optional comparator, then a number.
TARGET_PART = re.compile(rf"(?:(?:{'|'.join(re.escape(word) for word, _ in COMPARATORS)})\s*+)?(?:{NUMBER.pattern})")
DIRECTIONS = {"正向": "≥", "反向": "≤", "≥": "≥", "≤": "≤", "大于等于": "≥", "小于等于": "≤", "等于": "=",
              "正向指标": "≥", "反向指标": "≤"}


@dataclass
class Assessment:
    target: Quantity
    actual: Quantity
    parts: list[Quantity] = field(default_factory=list)
    status: str = "unknown"  # met | missed | unknown
    expected_scores: list[float] = field(default_factory=list)

    @property
    def quantitative(self) -> bool:
        return self.status in ("met", "missed")

    @property
    def unfinished(self) -> bool:
        """The result says the work is still under way (建设中): the target missed, no figure to compare."""
        return self.status == "missed" and bool(UNFINISHED.match(normalize_text(self.actual.text)))


def target_parts(indicator: Indicator, target: Quantity) -> list[Quantity]:
    """The targets a cell prints (`target` is the whole cell read): "≤600批次≤50000元" → two; "2022年12月31日前" → one date."""
    if target.kind != "number":
        return [target]
    text = to_ascii(normalize_text(indicator.target))
    starts = [m.start() for m in TARGET_PART.finditer(text)]
    if len(starts) < 2:
        return [target]
    pieces = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    parts = [parse_target(p) for p in pieces]
    numbers = [p for p in parts if p.kind == "number"]
    return numbers if len(numbers) > 1 else [target]


# What turns a measure into another when printed right after it: 人 → 人次, 个 → 个月 or 个工作日 or 个百分点,
# 分 → 分钟, 元 → 元/人.
MEASURE_TAIL = (*"次月天日年时/·元%钟", "工作日", "百分点")


def same_measure(target_unit: str, actual_unit: str) -> bool:
    """One measure, the 完成值's with words after it: a note ("19辆……", "150家（含分支机构）") or what it counted
    ("5个村", "6家企业"). The value reader takes up to six characters after a number as its unit."""
    rest = actual_unit.removeprefix(target_unit)
    return rest != actual_unit and bool(rest) and not rest.startswith(MEASURE_TAIL)


def comparable(target: Quantity, actual: Quantity) -> tuple[float, float] | None:
    """Both values in one unit, or None when their units differ."""
    # A number printed bare is in the other's unit: ≥50个 against 50, 200 against 200平方米.
    if target.unit == actual.unit or actual.unit is None or target.unit is None \
            or same_measure(target.unit, actual.unit):
        return target.value, actual.value
    if target.unit in MONEY_TO_YUAN and actual.unit in MONEY_TO_YUAN:
        return target.value * MONEY_TO_YUAN[target.unit], actual.value * MONEY_TO_YUAN[actual.unit]
    if {target.unit, actual.unit} <= {"户", "家"}:
        return target.value, actual.value
    return None


def direction(target: Quantity, indicator: Indicator) -> str:
    if target.comparator in ("≤", "<"):
        return "≤"
    if target.comparator in ("≥", ">", "="):
        return "≥"
    if "满意度" in normalize_text(indicator.level3):
        return "≥"  # satisfaction is never capped, whatever level name a copy carried onto the row (时效指标)
    level3 = normalize_text(indicator.level3)
    if any(word in level3 for word in LOWER_IS_BETTER_WORDS):
        return "≤"
    if level3.endswith(HIGHER_IS_BETTER_RATES):
        return "≥"  # a rate of completion is never capped, under whatever level name (成本指标: 计划完成率 90%)
    return "≤" if any(word in (indicator.level2 or "") for word in LOWER_IS_BETTER_WORDS) else "≥"


def judge_part(part: Quantity, actual: Quantity, indicator: Indicator) -> tuple[bool, float] | None:
    """(met, rule score) for one numeric target, or None if it cannot be compared."""
    values = comparable(part, actual)
    if values is None or actual.kind != "number" or repeats_comparator(actual):
        return None
    target_value, actual_value = values
    met, share = rule_share(target_value, actual_value, at_most=direction(part, indicator) == "≤")
    return met, (indicator.weight or 0.0) * share


def with_template_columns(indicator: Indicator) -> Indicator:
    """Templates with 指标方向 / 计量单位 columns: fold them into 指标值 and 完成值 for comparison."""
    extras = indicator.model_extra or {}
    if not extras.get("direction") and not extras.get("measure_unit"):
        return indicator
    direction = DIRECTIONS.get(normalize_text(extras.get("direction")))
    unit = normalize_text(extras.get("measure_unit"))
    target, actual = indicator.target, indicator.actual
    if unit:
        target = f"{target}{unit}" if target and re.search(r"\d$", target) else target
        actual = f"{actual}{unit}" if actual and re.search(r"\d$", actual) else actual
    if direction and target and parse_target(target).comparator is None:
        target = direction + target
    if (target, actual) == (indicator.target, indicator.actual):
        return indicator  # the usual template: nothing to fold in, no copy to make
    return indicator.model_copy(update={"target": target, "actual": actual})


# A share over 100% whose digits are a 2 then a share ("290%"): OCR read the ≥ before "90%" as a 2.
OCR_COMPARATOR = re.compile(r"^2((?:[1-9]\d|100)(?:\.\d+)?%)$")


def with_comparators_read(indicator: Indicator) -> Indicator:
    """A row naming a share that never passes 100% (满意度, 合格率, 覆盖率 …) keeps its target's OCR'd ≥ as one: "290%"
    is read "≥90%" (a 满意度 target of 290% is no target), so a copy's garbled sign raises no finding of its own. (A
    result so printed is compared as it reads: 290% meets any target.)"""
    name = normalize_text(indicator.level3)
    garbled = OCR_COMPARATOR.match(normalize_text(indicator.target))
    if not garbled or "满意度" not in name and not name.endswith(HIGHER_IS_BETTER_RATES):
        return indicator
    return indicator.model_copy(update={"target": f"≥{garbled.group(1)}"})


def in_one_year(done: tuple[int, int, int], due: tuple[int, int, int]) -> tuple[tuple, tuple]:
    """Two dates to compare, a month printed with no year (year 0) taken in the other's year."""
    year = done[0] or due[0]
    return (done[0] or year, *done[1:]), (due[0] or year, *due[1:])


def assess(indicator: Indicator) -> Assessment:
    indicator = with_template_columns(with_comparators_read(indicator))
    target = parse_target(indicator.target)
    actual = parse_target(indicator.actual)
    assessment = Assessment(target, actual, target_parts(indicator, target))
    if target.kind in ("number", "date") and UNFINISHED.match(normalize_text(actual.text)):
        assessment.status = "missed"
        return assessment
    if target.kind == "date":
        if actual.kind == "date" and target.date and actual.date:
            done, due = in_one_year(actual.date, target.date)
            met = done <= due if target.comparator in ("≤", "=", None) else done >= due
            assessment.status = "met" if met else "missed"
            assessment.expected_scores = [indicator.weight or 0.0] if met else []
        return assessment
    if target.kind != "number":
        return assessment
    judged = [j for j in (judge_part(p, actual, indicator) for p in assessment.parts) if j is not None]
    if not judged:
        return assessment
    assessment.status = "met" if all(met for met, _ in judged) else "missed"
    assessment.expected_scores = [score for _, score in judged]
    return assessment


def not_applicable(indicator: Indicator) -> bool:
    text = f"{indicator.level3 or ''}{indicator.target or ''}"
    return any(word in text for word in NOT_APPLICABLE)


def is_placeholder(indicator: Indicator) -> bool:
    """A row that names no indicator (no name, or a template's slot: "……", "指标2") and prints no value."""
    unnamed = not normalize_text(indicator.level3) or columns.is_placeholder(indicator.level3)
    return unnamed and not indicator.target and not indicator.actual
