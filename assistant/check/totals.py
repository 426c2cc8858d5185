"""Table totals: 一级指标 subtotals against their header weights, Σ 分值 = 100, 总分.

Rules: subtotal_weight_mismatch, score_exceeds_weight (subtotals, 总分), total_score_mismatch.
"""
from collections import defaultdict

from assistant.check.base import Context, differs, finding, fmt
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


def check_subtotals(ctx: Context, index: int, table: Table) -> list[Finding]:
    weights, scores, lines = level1_sums(table)
    findings = []
    for level1, header in table.level1_weights.items():
        evidence = [ctx.quote(lines.get(level1), level1)]
        if level1 in weights and differs(weights[level1], header):
            findings.append(finding("subtotal_weight_mismatch", "error",
                                    f"“{level1}”表头分值为{fmt(header)}分，其下三级指标分值合计{fmt(weights[level1])}分，二者不符。",
                                    evidence, index, level1, expected=header, actual=weights[level1]))
        if level1 in scores and scores[level1] > header + 1e-9:
            findings.append(finding("score_exceeds_weight", "error",
                                    f"“{level1}”得分合计{fmt(scores[level1])}分，超过表头分值{fmt(header)}分。",
                                    evidence, index, level1, expected=f"≤{fmt(header)}", actual=scores[level1]))
        default = DEFAULT_SPLIT.get(level1)
        if default is not None and differs(header, default):
            findings.append(finding("subtotal_weight_mismatch", "warning",
                                    f"“{level1}”分值{fmt(header)}分，与原则上的{fmt(default)}分不同，请核实权重设置依据。",
                                    evidence, index, level1, expected=default, actual=header))
    all_weights = sum(weights.values()) + ((table.funds_total.weight or 0.0) if table.funds_total else 0.0)
    if table.indicators and all(i.weight is not None for i in table.indicators if i.score is not None) \
            and differs(all_weights, 100.0):
        findings.append(finding("subtotal_weight_mismatch", "error",
                                f"全部分值（含预算执行率）合计{fmt(all_weights)}分，不等于100分。",
                                [ctx.quote(table.line, table.title)], index, None, expected=100, actual=all_weights))
    return findings


def check_total(ctx: Context, index: int, table: Table) -> list[Finding]:
    if table.total_score is None or not table.indicators:
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
