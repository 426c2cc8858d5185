"""A web page's table copied with every cell closed by a bar on a line of its own: a cell's text (on one line or
more), then "|"; an empty cell a "|" right after a "|"; a row ended by a line of two bars or more (one for each cell
the row leaves out of the page's grid). Its rows are read whole, as pipe rows are.
"""
import re

from assistant.document import Cell, Row

CELL_END = "|"
ROW_END = re.compile(r"\|{2,}")
FEWEST_ROWS = 3  # rows ended by their bars, fewest, that make such a copy (a bar after a line is any pipe table's)


def bar_closed_tables(lines: list[str]) -> dict[int, tuple[int, list[Row]]]:
    """The rows of each table whose cells are closed by bar lines, by the index of its first line, with the index
    after its last. A cell's lines are the text lines since the last bar (the table's first cell: the one line before
    its bar); a text line with a bar in it, a blank line, or a row end after text ends the table, and so does text
    after a row end that no bar closes (a paragraph below the table). A row the copy cut off keeps what it printed."""
    tables: dict[int, tuple[int, list[Row]]] = {}
    start: int | None = None  # the open table's first line
    rows: list[Row] = []
    row: list[Cell] = []
    pending: list[int] = []  # the indices of the open cell's lines
    after_bar = False  # the last line was a cell's bar

    def close(end: int) -> None:
        nonlocal start, rows, row
        if row and pending:  # (a row the copy cut off inside a cell: the cell is the row's last)
            row.append(cell(lines, pending))
            end = pending[-1] + 1
        elif pending:  # (text after the last row is the page's again)
            end = pending[0]
        rows = [done for done in rows + [Row(row)] if any(part.text for part in done.cells)]
        if start is not None and len(rows) >= FEWEST_ROWS:
            tables[start] = (end, rows)
        start, rows, row = None, [], []

    for index, line in enumerate(lines):
        text = line.strip()
        if text == CELL_END:
            if pending:
                start = pending[0] if start is None else start
                row.append(cell(lines, pending))
            elif start is not None:
                row.append(Cell("", index + 1))  # an empty cell
            pending, after_bar = [], True
        elif ROW_END.fullmatch(text) and after_bar and start is not None:
            rows.append(Row(row))
            row, after_bar = [], False
        elif not text or "|" in text:
            close(index)
            pending, after_bar = [], False
        else:
            # (before a table's first bar only the line before it is a cell)
            pending = pending + [index] if start is not None else [index]
            after_bar = False
    close(len(lines))
    return tables


def cell(lines: list[str], indices: list[int]) -> Cell:
    """A cell of its lines' texts, each on a line of its own, at its first line (1-based)."""
    return Cell("\n".join(lines[index].strip() for index in indices), indices[0] + 1)
