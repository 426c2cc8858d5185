"""A document read page by page (PDF, scans): paragraphs and tables in order, a table that continues on
the next page (same column edges, its header repeated or not) joined into one, page numbers dropped."""
import re
from dataclasses import dataclass, field

from assistant.document import Cell
from assistant.ingest.grid import Grid
from schemas import Location

PAGE_FURNITURE = re.compile(r"^[\s\-—–第页共/\d]*$")  # page numbers between a table and its continuation
EDGE_TOLERANCE = 3.0  # points


@dataclass
class PageTable:
    rows: list[list[Cell]]
    edges: list[float]


@dataclass
class Flow:
    """The pages read so far: paragraphs and tables in order, the last table still open for a continuation."""

    grid: Grid = field(default_factory=Grid)
    open_table: PageTable | None = None

    def text(self, text: str, page: int) -> None:
        if not text.strip() or all(PAGE_FURNITURE.match(line) for line in text.splitlines()):
            return
        self.close()
        self.grid.paragraph(text, Location(page=page))

    def table(self, table: PageTable) -> None:
        if self.open_table is not None and same_columns(self.open_table.edges, table.edges):
            self.open_table.rows += without_repeated_header(self.open_table.rows, table.rows)
            return
        self.close()
        self.open_table = table

    def close(self) -> None:
        if self.open_table is not None:
            self.grid.table(self.open_table.rows)
            self.open_table = None


def same_columns(first: list[float], second: list[float]) -> bool:
    """A continuation has the same outer edges, and its column edges are among the first part's (or the reverse)."""
    if abs(first[0] - second[0]) > EDGE_TOLERANCE or abs(first[-1] - second[-1]) > EDGE_TOLERANCE:
        return False
    near = lambda x, edges: any(abs(x - edge) <= EDGE_TOLERANCE for edge in edges)  # noqa: E731
    return all(near(x, first) for x in second) or all(near(x, second) for x in first)


def without_repeated_header(table: list[list[Cell]], continuation: list[list[Cell]]) -> list[list[Cell]]:
    repeated = 0
    while (repeated < min(3, len(table), len(continuation) - 1)
           and [c.text for c in continuation[repeated]] == [c.text for c in table[repeated]]):
        repeated += 1
    return continuation[repeated:]
