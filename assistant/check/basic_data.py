"""The 基础数据表: 三公经费 and 公车 sums, 控制率, 项目支出 items — column by column.

Rule: sum_mismatch (and missing_section for a required cell left blank).
"""
import re

from assistant.check.base import Context, differs, finding, fmt
from assistant.values import parse_number
from schemas import Finding, Table, TableRow

NUMBERED = re.compile(r"^\d+[、.．]")


def numbers(row: TableRow) -> list[float | None]:
    return [parse_number(v) if v and v not in ("/", "—", "——", "-") else None for v in row.values]


def find_row(table: Table, *words: str) -> TableRow | None:
    return next((r for r in table.rows if any(w in r.label for w in words)), None)


def check_parts(ctx: Context, index: int, total: TableRow | None, parts: list[TableRow], what: str) -> list[Finding]:
    """total = Σ parts in every column where the total is printed (blank parts count 0)."""
    if total is None or not parts:
        return []
    findings = []
    for column, stated in enumerate(numbers(total)):
        values = [numbers(p)[column] if column < len(p.values) else None for p in parts]
        if stated is None or all(v is None for v in values):
            continue
        computed = sum(v or 0.0 for v in values)
        if differs(computed, stated):
            detail = "+".join(f"{p.label}{fmt(v or 0)}" for p, v in zip(parts, values))
            findings.append(finding("sum_mismatch", "error",
                                    f"基础数据表第{column + 1}列：{what}应为{detail}={fmt(computed)}，表中填{fmt(stated)}。",
                                    [ctx.quote(total.line, total.label)] + [ctx.quote(p.line, p.label) for p in parts],
                                    index, total.label, expected=computed, actual=stated))
    return findings


def project_items(table: Table) -> tuple[TableRow | None, list[TableRow], TableRow | None, list[TableRow]]:
    """项目支出, its numbered items, the 本级专项 item and the unnumbered rows under it."""
    total = find_row(table, "项目支出")
    if total is None:
        return None, [], None, []
    rows = table.rows[table.rows.index(total) + 1:]
    items, special, special_items = [], None, []
    for row in rows:
        if "公用经费" in row.label or "政府采购" in row.label:
            break
        if NUMBERED.match(row.label):
            items.append(row)
            special = row if "专项" in row.label else special
        elif special is not None and row is not special:
            special_items.append(row)
    return total, items, special, special_items


def check_staffing(ctx: Context, index: int, table: Table) -> list[Finding]:
    """控制率 = 实际在职人数 ÷ 编制数."""
    for position, row in enumerate(table.rows[:-1]):
        labels = [row.label] + [v or "" for v in row.values]
        if not any("编制数" in v for v in labels) or not any("控制率" in v for v in labels):
            continue
        data = table.rows[position + 1]
        cells = [data.label] + list(data.values)
        columns = {name: next((i for i, v in enumerate(labels) if name in v), None)
                   for name in ("编制数", "在职", "控制率")}
        if None in columns.values() or max(columns.values()) >= len(cells):
            return []
        staff, actual, rate = (parse_number(cells[columns[n]]) for n in ("编制数", "在职", "控制率"))
        if staff and actual is not None and rate is not None and abs(actual / staff * 100 - rate) > 0.011:
            return [finding("sum_mismatch", "error",
                            f"控制率应为实际在职{fmt(actual)}÷编制{fmt(staff)}={actual / staff * 100:.2f}%，表中填{fmt(rate)}%。",
                            [ctx.quote(data.line)], index, "控制率", expected=f"{actual / staff * 100:.2f}", actual=rate)]
    return []


def check_blank_measures(ctx: Context, index: int, table: Table) -> list[Finding]:
    row = find_row(table, "厉行节约保障措施")
    if row is None or any(row.values):
        return []
    return [finding("missing_section", "info", "基础数据表“厉行节约保障措施”一栏未填写。",
                    [ctx.quote(row.line, row.label)], index, row.label)]


def check_basic_data(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for index, table in enumerate(ctx.report.tables):
        if table.kind != "basic_data":
            continue
        car = find_row(table, "公务用车购置", "公务用车")
        parts = [r for r in (car, find_row(table, "出国"), find_row(table, "公务接待")) if r]
        findings += check_parts(ctx, index, find_row(table, "三公经费"), parts, "三公经费")
        findings += check_parts(ctx, index, car, [r for r in (find_row(table, "公车购置"), find_row(table, "公车运行"))
                                                  if r], "公务用车购置和维护经费")
        total, items, special, special_items = project_items(table)
        findings += check_parts(ctx, index, total, items, "项目支出")
        findings += check_parts(ctx, index, special, special_items, special.label if special else "")
        findings += check_staffing(ctx, index, table)
        findings += check_blank_measures(ctx, index, table)
    return findings
