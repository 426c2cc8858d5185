"""A web page's table copied with a bar after every cell, its rows read whole, as pipe rows are:

- every cell closed by a bar on a line of its own: a cell's text (on one line or more), then "|"; an empty cell a
  "|" right after a "|"; a row ended by a line of two bars or more (one for each cell the row leaves out of the
  page's grid), its first cell's line opened by a bar or not; where no line ends a row, the rows are cut at the width
  its numbered rows keep (一、投入目标 … 1.预算投入资金 …);
- a score sheet numbered in its 序号 column, a cell a line ending " |" or with its bar on the line below (an empty
  cell a lone "|", most rows ended by a line of bars, some not, a header over two rows split by an empty cell): each
  row opens with the next number, and a row that leaves its merged levels out is placed by its 分值, the first figure
  after its number.
"""
import re
from collections import Counter
from collections.abc import Sequence

from assistant.document import Cell, Row
from assistant.extract.columns import INDICATOR_ROLES, SECTION_LEVEL1, SECTION_LEVEL2, SERIAL_HEAD, \
    is_indicator_header, is_value, role_of

CELL_END = "|"
ROW_END = re.compile(r"\|{2,}")
FEWEST_ROWS = 3  # rows ended by their bars, fewest, that make such a copy (a bar after a line is any pipe table's)
BROKEN_CELLS_MOST = 3  # one cell in this many, most, runs over lines in such a copy (a header word, a long name)


def bar_tables(lines: list[str]) -> dict[int, tuple[int, list[Row]]]:
    """The rows of each table of either layout, by the index of its first line, with the index after its last."""
    return {**bar_closed_tables(lines), **numbered_sheets(lines)}


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
            row.append(cell_of(lines, pending))
            end = pending[-1] + 1
        elif pending:  # (text after the last row is the page's again)
            end = pending[0]
        rows = [done for done in (rows + [Row(row)] if rows else numbered_width_rows(row))
                if any(part.text for part in done.cells)]
        texts = [part.text for done in rows for part in done.cells if part.text]
        # (a cell a line whose bars only mark the empty cells, a row's cells on the lines one after another, is no
        # such copy: most cells would run over several lines)
        if start is not None and len(rows) >= FEWEST_ROWS \
                and sum("\n" in text for text in texts) * BROKEN_CELLS_MOST <= len(texts):
            tables[start] = (end, rows)
        start, rows, row = None, [], []

    for index, line in enumerate(lines):
        text = line.strip()
        if text == CELL_END:
            if pending:
                start = pending[0] if start is None else start
                row.append(cell_of(lines, pending))
            elif start is not None:
                row.append(Cell("", index + 1))  # an empty cell
            pending, after_bar = [], True
        elif ROW_END.fullmatch(text) and after_bar and start is not None:
            rows.append(Row(row))
            row, after_bar = [], False
        elif not row and (not pending or start is None) and opening_cell(text):
            pending, after_bar = [index], False  # (a row's first cell printed after the bar that opens the row)
        elif not text or "|" in text:
            close(index)
            pending, after_bar = [], False
        else:
            # (before a table's first bar only the line before it is a cell)
            pending = pending + [index] if start is not None else [index]
            after_bar = False
    close(len(lines))
    return tables


def numbered_width_rows(cells: list[Cell]) -> list[Row]:
    """A table's cells closed by bar lines with no line ending a row (Wuxi's target sheet), cut into rows of the width
    its numbered rows keep ("一、投入目标" and eight empty cells, "1.预算投入资金" and its eight values …: the
    distance most often between two cells opening with an item's number, twice at least); the width's cells before
    the first such cell are the header, the cells before those a row of their own (a group head over it). One row,
    the cells as they are, where no width recurs."""
    numbered = [index for index, cell in enumerate(cells)
                if SECTION_LEVEL1.match(cell.text) or SECTION_LEVEL2.match(cell.text)]
    distances = Counter(after - before for before, after in zip(numbered, numbered[1:]))
    width, times = distances.most_common(1)[0] if distances else (0, 0)
    first = next((index for index in numbered if index >= width), None)
    if width < ROW_WIDTH_FEWEST or times < 2 or first is None:
        return [Row(cells)]
    head = first - width
    return [Row(part) for part in [cells[:head], *(cells[at:at + width] for at in range(head, len(cells), width))]
            if part]


ROW_WIDTH_FEWEST = 4  # cells, fewest, of a row cut so (a name, a target, a result and a score)


def opening_cell(text: str) -> bool:
    """Whether a stripped line is a row's first cell printed after a bar that opens the row ("|   项目完成指标")."""
    return text.startswith(CELL_END) and CELL_END not in text[1:] and bool(text[1:].strip())


def cell_of(lines: list[str], indices: list[int]) -> Cell:
    """A cell of its lines' texts, each on a line of its own (the first without the bar that opens its row), at its
    first line (1-based)."""
    texts = [lines[index].strip() for index in indices]
    texts[0] = texts[0][1:].strip() if opening_cell(texts[0]) else texts[0]
    return Cell("\n".join(texts), indices[0] + 1)


def cell_line(line: str) -> str | None:
    """The text of a one-cell-per-line dump line printed with a trailing " |", else None."""
    text = line.rstrip()
    if text.endswith("|") and text.count("|") == 1 and text[:-1].strip():
        return text[:-1].rstrip()
    return None


def numbered_sheets(lines: list[str]) -> dict[int, tuple[int, list[Row]]]:
    """The rows of each score sheet printed a cell a line under a header opening with 序号, by the index of the
    header's first line, with the index after its last row. The header is the cells up to the first row's number
    (1); each later row opens with the next number, where it is followed by a word (a figure after it is the row's
    得分 then its 序号: "2 |" "2 |" "具体项目落实 |") and the row before it printed its 分值 (a figure after its
    number) or as many cells as a row without its merged levels. A line of bars ends a row; a line with no bar goes on
    the cell below it."""
    tables: dict[int, tuple[int, list[Row]]] = {}
    index = 0
    while index < len(lines):
        if (cell_line(lines[index]) or "").strip() == SERIAL_HEAD:
            index = numbered_sheet(lines, index, tables)
        elif lines[index].strip() == SERIAL_HEAD and "".join(lines[index + 1:index + 2]).strip() == CELL_END:
            index = numbered_sheet(bars_folded(lines, index), index, tables)
        index += 1
    return tables


def bars_folded(lines: list[str], start: int) -> list[str | None]:
    """The lines from `start` on with each cell's bar on the line below it folded onto the cell's line ("text" then
    "|" read as "text |"), the bar's own line None; a bar after a bar stays an empty cell."""
    folded: list[str | None] = list(lines)
    for index in range(start, len(lines) - 1):
        text = lines[index].strip()
        if folded[index] is not None and text and "|" not in text and lines[index + 1].strip() == CELL_END:
            folded[index], folded[index + 1] = f"{text} {CELL_END}", None
    return folded


def numbered_sheet(lines: Sequence[str | None], start: int, tables: dict[int, tuple[int, list[Row]]]) -> int:
    """Read the sheet whose header opens at `start` into `tables` (a line None: a bar folded onto the line above);
    the index of its last line (or `start`)."""
    cells: list[tuple[str, int] | None] = []  # each cell's text and line; None where a line of bars ends a row
    pending: list[int] = []  # the indices of a cell's lines that go on below it (or the cut-off copy's last words)
    end = start
    for index in range(start, len(lines)):
        line = lines[index]
        if line is None:
            end = index
            continue
        text = line.strip()
        found = cell_line(line)
        if found is not None:
            words = [(lines[at] or "").strip() for at in pending] + [found.strip()]
            cells.append((" ".join(words), (pending or [index])[0] + 1))
            pending = []
        elif text == CELL_END:
            cells.append(("", index + 1))
        elif ROW_END.fullmatch(text):
            cells.append(None)
        elif text and "|" not in text:
            pending.append(index)
            continue
        else:
            break
        end = index
    if pending:
        cells.append((" ".join((lines[at] or "").strip() for at in pending), pending[0] + 1))
        end = pending[-1]
    texts = [cell[0] if cell else None for cell in cells]
    if "1" not in texts:
        return start
    first = texts.index("1")
    header_row = header_of([cell for cell in cells[:first] if cell])
    header = [cell.text for cell in header_row.cells]
    if not is_indicator_header(header):
        return start
    width = len(header)
    weight_at = next((at for at, word in enumerate(header) if role_of(word, INDICATOR_ROLES) == "weight"), None)
    rows: list[list[tuple[str, int]]] = [[]]
    serial = 1
    for at in range(first, len(cells)):
        cell = cells[at]
        if cell is None:
            rows.append([])
            continue
        following = texts[at + 1] if at + 1 < len(texts) else None
        # (the row before is done: it printed its 分值, or as many cells as a row that left its two merged levels out)
        done = any(is_value(text) for text, _ in rows[-1][1:]) or len(rows[-1]) >= width - 2
        if cell[0] == str(serial + 1) and following and not is_value(following) and done:
            rows.append([])
            serial += 1
        elif cell[0] == str(serial + 1) and not rows[-1]:
            serial += 1
        elif cell[0] and not is_value(cell[0]) and rows[-1] and placed_width(rows[-1], weight_at) > width:
            rows.append([("", cell[1])])  # (a row under the last one's number, its cells past the header's last)
        rows[-1].append(cell)
    rows = [row for row in rows if any(text for text, _ in row)]
    shifts = [row_shift(row, weight_at) for row in rows]
    if len(rows) > 1 and shifts[-1] is None and end == len(lines) - 1:
        shifts[-1] = shifts[-2]  # (the last row, the copy cut off before its 分值, left out what the row above did)
    placed = [placed_row(row, width, width - len(row) if shift is None else shift) for row, shift in zip(rows, shifts)]
    tables[start] = (end + 1, [header_row, *placed])
    return end


def header_of(cells: list[tuple[str, int]]) -> Row:
    """A sheet's header as printed before its first number, one row: where an empty cell ends an upper row and fewer
    words follow it, each is joined to the upper word it sits under, the rows' last words one above the other (指标
    over 分值, 县级 over 评分: 指标分值, 县级评分)."""
    texts = [text for text, _ in cells]
    split = next((at for at, text in enumerate(texts) if not text and any(texts[at:])), len(cells))
    upper = [(text, line) for text, line in cells[:split] if text]
    lower = [text for text, _ in cells[split:] if text]
    if not 0 < len(lower) < len(upper):
        return Row([Cell(text, line) for text, line in cells if text])
    under = [""] * (len(upper) - len(lower)) + lower
    return Row([Cell(text + below, line) for (text, line), below in zip(upper, under)])


def placed_width(row: list[tuple[str, int]], weight_at: int | None) -> int:
    """How many cells a numbered row fills placed in the header's columns (its padding cells too)."""
    return len(row) + max(row_shift(row, weight_at) or 0, 0)


def placed_row(row: list[tuple[str, int]], width: int, shift: int) -> Row:
    """A numbered row in the header's columns: its number first, then the merged levels it left out (`shift`, at most:
    none if less), empty, and its cells."""
    (number, line), *rest = row
    cells = [Cell(number, line)] + [Cell("", line)] * max(shift, 0) + [Cell(text, at) for text, at in rest]
    while len(cells) > width and not cells[-1].text:
        cells.pop()  # (an empty cell after the row's last column: the page's padding)
    return Row(cells)


def row_shift(row: list[tuple[str, int]], weight_at: int | None) -> int | None:
    """How many merged cells a numbered row left out before its names: as many as put its 分值, the first figure after
    its number, under the 分值 column (None with no figure or no such column)."""
    figure = next((at for at, (text, _) in enumerate(row[1:]) if is_value(text)), None)
    return weight_at - 1 - figure if weight_at is not None and figure is not None else None
