"""A worksheet (from .xlsx or .xls) into the grid: title rows above a table become paragraphs, an empty
row ends a table, merged ranges become spans, and every cell keeps its sheet and address ("D14")."""
import re
from decimal import ROUND_HALF_UP, Decimal

from openpyxl.utils import get_column_letter

from assistant.extract.columns import LEVEL_NAME
from assistant.ingest.grid import Grid, Span, rows_from_spans
from schemas import Location


# What a number format's first section prints besides its digits: "literal", [Red], \x, _x (a space's width), *x.
FORMAT_DECORATION = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
FORMAT_DECIMALS = re.compile(r"\.([0#?]*)")
FORMAT_GROUPING = re.compile(r"[0#?],[0#?]")


def number_text(value: float, number_format: str | None) -> str:
    """A number as a reviewer sees it printed: with the decimals, % and thousands separators of its cell's number
    format (309 in "0.00" → "309.00", 0.92557 in "0.00%" → "92.56%", rounded half away from zero as Excel does);
    in General (or a format we do not draw: dates, fractions, exponents) with Excel's 15 significant digits,
    100.0 → "100", 0.1+0.2 → "0.3"."""
    section = FORMAT_DECORATION.sub("", (number_format or "").split(";")[0])
    percent = "%" in section
    value = float(f"{value * 100 if percent else value:.15g}")  # Excel's 15 digits: 0.0105 is 1.05%, not 1.0499…%
    if not re.search(r"[0#?]", section) or re.search(r"[eE/]", section):
        return (str(int(value)) if value.is_integer() else repr(value)) + ("%" if percent else "")
    places = FORMAT_DECIMALS.search(section)
    required, optional = (places[1].count("0"), len(places[1])) if places else (0, 0)
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-optional), ROUND_HALF_UP)
    text = f"{rounded:,f}" if FORMAT_GROUPING.search(section) else f"{rounded:f}"
    if optional > required:  # "0.0#": the optional places a zero would fill are left blank
        whole, _, decimals = text.partition(".")
        decimals = decimals.rstrip("0").ljust(required, "0")
        text = f"{whole}.{decimals}" if decimals else whole
    return text + ("%" if percent else "")


def hidden_sheet(name: str) -> str:
    """The warning for a sheet the workbook hides (a template's drop-down lists, an old copy of the form): what a
    reviewer opening the file does not see is not read."""
    return f"已跳过隐藏的工作表“{name}”：打开文件时看不到的内容不计入复核。"


def write_sheet(grid: Grid, sheet: str, values: dict[tuple[int, int], str],
                merges: list[tuple[int, int, int, int]]) -> None:
    """`values` maps 0-based (row, col) to printed text; `merges` are 0-based inclusive (r1, c1, r2, c2)."""
    spans: dict[tuple[int, int], Span] = {}
    hidden: set[tuple[int, int]] = set()
    for r1, c1, r2, c2 in merges:
        spans[(r1, c1)] = Span(values.get((r1, c1), ""), r1, c1, r2 - r1 + 1, c2 - c1 + 1)
        hidden |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1, c1)}
    for (r, c), text in values.items():
        if (r, c) not in hidden and (r, c) not in spans and text.strip():
            spans[(r, c)] = Span(text, r, c)
    for span in spans.values():
        span.location = Location(sheet=sheet, cell=f"{get_column_letter(span.col + 1)}{span.row + 1}", row=span.row + 1,
                                 col=span.col + 1)
    for block in row_blocks(spans):
        if len(block) == 1 and len(block[0]) == 1:  # a title or note line: 附件2-1, 专项资金绩效自评表, 填表人
            grid.paragraph(block[0][0].text, block[0][0].location)
            continue
        top = min(span.row for row in block for span in row)
        left = min(span.col for row in block for span in row)
        grid.table(rows_from_spans([Span(s.text, s.row - top, s.col - left, s.rowspan, s.colspan, s.location)
                                    for row in block for s in row]))


def row_blocks(spans: dict[tuple[int, int], Span]) -> list[list[list[Span]]]:
    """Rows of spans grouped into blocks: an empty row (not covered by a merge) separates them,
    and a single-cell row before or after a table is a block of its own (a title or a note)."""
    by_row: dict[int, list[Span]] = {}
    reach: dict[int, int] = {}
    for span in spans.values():
        by_row.setdefault(span.row, []).append(span)
    for span in spans.values():
        for r in range(span.row, span.row + span.rowspan):
            reach[r] = reach.get(r, 0) + 1
    blocks: list[list[list[Span]]] = []
    current: list[list[Span]] = []
    for r in range(max(by_row, default=-1) + 1):
        row = sorted(by_row.get(r, []), key=lambda span: span.col)
        if not reach.get(r):
            blocks += [current] if current else []
            current = []
            continue
        single = len(row) == 1 and row[0].rowspan == 1 and reach[r] == 1
        if single and not any(len(previous) > 1 for previous in current):
            blocks += [current] if current else []
            blocks.append([row])
            current = []
        elif row:
            current.append(row)
    blocks += [current] if current else []
    return notes_apart(blocks)


LONE_LEVEL = re.compile(rf"^[\u4e00-\u9fa5]{{2,10}}{LEVEL_NAME.pattern}")  # 满意度指标, 效益指标(30分)


def notes_apart(blocks: list[list[list[Span]]]) -> list[list[list[Span]]]:
    """Single-cell rows at the end of a table (填表人, 说明) become their own blocks; an indicator level printed with no
    indicator under it (满意度指标, the form's last row) stays the table's."""
    result = []
    for block in blocks:
        tail = []
        while len(block) > 1 and len(block[-1]) == 1 and block[-1][0].rowspan == 1 \
                and not LONE_LEVEL.match(block[-1][0].text.strip()):
            tail.insert(0, block.pop())
        result.append(block)
        result += [[row] for row in tail]
    return result
