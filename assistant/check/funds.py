"""The funds block: 执行率, 执行率得分, and the sums of fund lines and breakdowns.

Rules: execution_rate_mismatch, execution_score_mismatch, score_exceeds_weight (funds row),
sum_mismatch, unit_mismatch (amounts filled in 元 under a 万元 head), missing_deviation_note (执行率 < 100% with
no explanation; a budget adjusted in the year whose 原因 cell holds only the form's 填表说明).
"""
import re

from assistant.check.base import TOLERANCE, Context, differs, finding, fmt, form_instruction_only, rate_tolerance
from assistant.values import to_ascii
from schemas import Finding, FundLine, Table

INCOME_WORDS = ("一般公共预算", "政府性基金", "非税收入", "专户", "其他资金", "财政拨款", "上级补助", "事业收入",
                "经营收入", "国有资本")
EXPENDITURE_WORDS = ("基本支出", "项目支出")
CHINESE = re.compile(r"[\u4e00-\u9fff]")
FIGURE_CELL = re.compile(r"[\d.,%／/—-]*")
FUND_COLUMNS = {"initial_budget": "年初预算数", "full_year_budget": "全年预算数", "executed": "全年执行数"}


def rate_budget(line: FundLine) -> float | None:
    """The budget a 执行率 divides by: the 全年预算数 (the adjusted budget, not 年初预算数); a form that prints no 全年预算数
    (Guizhou's 年初预算数(A) | 全年执行数(B), 执行率*该指标分值), its 年初预算数."""
    return line.full_year_budget if line.full_year_budget is not None else line.initial_budget


def computed_rate(line: FundLine) -> float | None:
    """执行率 = 全年执行数 ÷ the budget it is set against (`rate_budget`) × 100."""
    budget = rate_budget(line)
    if line.executed is None or not budget:
        return None
    return line.executed / budget * 100


def effective_rate(line: FundLine) -> float | None:
    """The 执行率 a score follows: recomputed from the amounts, else as printed."""
    rate = computed_rate(line)
    return rate if rate is not None else line.execution_rate


def printed_decimals(ctx: Context, line: FundLine) -> int:
    """The decimals a funds row's 执行率 was printed with. A whole rate printed with its decimals ("95.00%", "95.00％",
    "95.00" in a 执行率(%) column) was rounded to those decimals. Its left edge is left open: a line run together
    glues it to the cell before ("47.6895.00%")."""
    printed = line.execution_rate
    source = ctx.document.lines
    cells = to_ascii(source[line.line - 1]) if line.line and line.line <= len(source) else ""  # spaced, not compact
    places = next((p for p in (2, 1) if re.search(rf"{re.escape(f'{printed:.{p}f}')}(?![\d.])", cells)), None)
    if places is not None:
        return places
    return 0 if printed == round(printed) else 1 if printed == round(printed, 1) else 2


def fund_evidence(ctx: Context, line: FundLine, *values: float | None) -> list:
    evidence = [ctx.quote(line.line, line.label)]
    for value in values:
        found = ctx.cell(line.line, fmt(value) if value is not None else None, span=12)
        if found and found.line not in {e.line for e in evidence}:
            evidence.append(found)
    return evidence


def check_rate(ctx: Context, index: int, line: FundLine) -> list[Finding]:
    rate = computed_rate(line)
    findings = []
    if rate is not None and line.execution_rate is not None and \
            abs(rate - line.execution_rate) > rate_tolerance(line.execution_rate, printed_decimals(ctx, line)):
        findings.append(finding(
            "execution_rate_mismatch", "error",
            f"“{line.label}”执行率应为{fmt(line.executed)}÷{fmt(line.full_year_budget)}={rate:.2f}%，"
            f"表中填{fmt(line.execution_rate)}%。",
            fund_evidence(ctx, line, line.executed, line.full_year_budget, line.execution_rate),
            index, line.label, expected=f"{rate:.2f}", actual=line.execution_rate))
    effective = effective_rate(line)
    if line.weight is not None and line.score is not None and effective is not None:
        expected = min(effective, 100.0) / 100 * line.weight
        if differs(line.score, expected, TOLERANCE + 0.005):
            findings.append(finding(
                "execution_score_mismatch", "error",
                f"“{line.label}”执行率得分应为min({effective:.2f}%,100%)×{fmt(line.weight)}={fmt(expected)}分，"
                f"表中填{fmt(line.score)}分。",
                fund_evidence(ctx, line, line.score, line.weight), index, line.label,
                expected=expected, actual=line.score))
    elif line.weight is not None and line.score is None and effective is not None:
        expected = min(effective, 100.0) / 100 * line.weight
        findings.append(finding(
            "execution_score_mismatch", "error",
            f"“{line.label}”执行率{effective:.2f}%、分值{fmt(line.weight)}，执行率得分应为{fmt(expected)}分，得分栏却未填。",
            fund_evidence(ctx, line, line.weight), index, line.label, expected=expected, actual=None))
    if line.weight is not None and line.score is not None and line.score > line.weight + 1e-9:
        findings.append(finding("score_exceeds_weight", "error",
                                f"“{line.label}”执行率得分{fmt(line.score)}超过分值{fmt(line.weight)}。",
                                fund_evidence(ctx, line, line.score), index, line.label,
                                expected=f"≤{fmt(line.weight)}", actual=line.score))
    return findings


SUBTOTAL = "小计"
# A source printed as an item of a group (①当年财政拨款, ②上年结转) under its 小计.
GROUP_ITEM = re.compile(r"^\s*[①-⑳]")


def adds_up_to(lines: list[FundLine], subtotal: FundLine) -> bool:
    return all(not differs(sum(getattr(line, c) or 0.0 for line in lines), getattr(subtotal, c))
               for c in FUND_COLUMNS if getattr(subtotal, c) is not None)


def grouped_under(lines: list[FundLine], at: int) -> set[int]:
    """The lines the subtotal at `at` groups: the run of sources right after it (or right before it) that adds up to
    it. A subtotal whose amounts were not read groups nothing."""
    if all(getattr(lines[at], c) is None for c in FUND_COLUMNS):
        return set()
    after = []
    for index in range(at + 1, len(lines)):
        if SUBTOTAL in lines[index].label:
            break
        after.append(index)
    before = []
    for index in range(at - 1, -1, -1):
        if SUBTOTAL in lines[index].label:
            break
        before.append(index)
    for run in (after, before):
        for size in range(1, len(run) + 1):
            if adds_up_to([lines[i] for i in run[:size]], lines[at]):
                return set(run[:size])
    return set()


def fund_parts(table: Table) -> list[FundLine]:
    """The 其中 lines the 年度资金总额 adds up: when sources are grouped under subtotals (财政资金小计 over ①②③,
    其他资金小计), the subtotals and the sources outside every group (上年结转资金 printed between them); else every
    line."""
    lines = table.fund_lines
    subtotals = [i for i, line in enumerate(lines) if SUBTOTAL in line.label]
    if not subtotals:
        return lines
    grouped = set().union(*(grouped_under(lines, i) for i in subtotals))
    return [line for i, line in enumerate(lines)
            if i in subtotals or i not in grouped and not GROUP_ITEM.match(line.label)]


def check_fund_lines_sum(ctx: Context, index: int, table: Table) -> list[Finding]:
    """当年财政拨款 + 上年结转 + 其他资金 = 年度资金总额, column by column."""
    total = table.funds_total
    if total is None or not table.fund_lines:
        return []
    spending = {word for word in EXPENDITURE_WORDS for line in table.fund_lines if word in line.label}
    if len(spending) == 1:
        return []  # 基本支出 + 项目支出 split the total by 支出性质: with one half not read, there is no sum to check
    findings = []
    for field, column in FUND_COLUMNS.items():
        parts = [getattr(line, field) for line in fund_parts(table) if getattr(line, field) is not None]
        stated = getattr(total, field)
        if parts and stated is not None and differs(sum(parts), stated):
            findings.append(finding(
                "sum_mismatch", "error",
                f"{column}：各资金来源合计{fmt(sum(parts))}万元，与年度资金总额{fmt(stated)}万元不符。",
                fund_evidence(ctx, total, stated) + [ctx.quote(line.line, line.label) for line in table.fund_lines],
                index, total.label, expected=sum(parts), actual=stated))
    return findings


def check_breakdown(ctx: Context, index: int, table: Table) -> list[Finding]:
    """按收入性质 and 按支出性质 items add up to the total they break down."""
    total = table.funds_total
    if total is None or total.full_year_budget is None:
        return []
    findings = []
    for side, words, subtotal_key in (("按收入性质", INCOME_WORDS, "按收入性质分"),
                                      ("按支出性质", EXPENDITURE_WORDS, "按支出性质分")):
        items = {k: v for k, v in table.breakdown.items() if any(w in k for w in words)}
        if not items:
            continue
        parts = sum(items.values())
        reference = table.breakdown.get(subtotal_key, total.full_year_budget)
        if not differs(parts, reference):
            continue
        equals_executed = not differs(parts, total.executed)
        detail = "+".join(f"{k}{fmt(v)}" for k, v in items.items())
        message = (f"{side}分：{detail}={fmt(parts)}万元，与年度资金总额全年预算数{fmt(reference)}万元不符"
                   + ("（等于全年执行数，全年预算数疑未按调整后预算填列）。" if equals_executed else "。"))
        findings.append(finding("sum_mismatch", "warning" if equals_executed else "error", message,
                                fund_evidence(ctx, total, reference), index, total.label,
                                expected=reference, actual=parts))
    return findings


def check_unexplained_underspend(ctx: Context, index: int, table: Table) -> list[Finding]:
    """执行率 < 100% needs its cause in the table's notes."""
    total = total_from_lines(table)  # a total row printing no amounts has its 其中 lines' 执行率
    rate = effective_rate(total) if total else None
    if rate is None or rate >= 100 - TOLERANCE or not ctx.has_note_column(table) or ctx.ends_inside(table):
        return []
    notes = "".join(i.deviation_note or "" for i in table.indicators)
    if any(word in notes for word in ("执行", "预算", "资金", "支出")):
        return []
    return [finding("missing_deviation_note", "error",
                    f"预算执行率{rate:.2f}%低于100%，表内未说明偏差原因及改进措施。",
                    fund_evidence(ctx, total, total.executed), index, total.label,
                    expected="偏差原因分析及改进措施", actual=None)]


def row_remarks(ctx: Context, table: Table, line: FundLine) -> str:
    """The text cells of a funds row (its 原因 / 说明 cell), read from the source lines from the row's label to the
    next row: the label and the figure cells left out."""
    following = [other.line for other in table.fund_lines + [table.funds_total]
                 if other and other.line and line.line and other.line > line.line]
    end = min(following, default=line.line + 1)
    cells = [cell.strip() for number in range(line.line, end) for cell in ctx.document.line_text(number).split("|")]
    return "".join(cell for cell in cells[1:] if not FIGURE_CELL.fullmatch(cell) and cell != line.label)


def check_adjustment_reason(ctx: Context, index: int, table: Table) -> list[Finding]:
    """A budget adjusted during the year (全年预算数 ≠ 年初预算数) whose 原因 cell still holds only the form's 填表说明
    ("年中发生预算调整的(追加或调减),应单独说明理由"): the form asked for the reason and none was written."""
    total = table.funds_total
    if total is None or total.line is None or not differs(total.initial_budget, total.full_year_budget):
        return []
    remarks = row_remarks(ctx, table, total)
    if not form_instruction_only(remarks) or "调整" not in remarks:
        return []
    return [finding("missing_deviation_note", "warning",
                    f"“{total.label}”年初预算{fmt(total.initial_budget)}万元，调整后预算{fmt(total.full_year_budget)}万元，"
                    "预算年中调整，原因栏只有表格自带的填表说明，未说明调整理由。",
                    fund_evidence(ctx, total, total.initial_budget, total.full_year_budget), index, total.label,
                    expected="预算调整理由", actual=None)]


def total_from_lines(table: Table) -> FundLine | None:
    """年度资金总额 with the budget and spending of its 其中 lines when the total row itself prints none
    ("年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 90 89.974 89.974"): its 执行率 is the lines' 执行率."""
    total = table.funds_total
    if total is None or computed_rate(total) is not None:
        return total
    # A source line printing no amount at all (上年结转资金 left empty) adds nothing; an amount left blank on a line
    # that prints others is unknown, not 0: the sum of the lines that print it would understate the total (a copy
    # that lost the 全年执行数 cells spent nothing only in a sum), and the total row's own 0 is no amount either.
    parts = [line for line in fund_parts(table)
             if any(amount is not None for amount in (line.initial_budget, line.full_year_budget, line.executed))]
    printed = {field: [getattr(line, field) for line in parts] for field in ("full_year_budget", "executed")}
    sums = {field: sum(values) if values and None not in values else None for field, values in printed.items()}
    return total.model_copy(update=sums) if sums.get("full_year_budget") and total.execution_rate is not None \
        else total


# 100亿元 in 万元: beyond the funds any unit self-evaluates; amounts this large under a 万元 head were filled in 元.
FILLED_IN_YUAN = 1_000_000


def check_money_unit(ctx: Context, index: int, table: Table) -> list[Finding]:
    """A funds block headed 万元 whose amounts were filled in 元 ("(万元) … 合计 2537695 … 2546673.98")."""
    total = table.funds_total
    amounts = [v for v in (total.executed, total.full_year_budget, total.initial_budget) if v] if total else []
    if table.money_unit != "万元" or not amounts or amounts[0] < FILLED_IN_YUAN:
        return []
    head = range(table.line or total.line or 0, (total.line or 0) + 1)  # the 万元 printed from the title to the total
    if not any("万元" in ctx.compact_line(number) for number in head):
        return []
    return [finding("unit_mismatch", "warning",
                    f"资金单位标注为万元，“{total.label}”却为{fmt(amounts[0])}万元（即{fmt(amounts[0] / 10_000)}亿元），"
                    f"金额疑以元填报（应为{fmt(amounts[0] / 10_000)}万元），单位与数值不符。",
                    fund_evidence(ctx, total, amounts[0]), index, total.label,
                    expected=f"{fmt(amounts[0] / 10_000)}万元", actual=f"{fmt(amounts[0])}万元")]


def check_funds(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for index, table in ctx.self_evaluation_tables:
        if table.funds_total is not None and not CHINESE.search(table.funds_total.label):
            continue  # a total "row" named by a header fragment ("(B/A") is a misread block: no finding could name it
        total = total_from_lines(table)
        lines = ([total] if total else []) + table.fund_lines
        for line in lines:
            findings += check_rate(ctx, index, line)
        findings += check_fund_lines_sum(ctx, index, table)
        findings += check_breakdown(ctx, index, table)
        findings += check_unexplained_underspend(ctx, index, table)
        findings += check_adjustment_reason(ctx, index, table)
        findings += check_money_unit(ctx, index, table)
    return findings
