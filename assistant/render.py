"""Human-readable output of reports and findings: the terminal (any width) and Markdown."""
import re

from rich.console import Console
from rich.markup import escape
from rich.table import Table as RichTable

from assistant.check.base import PRINTED, fmt
from schemas import CheckedReport, Evidence, Finding, Location, Report, Table, TableScore

MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]|#!]")

KIND_NAMES = {"department_overall": "部门整体支出绩效自评表", "project": "项目支出绩效自评表",
              "basic_data": "整体支出绩效评价基础数据表"}
SHORT_KINDS = {"department_overall": "部门整体", "project": "项目", "basic_data": "基础数据"}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
MODE_NAMES = {"llm": "模型草拟", "template": "模板草拟"}  # how a draft was written
SEVERITY_STYLES = {"error": "red", "warning": "yellow", "info": "cyan"}
RULE_NAMES = {
    "execution_rate_mismatch": "预算执行率计算错误", "execution_score_mismatch": "执行率得分计算错误",
    "score_exceeds_weight": "得分超过分值", "subtotal_weight_mismatch": "指标分值与表头分值不符",
    "total_score_mismatch": "总分汇总错误", "sum_mismatch": "资金分项与合计不符",
    "score_not_proportional": "未按完成比例计分", "target_not_met_full_score": "未完成指标计满分",
    "met_but_deducted": "已完成指标扣分无依据", "missing_deviation_note": "偏差原因说明缺失或不充分",
    "placeholder_row": "占位行计分", "not_applicable_scored": "不适用指标计分",
    "unit_mismatch": "完成值与指标值口径不一致", "target_direction_suspect": "指标方向存疑",
    "target_set_low": "指标值设置偏低", "text_table_mismatch": "正文与附表数据不一致",
    "narrative_inconsistency": "同一数据前后不一致", "narrative_arithmetic": "正文数据计算不符",
    "unit_missing": "金额单位缺失", "date_inconsistency": "日期或统计时点不当",
    "missing_section": "内容或附件缺失",
}
WIDE = 120  # columns from which indicator rows print as a grid; narrower terminals get one record per row


def number(value: float | None) -> str:
    return "" if value is None else fmt(value)


def rule_name(rule: str) -> str:
    return RULE_NAMES.get(rule, rule)


def table_label(index: int) -> str:
    """Tables are numbered from 1 wherever a person reads them (the JSON's `table` stays a 0-based index)."""
    return f"表{index + 1}"


def table_heading(index: int, table: Table) -> str:
    name = f"·{table.name}" if table.name else ""
    return f"{table_label(index)} {table.title or KIND_NAMES[table.kind]}{name}（{place(table.location, table.line)}）"


def place(location: Location | None, line: int | None) -> str:
    """Where a reviewer finds something in the original file: a page, a sheet's cell, a Word table's row, a line."""
    if location is not None:
        if location.sheet and location.cell:
            return f"工作表“{location.sheet}”{location.cell}"
        parts = []
        if location.page:
            parts.append(f"第{location.page}页")
        if location.table:
            parts.append(f"第{location.table}个表格")
        if location.row:
            parts.append(f"第{location.row}行")
        if parts:
            return "".join(parts)
    return f"第{line}行" if line else "—"


def evidence_places(evidence: list[Evidence]) -> str:
    """The places evidence stands on, in source order and once each: "第1049行、第1056行"; "—" for none."""
    seen: dict[str, int] = {}
    for item in evidence:
        if item.line or item.location:
            seen.setdefault(place(item.location, item.line), item.line or 0)
    return "、".join(sorted(seen, key=seen.get)) or "—"


def fund_rows(table: Table) -> list[list[str]]:
    lines = ([table.funds_total] if table.funds_total else []) + table.fund_lines
    return [[f.label, number(f.initial_budget), number(f.full_year_budget), number(f.executed),
             number(f.weight), number(f.execution_rate), number(f.score)] for f in lines]


FUND_HEADER = ["资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率(%)", "得分"]
INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因", "行"]


def indicator_rows(table: Table) -> list[list[str]]:
    return [[i.level1 or "", i.level2 or "", i.level3 or "", i.target or "", i.actual or "",
             number(i.weight), number(i.score), i.deviation_note or "", str(i.line or "")]
            for i in table.indicators]


def grid(header: list[str] | None, rows: list[list[str]]) -> RichTable:
    """A rich table whose cells wrap (fold) rather than being cut with an ellipsis."""
    table = RichTable(show_header=header is not None)
    for title in header or [""] * max((len(r) for r in rows), default=0):
        table.add_column(title, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def print_indicators(console: Console, table: Table) -> None:
    """Indicator rows as a grid on a wide terminal, one wrapped record per row on a narrow one."""
    if console.width >= WIDE:
        console.print(grid(INDICATOR_HEADER, indicator_rows(table)))
        return
    for i in table.indicators:
        levels = "／".join(name for name in (i.level1, i.level2, i.level3) if name) or "（无名称）"
        note = f"；偏差原因：{i.deviation_note}" if i.deviation_note else ""
        console.print(f"· {levels}：指标值 {i.target or '—'}，完成 {i.actual or '—'}，分值 {number(i.weight) or '—'}，"
                      f"得分 {number(i.score) or '—'}{note}（第{i.line}行）", markup=False, highlight=False)


def print_report(console: Console, report: Report) -> None:
    console.print(f"[bold]{escape(report.unit_name or '（未识别单位）')}[/bold]  {report.year or ''}年度  "
                  f"来源：{escape(report.source.name)}  抽取：{report.extractor}", highlight=False)
    for index, table in enumerate(report.tables):
        console.print()
        console.print(table_heading(index, table), style="bold", markup=False, highlight=False)
        if table.kind == "basic_data":
            console.print(grid(None, [[row.label, *[v or "" for v in row.values]] for row in table.rows]))
            continue
        if fund_rows(table):
            console.print(grid(FUND_HEADER, fund_rows(table)))
        if table.breakdown:
            console.print("  ".join(f"{k}：{number(v)}" for k, v in table.breakdown.items()), highlight=False)
        print_indicators(console, table)
        console.print(f"总分：分值 {number(table.total_weight)}，得分 {number(table.total_score)}", highlight=False)
    if report.figures:
        console.print()
        console.print("正文关键数字", style="bold")
        for figure in report.figures:
            console.print(f"第{figure.line}行  {figure.label}：{fmt(figure.value, PRINTED)}{figure.unit or ''}",
                          markup=False, highlight=False)
    for warning in report.warnings:
        console.print(f"注意：{warning}", style="yellow", markup=False, highlight=False)


def severity_counts(report: CheckedReport) -> str:
    counts = {s: sum(f.severity == s for f in report.findings) for s in SEVERITY_NAMES}
    return (f"问题 {len(report.findings)} 条：错误 {counts['error']}，警告 {counts['warning']}，"
            f"提示 {counts['info']}")


def score_line(report: CheckedReport, score: TableScore) -> str:
    """"表1 附件1 部门整体支出绩效自评表·某局（第8行）：自评 98 → 复核 96.5（差 -1.5）"."""
    difference = (f"（差 {fmt(score.recomputed_score - score.self_score)}）"
                  if score.self_score is not None and score.recomputed_score is not None else "")
    return (f"{table_heading(score.table, report.tables[score.table])}：自评 {fmt(score.self_score)} → "
            f"复核 {fmt(score.recomputed_score)}{difference}")


def print_summary(console: Console, report: CheckedReport) -> None:
    """What a reviewer reads first, on any width: who, which year, each table's self vs recomputed score, counts."""
    console.print(f"{report.unit_name or '（未识别单位）'}  {report.year or '—'}年度  来源：{report.source.name}",
                  style="bold", markup=False, highlight=False)
    if report.scores:
        console.print("复核得分：", markup=False, highlight=False)
        for score in report.scores:
            console.print(f"  {score_line(report, score)}", markup=False, highlight=False)
    else:
        console.print("未识别到可复核得分的自评表。", markup=False, highlight=False)
    console.print(severity_counts(report), markup=False, highlight=False)
    for warning in report.warnings:
        console.print(f"注意：{warning}", style="yellow", markup=False, highlight=False)


def print_findings(console: Console, report: CheckedReport) -> None:
    """The summary, then every finding grouped by table, each wrapped to the terminal's width."""
    print_summary(console, report)
    groups: dict[int | None, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.table, []).append(finding)
    for table_index in sorted(groups, key=lambda t: -1 if t is None else t):
        console.print()
        heading = "正文" if table_index is None else table_heading(table_index, report.tables[table_index])
        console.print(heading, style="bold", markup=False, highlight=False)
        for finding in groups[table_index]:
            style = SEVERITY_STYLES[finding.severity]
            console.print(f"[{style}]{SEVERITY_NAMES[finding.severity]}[/{style}] {rule_name(finding.rule)}"
                          f"{'·' + escape(finding.row) if finding.row else ''}：{escape(finding.message)}"
                          f"[dim]（{evidence_places(finding.evidence)}）[/dim]", highlight=False)


def md_escape(text: str) -> str:
    """Report text as inert Markdown: no HTML, no link or emphasis syntax survives from the report."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\g<0>", text).replace("\n", " ")


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def report_markdown(report: Report) -> str:
    parts = [f"# {md_escape(report.unit_name or '（未识别单位）')} {report.year or ''}年度绩效自评抽取结果", "",
             f"来源：{md_escape(report.source.name)}（{report.source.format}），抽取方式：{report.extractor}", ""]
    for index, table in enumerate(report.tables):
        parts += [f"## {md_escape(table_heading(index, table))}", ""]
        if table.kind == "basic_data":
            width = max((len(r.values) for r in table.rows), default=0)
            parts += [markdown_table(["项目"] + [""] * width,
                                     [[r.label] + [v or "" for v in r.values] + [""] * (width - len(r.values))
                                      for r in table.rows]), ""]
            continue
        if fund_rows(table):
            parts += [markdown_table(FUND_HEADER, fund_rows(table)), ""]
        if table.indicators:
            parts += [markdown_table(INDICATOR_HEADER, indicator_rows(table)), ""]
        parts += [f"总分：分值 {number(table.total_weight)}，得分 {number(table.total_score)}", ""]
    if report.figures:
        parts += ["## 正文关键数字", ""]
        parts += [f"- 第{f.line}行 {md_escape(f.label)}：{fmt(f.value, PRINTED)}{md_escape(f.unit or '')}（“{md_escape(f.quote)}”）"
                  for f in report.figures]
    return "\n".join(parts) + "\n"


def findings_markdown(report: CheckedReport) -> str:
    parts = [report_markdown(report), "## 复核得分", ""]
    parts += [markdown_table(["表", "自评得分", "复核得分"],
                             [[table_heading(s.table, report.tables[s.table]), number(s.self_score),
                               number(s.recomputed_score)] for s in report.scores]), "", "## 审核发现", ""]
    for finding in report.findings:
        where = table_label(finding.table) if finding.table is not None else "正文"
        parts.append(f"- **{SEVERITY_NAMES[finding.severity]}** {rule_name(finding.rule)} {where} "
                     f"{md_escape(finding.row or '')}：{md_escape(finding.message)}（{evidence_places(finding.evidence)}）")
    return "\n".join(parts) + "\n"
