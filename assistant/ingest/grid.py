"""The one grid every format is written into: tables of cells (with spans and locations) and paragraphs,
rendered as lines in the tab layout of Word's plain-text export so every cell keeps a line.

Conventions the extractor relies on: a horizontally merged cell appears once with its colspan; the
continuation of a vertically merged cell is an empty cell (the extractor carries names down). Full-width digits,
letters and a figure's signs (１００．５％) are written in their half-width forms, as a pasted text's are.
"""
from dataclasses import dataclass, field

from assistant.document import Block, Cell, Paragraph, Row, TableBlock
from assistant.ingest.lines import lines_of
from assistant.layout import attach_titles
from assistant.values import half_width_figures
from schemas import Location


@dataclass
class Span:
    """A cell as a source format states it: its text, where it starts and how far it reaches."""

    text: str
    row: int  # 0-based position in the source grid
    col: int
    rowspan: int = 1
    colspan: int = 1
    location: Location | None = None


@dataclass
class Grid:
    """Lines, blocks and the location of each line, filled reader by reader."""

    lines: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    locations: dict[int, Location] = field(default_factory=dict)
    source_format: str | None = None  # when the reader knows better than the sniffer: "pdf-ocr"
    warnings: list[str] = field(default_factory=list)

    def paragraph(self, text: str, location: Location | None = None) -> None:
        for line in lines_of(half_width_figures(text)):
            self.lines.append(line)
            if location is not None:
                self.locations[len(self.lines)] = location
            if line.strip():
                self.blocks.append(Paragraph(line.strip(), len(self.lines)))

    def table(self, rows: list[list[Cell]]) -> None:
        """Write rows of cells; each cell gets its line (the first line of its text)."""
        table_rows = []
        for cells in rows:
            for cell in cells:
                text = half_width_figures(cell.text.strip())
                parts = [part.strip().lstrip("\t") for part in lines_of(text)] or [""]
                self.lines.append("\t" + parts[0])
                cell.line, cell.text = len(self.lines), "\n".join(parts).strip()
                self.lines.extend(parts[1:])
            self.lines.append("")
            if cells:
                table_rows.append(Row(cells))
        if table_rows:
            self.blocks.append(TableBlock(table_rows))
        self.lines.append("")

    def finish(self, locate: bool = True) -> "Grid":
        """The grid with each table's title lines attached and every cell located; a text file's cells
        (`locate=False`) keep only their line, which is where a reviewer finds them in that file."""
        attach_titles(self.blocks)
        if locate:
            locate_cells(self.blocks, self.locations)
        return self


def rows_from_spans(spans: list[Span]) -> list[list[Cell]]:
    """Rows in the extractor's convention from cells placed on a grid: a span once, a continuation empty."""
    starts = {(span.row, span.col): span for span in spans}
    covered: dict[tuple[int, int], Span] = {}
    for span in spans:
        for r in range(span.row, span.row + span.rowspan):
            for c in range(span.col, span.col + span.colspan):
                covered.setdefault((r, c), span)
    if not covered:
        return []
    height = max(r for r, _ in covered) + 1
    width = max(c for _, c in covered) + 1
    rows = []
    for r in range(height):
        cells = []
        c = 0
        while c < width:
            span = covered.get((r, c))
            if span is None:
                cells.append(Cell("", 0, padding=True))
                c += 1
                continue
            if starts.get((r, c)) is span:
                cells.append(Cell(span.text, 0, span.location, span.rowspan, span.colspan))
            elif span.row < r and span.col == c:  # below the first row of a vertical merge
                cells.append(Cell("", 0, span.location, 1, span.colspan))
            c = span.col + span.colspan
        rows.append(cells)
    return rows


def locate_cells(blocks: list[Block], locations: dict[int, Location]) -> None:
    """Number tables, rows and columns (1-based, in document order) and record each cell's line location."""
    for table_no, table in enumerate((b for b in blocks if isinstance(b, TableBlock)), start=1):
        for row_no, row in enumerate(table.rows, start=1):
            col = 1
            for cell in row.cells:
                found = cell.location or Location()
                cell.location = found.model_copy(update={"table": found.table or table_no,
                                                          "row": found.row or row_no, "col": found.col or col})
                locations.setdefault(cell.line, cell.location)
                col += cell.colspan
