"""A table's 年度总体目标 against its own indicators: the goal's figure for an indicator is its target.

Rules: target_set_low (W) when the indicator's target is looser than the goal the table states,
narrative_inconsistency (W) when the two differ the other way ("年增长率5%以上" vs 指标值 ≥6.5%).
"""
from assistant.check.base import Context, differs, finding, fmt
from assistant.check.names import compatible_units, same_indicator
from assistant.extract.figures import clause_around, read_figures
from assistant.values import normalize_text, parse_target
from schemas import Finding


def check_goals(ctx: Context) -> list[Finding]:
    findings = []
    for index, table in ctx.self_evaluation_tables:
        goals = normalize_text(table.goals.expected)
        stated = [(f, clause_around(goals, f.start, f.end)) for f in read_figures(goals, table.line or 0)]
        for indicator in table.indicators:
            target = parse_target(indicator.target)
            name = normalize_text(indicator.level3)
            if target.kind != "number" or target.value is None or len(name) < 4:
                continue
            for goal, clause in stated:
                if not (compatible_units(goal.unit, target.unit) and same_indicator(name, goal.subject, clause, goals)
                        and differs(goal.value, target.value)):
                    continue
                looser = goal.value < target.value if target.comparator in ("≤", "<") else goal.value > target.value
                evidence = [ctx.locate(table.line, clause)] + ctx.row_evidence(indicator, indicator.target)
                if looser:
                    findings.append(finding("target_set_low", "warning",
                                            f"年度总体目标为“{clause}”，指标“{indicator.level3}”的指标值却设为{indicator.target}，"
                                            f"低于既定目标。", evidence, index, indicator.level3,
                                            expected=f"{fmt(goal.value)}{goal.unit}", actual=indicator.target))
                else:
                    findings.append(finding("narrative_inconsistency", "warning",
                                            f"指标“{indicator.level3}”有两个目标值：年度总体目标写“{clause}”，"
                                            f"指标值为{indicator.target}。", evidence, index, indicator.level3,
                                            expected=f"{fmt(goal.value)}{goal.unit}", actual=indicator.target))
                break
    return findings
