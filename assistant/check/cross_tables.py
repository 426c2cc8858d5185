"""Across tables: project tables vs the department's 项目支出, basic-data vs department table.

Rule: sum_mismatch.
"""
import re

from assistant.check.base import Context, differs, finding, fmt, in_wan
from assistant.check.basic_data import find_row, numbers
from schemas import Finding, Table


def department(ctx: Context) -> tuple[int, Table] | None:
    return next(((i, t) for i, t in enumerate(ctx.report.tables) if t.kind == "department_overall"), None)


def check_projects_vs_department(ctx: Context) -> list[Finding]:
    found = department(ctx)
    projects = [t for t in ctx.report.tables if t.kind == "project" and t.funds_total]
    if not found or not projects or "项目支出" not in found[1].breakdown:
        return []
    index, table = found
    stated = in_wan(table.breakdown["项目支出"], table)
    findings = []
    for field, column in (("full_year_budget", "全年预算数"), ("executed", "全年执行数")):
        values = [in_wan(getattr(p.funds_total, field), p) for p in projects]
        if any(v is None for v in values) or not differs(sum(values), stated):
            continue
        detail = "+".join(fmt(v) for v in values)
        findings.append(finding(
            "sum_mismatch", "warning",
            f"各项目支出绩效自评表{column}合计{detail}={fmt(sum(values))}万元，与部门整体自评表“项目支出”{fmt(stated)}万元不符。",
            [ctx.quote(p.funds_total.line, p.funds_total.label) for p in projects] + [ctx.quote(table.line)],
            index, "项目支出", expected=sum(values), actual=stated))
    return findings


def executed_column(table: Table, year: int | None) -> int | None:
    """Index (within values) of the 决算数 column of the evaluated year in a basic-data table."""
    for row in table.rows:
        cells = [v or "" for v in row.values]
        for i, cell in enumerate(cells):
            if "决算" in cell and (year is None or str(year) in cell):
                return i
    return None


def check_basic_vs_department(ctx: Context) -> list[Finding]:
    found = department(ctx)
    basics = [(i, t) for i, t in enumerate(ctx.report.tables) if t.kind == "basic_data"]
    if not found or not basics or "项目支出" not in found[1].breakdown:
        return []
    findings = []
    for index, basic in basics:
        row = find_row(basic, "项目支出")
        column = executed_column(basic, ctx.report.year)
        if row is None or column is None or column >= len(row.values):
            continue
        value = in_wan(numbers(row)[column], basic)
        stated = in_wan(found[1].breakdown["项目支出"], found[1])
        if value is not None and differs(value, stated):
            label = re.sub(r"[:：]$", "", row.label)
            findings.append(finding("sum_mismatch", "error",
                                    f"基础数据表{label}决算数{fmt(value)}万元，与部门整体自评表项目支出{fmt(stated)}万元不符。",
                                    [ctx.quote(row.line, row.label), ctx.quote(found[1].line)], index, row.label,
                                    expected=stated, actual=value))
    return findings


def check_cross_tables(ctx: Context) -> list[Finding]:
    return check_projects_vs_department(ctx) + check_basic_vs_department(ctx)
