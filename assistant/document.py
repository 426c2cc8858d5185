"""The document model every ingester produces: text lines plus blocks of paragraphs and tables.

`lines` is the text a reviewer sees (for .txt the file itself; for every other format a
rendering in the same tab layout), and every block and cell carries its 1-based line in it, so
each extracted value can be traced back to its source line; `locations` maps a line to where it
is in the original file (page, sheet and cell, table/row/col).
"""
from dataclasses import dataclass, field

from schemas import Location, Source


@dataclass
class Cell:
    text: str
    line: int
    location: Location | None = None  # where the cell is in the original file (page, sheet/cell, table/row/col)
    rowspan: int = 1
    colspan: int = 1
    padding: bool = False  # a position no source cell covers: a grid fills a ragged row's missing cells with it


@dataclass
class Row:
    cells: list[Cell]

    @property
    def line(self) -> int:
        return self.cells[0].line if self.cells else 0

    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]


@dataclass
class Paragraph:
    text: str
    line: int


@dataclass
class TableBlock:
    rows: list[Row]
    title_lines: list[Paragraph] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what the reader could not tell apart in the source

    @property
    def line(self) -> int:
        return self.rows[0].line if self.rows else 0


Block = Paragraph | TableBlock


@dataclass
class Document:
    source: Source
    lines: list[str]
    blocks: list[Block]
    warnings: list[str] = field(default_factory=list)
    locations: dict[int, Location] = field(default_factory=dict)  # line → where it is in the original file

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[TableBlock]:
        return [b for b in self.blocks if isinstance(b, TableBlock)]

    def location_at(self, line: int | None) -> Location | None:
        """Where the text on `line` is in the original file (page, sheet and cell, table/row/col), if known."""
        return self.locations.get(line) if line is not None else None

    def line_text(self, line: int | None) -> str:
        if line is None or not 1 <= line <= len(self.lines):
            return ""
        return self.lines[line - 1]
