"""The extracted tables, findings and drafts as an Excel workbook, for reviewers who work in Excel.

Sheets: 审核概况 (unit, year, self vs recomputed score), one sheet per extracted table (funds
block, breakdown, goals, indicator rows with their source places; basic-data rows as printed),
审核发现 (every finding with evidence), 偏差说明草稿 (every draft). Numbers stay numbers; text from
a report stays text (`sheet_row`), so nothing in a report can become a live formula.
Written in openpyxl's write-only mode: one pass, linear in the number of cells.
"""
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from assistant.render import FUND_HEADER, INDICATOR_HEADER, KIND_NAMES, MODE_NAMES, SEVERITY_NAMES, SHORT_KINDS, \
    evidence_places, place, rule_name
from assistant.review.memo import build_memo, table_name
from schemas import ReviewedReport, Table

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
WRAP = Alignment(wrap_text=True, vertical="top")
# A spreadsheet runs text beginning with these as a formula (CSV/DDE injection); such text is stored as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def sheet_row(sheet, values: list, font: Font | None = None, fill: PatternFill | None = None,
              wrap: bool = False) -> list[WriteOnlyCell]:
    """A row of cells whose text is inert: control characters dropped, formula-like text kept as a string."""
    row = []
    for value in values:
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str) and value.startswith(FORMULA_START):
            cell.data_type = "s"
        if font:
            cell.font = font
        if fill:
            cell.fill = fill
        if wrap:
            cell.alignment = WRAP
        row.append(cell)
    return row


def header_row(sheet, values: list[str]) -> None:
    sheet.append(sheet_row(sheet, values, BOLD, HEADER_FILL))


def widths(sheet, columns: list[float]) -> None:
    for index, width in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def overview_sheet(sheet, report: ReviewedReport) -> None:
    memo = build_memo(report)
    widths(sheet, [60, 40, 12, 12])
    sheet.append(sheet_row(sheet, [memo.title], TITLE))
    for label, value in memo.basics:
        sheet.append(sheet_row(sheet, [label, value]))
    sheet.append([])
    header_row(sheet, ["自评表", "自评得分", "复核得分", "差异"])
    for score in report.scores:
        difference = (round(score.recomputed_score - score.self_score, 2)
                      if score.self_score is not None and score.recomputed_score is not None else None)
        sheet.append(sheet_row(sheet, [table_name(report, score.table), score.self_score, score.recomputed_score,
                                       difference]))
    sheet.append([])
    for text in memo.opinion:
        sheet.append(sheet_row(sheet, [text]))


def self_evaluation_rows(sheet, table: Table) -> None:
    funds = ([table.funds_total] if table.funds_total else []) + table.fund_lines
    if funds:
        header_row(sheet, FUND_HEADER + ["原文位置"])
        for fund in funds:
            sheet.append(sheet_row(sheet, [fund.label, fund.initial_budget, fund.full_year_budget, fund.executed,
                                           fund.weight, fund.execution_rate, fund.score, place(None, fund.line)]))
        sheet.append([])
    if table.breakdown:
        header_row(sheet, ["资金构成", "金额"])
        for label, amount in table.breakdown.items():
            sheet.append(sheet_row(sheet, [label, amount]))
        sheet.append([])
    if table.goals.expected or table.goals.achieved:
        sheet.append(sheet_row(sheet, ["预期目标", table.goals.expected]))
        sheet.append(sheet_row(sheet, ["实际完成情况", table.goals.achieved]))
        sheet.append([])
    header_row(sheet, INDICATOR_HEADER)
    for indicator in table.indicators:
        sheet.append(sheet_row(sheet, [indicator.level1, indicator.level2, indicator.level3, indicator.target,
                                       indicator.actual, indicator.weight, indicator.score,
                                       indicator.deviation_note, indicator.line]))
    sheet.append(sheet_row(sheet, ["总分", None, None, None, None, table.total_weight, table.total_score]))


def table_sheet(sheet, report: ReviewedReport, index: int) -> None:
    table = report.tables[index]
    widths(sheet, [30] + [16] * 8 if table.kind == "basic_data" else [14, 14, 30, 16, 16, 10, 10, 30, 8])
    sheet.append(sheet_row(sheet, [table_name(report, index)], TITLE))
    sheet.append(sheet_row(sheet, ["类型", KIND_NAMES[table.kind], "原文位置", place(table.location, table.line)]))
    sheet.append([])
    if table.kind == "basic_data":
        for row in table.rows:
            sheet.append(sheet_row(sheet, [row.label, *row.values]))
    else:
        self_evaluation_rows(sheet, table)


def findings_sheet(sheet, report: ReviewedReport) -> None:
    widths(sheet, [6, 6, 18, 30, 24, 50, 14, 14, 16, 40])
    sheet.freeze_panes = "A2"
    header_row(sheet, ["序号", "级别", "问题类型", "位置", "行/指标", "问题", "应为", "实为", "原文位置", "证据摘录"])
    for number, finding in enumerate(report.findings, 1):
        sheet.append(sheet_row(sheet, [number, SEVERITY_NAMES[finding.severity], rule_name(finding.rule),
                                       table_name(report, finding.table), finding.row, finding.message,
                                       finding.expected, finding.actual, evidence_places(finding.evidence),
                                       "\n".join(e.quote for e in finding.evidence)], wrap=True))


def drafts_sheet(sheet, report: ReviewedReport) -> None:
    widths(sheet, [6, 30, 24, 24, 70, 60, 16, 10])
    sheet.freeze_panes = "A2"
    header_row(sheet, ["序号", "位置", "行/指标", "涉及问题", "偏差原因分析", "改进措施", "原文位置", "方式"])
    for number, draft in enumerate(report.drafts, 1):
        sheet.append(sheet_row(sheet, [number, table_name(report, draft.table), draft.row,
                                       "、".join(rule_name(rule) for rule in draft.finding_rules),
                                       draft.deviation_cause, draft.improvement, evidence_places(draft.evidence),
                                       MODE_NAMES.get(draft.mode, draft.mode)], wrap=True))


def report_xlsx(report: ReviewedReport) -> bytes:
    """The workbook as .xlsx bytes."""
    book = Workbook(write_only=True)
    overview_sheet(book.create_sheet("审核概况"), report)
    for index, table in enumerate(report.tables):
        table_sheet(book.create_sheet(f"表{index + 1}{SHORT_KINDS[table.kind]}"), report, index)
    findings_sheet(book.create_sheet("审核发现"), report)
    drafts_sheet(book.create_sheet("偏差说明草稿"), report)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
