"""What the LLM is shown of a table: one chunk per window of whole rows, each cell tagged with its column.

A table chunk is one table (a block cut where a new 名称 row starts a second table), one
row a line, cells joined by " | ", the title lines above it first. A table longer than the
chunk size is cut into windows of whole rows; each later window repeats the header row its
rows fall under. Every cell carries the role of its column, read from the header it falls
under with the rules' header words (FundLine fields under a funds header, Indicator fields
under an indicator header), so grounding can take a value only from its own column. A table
printed as lines of text (each row one cell, its cells run together or split by spaces) has no
cells to tell its columns apart: each such row carries the column roles its header line prints,
in the order it prints them (none under no such header), so grounding can check the row is its
values in that order.
"""
import re

from assistant.document import Row, TableBlock
from assistant.extract import columns
from assistant.extract.columns import FUND_ROLES, INDICATOR_ROLES
from assistant.extract.header import ColumnMap
from assistant.extract.tables import (is_fund_header, is_goal_header, is_indicator_header, is_total_row, split_tables,
                                      total_cells)
from assistant.llm.chunking import Chunk
from assistant.values import normalize_text

SEPARATOR = " | "
# A match starts only where a run of white space starts, so a long run is scanned once, not once per position.
LINE_BREAKS = re.compile(r"(?<!\s)\s*\n\s*")
# Each kind of header's words, longest first (a header printed as one cell reads as the longest word at each place),
# and the test that the words found make such a header.
PRINTED_HEADERS = [(sorted(((word, name) for name, names in roles for word in names), key=lambda pair: -len(pair[0])),
                    is_header)
                   for roles, is_header in ((INDICATOR_ROLES, columns.is_indicator_header),
                                            (FUND_ROLES, columns.is_fund_header))]


def render(row: Row) -> list[str]:
    return [LINE_BREAKS.sub("", cell.text.strip()) for cell in row.cells]


def row_roles(row: Row, opened: ColumnMap | None) -> list[str | None]:
    """The column role of each cell of a data row, by right alignment under its header; in the 总分
    row, by the numbers it prints (one alone is the score), as the rules read it."""
    roles: list[str | None] = [None] * len(row.cells)
    if is_total_row(row):
        for name, index in total_cells(row).items():
            roles[index] = name
        return roles
    for name in (opened.positions if opened else ()):
        index = opened.index(row, name)
        if index is not None:
            roles[index] = name
    return roles


def add_row(chunk: Chunk, row: Row, roles: list[str | None], context: bool = False,
            order: tuple[str, ...] | None = None) -> None:
    """A row as one line of cells; a repeated header row (`context`) is no source of values or lines; a row
    printed as one cell under a header printed so, with that header's `order` of columns."""
    if order is not None and len(row.cells) == 1:
        chunk.orders[len(chunk.text)] = order
    for index, (text, cell, role) in enumerate(zip(render(row), row.cells, roles)):
        if index:
            chunk.text += SEPARATOR
        chunk.add_cell(text, None if context else cell.line, role)
    chunk.text += "\n"


def printed_order(row: Row) -> tuple[str, ...] | None:
    """The column roles a header printed as one cell names, in the order it prints them ("一级指标二级指标三级指标
    年度指标值实际完成值分值得分" → level1, level2, level3, target, actual, weight, score), each header word read
    as the longest known word at its place; None for a row that is no such header."""
    if len(row.cells) != 1:
        return None
    text = normalize_text(row.cells[0].text)
    for words, is_header in PRINTED_HEADERS:
        found: list[tuple[str, str]] = []
        at = 0
        while at < len(text):
            match = next(((word, name) for word, name in words if text.startswith(word, at)), None)
            if match:
                found.append(match)
            at += len(match[0]) if match else 1
        if is_header([word for word, _ in found]):
            return tuple(dict.fromkeys(name for _, name in found))
    return None


def row_length(row: Row) -> int:
    return sum(len(cell.text) + len(SEPARATOR) for cell in row.cells)


def header_columns(row: Row) -> ColumnMap | None:
    """The columns a header row opens, None for a row that is no funds or indicator header."""
    if is_indicator_header(row):
        return ColumnMap.from_header(row, INDICATOR_ROLES)
    if is_fund_header(row):
        return ColumnMap.from_header(row, FUND_ROLES)
    return None


def is_header(row: Row) -> bool:
    return is_indicator_header(row) or is_fund_header(row) or is_goal_header(row)


def table_windows(part: TableBlock, limit: int) -> list[Chunk]:
    """One chunk per window of whole rows, the first led by the title lines. In a table printed as lines of text
    (every row one cell), a header line and a row under no header printed so have no columns: no value is read
    from them."""
    text_table = all(len(row.cells) == 1 for row in part.rows)
    windows: list[Chunk] = []
    chunk, size, header, opened_columns, order = Chunk("table"), 0, None, None, None
    for title in part.title_lines:
        chunk.add(title.text.strip() + "\n", title.line)
        size += len(title.text)
    for row in part.rows:
        if size and size + row_length(row) > limit and chunk.lines:
            windows.append(chunk)
            chunk, size = Chunk("table"), 0
            if header is not None and not is_header(row) and not printed_order(row):
                add_row(chunk, header, [None] * len(header.cells), context=True)
                size = row_length(header)
        opened, printed = header_columns(row), printed_order(row)
        if opened or printed or is_header(row):
            add_row(chunk, row, [None] * len(row.cells), order=() if text_table else None)
            header, opened_columns, order = row, opened, printed
        else:
            add_row(chunk, row, row_roles(row, opened_columns), order=order or (() if text_table else None))
            if is_total_row(row):
                opened_columns = None
        size += row_length(row)
    windows.append(chunk)
    return windows


def table_parts(blocks: list[TableBlock]) -> list[TableBlock]:
    """Every table in source order, a block holding two tables cut in two."""
    return [part for block in blocks for part in split_tables(block)]
