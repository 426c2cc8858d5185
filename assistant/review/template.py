"""Template drafts of 偏差原因分析 and 改进措施: offline, deterministic, specific to one row.

Each draft states the row's numbers (指标值, 完成值, completion ratio, 分值, 自评得分,
复核得分), what the rule requires, whether the unit's own note explains anything, and what
the report itself says about causes and measures (quoted, with line numbers in evidence).
Every number it prints is printed in the source or derived from the row's numbers.
"""
import re
from dataclasses import dataclass, field

from assistant.check.assess import direction, is_placeholder, not_applicable
from assistant.check.funds import rate_budget
from assistant.document import Document
from assistant.review.deviation import ReportIssue, RowDeviation
from assistant.review.grounding import number
from assistant.review.guidance import FUND_ABOVE_MEASURE, FUND_BELOW_MEASURE, RULES, category_measure
from assistant.review.memo import table_title
from assistant.review.passages import PassageIndex
from schemas import CheckedReport, Draft, Evidence, Finding

ORDINALS = "一二三四五六七八九十"
# A sentence that states a figure (a number with its unit), not only an item number.
FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s{0,4}(?:万元|亿元|元|%|个|件|次|批次|户|家|人次|人|起|份|项|台|辆|套|条|天|日|分)")
CLIP = 90
# Findings whose substance the score and note sentences already state.
STATED_BY_ROW = {"target_not_met_full_score", "score_not_proportional", "met_but_deducted", "missing_deviation_note",
                 "execution_rate_mismatch", "execution_score_mismatch", "not_applicable_scored", "placeholder_row"}
# Words the narrative uses for each kind of deviation: (in 存在的问题, in 改进措施).
REASON_WORDS = {"target_missed": ("未能 如期 未完成", "绩效目标 指标值 科学 合理 设置"),
                "score_below_weight": ("偏差 未达", "绩效目标 绩效评价"),
                "execution_below_full": ("预算 决算 执行 支出 差距", "预算 执行 支出 管理")}
# What most likely caused an error no row explains, by rule family; the arithmetic ones are certain.
GUESSED_CAUSES = [
    (("text_table_mismatch", "narrative_inconsistency"),
     "差异可能源于统计口径或统计截止时点不同，也可能是数据录入错误，报告未作说明，需由单位核实"),
    (("narrative_arithmetic", "sum_mismatch"), "差异可能源于分项数据填写错误或遗漏分项，报告未作说明，需由单位核实"),
    (("total_score_mismatch", "subtotal_weight_mismatch", "score_exceeds_weight"),
     "上述差异系评分汇总或权重设置错误所致，应予更正"),
]
PROBLEMS_FLOOR, MEASURES_FLOOR, BODY_FLOOR = 6.0, 6.0, 6.0


@dataclass
class Sources:
    """What a draft may draw on: the checked report, its source text and the narrative's sentences."""

    report: CheckedReport
    document: Document
    passages: PassageIndex

    @classmethod
    def of(cls, report: CheckedReport, document: Document) -> "Sources":
        return cls(report, document, PassageIndex.of(document))


@dataclass
class Text:
    """Sentences of a draft and the evidence they lean on."""

    cause: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def cite(self, quote: str, line: int | None) -> None:
        if quote and all((e.quote, e.line) != (quote, line) for e in self.evidence):
            self.evidence.append(Evidence(quote=quote, line=line))


def clip(text: str, limit: int = CLIP) -> str:
    """A quote cut at a clause boundary (never inside a number), with "……" when shortened."""
    text = text.strip().rstrip("。；;，,")
    if len(text) <= limit:
        return text
    cut = max(text.rfind(mark, 0, limit) for mark in "，、,：:")
    return (text[:cut] if cut > limit // 3 else text[:limit].rstrip("0123456789.")) + "……"


def enumerate_measures(measures: list[str]) -> str:
    """一是……；二是……。"""
    unique = list(dict.fromkeys(m for m in measures if m))
    if len(unique) == 1:
        return unique[0] + "。"
    return "；".join(f"{ORDINALS[i]}是{m}" for i, m in enumerate(unique[:len(ORDINALS)])) + "。"


def row_quote(document: Document, line: int | None, fallback: str) -> Evidence:
    text = document.line_text(line).strip()
    return Evidence(quote=text or fallback, line=line)


def funds_subject(report: CheckedReport, index: int) -> str:
    table = report.tables[index]
    return f"“{table.name}”项目" if table.kind == "project" and table.name else "部门预算"


def row_query(row: RowDeviation, report: CheckedReport, section: int) -> str:
    """Words to find what the narrative says of a row: its name, its project, its kind of deviation."""
    table = report.tables[row.table]
    project = table.name if table.kind == "project" else ""
    words = " ".join(REASON_WORDS[reason][section] for reason in row.reasons if reason in REASON_WORDS)
    return f"{row.row or ''} {project} {words}"


def row_subject(row: RowDeviation, report: CheckedReport) -> str:
    """What a fact about the row is about: the indicator's name, or the project of a funds row."""
    if row.indicator is not None:
        return row.row or ""
    table = report.tables[row.table]
    project = table.name if table.kind == "project" else ""
    return f"{project} 预算 执行 支出"


def cite_report(text: Text, sources: Sources, query: str, subject: str) -> None:
    """The row's facts as the narrative states them (a sentence with a figure), and what its
    存在的问题 says of causes, quoted."""
    problems = sources.passages.search(query, "problems", limit=1, floor=PROBLEMS_FLOOR)
    facts = [p for p in sources.passages.search(subject, "body", limit=3, floor=BODY_FLOOR)
             if FIGURE.search(p.text)][:1]
    for passage in facts:
        text.cause.append(f"报告载明：“{clip(passage.text)}”。")
        text.cite(passage.text, passage.line)
    if problems:
        stated = [p for hit in problems for p in sources.passages.with_reason(hit)]
        quoted = "。".join(clip(p.text) for p in stated)
        text.cause.append(f"报告“存在的问题”部分述及：“{quoted}”，如该项偏差系上述原因所致，应予具体说明。")
        for passage in stated:
            text.cite(passage.text, passage.line)
    else:
        text.cause.append("报告正文及“存在的问题”部分均未说明该项偏差的具体原因，需由单位补充说明客观原因"
                          "（如政策调整、任务变化）和主观原因（如组织实施、进度管理）。")


def cite_measures(text: Text, sources: Sources, query: str) -> None:
    for passage in sources.passages.search(query, "measures", limit=1, floor=MEASURES_FLOOR):
        text.measures.append(f"结合报告提出的“{clip(passage.text, 60)}”等措施抓好落实")
        text.cite(passage.text, passage.line)


def other_findings(text: Text, findings: list[Finding]) -> None:
    """Findings on the row that the facts, score and note sentences do not already state; the remedy of each."""
    messages = [f.message.rstrip("。") for f in findings if f.rule not in STATED_BY_ROW and f.severity != "info"]
    if messages:
        text.cause.append("审核还发现：" + "；".join(dict.fromkeys(messages)) + "。")
    text.measures += [RULES[f.rule].remedy for f in findings
                      if f.rule in RULES and f.rule not in STATED_BY_ROW and f.severity != "info"]


def cite_findings(text: Text, findings: list[Finding]) -> None:
    for finding in findings:
        for evidence in finding.evidence:
            text.cite(evidence.quote, evidence.line)


def unscorable_reason(indicator) -> str | None:
    """Why a row earns 0 under the rules: a placeholder, a 不适用 mark, no target; None if it is scorable."""
    if is_placeholder(indicator):
        return "没有指标名称和指标值，属占位行"
    if not_applicable(indicator):
        return "标注为不适用"
    return "未设定年度指标值" if indicator.level3 and not indicator.target else None


def indicator_facts(row: RowDeviation) -> str:
    indicator, assessment = row.indicator, row.assessment
    name = indicator.level3 or "（未填写名称）"
    printed = f"“{name}”指标年度指标值为“{indicator.target or '（未填写）'}”，实际完成值为“{indicator.actual or '（未填写）'}”"
    unscorable = unscorable_reason(indicator)
    if unscorable:
        return f"{printed}，该行{unscorable}，不应计分。"
    if assessment.status == "missed" and row.completion is not None:
        reverse = bool(assessment.parts) and direction(assessment.parts[0], indicator) == "≤"
        formula = "（反向指标，按指标值÷完成值计算）" if reverse else ""
        return f"{printed}，完成率为{number(row.completion)}%{formula}，未达到年度目标。"
    if assessment.status == "missed":
        return f"{printed}，未在规定时限内完成。"
    if assessment.status == "met":
        return f"{printed}，已达到年度目标。"
    if assessment.target.kind == "qualitative" and assessment.actual.kind == "qualitative":
        return f"{printed}，为定性指标，应按达成程度计分。"
    return f"{printed}，二者口径不一致，无法据以判断目标完成程度。"


def indicator_scoring(row: RowDeviation, text: Text) -> None:
    indicator = row.indicator
    weight, score, recomputed = indicator.weight, indicator.score, row.recomputed_score
    if weight is None or score is None:
        return
    head = f"该指标分值{number(weight)}分，自评得分{number(score)}分"
    if recomputed is None or abs(recomputed - score) <= 0.005:
        if score < weight and row.assessment.status == "missed":
            text.cause.append(f"{head}，与按完成比例计分的结果相符。")
        elif score < weight:
            text.cause.append(f"{head}，扣减{number(weight - score)}分，报告未说明扣分依据。")
            text.measures.append(f"补充说明“{indicator.level3}”的扣分依据，或按达成程度据实确定得分")
        return
    if unscorable_reason(indicator):
        rule = RULES["placeholder_row" if is_placeholder(indicator) else "not_applicable_scored"].requirement
    elif row.assessment.status == "met":
        rule = RULES["met_but_deducted"].requirement
    else:
        rule = RULES["score_not_proportional"].requirement
    more = "多计" if score > recomputed else "少计"
    text.cause.append(f"{head}。按照“{rule}”的规定，复核得分应为{number(recomputed)}分，自评{more}"
                      f"{number(abs(score - recomputed))}分。")
    text.measures.append(f"据实调整自评得分，将“{indicator.level3 or '该行'}”得分由{number(score)}分调整为"
                         f"{number(recomputed)}分，并相应调整总分")


def note_sentences(row: RowDeviation, text: Text) -> None:
    note = row.indicator.deviation_note if row.indicator else None
    if "note_missing" in row.reasons:
        text.cause.append("“偏差原因分析及改进措施”栏未填写。")
        text.measures.append("补充填写“偏差原因分析及改进措施”栏，逐项说明未完成目标的客观原因和主观原因")
    elif "note_insufficient" in row.reasons:
        text.cause.append(f"原“偏差原因分析及改进措施”栏仅填写“{note}”，属于工作方向的表述，未说明产生偏差的原因，说明不充分。")
        text.measures.append(f"重新填写“偏差原因分析及改进措施”栏，说明产生偏差的具体原因，不以“{note}”等表述代替原因分析")
    elif "note_states_cause" in row.reasons:
        text.cause.append(f"原“偏差原因分析及改进措施”栏说明：“{note}”。")


def indicator_measures(row: RowDeviation, text: Text) -> None:
    indicator, assessment = row.indicator, row.assessment
    if unscorable_reason(indicator):
        text.measures.append(RULES["placeholder_row" if is_placeholder(indicator) else "not_applicable_scored"].remedy)
        return
    if assessment.status != "met" and ("target_missed" in row.reasons or "score_below_weight" in row.reasons):
        text.measures.append(category_measure(indicator.level2, indicator.level3 or "该指标", indicator.target))
    if assessment.target.kind == "qualitative":
        text.measures.append(f"将“{indicator.level3}”的定性表述“{indicator.target}”细化为可量化、可考核的指标值")


def fund_facts(row: RowDeviation, unit: str) -> str:
    """The amounts of a funds row and what its 执行率 says of them, set against the budget the rate divides by (the
    全年预算数, or the 年初预算数 of a form that prints none)."""
    fund = row.fund
    budget = rate_budget(fund)
    budget_word = "全年预算数" if fund.full_year_budget is not None else "年初预算数"
    parts = [f"“{fund.label}”{budget_word}{number(budget)}{unit}，全年执行数{number(fund.executed)}{unit}"
             if budget is not None and fund.executed is not None else f"“{fund.label}”"]
    if row.execution_rate is not None and budget is not None and fund.executed is not None:
        parts.append(f"执行率为{number(row.execution_rate)}%")
        if fund.execution_rate is not None and abs(fund.execution_rate - row.execution_rate) > 0.01:
            parts.append(f"表中填列{number(fund.execution_rate)}%")
        gap = budget - fund.executed
        if gap > 0.005:
            parts.append(f"未支出资金{number(gap)}{unit}")
        elif gap < -0.005:
            parts.append(f"执行数超出{budget_word}{number(-gap)}{unit}")
            if fund.full_year_budget is not None and fund.initial_budget is not None \
                    and abs(fund.initial_budget - fund.full_year_budget) <= 0.005:
                parts.append("全年预算数与年初预算数相同，年度追加的资金未纳入全年预算数")
    elif fund.execution_rate is not None:
        parts.append(f"表中填列执行率{number(fund.execution_rate)}%")
    return "，".join(parts) + "。"


def fund_scoring(row: RowDeviation, text: Text) -> None:
    fund = row.fund
    if fund.weight is None or fund.score is None:
        return
    head = f"该项分值{number(fund.weight)}分，自评得分{number(fund.score)}分"
    recomputed = row.recomputed_score
    if recomputed is None or abs(recomputed - fund.score) <= 0.005:
        text.cause.append(f"{head}，与按执行率计分的结果相符。")
        return
    more = "多计" if fund.score > recomputed else "少计"
    text.cause.append(f"{head}。按照“{RULES['execution_score_mismatch'].requirement}”的规定，复核得分应为"
                      f"{number(recomputed)}分，自评{more}{number(abs(fund.score - recomputed))}分。")
    text.measures.append(f"按复核后的执行率更正“{fund.label}”的执行率和得分，并相应调整总分")


def fund_note(row: RowDeviation, text: Text) -> None:
    if "execution_below_full" in row.reasons and any(f.rule == "missing_deviation_note" for f in row.findings):
        text.cause.append("表内未说明预算执行率低于100%的原因。")
        text.measures.append("在自评表中补充说明预算执行偏差的原因")


def fund_measures(row: RowDeviation, text: Text, subject: str) -> None:
    if row.execution_rate is not None and row.execution_rate > 100 + 0.01:
        text.measures.append(FUND_ABOVE_MEASURE)
    elif "execution_below_full" in row.reasons:
        text.measures.append(FUND_BELOW_MEASURE.format(name=subject))


def draft_row(row: RowDeviation, sources: Sources) -> Draft:
    """The template draft for one deviating (or error-flagged) indicator or funds row."""
    report, document = sources.report, sources.document
    table = report.tables[row.table]
    text = Text()
    quote = row_quote(document, row.line, row.row or "")
    text.cite(quote.quote, quote.line)
    if row.indicator is not None:
        text.cause.append(indicator_facts(row))
        indicator_scoring(row, text)
        note_sentences(row, text)
    else:
        text.cause.append(fund_facts(row, table.money_unit))
        fund_scoring(row, text)
        fund_note(row, text)
    other_findings(text, row.findings)
    cite_report(text, sources, row_query(row, report, 0), row_subject(row, report))
    if row.indicator is not None:
        indicator_measures(row, text)
    else:
        fund_measures(row, text, funds_subject(report, row.table))
    cite_measures(text, sources, row_query(row, report, 1))
    cite_findings(text, row.findings)
    return Draft(table=row.table, row=row.row, finding_rules=list(dict.fromkeys(f.rule for f in row.findings)),
                 deviation_cause="".join(text.cause), improvement=enumerate_measures(text.measures),
                 evidence=text.evidence, mode="template")


def guessed_cause(rules: list[str]) -> str:
    return next((cause for family, cause in GUESSED_CAUSES if any(rule in family for rule in rules)),
                "报告未说明产生差异的原因，需由单位核实")


def draft_issue(issue: ReportIssue, sources: Sources) -> Draft:
    """The template draft for error findings that name no row: the narrative, a total, a goals cell."""
    text = Text()
    rules = list(dict.fromkeys(f.rule for f in issue.findings))
    where = table_title(sources.report, issue.table)
    text.cause.append(f"经审核（{where}），" + "".join(f.message for f in issue.findings))
    requirements = "；".join(RULES[rule].requirement for rule in rules if rule in RULES)
    if requirements:
        text.cause.append(f"按照“{requirements}”的要求，{guessed_cause(rules)}。")
    text.measures += [RULES[rule].remedy for rule in rules if rule in RULES]
    query = " ".join(filter(None, [issue.row] + [f.expected for f in issue.findings]))
    if issue.row:
        problems = sources.passages.search(query, "problems", limit=1, floor=PROBLEMS_FLOOR)
        for passage in problems:
            text.cause.append(f"报告“存在的问题”部分述及：“{clip(passage.text)}”，可作为原因说明的依据。")
            text.cite(passage.text, passage.line)
    text.measures.append("更正后重新报送自评报告及附表，确保正文与附表数据一致")
    cite_findings(text, issue.findings)
    return Draft(table=issue.table, row=issue.row, finding_rules=rules, deviation_cause="".join(text.cause),
                 improvement=enumerate_measures(text.measures), evidence=text.evidence, mode="template")
