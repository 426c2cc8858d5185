"""Human-readable output of reports and findings: rich tables for the terminal, Markdown."""
from rich.console import Console
from rich.table import Table as RichTable

from assistant.check.base import fmt
from schemas import CheckedReport, Report, Table

KIND_NAMES = {"department_overall": "部门整体支出绩效自评表", "project": "项目支出绩效自评表",
              "basic_data": "整体支出绩效评价基础数据表"}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_STYLES = {"error": "red", "warning": "yellow", "info": "cyan"}


def number(value: float | None) -> str:
    return "" if value is None else fmt(value)


def table_heading(index: int, table: Table) -> str:
    name = f"·{table.name}" if table.name else ""
    return f"表{index} {table.title or KIND_NAMES[table.kind]}{name}（第{table.line}行）"


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


def print_report(console: Console, report: Report) -> None:
    console.print(f"[bold]{report.unit_name or '（未识别单位）'}[/bold]  {report.year or ''}年度  "
                  f"来源：{report.source.name}  抽取：{report.extractor}", highlight=False)
    for index, table in enumerate(report.tables):
        console.rule(table_heading(index, table))
        if table.kind == "basic_data":
            grid = RichTable(show_header=False)
            for row in table.rows:
                grid.add_row(row.label, *[v or "" for v in row.values])
            console.print(grid)
            continue
        if fund_rows(table):
            grid = RichTable(*FUND_HEADER)
            for row in fund_rows(table):
                grid.add_row(*row)
            console.print(grid)
        if table.breakdown:
            console.print("  ".join(f"{k}：{number(v)}" for k, v in table.breakdown.items()), highlight=False)
        grid = RichTable(*INDICATOR_HEADER)
        for row in indicator_rows(table):
            grid.add_row(*row)
        console.print(grid)
        console.print(f"总分：分值 {number(table.total_weight)}，得分 {number(table.total_score)}", highlight=False)
    if report.figures:
        console.rule("正文关键数字")
        for figure in report.figures:
            console.print(f"第{figure.line}行  {figure.label}：{number(figure.value)}{figure.unit or ''}", highlight=False)
    for warning in report.warnings:
        console.print(f"[yellow]注意：{warning}[/yellow]")


def print_findings(console: Console, report: CheckedReport) -> None:
    scores = {s.table: s for s in report.scores}
    groups: dict[int | None, list] = {}
    for finding in report.findings:
        groups.setdefault(finding.table, []).append(finding)
    for table_index in sorted(groups, key=lambda t: -1 if t is None else t):
        if table_index is None:
            console.rule("正文")
        else:
            table = report.tables[table_index]
            score = scores.get(table_index)
            suffix = f"  自评 {number(score.self_score)} → 复核 {number(score.recomputed_score)}" if score else ""
            console.rule(table_heading(table_index, table) + suffix)
        for finding in groups[table_index]:
            lines = "、".join(str(e.line) for e in finding.evidence if e.line)
            style = SEVERITY_STYLES[finding.severity]
            console.print(f"[{style}]{SEVERITY_NAMES[finding.severity]}[/{style}] {finding.rule}  "
                          f"{finding.row or ''}  {finding.message}  [dim]（第{lines}行）[/dim]", highlight=False)
    counts = {s: sum(f.severity == s for f in report.findings) for s in SEVERITY_NAMES}
    console.print(f"共 {len(report.findings)} 条：错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}",
                  highlight=False)


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def report_markdown(report: Report) -> str:
    parts = [f"# {report.unit_name or '（未识别单位）'} {report.year or ''}年度绩效自评抽取结果", "",
             f"来源：{report.source.name}（{report.source.format}），抽取方式：{report.extractor}", ""]
    for index, table in enumerate(report.tables):
        parts += [f"## {table_heading(index, table)}", ""]
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
        parts += [f"- 第{f.line}行 {f.label}：{number(f.value)}{f.unit or ''}（“{f.quote}”）" for f in report.figures]
    return "\n".join(parts) + "\n"


def findings_markdown(report: CheckedReport) -> str:
    parts = [report_markdown(report), "## 复核得分", ""]
    parts += [markdown_table(["表", "自评得分", "复核得分"],
                             [[table_heading(s.table, report.tables[s.table]), number(s.self_score),
                               number(s.recomputed_score)] for s in report.scores]), "", "## 审核发现", ""]
    for finding in report.findings:
        where = f"表{finding.table}" if finding.table is not None else "正文"
        lines = "、".join(str(e.line) for e in finding.evidence if e.line)
        parts.append(f"- **{SEVERITY_NAMES[finding.severity]}** `{finding.rule}` {where} {finding.row or ''}："
                     f"{finding.message}（第{lines}行）")
    return "\n".join(parts) + "\n"
