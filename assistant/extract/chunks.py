"""What the LLM is shown of a table: one chunk per window of whole rows, each cell tagged with its column.

A table chunk is one table (a block cut where a new 名称 row starts a second table), one
row a line, cells joined by " | ", the title lines above it first. A table longer than the
chunk size is cut into windows of whole rows; each later window repeats the header row its
rows fall under. Every cell carries the role of its column, read from the header it falls
under with the rules' header words (FundLine fields under a funds header, Indicator fields
under an indicator header), so grounding can take a value only from its own column.
"""
import re

from assistant.document import Row, TableBlock
from assistant.extract.columns import FUND_ROLES, INDICATOR_ROLES
from assistant.extract.header import ColumnMap
from assistant.extract.tables import (is_fund_header, is_goal_header, is_indicator_header, is_total_row, split_tables,
                                      total_cells)
from assistant.llm.chunking import Chunk

SEPARATOR = " | "
# A match starts only where a run of white space starts, so a long run is scanned once, not once per position.
LINE_BREAKS = re.compile(r"(?<!\s)\s*\n\s*")


def render(row: Row) -> list[str]:
    return [LINE_BREAKS.sub("", cell.text.strip()) for cell in row.cells]


def row_roles(row: Row, columns: ColumnMap | None) -> list[str | None]:
    """The column role of each cell of a data row, by right alignment under its header; in the 总分
    row, by the numbers it prints (one alone is the score), as the rules read it."""
    roles: list[str | None] = [None] * len(row.cells)
    if is_total_row(row):
        for name, index in total_cells(row).items():
            roles[index] = name
        return roles
    for name in (columns.positions if columns else ()):
        index = columns.index(row, name)
        if index is not None:
            roles[index] = name
    return roles


def add_row(chunk: Chunk, row: Row, roles: list[str | None], context: bool = False) -> None:
    """A row as one line of cells; a repeated header row (`context`) is no source of values or lines."""
    for index, (text, cell, role) in enumerate(zip(render(row), row.cells, roles)):
        if index:
            chunk.text += SEPARATOR
        chunk.add_cell(text, None if context else cell.line, role)
    chunk.text += "\n"


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
    """One chunk per window of whole rows, the first led by the title lines."""
    windows: list[Chunk] = []
    chunk, size, header, columns = Chunk("table"), 0, None, None
    for title in part.title_lines:
        chunk.add(title.text.strip() + "\n", title.line)
        size += len(title.text)
    for row in part.rows:
        if size and size + row_length(row) > limit and chunk.lines:
            windows.append(chunk)
            chunk, size = Chunk("table"), 0
            if header is not None and not is_header(row):
                add_row(chunk, header, [None] * len(header.cells), context=True)
                size = row_length(header)
        opened = header_columns(row)
        add_row(chunk, row, [None] * len(row.cells) if opened or is_header(row) else row_roles(row, columns))
        size += row_length(row)
        if is_header(row):
            header, columns = row, opened
        elif is_total_row(row):
            columns = None
    windows.append(chunk)
    return windows


def table_parts(blocks: list[TableBlock]) -> list[TableBlock]:
    """Every table in source order, a block holding two tables cut in two."""
    return [part for block in blocks for part in split_tables(block)]
