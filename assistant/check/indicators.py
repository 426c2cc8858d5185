"""Indicator rows: scoring against targets, deviation notes, and how targets are set up.

Rules: target_not_met_full_score, score_not_proportional, met_but_deducted,
missing_deviation_note, placeholder_row, not_applicable_scored, unit_mismatch,
target_direction_suspect, target_set_low, score_exceeds_weight (per row).
"""
import re

from assistant.check.assess import LOWER_IS_BETTER_WORDS, Assessment, assess, comparable, is_placeholder, not_applicable
from assistant.check.base import TOLERANCE, Context, differs, finding, fmt, form_instruction_only
from assistant.values import decimals_printed, half_last_place, normalize_text, repeats_comparator
from schemas import Finding, Indicator, Table

# Indicators where more is better: a "≤" target on them reads backwards.
HIGHER_IS_BETTER_LEVEL2 = ("数量指标", "质量指标", "满意度")
# Names where less is better: the ones a target is judged by (assess), and words that only mark a bad event.
NEGATIVE_WORDS = LOWER_IS_BETTER_WORDS + ("投诉", "差错", "违法", "发生", "失误", "超标", "逾期", "损失", "风险",
                                          "天", "日", "率低", "突发", "调整次数")
# A name that prints its own upper bound (扶贫临时救助标准(<**元/户·年)——一户年最高5300元): its "≤" target is meant.
NAMED_UPPER_BOUND = re.compile(r"[<≤＜≦]|最高|不超过|不高于|上限")
SET_LOW_RATIO = 1.5
RATE_NAME = re.compile(r"[率度]$")
PERCENT_UNITS = ("%", "百分比")
FULL_RATE = 100.0  # percent


def deviates(indicator: Indicator, assessment: Assessment) -> bool:
    scored_below = indicator.score is not None and indicator.weight is not None and \
        indicator.score < indicator.weight - 1e-9
    return scored_below or assessment.status == "missed"


def check_placeholder(ctx: Context, table: int, indicator: Indicator) -> list[Finding]:
    """A slot the template printed ("……", "指标2:") and left scored. A row with no name cell at all is the
    second line of the row above it (a copy that wraps "有效 | 10 | 10" onto its own line), not a slot."""
    if not is_placeholder(indicator) or not indicator.level3 or not (indicator.weight or indicator.score):
        return []
    return [finding("placeholder_row", "error",
                    f"“{indicator.level3 or '（空白）'}”占位行没有指标名称和指标值，却计分值{fmt(indicator.weight)}、"
                    f"得分{fmt(indicator.score)}，占位行不应计分。",
                    ctx.row_evidence(indicator, fmt(indicator.score)), table, indicator.level3,
                    expected=0, actual=indicator.score)]


def scored_by_criteria(table: Table) -> set[str | None]:
    """The 一级 groups a table scores as a score sheet does (分值 / 评分标准 / 得分, no 指标值 column): no row of the
    group prints a target, a result or a 二级 — the whole table where it sets no target at all, or a section of its
    own (Hubei: 项目决策 and 项目管理 under 项目权重 | 评价内容, above the 产出指标 rows with targets). Their blank
    targets are their layout, not a defect of each row."""
    groups: dict[str | None, list[Indicator]] = {}
    for indicator in table.indicators:
        groups.setdefault(indicator.level1, []).append(indicator)
    has_targets = any(indicator.target for indicator in table.indicators)
    return {level1 for level1, rows in groups.items()
            if not has_targets or not any(row.target or row.actual or row.level2 for row in rows)}


def check_not_applicable(ctx: Context, table: int, indicator: Indicator, criteria: set[str | None]) -> list[Finding]:
    """`criteria`: the 一级 groups scored by criteria, with no targets (`scored_by_criteria`)."""
    no_target = indicator.level1 not in criteria and not indicator.target and indicator.level3 \
        and not is_placeholder(indicator)
    if not (not_applicable(indicator) or no_target) or not indicator.score:
        return []
    reason = "标注为不适用" if not_applicable(indicator) else "没有年度指标值"
    return [finding("not_applicable_scored", "error",
                    f"指标“{indicator.level3}”{reason}，却计分值{fmt(indicator.weight)}、得分{fmt(indicator.score)}；"
                    "不适用或无目标的指标不应计分，应调整权重。",
                    ctx.row_evidence(indicator, fmt(indicator.score)), table, indicator.level3,
                    expected=0, actual=indicator.score)]


# A 实施进度 reported as done ("已完成100%"): what a qualitative target (按质按量完成, 不断提升) is met by.
PROGRESS = re.compile(r"^(?:已经?)?完成\s*\d+(?:\.\d+)?\s*%$")
# A target that counts something (至少全年完成2次宣传): progress is not its count.
COUNTED = re.compile(r"(?<!\d)\d++\s*+(?:次|个|人|户|场|项|家|件|篇|期|批|所|座|处)")

# A result that says nothing of the kind happened (无上访, 未发生安全事故, 零投诉): a count of none, which an upper bound
# (小于5次) is met by.
NONE_HAPPENED = re.compile(r"^(?:无|未发生|没有|零)")


def unit_problem(assessment: Assessment, name: str | None = None) -> str | None:
    """Why 完成值 cannot be compared with 指标值, in words; None if it can."""
    target, actual = assessment.target, assessment.actual
    if actual.kind == "empty" or target.kind in ("empty", "not_applicable") or assessment.unfinished:
        return None
    if PROGRESS.match(actual.text) and (COUNTED.search(target.text) or "满意度" in normalize_text(name)):
        return f"指标值“{target.text}”要的是实际数，完成值“{actual.text}”只是实施进度，未给出实际完成数"
    # A numeric bound copied into 完成值 ("≥95%") gives no result; a bound in words copied ("不超过预算") is a
    # qualitative target reported as achieved, which the reviewer weighs against the text (evals/field/README.md).
    if repeats_comparator(actual):
        return f"完成值“{actual.text}”只是重复了指标值的比较符，未填写实际完成数"
    if target.kind == "number" and actual.kind == "number":
        if not any(p.kind == "number" and comparable(p, actual) for p in assessment.parts):
            return f"指标值“{target.text}”与完成值“{actual.text}”计量单位不一致，无法比较"
    elif target.kind == "date" and actual.kind == "number":
        return f"指标值为时间“{target.text}”，完成值却填“{actual.text}”，口径不一致"
    elif target.kind == "qualitative" and actual.kind == "number" and not PROGRESS.match(actual.text):
        return f"指标值“{target.text}”为定性表述，完成值却填数值“{actual.text}”，口径不一致"
    elif target.kind == "number" and actual.kind == "qualitative" \
            and not (target.comparator in ("≤", "<") and NONE_HAPPENED.match(normalize_text(actual.text))):
        return f"指标值“{target.text}”为定量目标，完成值“{actual.text}”未给出实际数值，无法比较"
    return None


def check_units(ctx: Context, table: int, indicator: Indicator, assessment: Assessment) -> list[Finding]:
    problem = unit_problem(assessment, indicator.level3)
    if problem is None or not_applicable(indicator):
        return []
    return [finding("unit_mismatch", "warning", f"指标“{indicator.level3 or ''}”{problem}。",
                    ctx.row_evidence(indicator, indicator.target, indicator.actual), table, indicator.level3,
                    expected=indicator.target, actual=indicator.actual)]


def check_direction(ctx: Context, table: int, indicator: Indicator, assessment: Assessment) -> list[Finding]:
    target = assessment.target
    name = normalize_text(f"{indicator.level3 or ''}")
    level2 = normalize_text(indicator.level2)
    if target.kind != "number" or not target.comparator:
        return []
    backwards = None
    if target.comparator in ("≤", "<") and not any(w in name for w in NEGATIVE_WORDS) \
            and not NAMED_UPPER_BOUND.search(name) and (
            any(w in level2 for w in HIGHER_IS_BETTER_LEVEL2) or name.endswith("率") or target.unit in ("批次", "次")):
        backwards = "为正向指标（越多越好），指标值却写作上限"
    elif target.comparator in ("≥", ">") and "成本" in level2 and target.unit and "元" in target.unit:
        backwards = "为成本指标（越低越好），指标值却写作下限"
    if not backwards:
        return []
    return [finding("target_direction_suspect", "warning",
                    f"指标“{indicator.level3}”{backwards}“{target.text}”，请核实指标方向。",
                    ctx.row_evidence(indicator, indicator.target), table, indicator.level3,
                    actual=indicator.target)]


def check_set_low(ctx: Context, table: int, indicator: Indicator, assessment: Assessment) -> list[Finding]:
    target, actual = assessment.target, assessment.actual
    if assessment.status != "met" or len(assessment.parts) != 1 or target.kind != "number":
        return []
    values = comparable(target, actual)
    if values is None or not values[0]:
        return []
    target_value, actual_value = values
    # A rate (完工率, 满意度) printed without its % is still a percentage: 100 = 100 is the norm, not hindsight.
    percent = target.unit in PERCENT_UNITS or (target.unit is None and RATE_NAME.search(indicator.level3 or "") is not None)
    # A rate set low shows as well (同比增长9.5% against 25.6): one met 1.5 times over, never past 100%, which no
    # 满意度 or 完成率 reaches (a copy's misread "290%").
    if target.comparator in ("≥", ">", None) and actual_value >= SET_LOW_RATIO * target_value \
            and not (percent and actual_value > FULL_RATE):
        why = f"完成值{fmt(actual_value)}达到指标值{fmt(target_value)}的{actual_value / target_value:.2f}倍（≥1.5倍），目标设置偏低"
    # Hindsight shows in a bound ("≥600个") met exactly at the bound; a planned quantity ("180" 平方米 of 猪舍,
    # "550万粒") delivered as planned is the plan carried out.
    elif target.comparator and not percent and abs(actual_value - target_value) < 1e-9 and target_value >= 100:
        why = f"指标值“{target.text}”与年末完成值“{actual.text}”完全相同，疑为事后按实际完成数填写"
    else:
        return []
    return [finding("target_set_low", "warning", f"指标“{indicator.level3}”{why}。",
                    ctx.row_evidence(indicator, indicator.target, indicator.actual), table, indicator.level3,
                    expected=indicator.target, actual=indicator.actual)]


def score_tolerance(table) -> float:
    """How far a proportional score may stand from its exact value: half a step of the precision the table scores
    in (1.4 for 1.43 where its scores carry one decimal); whole-number scores round nothing (10 is no 9.6), and
    two-decimal ones are held to the ±0.01 of printed figures and their rounding."""
    decimals = max((decimals_printed(f"{score:.4f}".rstrip("0")) for score in
                    (i.score for i in table.indicators) if score is not None), default=0)
    return half_last_place(1) + 0.001 if decimals == 1 else TOLERANCE + half_last_place(2)


def check_scoring(ctx: Context, table: int, indicator: Indicator, assessment: Assessment,
                  tolerance: float) -> list[Finding]:
    """`tolerance`: how far a proportional score may stand from its exact value in this table (`score_tolerance`)."""
    weight, score = indicator.weight, indicator.score
    if weight is None or score is None or not assessment.quantitative:
        return []
    evidence = ctx.row_evidence(indicator, indicator.target, indicator.actual, fmt(score))
    name = indicator.level3
    findings = []
    if assessment.status == "missed":
        # A missed deadline has no proportional score: only "full marks anyway" is provable.
        expected = max(assessment.expected_scores, default=None)
        if not differs(score, weight):
            findings.append(finding("target_not_met_full_score", "error",
                                    f"指标“{name}”指标值{indicator.target}，实际完成{indicator.actual}，未达到目标，"
                                    f"却得满分{fmt(weight)}分。", evidence, table, name, expected=expected, actual=score))
        if expected is not None and all(differs(score, c, tolerance) for c in assessment.expected_scores):
            severity = "error" if score > expected else "warning"
            findings.append(finding("score_not_proportional", severity,
                                    f"指标“{name}”未达目标，应按完成比例计分{fmt(expected)}分"
                                    f"（{fmt(weight)}×完成比例），自评{fmt(score)}分。",
                                    evidence, table, name, expected=expected, actual=score))
    elif differs(weight, score) and score < weight \
            and not (indicator.deviation_note and ctx.wording.states_cause(indicator.deviation_note)):
        findings.append(finding("met_but_deducted", "warning",
                                f"指标“{name}”指标值{indicator.target}，实际完成{indicator.actual}，已达到目标，"
                                f"应得满分{fmt(weight)}分，自评{fmt(score)}分且未说明扣分理由。",
                                evidence, table, name, expected=weight, actual=score))
    return findings


def check_note(ctx: Context, table: int, indicator: Indicator, assessment: Assessment) -> list[Finding]:
    if is_placeholder(indicator) or not indicator.level3 or not deviates(indicator, assessment):
        return []  # a nameless row is a wrapped line or the 总分 row ("总分 | 100 | 96 | 优"), not an indicator
    note = indicator.deviation_note
    why = (f"得分{fmt(indicator.score)}低于分值{fmt(indicator.weight)}" if indicator.score is not None
           and indicator.weight is not None and indicator.score < indicator.weight else
           f"指标值{indicator.target}，实际完成{indicator.actual}，未达到目标")
    if not note or form_instruction_only(note):  # the form's 填表说明 left in the cell is no note of the unit's
        return [finding("missing_deviation_note", "error",
                        f"指标“{indicator.level3}”{why}，偏差原因分析及改进措施栏{'只有填表说明' if note else '却为空'}。",
                        ctx.row_evidence(indicator, indicator.target, indicator.actual), table, indicator.level3,
                        expected="偏差原因分析及改进措施", actual=None)]
    if ctx.wording.states_cause(note):
        return []
    return [finding("missing_deviation_note", "info",
                    f"指标“{indicator.level3}”{why}，偏差说明“{note}”未说明偏差原因，需补写原因分析及改进措施。",
                    ctx.row_evidence(indicator, note), table, indicator.level3, actual=note)]


def check_row_score(ctx: Context, table: int, indicator: Indicator) -> list[Finding]:
    if indicator.score is None or indicator.weight is None or not differs(indicator.score, indicator.weight, 1e-6) \
            or indicator.score <= indicator.weight:
        return []
    return [finding("score_exceeds_weight", "error",
                    f"指标“{indicator.level3}”得分{fmt(indicator.score)}超过分值{fmt(indicator.weight)}。",
                    ctx.row_evidence(indicator, fmt(indicator.score)), table, indicator.level3,
                    expected=f"≤{fmt(indicator.weight)}", actual=indicator.score)]


def check_indicators(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for table_index, table in ctx.self_evaluation_tables:
        criteria = scored_by_criteria(table)
        notes = ctx.has_note_column(table)
        tolerance = score_tolerance(table)
        for indicator in table.indicators:
            assessment = assess(indicator)
            findings += check_placeholder(ctx, table_index, indicator)
            findings += check_not_applicable(ctx, table_index, indicator, criteria)
            findings += check_row_score(ctx, table_index, indicator)
            if is_placeholder(indicator) or not_applicable(indicator):
                findings += check_note(ctx, table_index, indicator, assessment) if notes else []
                continue
            findings += check_units(ctx, table_index, indicator, assessment)
            findings += check_direction(ctx, table_index, indicator, assessment)
            findings += check_set_low(ctx, table_index, indicator, assessment)
            findings += check_scoring(ctx, table_index, indicator, assessment, tolerance)
            findings += check_note(ctx, table_index, indicator, assessment) if notes else []
    return findings

