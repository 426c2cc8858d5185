"""Table totals: 一级指标 subtotals against their header weights, Σ 分值 = 100, 总分.

Rules: subtotal_weight_mismatch, score_exceeds_weight (subtotals, 总分), total_score_mismatch.
"""
from collections import defaultdict

from assistant.check.base import TOLERANCE, Context, differs, finding, fmt
from schemas import Finding, Table

DEFAULT_SPLIT = {"产出指标": 50.0, "效益指标": 30.0, "满意度指标": 10.0}


def level1_sums(table: Table) -> tuple[dict[str, float], dict[str, float], dict[str, int]]:
    weights: dict[str, float] = defaultdict(float)
    scores: dict[str, float] = defaultdict(float)
    lines: dict[str, int] = {}
    for indicator in table.indicators:
        key = indicator.level1 or ""
        weights[key] += indicator.weight or 0.0
        scores[key] += indicator.score or 0.0
        lines.setdefault(key, indicator.line)
    return weights, scores, lines


def closed_blocks(table: Table) -> set[str]:
    """一级指标 blocks read to their end: another block follows, or the 总分 row closes the table. The last block of
    a copy cut off below it (a web excerpt, a truncated page) is not summed: its remaining rows are not there."""
    order = list(dict.fromkeys(indicator.level1 or "" for indicator in table.indicators))
    return set(order if table.total_score is not None else order[:-1])


def weighted(table: Table, level1: str) -> bool:
    """Every row of the block prints its 分值 (score sheets without a 分值 column print none)."""
    rows = [indicator for indicator in table.indicators if (indicator.level1 or "") == level1]
    return bool(rows) and all(indicator.weight is not None for indicator in rows)


def rows_explain_total(table: Table) -> bool:
    """The rows read give the printed 总分: the table is read whole, so its 分值 can be summed."""
    funds_score = table.funds_total.score if table.funds_total and table.funds_total.score is not None else 0.0
    return table.total_score is not None and \
        not differs(funds_score + sum(i.score or 0.0 for i in table.indicators), table.total_score)


def rows_explain_total_weight(table: Table) -> bool:
    """The rows read give the 总分 row's printed 分值 (its score may be wrong): the table is read whole. The
    indicators' 分值 alone: a 总分 printing them without the 执行率's (hubei_ezhou "总分 100 90" over 100 + 10) is read
    whole too, and its 110 is the finding."""
    return table.total_weight is not None and not differs(sum(i.weight or 0.0 for i in table.indicators),
                                                          table.total_weight)


def weights_complete(table: Table) -> bool:
    """The 分值 read reach 100 with 执行率: no row is missing (rows lost in a cut or garbled copy leave the sum
    short; too many 分值 is a finding of its own), so the 总分 can be recomputed."""
    funds_weight = table.funds_total.weight if table.funds_total and table.funds_total.weight is not None else 0.0
    return bool(table.indicators) and funds_weight + sum(i.weight or 0.0 for i in table.indicators) > 100.0 - TOLERANCE


def national_split(table: Table) -> bool:
    """The 财预〔2020〕10号 template weights 预算执行率 10; a province's own (云南 预算执行情况 20分, 宁夏 by stages)
    sets its own split, which is no deviation from a principle."""
    return table.funds_total is not None and not differs(table.funds_total.weight, 10.0) \
        and table.funds_total.weight is not None


def check_subtotals(ctx: Context, index: int, table: Table) -> list[Finding]:
    weights, scores, lines = level1_sums(table)
    closed = closed_blocks(table)
    findings = []
    for level1, header in table.level1_weights.items():
        evidence = [ctx.quote(lines.get(level1), level1)]
        if level1 not in closed:
            continue
        if weighted(table, level1) and differs(weights[level1], header):
            findings.append(finding("subtotal_weight_mismatch", "error",
                                    f"“{level1}”表头分值为{fmt(header)}分，其下三级指标分值合计{fmt(weights[level1])}分，二者不符。",
                                    evidence, index, level1, expected=header, actual=weights[level1]))
        if level1 in scores and scores[level1] > header + 1e-9:
            findings.append(finding("score_exceeds_weight", "error",
                                    f"“{level1}”得分合计{fmt(scores[level1])}分，超过表头分值{fmt(header)}分。",
                                    evidence, index, level1, expected=f"≤{fmt(header)}", actual=scores[level1]))
        default = DEFAULT_SPLIT.get(level1)
        if default is not None and national_split(table) and differs(header, default):
            findings.append(finding("subtotal_weight_mismatch", "warning",
                                    f"“{level1}”分值{fmt(header)}分，与原则上的{fmt(default)}分不同，请核实权重设置依据。",
                                    evidence, index, level1, expected=default, actual=header))
    all_weights = sum(weights.values()) + ((table.funds_total.weight or 0.0) if table.funds_total else 0.0)
    if table.indicators and all(i.weight is not None for i in table.indicators) \
            and (rows_explain_total(table) or rows_explain_total_weight(table)) and differs(all_weights, 100.0):
        findings.append(finding("subtotal_weight_mismatch", "error",
                                f"全部分值（含预算执行率）合计{fmt(all_weights)}分，不等于100分。",
                                [ctx.quote(table.line, table.title)], index, None, expected=100, actual=all_weights))
    return findings


def check_total(ctx: Context, index: int, table: Table) -> list[Finding]:
    if table.total_score is None or not weights_complete(table):
        return []
    funds = table.funds_total
    execution_score = funds.score if funds and funds.score is not None else 0.0
    # A printed 执行率得分 above its 分值 (100 of 10) is its own finding; the total counts it at its 分值.
    over = funds is not None and funds.weight is not None and execution_score > funds.weight + 1e-9
    counted = funds.weight if over else execution_score
    note = f"（表中填{fmt(execution_score)}分，超过分值，按{fmt(counted)}分计）" if over else ""
    indicator_scores = sum(i.score or 0.0 for i in table.indicators)
    expected = counted + indicator_scores
    total_line = ctx.cell(table.indicators[-1].line, "总分", span=60)
    evidence = [total_line or ctx.quote(table.line, table.title)]
    findings = []
    if differs(expected, table.total_score):
        findings.append(finding("total_score_mismatch", "error",
                                f"总分应为执行率得分{fmt(counted)}{note}+指标得分{fmt(indicator_scores)}={fmt(expected)}分，"
                                f"表中总分{fmt(table.total_score)}分。",
                                evidence, index, None, expected=expected, actual=table.total_score))
    if table.total_score > 100 + 1e-9:
        findings.append(finding("score_exceeds_weight", "error", f"总分{fmt(table.total_score)}超过100分。",
                                evidence, index, "总分", expected="≤100", actual=table.total_score))
    return findings


def check_totals(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for index, table in ctx.self_evaluation_tables:
        findings += check_subtotals(ctx, index, table)
        findings += check_total(ctx, index, table)
    return findings
