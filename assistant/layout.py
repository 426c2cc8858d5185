"""Layout reconstruction: plain text → paragraphs and tables of cells.

The ways a table reaches us as text:
- Word's plain-text export (the samples): every cell starts a line with one TAB, its text
  may run on over further lines (even across blank lines), a blank line ends a row, a
  merged cell is an empty TAB line;
- spreadsheet or web pastes: one row per line, cells separated by TABs; a spreadsheet's copy quotes a cell that
  breaks over lines (layout_csv); a browser's copy breaks a row's line wherever a cell breaks and prints a merged
  cell once (layout_browser joins the cells back);
- a monospace copy: one row per line, cells in columns aligned with runs of spaces;
- a PDF's text (pdftotext -layout): columns aligned by characters page by page, a narrow column's cell wrapped over
  the lines below (joined back into its row);
- Markdown-style rows: cells separated by "|"; or every cell closed by a "|" on a line of its own, a row by a line of
  bars, and a score sheet numbered in 序号 a cell a line (layout_bar_lines);
- a web page's cells one a line: a row's first cell at the margin, each further cell on an indented line after a
  "|" ("        | 一级指标"), bars alone ending the row ("        | |"); an indented line with no bar continues a cell;
- a spreadsheet saved as CSV, quoted cells separated by commas (layout_csv);
- a Word-made web page copied out of a browser: no TAB, every cell a paragraph with a blank line after it, an empty
  cell an empty paragraph (layout_word_page puts its cells one a line, each at its source line, for layout_dump).
A Word-made page's copy is recognised over the whole text first (parse_text), and so is a copy's spacing: a blank
line after every line, an indent every line shares (layout_spacing); then each line is classified on its own, so one
document may mix the other layouts. Pasted "|" rows survive the web's habits: lone "|" lines
and blank lines between rows, a line break inside a cell, rows padded on the right with empty cells.
"""
import re
import unicodedata
from bisect import bisect_right
from dataclasses import replace

from assistant.document import Block, Cell, Paragraph, Row, TableBlock
from assistant.extract.columns import FUND_ROLES, HEADER_WORDS, INDICATOR_BLOCK_LABEL, INDICATOR_ROLES, LEVEL_ROLES, \
    LAYOUT_COLUMN_WORDS, MONEY_UNIT_CELL, NUMBERED_INDICATOR, WEIGHT_SUFFIX, fits, is_fund_header, \
    is_indicator_header, is_placeholder, is_value, open_brackets, role_of
from assistant.extract import run_rows
from assistant.layout_bar_lines import bar_tables, cell_line
from assistant.layout_csv import csv_extent, csv_rows, is_csv_line, quoted_row, unquoted
from assistant.layout_spacing import dedented, level_names_joined, single_spaced
from assistant.layout_word_page import word_page_cells
from assistant.titles import ATTACHMENT, SITE_REMARK, TABLE_TITLE, TITLE_LINE, TITLE_OVER_YEAR, YEAR_LINE
from assistant.values import NUMBER_PATTERN, SIGN_COMPARATOR, WORD_COMPARATORS, normalize_text, simplified

# A line that cannot be the continuation of a cell: it opens a heading, an attachment or a note.
HEADING = re.compile(
    r"^\s*(附件\s*[\d一二三四五六七八九十]|[一二三四五六七八九十]+\s*[、.．]|说明[:：]|填表人|"
    r"\d{4}年度.{0,40}$|.{0,60}(自评表|基础数据表|自评报告|评分表)\s*$)"
)
PIPE_SEPARATOR = re.compile(r"^\s*+(?:\|\s*+)?:?-{2,}")
# A page number printed on a line of its own: "- 2 -", "— 2 —", "第2页 共5页", "第1页 / 共28页".
PAGE_MARKER = re.compile(r"^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[/，,、]?\s*共\s*\d{1,4}\s*页)?)"
                         r"\s*$")
# The numbered part of a table printed as a line of its own right above its first row (一、项目基本情况).
TABLE_PART = re.compile(r"^\s*[一二三四五六七八九十]+、.{0,20}$")
# A line printed between a table's title and the table: a publisher's note about the copy (详情见附件, (注:以下内容为
#附件图片识别…)), the form's box of what it evaluates (填报类型:整体□ 区域√ 项目□), whose options a copy may print a
# line each ("区域√", "项目□"), or the form's lines to sign and date (项目单位(盖章):…, 填报日期:2023.6.28, 单位名称:…
# 填报日期:…, 填报单位:郊区财政局).
COPY_NOTE = re.compile(r"^\s*(?:详(?:情)?见附件\s*$|[（(]注[:：]|填报(?:类型|单位)[:：]|(?:[\u4e00-\u9fff]{1,6}\s*[□√☑☐■✓✔]\s*)+$|"
                       r"(?:[\u4e00-\u9fff]{2,8}[:：][^:：]{1,40}\s)?填报日期[:：]|[\u4e00-\u9fff]{0,8}[（(]盖章[)）])")
TEXT_OPENED_ROWS = 2  # a pipe table's lines that open with their text, fewest, that print every cell "text |"
# A row of a monospace copy: cells apart by three or more spaces (or an empty first column's indent).
ALIGNED_ROW = re.compile(r"^ {3,}\S|\S {3,}(?=\S)")
PAGE_ROW = re.compile(r"\S {2}(?=\S)")  # a row of a page's text: cells two spaces apart or more
CELL_TEXT = re.compile(r"\S+(?: \S+)*")  # a cell of such a row: text with no two spaces in a row
WORD = re.compile(r"\S+")
LATIN_RUN = re.compile(r"[!-~]*")  # a figure or a Latin word at a text's start: a line breaks before it, never inside
# What a figure's cell may go on with on the next line: its unit or its points (理 13 / 分, of 项目管理13分).
FIGURE_ENDS = ("分", *run_rows.FIGURE_UNITS)
CUT_AFTER_FIGURE = re.compile(rf"{NUMBER_PATTERN}[%％]?[\u4e00-\u9fa5]+")  # a value cut after its figure's first words
FRAGMENT = 10  # display columns, most, of a narrow column's wrapped lines between a table's aligned lines
CLOSING_SIGNS = "%％)）】」』，。、；：！？"  # signs a line breaks before only inside a cell: none opens one
PER_UNIT = re.compile(r"^/[^\d\s/]")  # the rest of a unit after its slash (元 / /人/年): no cell opens with it
# A funds row's label read whole (年度资金总额, 当年财政拨款, 上年结转资金): a label line under it opens the next row.
FUND_SOURCE = re.compile(r"(?:总额|拨款|结转资金|结余资金|其他资金)[:：]?$")
GOALS_LABEL = re.compile(r"目标")  # the goals after a funds block (年度总体目标)
HEADER_WORDS_MOST = 16  # characters, most, of a header's cell (年度总体目标完成情况综述): more is a cell's text
# A figure printed alone (≥1000, 100%), or broken at its point (329.) where the page wraps it.
FIGURE = re.compile(rf"^(?:{SIGN_COMPARATOR})?[-+]?{NUMBER_PATTERN}\.?[%％]?$")
FIGURE_SIGNS = "+-.0123456789"  # what a figure a line ends in is made of, where the page may break it
# A funds part's label opening with its circled number (①中央及省级财政资金): it opens its row.
PART_NUMBER = re.compile(r"^[\u2460-\u2473][\u4e00-\u9fff]")
BREAKDOWN = re.compile(r"^其中[:：]")  # a funds row's label that opens its cell (其中：当年财政拨款)
# A 一级 or 二级 indicator's name (产出指标, 经济效益指标): a cell that opens an indicator row.
LEVEL_NAME = re.compile(r"[\u4e00-\u9fa5]{2,10}指标")
ROW_BREAKS = 2  # lines a web row's cells after its names may be broken over


def is_blank(line: str) -> bool:
    return not line.startswith("\t") and not line.strip()


def is_tsv_row(line: str) -> bool:
    """A spreadsheet-style row: TABs between cells, not only one TAB opening the line."""
    body = line[1:] if line.startswith("\t") else line
    if body and not body.strip("\t"):
        return True  # a spreadsheet row whose cells are all empty
    return "\t" in body.rstrip("\t") or ("\t" in body and bool(body.split("\t")[0].strip()))


def is_pipe_row(line: str) -> bool:
    return line.count("|") >= 2 and not line.lstrip().startswith(("http", "//"))


# A cell printed on an indented line of its own after a bar, its row's first cell at the margin above: group 1 is
# its text, empty where the bars end the row ("        | |").
BAR_CELL = re.compile(r"^ +\|([^|]*)\|*\s*$")
INDENTED_TEXT = re.compile(r"^ +[^\s|][^|]*$")


def bar_cell(line: str) -> str | None:
    """The text of a cell printed as an indented "| cell" line ("" for the bars that end a row), else None."""
    match = BAR_CELL.match(line)
    return match.group(1).strip() if match else None


def opens_bar_row(lines: list[str], start: int) -> bool:
    """Whether the line before `start` is a row's first cell: the next line that does not continue it (an indented
    line with no bar) is a "| cell" line with text."""
    following = (lines[index] for index in range(start, len(lines)) if not INDENTED_TEXT.match(lines[index]))
    return bool(bar_cell(next(following, "")))


def is_lone_separator(line: str) -> bool:
    """A line of nothing but "|": web pages print one between rows; it ends nothing."""
    return "|" in line and not line.replace("|", "").strip()


def split_cells(line: str, separator: str, line_no: int) -> list[Cell]:
    """Cells of one row; leading and trailing empty cells are kept (they are merged cells). A TAB row's quoted
    cells are a spreadsheet's copy: read without their quotes."""
    text = line.rstrip("\r\n")
    if separator == "|":
        text = text.strip()
        text = text[1:] if text.startswith("|") else text
        text = text[:-1] if text.endswith("|") else text
        return [Cell(part.strip(), line_no) for part in text.split(separator)]
    return [Cell(unquoted(part.strip()), line_no) for part in text.split(separator)]


def browser_copy():
    """The reader of a browser's TAB copy (layout_browser), loaded once text is read: a Word or Excel grid has no
    copy, and it needs the one-cell-a-line reader's words."""
    from assistant import layout_browser

    return layout_browser


class _Builder:
    """Accumulates rows of the Word-export layout while lines stream in."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.rows: list[Row] = []
        self.blanks = 0

    def cell(self, text: str, line_no: int) -> None:
        if not self.rows or self.blanks:
            self.rows.append(Row([]))
        self.rows[-1].cells.append(Cell(text.strip(), line_no))
        self.blanks = 0

    def continues_cell(self, line: str) -> bool:
        """Whether a non-TAB line continues the open cell rather than ending the table."""
        if not self.rows or HEADING.match(simplified(line)):
            return False
        current = self.rows[-1].cells[-1]
        # Two blank lines after a filled cell end the table; an empty merged cell may
        # still receive its text after blank lines (a vertically centred label).
        return not (self.blanks >= 2 and current.text)

    def continue_cell(self, line: str) -> None:
        current = self.rows[-1].cells[-1]
        current.text = f"{current.text}\n{line.strip()}" if current.text else line.strip()
        self.blanks = 0

    def row(self, cells: list[Cell]) -> None:
        self.rows.append(Row(cells))
        self.blanks = 0

    def bar_cell(self, text: str, line_no: int, opens_row: bool) -> None:
        """A "| cell" line: a cell of the open row, or the first of a row whose first (merged) cell is empty."""
        if opens_row:
            self.rows.append(Row([]))
        self.rows[-1].cells.append(Cell(text, line_no))
        self.blanks = 0

    def continue_row(self, line: str, line_no: int) -> None:
        """A pipe row whose line break fell inside a cell: the first part continues the open cell."""
        cells = split_cells(line, "|", line_no)
        if not line.lstrip().startswith("|"):
            last = self.rows[-1].cells[-1]
            first = cells.pop(0)
            last.text = f"{last.text}\n{first.text}" if last.text else first.text
        self.rows[-1].cells += cells
        self.blanks = 0

    def close_table(self, mode: str | None = None) -> None:
        rows = [row for row in self.rows if row.cells]
        if mode == "tsv":
            rows = browser_copy().rows_rejoined(rows)
        # Only the Word export cuts rows at blank lines; a pasted row is a line (a browser's rejoined above).
        rows = mend_split_rows(rows) if mode == "word" else drop_padding([part for row in rows
                                                                          for part in unglued(row)])
        if mode == "pipe":
            rows = values_joined(tails_joined(labels_moved_down(rows)))
        if rows:
            self.blocks.append(TableBlock(rows=rows))
        self.rows = []

    def table_read(self, rows: list[Row], mode: str | None, layout: str) -> None:
        """A table read whole ahead of the line loop (an "aligned" or "csv" one): the open table, of `mode`, ends
        before it."""
        self.close_table(mode)
        for row in rows:
            self.row(row.cells)
        self.close_table(layout)

    def paragraph(self, text: str, line_no: int, mode: str | None = None) -> None:
        self.close_table(mode)
        self.blocks.append(Paragraph(text.strip(), line_no))
        self.blanks = 0


def text_lines(lines: list[str], start: int):
    """The lines from `start` on that are neither blank, a lone separator nor a page number (read in place, never
    copied: a report has hundreds of thousands of lines and this is asked at many of them)."""
    return (lines[index] for index in range(start, len(lines))
            if not is_blank(lines[index]) and not is_lone_separator(lines[index])
            and not PAGE_MARKER.match(lines[index]))


def next_text_line(lines: list[str], start: int) -> str:
    """The next line after `start` that is neither blank nor a lone separator."""
    return next(text_lines(lines, start), "")


def tab_rows_go_on(lines: list[str], start: int) -> bool:
    """Whether a TAB row comes after `start` before a blank line, a heading or a page number: the lines up to it are
    the table's, broken where its cells break."""
    for index in range(start, min(len(lines), start + browser_copy().CELL_LINES)):
        if is_blank(lines[index]) or PAGE_MARKER.match(lines[index]) or HEADING.match(simplified(lines[index])):
            return False
        if is_tsv_row(lines[index]) or lines[index].startswith("\t"):
            return True
    return False


def opens_tab_row(lines: list[str], start: int) -> bool:
    """Whether the line before `start` is the first part of a TAB row's first cell, broken over lines up to that
    row (项目支 | 出名称→…, 绩 | 效 | 指 | 标→一级指标→…)."""
    pieces = browser_copy().WORD_PIECES
    if not any("\t" in line for line in lines[start:start + pieces]):
        return False  # (asked at every paragraph line: the cheap answer first)
    cell = [lines[start - 1].strip()]
    for line in lines[start:start + pieces]:
        if is_blank(line) or not browser_copy().broken_cell(cell, [line.split("\t")[0].strip()]):
            return False
        if is_tsv_row(line):
            return True
        cell.append(line.strip())
    return False


CELL_BEFORE_BAR_MOST = 30  # characters, most, of a row's first cell its line broke after


def first_cell_broken_off(lines: list[str], start: int) -> bool:
    """Whether the line before `start`, holding no bar, is a pipe row's first cell whose line broke after it: short,
    no title, the very next line opening with the row's other cells ("成本指标" then "| 省级宣传片制作费… | 200万 |")."""
    line, following = lines[start - 1].strip(), lines[start] if start < len(lines) else ""
    return 0 < len(line) <= CELL_BEFORE_BAR_MOST and "|" not in line and not TITLE_LINE.match(line) \
        and following.lstrip().startswith("|") and is_pipe_row(following) and not PIPE_SEPARATOR.match(following)


def labels_rows_below(lines: list[str], start: int, most: int = 3) -> bool:
    """Whether the lines after `start` hold at most `most` more lone " |" cells, then a pipe row: the cells are merged
    labels of the rows below (效益指标 then 经济效益指标 above their rows), not a one-cell-per-line dump."""
    following = text_lines(lines, start)
    for _ in range(most + 1):
        line = next(following, "")
        if cell_line(line) is None:
            return is_pipe_row(line)
    return False


def display_columns(line: str) -> list[int]:
    """The display column each character starts at (a CJK character is two columns wide)."""
    columns, at = [], 0
    for char in line:
        columns.append(at)
        at += display_width(char)
    return columns


def aligned_table_rows(lines: list[str]) -> dict[int, tuple[int, list[Row]]]:
    """The rows of each table of a monospace copy or a PDF's text, by the index of its first line, with the index
    after its last: a row a line (`aligned_rows`), or a row of the lines a PDF's narrow column wraps its cells over
    (`wrapped_rows`). A table's columns are cut over all its lines (`aligned_tables`), a PDF's page by page."""
    tables = {}
    for table in aligned_tables(lines):
        roles: list[str | None] = []  # the indicator header's column roles, once a page printed it
        filled: list[int] = []  # the rows under that header with text in each of its columns
        headed: list[bool] = []  # the header's columns that print a word (a gap between its words prints none)
        part = None  # the part of the form the last page ended in: "funds", "goals" or neither
        running: list[int] = []  # the last row's cells the last page's last line printed (a page break cut them)
        from_page = is_page_text([lines[index].replace("\f", "").rstrip() for index in range(*table)])
        rows: list[Row] = []
        for start, end in pages(lines, *table):
            texts = [lines[index].replace("\f", "").rstrip() for index in range(start, end)]
            cells_by_line, widths = aligned_rows(texts, [positions(text, from_page) for text in texts], from_page)
            # A monospace copy prints a row a line; a page's text wraps a narrow column's cells over lines.
            if from_page:
                found, part = wrapped_rows(cells_by_line, widths, part)
            else:
                found = [(index, cells) for index, cells in enumerate(cells_by_line) if cells]
            texts_by_row = [[cells.get(column, "") for column in range(len(widths))] for _, cells in found]
            placed = page_columns(texts_by_row, roles, filled, headed)
            for (first, _), row in zip(found, texts_by_row):
                laid = [""] * (max(placed, default=-1) + 1)
                for column, text in zip(placed, row):
                    laid[column] = text
                if from_page and headed:
                    laid = under_header_words(laid, headed, filled)
                if running and not roles and len(running) == sum(map(bool, laid)) \
                        and not any(INDICATOR_BLOCK_LABEL.fullmatch(normalize_text(text)) for text in laid):
                    # Above the indicators, a page's first rows of as many texts as the last page's last line
                    # printed cells: the rest of those cells, which the page break cut (a goal's prose in a narrow
                    # column), however the page lays its columns out; the indicator block's label (绩效指标) is none.
                    for column, text in zip(running, filter(None, laid)):
                        rows[-1].cells[column] = replace(rows[-1].cells[column], text=joined(
                            rows[-1].cells[column].text, text))
                    continue
                running = []
                rows.append(Row([Cell(text, start + first + 1) for text in laid]))
                if is_indicator_header(laid):
                    roles, filled = [role_of(text, INDICATOR_ROLES) for text in laid], [0] * len(laid)
                    headed = [bool(text) for text in laid]
                elif roles:
                    filled = [count + bool(text) for count, text in zip(filled, laid + [""] * len(filled))]
            last = next((cells for cells in reversed(cells_by_line) if cells), {})
            # (a funds label's line is a row of its own: 上年结 / 转资金 opens its row on the next page, and only the
            # goals run on in more cells than one, not their header's)
            ends = [placed[column] for column in sorted(last)]
            if running and found:  # the page went on the cells whole, its columns theirs in order: those its last line ends
                theirs = dict(zip(sorted(found[0][1]), running))
                running = [theirs[column] for column in sorted(last)] if set(last) <= set(theirs) else []
            elif from_page and part != "funds" and (len(ends) == 1 or part == "goals") and rows \
                    and all(column < len(rows[-1].cells) and rows[-1].cells[column].text for column in ends) \
                    and not is_goals_header([cell.text for cell in rows[-1].cells]):
                running = ends
        tables[table[0]] = (table[1], rows)
    return tables


def under_header_words(laid: list[str], headed: list[bool], filled: list[int]) -> list[str]:
    """A page's row with a text in a gap between the header's words (a name pdftotext pushed right of its column by
    the wider cells around it) moved into the column of the word before the gap, when the row leaves that empty; a
    gap the rows above printed in while they filled the word's column is a column of its own, under a word over two
    (评价内容 over the 一级 and the 二级: 质量目标 under a 一级 merged from above)."""
    moved = list(laid)
    for column in range(1, min(len(moved), len(headed))):
        if moved[column] and not headed[column] and headed[column - 1] and not moved[column - 1] \
                and not (column < len(filled) and filled[column] and filled[column - 1]):
            moved[column - 1], moved[column] = moved[column], ""
    return moved


# What placing a page's columns under the indicator header weighs besides the roles their cells fit (columns.fits,
# ±1 a cell): a cell in a column the rows before left empty (or not), a header column skipped between two of the
# page's, one lost at the page's left (the least: it only breaks ties), a cell under no word of the header.
EMPTY_COLUMN, SKIPPED_COLUMN, LOST_COLUMN, UNHEADED_COLUMN = 0.25, 0.3, 0.001, 0.25


def page_columns(rows: list[list[str]], roles: list[str | None], filled: list[int], headed: list[bool]) -> list[int]:
    """The indicator header's column each of a page's columns is (pdftotext lays each page out from the text it
    holds, so a page where columns are empty, or merged from the page before, loses them): the columns in order
    whose roles fit the cells best (a level name, a figure …), where the rows before had text, under the header's
    words (`headed`) rather than the gaps between them."""
    width = max((len(row) for row in rows), default=0)
    if not roles or not width or width >= len(roles):
        return list(range(width))

    def fit(column: int, header: int) -> float:
        texts = [row[column] for row in rows if column < len(row) and row[column]]
        role_fit = sum(fits(roles[header], text) for text in texts) if roles[header] else 0.0
        # (a column the rows before always left empty is one this page's text is not in, and so is a gap the header
        # printed no word over)
        return role_fit + (EMPTY_COLUMN if filled[header] or not any(filled) else -EMPTY_COLUMN) * len(texts) \
            - (0 if headed[header] else UNHEADED_COLUMN) * len(texts)

    # best[column][header]: the best fit of the page's first columns up to `column`, that one under `header`
    best = [[float("-inf")] * len(roles) for _ in range(width)]
    came: list[list[int]] = [[0] * len(roles) for _ in range(width)]
    for header in range(len(roles) - width + 1):
        best[0][header] = fit(0, header) - LOST_COLUMN * header
    for column in range(1, width):
        for header in range(column, len(roles) - width + column + 1):
            # (a column skipped between two of the page's costs more than one lost at either side)
            before = max(range(column - 1, header), key=lambda at: best[column - 1][at] - SKIPPED_COLUMN * (
                header - at - 1))
            best[column][header] = best[column - 1][before] - SKIPPED_COLUMN * (header - before - 1) \
                + fit(column, header)
            came[column][header] = before
    header = max(range(len(roles)), key=lambda at: best[width - 1][at])
    placed = [header]
    for column in range(width - 1, 0, -1):
        header = came[column][header]
        placed.insert(0, header)
    return placed


def pages(lines: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """A table's lines cut where a page starts (pdftotext's form feed): each page lays out its columns anew, from the
    page's leftmost text."""
    breaks = [index for index in range(start + 1, end) if "\f" in lines[index]]
    return list(zip([start, *breaks], [*breaks, end]))


def aligned_tables(lines: list[str]) -> list[tuple[int, int]]:
    """The lines (start, end) of each monospace or PDF page-text table: runs of space-aligned lines, two lines of
    three cells or more among them, apart by lines of a single cell — one or two (年度总体目标 and its text, 中央主管部门
    with its value left empty, printed across the table), or on a page any number of a narrow column's short lines —
    or by a PDF's blank line inside a cell. A page break (pdftotext's form feed) ends nothing."""
    runs, start = [], 0
    while start < len(lines):
        end, page_run = start, None  # whether the run is a page's text: asked at its first line of a single cell
        while end < len(lines) and "\t" not in lines[end]:
            line = lines[end].replace("\f", "").rstrip()
            if not ALIGNED_ROW.search(line):
                # (a page's text may print its cells two spaces apart, and wraps a narrow column's cells over short
                # lines: both go on the page's table)
                if end == start or not (PAGE_ROW.search(line) or 0 < display_width(line.strip()) <= FRAGMENT) \
                        or HEADING.match(line):
                    break
                if page_run is None:
                    page_run = is_page_text([text.replace("\f", "").rstrip() for text in lines[start:end]])
                if not page_run:
                    break
            end += 1
        if end > start:
            runs.append((start, end))
        start = max(end, start + 1)
    tables: list[list[tuple[int, int]]] = []
    # whether the table starting at a line is a page's (read at its first blank or run of short lines)
    page_tables: dict[int, bool] = {}
    for run in runs:
        between = lines[tables[-1][-1][1]:run[0]] if tables else []
        texts = [line for line in between if line.strip()]
        # (a page's text leaves a blank line where a cell holds an empty line; a monospace copy's ends its table)
        blank = len(between) - len(texts) == 1
        # (so does a narrow column's short lines past two: a monospace copy's are text between two tables)
        fragments = len(texts) > 2 and all(display_width(line.strip()) <= FRAGMENT for line in texts)
        if (blank or fragments) and tables[-1][0][0] not in page_tables:
            page_tables[tables[-1][0][0]] = is_page_text([lines[index].replace("\f", "").rstrip()
                                                        for index in range(tables[-1][0][0], run[0])])
        page = (blank or fragments) and page_tables[tables[-1][0][0]]
        if between and (len(texts) == len(between) or blank and page) \
                and all("\t" not in line and not HEADING.match(line) for line in texts) \
                and (len(texts) <= 2 or fragments and page):
            tables[-1].append(run)
        else:
            tables.append([run])
    return [(table[0][0], table[-1][1]) for table in tables
            if sum(len(ALIGNED_ROW.findall(lines[index].rstrip())) >= 2
                   for start, end in table for index in range(start, end)) >= 2]


def is_page_text(lines: list[str]) -> bool:
    """Whether the lines' columns line up by characters, as a PDF's page text does (pdftotext -layout places each
    text run at the character its position on the page comes to, whatever the width of the characters before it),
    rather than by display columns (a CJK character two wide, as a monospace copy prints)."""
    def starts(by_page: bool) -> int:
        return len({at[match.start()] for line in lines for at in [positions(line, by_page)]
                    for match in CELL_TEXT.finditer(line)})

    return starts(True) < starts(False)


def positions(line: str, by_page: bool) -> list[int]:
    """Where each character of the line sits: its index on a page's text, else its display column."""
    return list(range(len(line))) if by_page else display_columns(line)


def aligned_rows(lines: list[str], columns: list[list[int]],
                 from_page: bool) -> tuple[list[dict[int, str]], list[int]]:
    """Each line's cells by column, and the display width of each column's widest cell text that stays within its
    column (what a line of a cell fills before the cell wraps). A stretch of text after two or more spaces starts a
    cell; on a PDF's page so does a word one space after a cell that fitted its column, starting the next column,
    or one space after a CJK character (pdftotext leaves one space where wide cells push each other). A column
    starts where two lines start a cell (or where every line leaves a gap before it, or a column word starts); a
    cell goes to the column it starts in, so a merged cell whose text runs on across its columns stays one cell, and
    a column a line leaves blank stays empty."""
    stretches = [list(CELL_TEXT.finditer(line)) for line in lines]
    words_by_line = [list(WORD.finditer(line)) for line in lines]
    segments = [[(columns[row][match.start()], match.group()) for match in found]
                for row, found in enumerate(stretches)]
    width = max((columns[row][-1] + 2 for row in range(len(lines)) if lines[row]), default=0)
    filled = [False] * (width + 2)
    counts: dict[int, int] = {}
    for row in range(len(lines)):
        for match in stretches[row]:
            at = columns[row][match.start()]
            counts[at] = counts.get(at, 0) + 1
            for column in range(at, columns[row][match.end() - 1] + 1):
                filled[column] = True
    # A column word starts its column, though a word of the header row below runs on under it (度量单位 under 权重
    # when both columns are empty in every row).
    headed = {at for row in segments for at, text in row if is_header_word(text)}
    cuts = sorted({at for at, count in counts.items() if at and count >= 2}
                  | {at for at in counts if at >= 2 and not filled[at - 1] and not filled[at - 2]}
                  | {at for at in headed if at})
    cells_by_line, widths = [], [0] * (len(cuts) + 1)
    reach_above: dict[int, int] = {}  # where each cell of the last line with text starts, and where it ends
    for row, line in enumerate(lines):
        cells: dict[int, str] = {}
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        column, end = 0, None
        words = words_by_line[row]
        # where each stretch of the next line with text starts, and where it ends (before its cells are told apart),
        # and each word's start and text (据 of 策2分 据 under 决策依 2)
        below = next((index for index in range(row + 1, len(lines)) if lines[index].strip()), None)
        reach_below = {columns[below][match.start()]: columns[below][match.end() - 1] for match in stretches[below]} \
            if below is not None else {}
        opens_below = {columns[below][match.start()]: match.group() for match in words_by_line[below]} \
            if below is not None else {}
        for at, match in enumerate(words):
            pushed = bisect_right(cuts, columns[row][match.start()])  # the cuts at or left of the word
            if from_page and end == match.start() - 1 and display_width(line[end - 1] + match.group()[0]) == 4 \
                    and match.group()[0] not in CLOSING_SIGNS or from_page and end == match.start() - 1 \
                    and line[end - 1] in ")）" and display_width(match.group()[0]) == 2:
                # One space between two CJK characters, or a closing bracket and a CJK character: a page's cells
                # packed tight (二级指 三级指, 算数(A) 行数(B)), as no cell's text prints one; the word starts the next
                # cell, unless it opens with a sign no cell opens with (日管控 、周排查).
                column = min(max(pushed, column + 1), len(cuts))
            elif end is not None and end < match.start() - 1 and from_page:
                # Two spaces or more on a page end a cell: what follows is the next one, pushed right of its column
                # by wide cells when the column it starts in is the cell's.
                column = min(max(pushed, column + 1), len(cuts))
            elif end != match.start() - 1 or from_page and pushed == column + 1 \
                    and max(ends[column], reach_above.get(starts[column], 0), reach_below.get(starts[column], 0)) \
                    < cuts[column] \
                    and open_brackets(cells.get(column, "")) <= 0:
                # After one space a word goes on its cell unless the cell fitted its column and it starts the next
                # (a bracket it opened goes on: (50 分); a cell whose text runs on past its column, on this line or
                # the one above or below, is merged across the next, a goal's prose: 执行数为 125.25 万元, 督促落实问
                # 题整 / 改 200 余个).
                column = pushed
            if from_page and column in cells and FIGURE.match(match.group()) and (
                    FIGURE.match(cells[column].split()[-1])
                    or at + 1 < len(words) and words[at + 1].start() == match.end() + 1
                    and FIGURE.match(words[at + 1].group())
                    or columns[row][match.start()] in reach_above.keys() - {starts.get(column)}
                    or starts[column] in opens_below and line.startswith("  ", match.end())
                    and line[match.end():].strip() and not opens_below[starts[column]].startswith(FIGURE_ENDS)
                    and not NUMBERED_INDICATOR.fullmatch(normalize_text(f"{cells[column]}{match.group()}"))
                    and not cells[column].endswith(WORD_COMPARATORS)):
                # Two figures are two cells, the second pushed into the first's; so is a row's first figure one space
                # after its label, figures following it (年度资 329.7 329.7), or starting where a cell of the line
                # above starts (金总额 7 under 年度资 329.7, the rest of its figure), or one space after a cell the
                # line below goes on, cells after it (★★★农 5   >=219 over 村低保: the cell wrapped before it), unless
                # the line below goes on with the figure's unit (理 13 over 分, 项目管理13分), it is a numbered
                # indicator's (指标 1) or a comparator's in words (不少于 6 over 种).
                column = min(column + 1, len(cuts))
            cells[column] = f"{cells.get(column, '')} {match.group()}".lstrip()
            end = match.end()
            starts.setdefault(column, columns[row][match.start()])
            ends[column] = columns[row][end - 1]
        for column, text in cells.items():
            # (a CJK character is two columns wide on the page, whichever measure the columns line up in)
            if column == len(cuts) or starts[column] + display_width(text) <= cuts[column]:
                widths[column] = max(widths[column], display_width(text))
        cells_by_line.append(cells)
        reach_above = {starts[column]: ends[column] for column in cells} if cells else reach_above
    return cells_by_line, widths


def wrapped_rows(cells_by_line: list[dict[int, str]], widths: list[int],
                 part: str | None) -> tuple[list[tuple[int, dict[int, str]]], str | None]:
    """The page's rows rebuilt from the lines a narrow column wraps its cells over, and the part of the form the page
    ends in ("funds", "goals" or None).

    Each row is its first line and its cells; `part` says which part the page starts in. A line goes on
    the row above when each of its texts sits under a text of the line above, none a cell of its own (`wrap`), and
    one of them is plainly the rest of its cell (a figure broken at its point, a closing sign), or more sit under
    cells that filled their columns than under cells that did not (as many, unless the first fills its column: a new
    row's label), or it is one text alone (a cell's own line break); among indicators, a figure under a word in a column
    after the names (已完成 / 100%, ≥90% / 100%) is such a line's short one, no cell of its own. A funds row's 其中：
    (alone or before figures) opens its row, and so does a label beside no figure under a funds row's whole label
    (年度资金总额 then 按收入, 当年财政拨款 then 上年结) or opening with a part's number (①中央). The goals' row, under
    their header, goes on over every line whose texts sit under its own."""
    rows: list[tuple[int, dict[int, str]]] = []
    above: dict[int, str] = {}
    # The page's indicator header: its first line, and the column after its names (一级, 二级, 三级指标); a page
    # that does not print it keeps its names in its first column or more.
    header_at, names_end = len(cells_by_line), 1
    funds = part == "funds"  # the row is in the funds block
    goals = part == "goals"  # the row is the goals' (under 年度总体目标 | 预期目标 | 实际完成情况)
    rest: dict[int, str] = {}  # the last row's first line's texts that went on the row before: a level name's rest
    # The display width of each column's widest line on the page: what a cell's line fills before it wraps (a page
    # lines its columns up by where each text starts, not by how wide its characters are)
    room = [max((display_width(cells[column]) for cells in cells_by_line if column in cells), default=0)
            for column in range(len(widths))]
    for index, cells in enumerate(cells_by_line):
        if not cells:
            continue  # a blank line inside a cell
        # (the line is under the page's indicator header, or on a page of indicators without one)
        indicators = bool(rows) and (rows[-1][0] > header_at or header_at == len(cells_by_line) and not funds)
        # (a figure under a word in a column after the names goes on its cell: 已完成 then 100%)
        # (a level's name under a cell that is one already is a row of its own, a level merged from above: 时效指标
        # then 成本指标)
        found = [None if column not in above else "short" if indicators and column >= names_end
                 and is_value(text) and not is_value(above[column])
                 else "own" if indicators
                 and next_level_name(rows[-1][1].get(column, ""), cells_by_line, index, column)
                 else "sure" if indicators and twice_cut(above, cells, column)
                 else wrap(above[column], text, widths[column])
                 for column, text in cells.items()]
        label, *values = [cells[column] for column in sorted(cells)]
        above_label = rows[-1][1].get(min(cells), "") if rows and min(rows[-1][1]) <= min(cells) else ""
        # (a breakdown's label holds one 其中: a label line under one opening with it and naming its source, 其 / 中：,
        # opens its own row; under 其中： alone it is the source's name, 其他资金)
        # (a figure is no label: 其他资金： / 79.42)
        opens = bool(BREAKDOWN.match(label)) and all(map(is_value, values)) or funds and (
            not any(map(is_value, [label, *values]))
            and bool(FUND_SOURCE.search(above_label) or PART_NUMBER.match(label))
            or not values and label.startswith("其") and bool(BREAKDOWN.sub("", above_label)))
        # (a label that begins the row's first cell again is the next row's, printing the same name: 效益指 under
        # 效益指标)
        opens = opens or len(label) >= 2 and not is_value(label) and bool(rows) and min(cells) == min(rows[-1][1]) \
            and above_label.startswith(label)
        # (a header line of column words all whole is a row of its own: 绩效指标 一级指标 … 实施进度, then 项目决策 …)
        opens = opens or len(above) >= 3 and all(map(whole_column_word, above.values())) \
            and is_indicator_header(list(above.values())) and not any(text[0] in "(（" for text in cells.values())
        full, short = found.count("full"), found.count("short")
        # (on a tie, a first text that fills its column under one that did not fill it opens a row: 标 then 效益指)
        fresh = found[0] == "short" and display_width(cells[label_at := min(cells)]) >= widths[label_at] - 1
        # (a name alone that fills its 一级 or 二级 column, under the last line of a cell that wrapped and then left
        # room for three more characters in a row that prints no value, opens a row that prints no other cell, its
        # 一级 and 二级 merged from above: 社会效益(可选 / 项) then 生态效益(可选; a line breaks before a quote or a
        # bracket and the characters it holds together, 群 / 众"两 — and a 三级指标 or a row with values wraps so
        # too: 完成城区老旧小区 / 改造 / (含加装电梯)数量 is one name)
        at = min(cells)
        next_name = len(cells) == 1 and at < max(1, names_end - 1) and indicators and index - 1 > rows[-1][0] \
            and at in above and not any(is_value(text) for column, text in rows[-1][1].items() if column >= names_end) \
            and display_width(above[at] + label[:3]) < room[at] <= display_width(label) + 1
        goes_on = set(found) <= {"sure", "full", "short"} and \
            ("sure" in found or len(found) == 1 and not next_name or full > short or full == short and not fresh)
        # (the goals' prose goes on over any number of lines, a figure or a numbered goal opening one: 我市 / 2018
        # 年度, 改革 / 目标 2∶; a text under none of the line above opens the next row)
        goes_on = goes_on or goals and None not in found
        # (so does the indicator header over words broken in a narrow column, one under a word not yet whole, none
        # under a level's name, where an indicator's row starts: 绩效 / 指 beside 偏差原因 / 分析及)
        heading = [rows[-1][1].get(column, "") for column in cells] if rows and is_indicator_header(
            list(rows[-1][1].values())) else []
        goes_on = goes_on or bool(heading) and all(heading) and not all(map(whole_column_word, heading)) \
            and not any(role_of(word, INDICATOR_ROLES) in LEVEL_ROLES for word in heading) \
            and not any(map(is_value, cells.values()))
        if rows and not opens and goes_on:
            for column, text in cells.items():
                # (the rest of a level name left to the row before goes on there: 可持续 / 影响指 beside …… / 标)
                row = rows[-2][1] if column in rest and not is_level_name(rows[-2][1][column]) else rows[-1][1]
                row[column] = joined(row.get(column, ""), text)
        else:
            # (a level merged over rows wraps its name beside the next row's first line: 生态效 then 益指标 beside
            # 指标 2, the rest of the name above, not the next row's)
            rest = {column: text for column, text in cells.items() if indicators and column in rows[-1][1]
                    and not is_level_name(rows[-1][1][column])
                    and ends_level_name(rows[-1][1][column], column_lines(cells_by_line, index, column))}
            for column, text in rest.items():
                rows[-1][1][column] = joined(rows[-1][1][column], text)
            if rest.keys() == cells.keys():  # (the line is all the rest of the row above's names: no row opens)
                above, rest = cells, {}
                continue
            if rows:
                texts = [rows[-1][1][column] for column in sorted(rows[-1][1])]
                funds = is_fund_header(texts) or funds and not is_indicator_header(texts) \
                    and not any(GOALS_LABEL.search(text) for text in texts)
                goals = is_goals_header(texts)
                if is_indicator_header(texts):
                    header_at = rows[-1][0]
                    names_end = 1 + max((column for column, text in rows[-1][1].items()
                                         if role_of(text, INDICATOR_ROLES) in LEVEL_ROLES), default=len(widths))
            rows.append((index, {column: text for column, text in cells.items() if column not in rest}))
        above = cells
    # (a page that ends on the goals' header, after the funds, goes on with their row)
    if rows and is_goals_header([rows[-1][1][column] for column in sorted(rows[-1][1])]):
        return rows, "goals"
    return rows, "funds" if funds else "goals" if goals else None


def twice_cut(above: dict[int, str], cells: dict[int, str], column: int) -> bool:
    """Whether a column's text goes on a value the line above cut after a figure and its first words (100%覆 / 盖)
    that the row prints twice, as its target and its result, cut alike: another column's line above and this line
    print the same. A figure's cell the page measures narrower than the character grid does, so the cut may seem to
    leave room on its line."""
    text, cut = cells[column], above.get(column, "")
    return bool(CUT_AFTER_FIGURE.fullmatch(cut)) and not is_value(text) \
        and any(other != column and above.get(other) == cut and cells[other] == text for other in cells)


LEVEL_NAME_LINES = 3  # lines, most, a narrow column wraps a level name over (可持续 / 影响指 / 标)


def column_lines(cells_by_line: list[dict[int, str]], index: int, column: int) -> list[str]:
    """The column's text on the line and on the lines with text below it that print one there, as far as a level
    name wraps."""
    lines = []
    for cells in (cells_by_line[at] for at in range(index, len(cells_by_line)) if cells_by_line[at]):
        if column not in cells or len(lines) == LEVEL_NAME_LINES:
            break
        lines.append(cells[column])
    return lines


def is_level_name(text: str) -> bool:
    """Whether a cell's text is a whole 一级 or 二级 name (社会效益指标), as the run-together grammar reads one."""
    text = normalize_text(text)
    return bool(run_rows.LEVEL_NAME.fullmatch(text) or run_rows.NAME_WITH_POINTS.fullmatch(text))


def ends_level_name(cell: str, lines: list[str]) -> bool:
    """Whether the lines, joined on the cell, make it a whole level name (社会效 with 益指标)."""
    return any(is_level_name(cell + "".join(lines[:count])) for count in range(1, len(lines) + 1))


def next_level_name(cell: str, cells_by_line: list[dict[int, str]], index: int, column: int) -> bool:
    """Whether a names column's line `index` opens a level name of its own (alone or with the lines below: 生态效 /
    益指标) under a cell that is a whole level name already (社会效益指标), rather than going on it."""
    return is_level_name(cell) and ends_level_name("", column_lines(cells_by_line, index, column))


def is_goals_header(texts: list[str]) -> bool:
    """A row that heads the goals (年度总体目标 | 预期目标 | 实际完成情况 …): it names a goal in words, short ones (not
    the goals' prose), and holds no figure."""
    return any(GOALS_LABEL.search(text) for text in texts) and not any(map(is_value, texts)) \
        and all(len(text) <= HEADER_WORDS_MOST for text in texts) and not is_indicator_header(texts)


def whole_column_word(text: str) -> bool:
    """A header cell that is a column word printed whole (一级指标, 实施进度), not its broken part (一级指)."""
    return normalize_text(text) in HEADER_WORDS or any(normalize_text(text) in words for _, words in INDICATOR_ROLES)


def wrap(above: str, text: str, width: int) -> str:
    """How `text` under a cell's line `above` goes on it: "sure" (the rest of a figure broken at its point, a sign no
    cell opens with: %, ）, /人/年, or words under a line that opened a bracket it did not close: 本（每 / 人每, or a
    money unit under words: 中央 / (万元)),
    "full" (the line above filled its column: the first character, a Latin word's first word or figure, would not
    have fitted after it), "short" (it would have), "own" (a cell of its own: a figure under a label or under a
    figure that did not fill its column, a label printed again as 项目决策 under 项目决策, a template's numbered
    indicator, 指标 2, under the name of the one above)."""
    # (a line never opens with a closing sign: the character before one wraps with it, 改 / 革；)
    if text[0].isascii() and above[-1].isascii():
        first = text.split(" ")[0]
    elif text[0].isascii():  # (a figure or a Latin word after CJK text wraps whole: 开展 / 520 计)
        first = LATIN_RUN.match(text).group()
    else:
        first = text[:2] if text[1:2] and text[1] in CLOSING_SIGNS else text[0]
    if above[-1] == "." and text[0].isdigit() or text[0] in CLOSING_SIGNS or WEIGHT_SUFFIX.match(normalize_text(text)) \
            or PER_UNIT.match(text) or open_brackets(above) > 0 and not is_value(text) \
            or above[-1] in "：:" and is_value(text) \
            or MONEY_UNIT_CELL.match(normalize_text(text)) and not is_value(above):
        return "sure"
    # (a figure's sign fills no column, but a figure broken after it goes on: - / 0.3000)
    signed = above in ("-", "+") and text[0].isdigit()
    full = display_width(above) + display_width(first) >= width or signed
    # (a figure under one goes on it only where the two make one figure: 125.2 / 5, never 532.88 / 1247.98)
    broken = (above[-1].isdigit() or signed) and full \
        and bool(FIGURE.match(above[len(above.rstrip(FIGURE_SIGNS)):] + first))
    if text == above or is_placeholder(text) or NUMBERED_INDICATOR.match(normalize_text(text)) \
            or is_value(text) and not broken:
        return "own"
    return "full" if full else "short"


def joined(cell: str, text: str) -> str:
    """A wrapped cell's lines joined: with a space between two Latin words only (a CJK text or a figure wraps
    anywhere)."""
    return f"{cell} {text}" if cell[-1:].isascii() and cell[-1:].isalpha() and text[0].isascii() \
        and text[0].isalpha() else f"{cell}{text}"


def display_width(text: str) -> int:
    """Columns the text takes in a monospace copy: a CJK (wide or full-width) character takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def parse_text(lines: list[str]) -> list[Block]:
    """Split text lines into paragraphs and tables; every cell keeps its source line."""
    # A Word-made page's copy is read as the dump of its cells, a copy spaced with a blank line after every line
    # as its lines, each at its source line.
    rewritten = word_page_cells(lines) or single_spaced(lines)
    if rewritten is not None:
        kept, origins = rewritten
        return [renumbered(block, origins) for block in parsed(dedented(kept))]
    joined = level_names_joined(lines)
    if joined is not None:
        kept, origins = joined
        return [renumbered(block, origins) for block in parsed(dedented(kept))]
    return parsed(dedented(lines))


def renumbered(block: Block, origins: list[int]) -> Block:
    """A block read from rewritten lines, its lines and its cells' lines the source lines they were rewritten from."""
    def origin(line: int) -> int:
        # (a cell a reader added, of no line, keeps none; an empty cell a reader put after the last line, as far
        # after the last source line)
        return origins[min(line, len(origins)) - 1] + max(line - len(origins), 0) if line else line

    if isinstance(block, Paragraph):
        return Paragraph(block.text, origin(block.line))
    rows = [Row([replace(cell, line=origin(cell.line)) for cell in row.cells]) for row in block.rows]
    return replace(block, rows=rows, title_lines=[renumbered(title, origins) for title in block.title_lines])


def parsed(lines: list[str]) -> list[Block]:
    """The paragraphs and tables of text lines in any of the layouts above."""
    aligned = aligned_table_rows(lines)
    barred = bar_tables(lines)
    builder = _Builder()
    # layout of the open table: "word", "tsv", "pipe" or "bars" (an "aligned" or "csv" table is closed as it is read)
    mode = None
    row_ended = False  # the open "bars" table's last row was ended by its bars
    open_row = False  # the last pipe row's line stopped inside a cell (rows of this table end with "|")
    closed_rows = False  # this pipe table's rows end with "|"
    # This pipe table's row lines so far that open with their first cell's text, and with a "|": where text opens
    # more of them, or two (its header and a row, the rows that print their 一级), every cell is printed "text |".
    text_opened = bar_opened = 0
    # Lines up to this one were read already: CSV text, a spreadsheet row quoting a line break, an aligned table.
    read_to = 0
    last_text = ""  # the last line before this one that is neither blank nor a lone separator
    for line_no, line in enumerate(lines, start=1):
        if line_no <= read_to or PAGE_MARKER.match(line):
            continue  # (a page number between a table's rows ends nothing: the table goes on on the next page)
        before, last_text = last_text, line if not is_blank(line) and not is_lone_separator(line) else last_text
        noted = SITE_REMARK.match(line)
        if noted and "|" in line[noted.end():]:
            # (a site's remark that runs into a table's first row: the row goes on after it)
            builder.paragraph(noted.group().strip(), line_no, mode)
            mode, line = None, line[noted.end():]
        if line_no - 1 in aligned:
            read_to, rows = aligned[line_no - 1]
            builder.table_read(rows, mode, "aligned")
            mode = None
            continue
        if line_no - 1 in barred:
            read_to, rows = barred[line_no - 1]
            builder.table_read(rows, mode, "pipe")
            mode = None
            continue
        if mode == "pipe" and is_lone_separator(line):
            # (after a line that stopped inside a cell, its bar closes that cell: the row ends — "…9人。" "| |||||")
            open_row = False
            continue
        following = next_text_line(lines, line_no)
        if is_lone_separator(line) and (cell_line(following) is not None or cell_line(before) is not None
                                        or not is_pipe_row(before) and not is_pipe_row(following)):
            # An empty cell of a one-cell-per-line dump, printed with its trailing "|" or not: before the next cell's
            # line, or after the last one (the table's last row's empty cells); no pipe row beside it.
            line = ""
        if is_csv_line(line):
            read_to = csv_extent(lines, line_no - 1)
            builder.table_read(csv_rows(lines[line_no - 1:read_to], line_no), mode, "csv")
            mode = None
            continue
        if is_blank(line):
            # A pipe table goes on across blank lines: web pages print them between rows.
            if mode == "tsv" or (mode == "pipe" and not is_pipe_row(next_text_line(lines, line_no))):
                builder.close_table(mode)
                mode = None
            builder.blanks += 1
            continue
        if mode == "bars" and bar_cell(line) is not None:
            if bar_cell(line):
                builder.bar_cell(bar_cell(line), line_no, row_ended)
            row_ended = not bar_cell(line)
            continue
        if mode == "bars" and INDENTED_TEXT.match(line) and builder.rows[-1].cells:
            builder.continue_cell(line)
            continue
        if not line.startswith((" ", "\t", "|")) and opens_bar_row(lines, line_no):
            if mode != "bars":
                builder.close_table(mode)
            builder.row([Cell(line.strip(), line_no)])
            mode, row_ended = "bars", False
            continue
        if mode == "pipe" and open_row:
            builder.continue_row(line, line_no)
            open_row = not line.rstrip().endswith("|")
            continue
        # (a Word export's cell line may hold a quote of its own: a quoted cell opens only outside its table)
        quoted = quoted_row(lines, line_no - 1) if '"' in line and mode != "word" else None
        if quoted is not None or is_tsv_row(line) \
                or mode == "tsv" and (line.startswith("\t") or tab_rows_go_on(lines, line_no)) \
                or not line.startswith("\t") and opens_tab_row(lines, line_no):
            # (a browser's copy breaks a row's line wherever a cell breaks: the lines up to its next row are its)
            if mode != "tsv":
                builder.close_table(mode)
            if quoted is None:
                builder.row(split_cells(line.strip("\n"), "\t", line_no))
            else:  # a spreadsheet row whose quoted cell breaks over lines: the row's other lines are read with it
                read_to, row = quoted
                builder.row(row.cells)
            mode = "tsv"
        elif line.startswith("\t"):
            if mode not in (None, "word"):
                builder.close_table(mode)
            builder.cell(line[1:], line_no)
            mode = "word"
        elif mode == "word" and builder.continues_cell(line):
            builder.continue_cell(line)
        elif mode == "pipe" and closed_rows and first_cell_broken_off(lines, line_no):
            builder.row([Cell(line.strip(), line_no)])
            open_row = True
        elif cell_line(line) is not None and mode == "pipe" and labels_rows_below(lines, line_no):
            # a merged cell (产出指标, 经济效益指标) printed alone on its line between a pipe table's rows
            builder.row([Cell(cell_line(line), line_no)])
        elif cell_line(line) is not None:
            builder.paragraph(cell_line(line), line_no, mode)
            mode = None
        elif is_pipe_row(line) or (mode == "pipe" and closed_rows and "|" in line and not line.rstrip().endswith("|")):
            # (a row of a table whose rows end with "|", broken inside its second cell: "成本指标 | 指标1:")
            if mode != "pipe":
                builder.close_table(mode)
                # Rows closed by a "|": this one, or the first one broken inside a cell, its next line closing it.
                closed_rows = line.rstrip().endswith("|") or (
                    line.startswith("|") and next_text_line(lines, line_no).rstrip().endswith("|"))
                text_opened = bar_opened = 0
            if not PIPE_SEPARATOR.match(line):
                # (where every cell is printed "text |", rows opening with their text, a line opening with a bar opens
                # with an empty cell: a merged level, or the empty cell a row broke its line in — "定性 | 好坏 |" then
                # "| 好坏 | 5 | 5 |", no 度量单位)
                opens_bar = line.lstrip().startswith("|")
                empty = [Cell("", line_no)] if mode == "pipe" and closed_rows and opens_bar \
                    and (text_opened > bar_opened or text_opened >= TEXT_OPENED_ROWS) else []
                text_opened, bar_opened = text_opened + (not opens_bar), bar_opened + opens_bar
                builder.row(empty + split_cells(line, "|", line_no))
                open_row = closed_rows and not line.rstrip().endswith("|")
            mode = "pipe"
        else:
            builder.paragraph(line, line_no, mode)
            mode = None
    builder.close_table(mode)
    from assistant.layout_dump import rebuild_cell_dumps  # text layouts only: a Word or Excel grid has no dumps

    return attach_titles(title_rows_out(rebuild_cell_dumps(summaries_out(builder.blocks))), lines)


SUMMARY_KEYS = ("内容概述", "内容摘要", "摘要")  # a government page's info table: the cell after it is the page's text
SUMMARY_LENGTH = 100  # characters, fewest, of a summary that holds more than a sentence: text, not a head value


def summaries_out(blocks: list[Block]) -> list[Block]:
    """A government page's info table (索引号 | … | 内容概述 | …) whose summary cell holds the page's text, a table
    run together in it: that text is a paragraph after the info table's row, read as any text is."""
    result: list[Block] = []
    for block in blocks:
        at = next(((index, cell) for index, row in enumerate(block.rows) for key, cell in zip(row.cells, row.cells[1:])
                   if normalize_text(key.text) in SUMMARY_KEYS and len(cell.text) >= SUMMARY_LENGTH), None) \
            if isinstance(block, TableBlock) else None
        if at is None:
            result.append(block)
            continue
        index, summary = at
        kept = Row([cell for cell in block.rows[index].cells if cell is not summary])
        result += [replace(block, rows=block.rows[:index] + [kept]), Paragraph(summary.text, summary.line)]
        result += summaries_out([TableBlock(block.rows[index + 1:])]) if block.rows[index + 1:] else []
    return result


TARGET_PART_ROLES = ("nature", "direction", "measure_unit")


def is_header_word(text: str) -> bool:
    return normalize_text(text) in LAYOUT_COLUMN_WORDS or role_of(text, INDICATOR_ROLES) is not None


def unglued(row: Row) -> list[Row]:
    """A row into which a web page glued the cells before an indicator header (the goals), the header (its two
    rows one after the other) and the data rows after it: cut where the header's column words start and end, the
    header into its two rows where the lower one's level words start, the data cells into rows of the header's
    width. Any other row is itself. Empty cells between two header words are the header's (the span of a group
    cell, 年度指标值 over its three parts, printed as blank cells)."""
    texts = [normalize_text(cell.text) for cell in row.cells]
    named = [bool(text) and is_header_word(text) for text in texts]
    words, previous = [], False  # previous: the last filled cell before this one names a column
    for index, text in enumerate(texts):
        words.append(named[index] or (not text and previous))
        previous = named[index] if text else previous
    following = False  # the first filled cell after this one names a column
    for index in range(len(texts) - 1, -1, -1):
        words[index] = words[index] and (bool(texts[index]) or following)
        following = named[index] if texts[index] else following
    start, end = 0, 0
    for index in range(len(words)):
        if words[index] and (index == 0 or not words[index - 1]):
            stop = next((i for i in range(index, len(words)) if not words[i]), len(words))
            start, end = (index, stop) if stop - index > end - start else (start, end)
    header, after = row.cells[start:end], row.cells[end:]
    # (cells after it that name columns again are the header's own, one unknown word among them: 指标赋分规则 | 佐证资料
    # | 指标实际完成值 | 完成率 | 指标得分, Xinjiang's form — no data)
    if end - start < 5 or len(after) < 3 or not is_indicator_header([cell.text for cell in header]) \
            or sum(is_header_word(cell.text) for cell in after[:end - start] if cell.text) >= HEADER_AGAIN:
        return [row]
    roles = [role_of(cell.text, INDICATOR_ROLES) for cell in header]
    lower = next((i for i in range(3, len(header)) if roles[i] == "level1" and "level1" not in roles[:i]), len(header))
    # The upper row's group cells (绩效指标 over the levels, 年度指标值 over a target's parts) are no columns.
    groups = sum(role is None or role == "target" and any(r in TARGET_PART_ROLES for r in roles[lower:])
                 for role in roles[:lower]) if lower < len(header) else 0
    width = len(header) - groups
    rows = [Row(row.cells[:start])] if start else []
    rows += [Row(header[:lower])] + ([Row(header[lower:])] if lower < len(header) else [])
    return rows + [Row(after[at:at + width]) for at in range(0, len(after), width)]


HEADER_AGAIN = 2  # column words, fewest, among the cells after a header that make them more of it


def drop_padding(rows: list[Row]) -> list[Row]:
    """Cut the empty cells a paste pads rows with on the right, beyond the table's last filled column."""
    width = max((max((i + 1 for i, c in enumerate(row.cells) if c.text), default=0) for row in rows), default=0)
    return [Row(row.cells[:max(width, 1)]) for row in rows]


def filled(row: Row) -> list[Cell]:
    """A row's cells up to its last filled one."""
    last = max((i + 1 for i, cell in enumerate(row.cells) if cell.text), default=0)
    return row.cells[:last]


def tails_joined(rows: list[Row]) -> list[Row]:
    """A web row whose line break fell after one of its values: the next line holds values only ("基本支出 | 985.19 |
    914.97 |" then "10 | 10 | |||||"), and a row never opens with a value after a labelled row that is short of
    the table's width: they are that row's last cells."""
    width = max(len(filled(row)) for row in rows) if rows else 0
    joined: list[Row] = []
    for row in rows:
        upper, lower = (filled(joined[-1]) if joined else []), filled(row)
        if len(upper) >= 2 and not is_value(upper[0].text) and is_value(upper[-1].text) and lower \
                and lower[0].text and all(is_value(cell.text) for cell in lower if cell.text) \
                and len(upper) + len(lower) <= width:
            joined[-1] = Row(upper + lower)
        else:
            joined.append(row)
    return joined


def values_joined(rows: list[Row]) -> list[Row]:
    """A web indicator row whose line breaks fell after its names: a row that opens with a level name and holds no
    value, short of the table's width, then lines with no level name of which the last ends with a value ("| 效益指标
    | 经济效益 指标 | 减轻贫困学生家庭经济负担 |" "| 有效 |" "| 有效 | 10 | 10 |", the target merged over the 指标性质,
    指标值 and 度量单位 columns): the lines are that row's cells."""
    width = max(len(filled(row)) for row in rows) if rows else 0
    joined: list[Row] = []
    index = 0
    while index < len(rows):
        cells = filled(rows[index])
        end = index + 1
        if len(cells) >= 2 and LEVEL_NAME.fullmatch(normalize_text(cells[0].text)) \
                and not any(is_value(cell.text) or is_header_word(cell.text) for cell in cells):
            parts = list(cells)
            while end < len(rows) and end - index <= ROW_BREAKS and filled(rows[end]) \
                    and len(parts) + len(filled(rows[end])) <= width \
                    and not any(LEVEL_NAME.fullmatch(normalize_text(cell.text)) or is_header_word(cell.text)
                                for cell in filled(rows[end])):
                parts += filled(rows[end])
                end += 1
                if is_value(parts[-1].text):
                    break
            if end > index + 1 and is_value(parts[-1].text):
                joined.append(Row(parts))
                index = end
                continue
        joined.append(rows[index])
        index += 1
    return joined


def labels_moved_down(rows: list[Row]) -> list[Row]:
    """A web page that breaks its rows one cell late: a row of values (or the funds header) ends with the label of
    the row below, whose cells are all values ("| 387664.62 | … | 10 | 其中:当年财政 拨款 |" then "| 387664.62 |
    387664.62 | — |"): the label opens the row below. A header that gave its last cell away (年度资金总额) keeps an
    empty label column at its front."""
    moved = [Row(list(row.cells)) for row in rows]
    # From the bottom up: a row that opens with the label from above may still end with the label of the next.
    for upper, lower in reversed(list(zip(moved, moved[1:]))):
        texts, below = [cell.text for cell in upper.cells], [cell.text for cell in lower.cells if cell.text]
        if len(texts) < 2 or not texts[-1] or is_value(texts[-1]) or not below or not all(map(is_value, below)) \
                or role_of(texts[-1], FUND_ROLES) is not None:
            continue  # a funds column word (得分) is the header's own last cell, no row's label
        header = is_fund_header(texts[:-1])
        if not header and not all(is_value(text) for text in texts[:-1] if text):
            continue
        lower.cells.insert(0, upper.cells.pop())
        if header:
            upper.cells.insert(0, Cell("", lower.cells[0].line))
    return moved


def mend_split_rows(rows: list[Row]) -> list[Row]:
    """Join a row that blank lines inside its cells cut into pieces.

    The export cannot tell a blank line inside a cell from one between rows; a row
    shorter than the row above, whose next rows supply exactly the missing cells, is
    one row.
    """
    mended: list[Row] = []
    index = 0
    while index < len(rows):
        cells = list(rows[index].cells)
        width = len(mended[-1].cells) if mended else 0
        end = index + 1
        while len(cells) < width and end < len(rows) and len(cells) + len(rows[end].cells) <= width:
            cells += rows[end].cells
            end += 1
        if len(cells) == width and end > index + 1:
            mended.append(Row(cells))
            index = end
        else:
            mended.append(rows[index])
            index += 1
    return mended


# A "key：value" cell printed in the title's row (部门：临沧市永德县明朗中学).
ATTACHMENT_LABEL = re.compile(ATTACHMENT)  # 附件2-1 printed in a row of its own above the table's title
KEY_VALUE_CELL = re.compile(r"^[^:：]{1,10}[:：].+$")


def title_rows_out(blocks: list[Block]) -> list[Block]:
    """A paste that prints the title as the table's first row, alone in its cells or before "key：value" cells:
    the title printed above it (the key–value cells stay the table's first row). A table of one column is text."""
    result: list[Block] = []
    for block in (part for block in blocks for part in cut_at_titles(block)):
        titled = isinstance(block, TableBlock) and not block.title_lines
        # The title and the year under it ("(2023年度)") may each take a row.
        while titled and len(block.rows) > 1:
            first = filled_cells(block.rows[0])
            if not first or not TITLE_LINE.match(first[0].text) or \
                    not all(KEY_VALUE_CELL.match(c.text) for c in first[1:]):
                break
            result.append(Paragraph(first[0].text, first[0].line))
            block.rows = ([Row(first[1:])] if len(first) > 1 else []) + block.rows[1:]
            titled = len(first) == 1
        if isinstance(block, TableBlock) and not any(cell.text for row in block.rows for cell in row.cells[1:]):
            # Rows with nothing beyond their first cell (a sheet's titles and text copied with it): lines of text.
            result += [Paragraph(row.cells[0].text, row.line) for row in block.rows if row.cells and row.cells[0].text]
            continue
        result.append(block)
    return result


def filled_cells(row: Row) -> list[Cell]:
    return [cell for cell in row.cells if cell.text]


def cut_at_titles(block: Block) -> list[Block]:
    """A pasted table whose rows run on into the next table: a later row that is only a table's title
    (部门预算项目支出绩效自评表(2023年度)), or the 附件 label row right above it, starts that table; the title becomes
    its first row (title_rows_out)."""
    if not isinstance(block, TableBlock):
        return [block]
    cuts = [index for index, row in enumerate(block.rows) if index and index + 1 < len(block.rows)
            and len(title := filled_cells(row)) == 1 and TABLE_TITLE.match(simplified(title[0].text))]
    cuts = sorted({index - 1 if index > 1 and len(label := filled_cells(block.rows[index - 1])) == 1
                   and ATTACHMENT_LABEL.match(simplified(label[0].text)) else index for index in cuts})
    if not cuts:
        return [block]
    parts = [TableBlock(rows=block.rows[start:end], warnings=block.warnings if not start else [])
             for start, end in zip([0, *cuts], [*cuts, len(block.rows)])]
    parts[0].title_lines = block.title_lines
    return parts


TITLE_REACH = 12  # lines of text, most, between a table and a title printed above it


def attach_titles(blocks: list[Block], lines: list[str] | None = None) -> list[Block]:
    """Give each table the short paragraphs printed right above it (附件2-1, 专项资金绩效自评表 …), no more than
    `TITLE_REACH` lines of text above it: the blank lines a web page prints between its lines are no distance."""
    for index, block in enumerate(blocks):
        if not isinstance(block, TableBlock):
            continue
        titles: list[Paragraph] = []
        cursor = index - 1
        if cursor >= 0 and isinstance(blocks[cursor], Paragraph) and TABLE_PART.match(blocks[cursor].text):
            cursor -= 1
        while cursor >= 0 and len(titles) < 3:
            previous = blocks[cursor]
            if not titles and isinstance(previous, Paragraph) and COPY_NOTE.match(simplified(previous.text)):
                cursor -= 1  # a note between the title and its table
                continue
            if not isinstance(previous, Paragraph) or not TITLE_LINE.match(previous.text) \
                    and not (titles and YEAR_LINE.match(titles[0].text) and TITLE_OVER_YEAR.match(previous.text)):
                break
            reach = block.line - previous.line if lines is None \
                else sum(1 for line in lines[previous.line - 1:block.line - 1] if line.strip())
            if reach > TITLE_REACH:
                break
            if not titles or previous.text.strip() != titles[0].text.strip():  # a heading printed twice is one title
                titles.insert(0, previous)
            cursor -= 1
        block.title_lines = titles or block.title_lines  # a title read from run-together text stays
    return blocks

