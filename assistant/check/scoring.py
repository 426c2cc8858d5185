"""The recomputed score (复核得分) of each self-evaluation table under the official rules.

执行率得分 = min(执行率, 100%) × 分值; a quantitative target met earns its full 分值, a missed
one 分值 × its completion ratio; placeholder and not-applicable rows earn 0; a row that cannot
be judged keeps its self-score, capped at its 分值.
"""
from assistant.check.assess import assess, is_placeholder, not_applicable
from assistant.check.funds import effective_rate
from schemas import Indicator, Report, Table, TableScore


def recomputed_indicator_score(indicator: Indicator) -> float:
    weight = indicator.weight or 0.0
    if is_placeholder(indicator) or not_applicable(indicator) or (indicator.level3 and not indicator.target):
        return 0.0
    assessment = assess(indicator)
    if assessment.status == "met":
        return weight
    if assessment.status == "missed" and assessment.expected_scores:
        candidates = assessment.expected_scores
        if indicator.score is not None and any(abs(indicator.score - c) <= 0.016 for c in candidates):
            return min(indicator.score, weight)
        return max(candidates)
    return min(indicator.score or 0.0, weight) if indicator.weight is not None else (indicator.score or 0.0)


def recomputed_execution_score(table: Table) -> float:
    total = table.funds_total
    if total is None or total.weight is None:
        return 0.0
    rate = effective_rate(total) or 0.0
    return min(rate, 100.0) / 100 * total.weight


def scored(table: Table) -> bool:
    """Whether the table prints any 分值 or 得分 (its 总分 row's, a funds line's, a row's): a form of targets and results
    only (a 目标值/实际完成值/完成率 sheet) has no score to recompute, rather than a score of 0."""
    lines = [*table.indicators, *(line for line in (table.funds_total, *table.fund_lines) if line)]
    return table.total_score is not None or table.total_weight is not None \
        or any(line.weight is not None or line.score is not None for line in lines)


def points_read(table: Table) -> float:
    """The 分值 read from the table's rows: its funds total's and its indicators'."""
    funds = table.funds_total.weight if table.funds_total and table.funds_total.weight is not None else 0.0
    return funds + sum(i.weight for i in table.indicators if i.weight is not None)


def short_of_total(table: Table) -> bool:
    """Whether the 分值 read fall short of the 总分 the table prints: rows whose values could not be read apart, or a
    copy cut off before its last rows, leave points no recomputation can see (more than the 总分 is the table's own
    defect, and the rows read still recompute)."""
    return table.total_weight is not None and points_read(table) < table.total_weight - 0.005


def unrecomputed_warnings(report: Report) -> list[str]:
    """What a reviewer is told of each table whose score is not recomputed because its points were not all read."""
    return [f"表{index + 1}读出的分值合计{points_read(table):g}分，少于其总分{table.total_weight:g}分：有指标未能读出"
            f"或表格不完整，未计算复核得分，请人工核对。"
            for index, table in enumerate(report.tables)
            if table.kind != "basic_data" and short_of_total(table)]


def recompute(report: Report) -> list[TableScore]:
    """Self vs recomputed score per table, with every row whose score changes (`rows`); None for a table that prints
    no score at all, or whose points were not all read (`short_of_total`)."""
    scores = []
    for index, table in enumerate(report.tables):
        if table.kind == "basic_data":
            continue
        if not scored(table):
            scores.append(TableScore(table=index))
            continue
        if short_of_total(table):
            scores.append(TableScore(table=index, self_score=table.total_score))
            continue
        execution = recomputed_execution_score(table)
        rows = [{"row": i.level3, "line": i.line, "self_score": i.score,
                 "recomputed_score": round(recomputed_indicator_score(i), 2)} for i in table.indicators]
        total = execution + sum(r["recomputed_score"] for r in rows)
        changed = [r for r in rows if r["self_score"] is None or abs(r["recomputed_score"] - r["self_score"]) > 0.005]
        if table.funds_total and table.funds_total.score is not None and abs(execution - table.funds_total.score) > 0.005:
            changed.insert(0, {"row": table.funds_total.label, "line": table.funds_total.line,
                               "self_score": table.funds_total.score, "recomputed_score": round(execution, 2)})
        scores.append(TableScore(table=index, self_score=table.total_score, recomputed_score=round(total, 2),
                                 rows=[r for r in changed if r["self_score"] is not None or r["recomputed_score"]]))
    return scores
