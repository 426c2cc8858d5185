"""The extracted tables, findings and drafts as an Excel workbook, for reviewers who work in Excel.

Sheets: 审核概况 (unit, year, self vs recomputed score), one sheet per extracted table (funds
block, breakdown, goals, indicator rows with their source lines; basic-data rows as printed),
审核发现 (every finding with evidence), 偏差说明草稿 (every draft). Numbers stay numbers.
"""
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assistant.render import FUND_HEADER, INDICATOR_HEADER, KIND_NAMES, SEVERITY_NAMES
from assistant.review.memo import RULE_NAMES, SHORT_KINDS, build_memo, table_name
from schemas import ReviewedReport, Table

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
WRAP = Alignment(wrap_text=True, vertical="top")


def header_row(sheet: Worksheet, values: list[str]) -> None:
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        cell.font, cell.fill = BOLD, HEADER_FILL


def widths(sheet: Worksheet, columns: list[float]) -> None:
    for index, width in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def wrap_all(sheet: Worksheet) -> None:
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = WRAP


def overview_sheet(sheet: Worksheet, report: ReviewedReport) -> None:
    memo = build_memo(report)
    sheet.title = "审核概况"
    sheet.append([memo.title])
    sheet["A1"].font = TITLE
    for label, value in memo.basics:
        sheet.append([label, value])
    sheet.append([])
    header_row(sheet, ["自评表", "自评得分", "复核得分", "差异"])
    for score in report.scores:
        difference = (round(score.recomputed_score - score.self_score, 2)
                      if score.self_score is not None and score.recomputed_score is not None else None)
        sheet.append([table_name(report, score.table), score.self_score, score.recomputed_score, difference])
    sheet.append([])
    for text in memo.opinion:
        sheet.append([text])
    widths(sheet, [60, 40, 12, 12])


def self_evaluation_rows(sheet: Worksheet, table: Table) -> None:
    funds = ([table.funds_total] if table.funds_total else []) + table.fund_lines
    if funds:
        header_row(sheet, FUND_HEADER + ["行"])
        for fund in funds:
            sheet.append([fund.label, fund.initial_budget, fund.full_year_budget, fund.executed, fund.weight,
                          fund.execution_rate, fund.score, fund.line])
        sheet.append([])
    if table.breakdown:
        header_row(sheet, ["资金构成", "金额"])
        for label, amount in table.breakdown.items():
            sheet.append([label, amount])
        sheet.append([])
    if table.goals.expected or table.goals.achieved:
        sheet.append(["预期目标", table.goals.expected])
        sheet.append(["实际完成情况", table.goals.achieved])
        sheet.append([])
    header_row(sheet, INDICATOR_HEADER)
    for indicator in table.indicators:
        sheet.append([indicator.level1, indicator.level2, indicator.level3, indicator.target, indicator.actual,
                      indicator.weight, indicator.score, indicator.deviation_note, indicator.line])
    sheet.append(["总分", None, None, None, None, table.total_weight, table.total_score])
    widths(sheet, [14, 14, 30, 16, 16, 10, 10, 30, 8])


def table_sheet(sheet: Worksheet, report: ReviewedReport, index: int) -> None:
    table = report.tables[index]
    sheet.append([table_name(report, index)])
    sheet["A1"].font = TITLE
    sheet.append(["类型", KIND_NAMES[table.kind], "起始行", table.line])
    sheet.append([])
    if table.kind == "basic_data":
        for row in table.rows:
            sheet.append([row.label, *row.values])
        widths(sheet, [30] + [16] * 8)
    else:
        self_evaluation_rows(sheet, table)


def findings_sheet(sheet: Worksheet, report: ReviewedReport) -> None:
    header_row(sheet, ["序号", "级别", "问题类型", "规则", "位置", "行/指标", "问题", "应为", "实为", "依据行", "证据摘录"])
    for number, finding in enumerate(report.findings, 1):
        sheet.append([number, SEVERITY_NAMES[finding.severity], RULE_NAMES.get(finding.rule, finding.rule),
                      finding.rule, table_name(report, finding.table), finding.row, finding.message,
                      finding.expected, finding.actual, "、".join(str(e.line) for e in finding.evidence if e.line),
                      "\n".join(e.quote for e in finding.evidence)])
    widths(sheet, [6, 6, 18, 22, 30, 24, 50, 14, 14, 12, 40])
    wrap_all(sheet)
    sheet.freeze_panes = "A2"


def drafts_sheet(sheet: Worksheet, report: ReviewedReport) -> None:
    header_row(sheet, ["序号", "位置", "行/指标", "涉及问题", "偏差原因分析", "改进措施", "依据行", "方式"])
    for number, draft in enumerate(report.drafts, 1):
        sheet.append([number, table_name(report, draft.table), draft.row,
                      "、".join(RULE_NAMES.get(rule, rule) for rule in draft.finding_rules),
                      draft.deviation_cause, draft.improvement,
                      "、".join(str(e.line) for e in draft.evidence if e.line), draft.mode])
    widths(sheet, [6, 30, 24, 24, 70, 60, 16, 10])
    wrap_all(sheet)
    sheet.freeze_panes = "A2"


def report_xlsx(report: ReviewedReport) -> bytes:
    """The workbook as .xlsx bytes."""
    book = Workbook()
    overview_sheet(book.active, report)
    for index, table in enumerate(report.tables):
        table_sheet(book.create_sheet(f"表{index + 1}{SHORT_KINDS[table.kind]}"), report, index)
    findings_sheet(book.create_sheet("审核发现"), report)
    drafts_sheet(book.create_sheet("偏差说明草稿"), report)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
