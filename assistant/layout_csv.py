"""Spreadsheet text whose quoted cells hold line breaks.

- A spreadsheet saved as CSV and shown as web text: quoted cells separated by commas. Such pages keep the commas
  but not the rows: a row ends where white space stands between two cells ("…","20", ,"结转结余情况",…), while a
  line break may fall anywhere, inside a quoted cell or between cells of one row. A merged cell is an empty cell
  (",,").
- A spreadsheet's rows copied as text (Excel's or Calc's clipboard, a tab-separated export): TABs between cells,
  and a cell holding a line break quoted ("年度\n指标值"), a quote in it doubled.
"""
import csv
import re

from assistant.document import Cell, Row

# A quoted cell (a doubled quote is a quote), a comma, white space, or bare text (an unquoted number).
TOKEN = re.compile(r'"(?:[^"]|"")*"?|,|[ \t\u3000]+|\n|[^,"\s]+')
QUOTED_SEPARATOR = '","'
QUOTED_CELL = re.compile(r'"((?:[^"]|"")*)"')  # a spreadsheet's copy quotes a cell holding a quote or a line break
QUOTED_ROW_LINES = 40  # the lines one copied row may span: a quote left open by a typo swallows no more


def is_csv_line(line: str) -> bool:
    """A line of quoted cells: it opens with a cell and has two or more `","` between cells (a JSON object
    printed on a page opens with its brace)."""
    return line.lstrip().startswith(('"', ",")) and line.count(QUOTED_SEPARATOR) >= 2


def continues_csv(line: str, in_quotes: bool) -> bool:
    """Whether a line still belongs to the CSV text: inside an open quoted cell, or cells and commas only."""
    text = line.strip()
    return in_quotes or bool(text) and (QUOTED_SEPARATOR in text or text.startswith((",", '"')) or not text.strip(", "))


def open_quote(line: str, in_quotes: bool) -> bool:
    """Whether a quoted cell is still open at the end of the line."""
    return in_quotes != (line.count('"') % 2 == 1)


def csv_extent(lines: list[str], start: int) -> int:
    """The index after the last line of the CSV text that begins at `start` (0-based)."""
    in_quotes = False
    end = start
    while end < len(lines) and continues_csv(lines[end], in_quotes):
        in_quotes = open_quote(lines[end], in_quotes)
        end += 1
    return end


def csv_rows(lines: list[str], first_line: int) -> list[Row]:
    """The rows of CSV text whose first line is numbered `first_line`; rows with no text are dropped, and a row
    cut short (the page ends inside it) is padded on the right: CSV cells count from the left."""
    rows: list[Row] = []
    cells: list[Cell] = []
    text: str | None = None  # the open cell's text, None before it has any
    line_no = first_line
    cell_line = first_line
    for token in TOKEN.findall("\n".join(lines)):
        if token == ",":
            cells.append(Cell((text or "").strip(), cell_line))
            text, cell_line = None, line_no
        elif token == "\n":
            line_no += 1
        elif not token.strip():
            if text is not None or cells:
                # White space between two cells ends the row.
                rows.append(Row(cells + [Cell((text or "").strip(), cell_line)]))
                cells, text, cell_line = [], None, line_no
        else:
            value = token[1:].removesuffix('"').replace('""', '"') if token.startswith('"') else token
            if text is None:
                cell_line = line_no
            text = (text or "") + value
            line_no += token.count("\n")
    if text is not None or cells:
        rows.append(Row(cells + [Cell((text or "").strip(), cell_line)]))
    rows = [row for row in rows if any(cell.text for cell in row.cells)]
    width = max((len(row.cells) for row in rows), default=0)
    return [Row(row.cells + [Cell("", row.cells[-1].line) for _ in range(width - len(row.cells))]) for row in rows]


def quoted_row(lines: list[str], start: int) -> tuple[int, Row] | None:
    """The copied spreadsheet row that begins at `start` (0-based) when a quoted cell of it breaks over lines — its
    last cell on this line opens a quote a later line closes, and the row has a TAB — with the index after its last
    line; each cell on the line it starts on, a quoted cell's line breaks kept. None when the line begins no such
    row, or the lines do not parse as one row of quoted cells."""
    line = lines[start]
    if '"' not in line or not line.rsplit("\t", 1)[-1].lstrip().startswith('"') or not open_quote(line, False):
        return None
    end, in_quotes = start + 1, True
    while end < len(lines) and in_quotes and end - start <= QUOTED_ROW_LINES:
        in_quotes = open_quote(lines[end], in_quotes)
        end += 1
    if in_quotes or not any("\t" in text for text in lines[start:end]) \
            or sum(map(len, lines[start:end])) > csv.field_size_limit():
        return None
    try:
        rows = list(csv.reader(["\n".join(lines[start:end])], delimiter="\t", strict=True))
    except csv.Error:  # a quote inside a cell that is not the cell's own (12"3): no spreadsheet quoted it
        return None
    if len(rows) != 1:
        return None
    cells, number = [], start + 1
    for text in rows[0]:
        cells.append(Cell(text.strip(), number))
        number += text.count("\n")
    return end, Row(cells)


def unquoted(text: str) -> str:
    """A copied spreadsheet cell as it reads: its quotes taken off, a doubled quote one quote. Only a cell a
    spreadsheet had to quote — one holding a quote, doubled — is read so: a browser's "放管服" keeps its quotes."""
    quoted = QUOTED_CELL.fullmatch(text)
    return quoted.group(1).replace('""', '"') if quoted and '""' in quoted.group(1) else text
