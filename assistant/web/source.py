"""The report's source for the page's source pane, in blocks loaded on demand: a text line, or a table
with its cells (and where each cell is in the original file: page, sheet and cell, table/row/column).

Built in the analysis child (`source_view`) as ready JSON per block, so the server only slices and joins
strings: a range of lines of a huge report costs no parsing and no pickling of the whole document.
"""
import json
from bisect import bisect_left
from dataclasses import dataclass

from assistant.document import Document, TableBlock
from assistant.web.view import location_label


@dataclass
class SourceView:
    """Blocks in source order, disjoint: block i covers lines firsts[i]..lasts[i] and is blocks[i] (JSON)."""

    line_count: int
    format: str
    firsts: list[int]
    lasts: list[int]
    blocks: list[str]

    @property
    def size(self) -> int:
        """Roughly the bytes it holds, for caches bounded by bytes."""
        return sum(map(len, self.blocks)) * 2 + 64 * len(self.blocks)

    def json_range(self, start: int, end: int) -> str:
        """The JSON object of every block touching lines start..end (1-based, inclusive)."""
        first = bisect_left(self.lasts, start)
        chosen = [self.blocks[i] for i in range(first, len(self.blocks)) if self.firsts[i] <= end]
        return (f'{{"line_count":{self.line_count},"format":{json.dumps(self.format)},'
                f'"blocks":[{",".join(chosen)}]}}')


def table_json(table: TableBlock) -> tuple[int, int, str]:
    first = table.line
    last = max((cell.line for row in table.rows for cell in row.cells), default=first)
    rows = [[{"text": cell.text, "line": cell.line, "where": location_label(cell.location),
              "rowspan": cell.rowspan, "colspan": cell.colspan} for cell in row.cells] for row in table.rows]
    return first, last, json.dumps({"kind": "table", "first": first, "last": last, "rows": rows}, ensure_ascii=False)


def source_view(document: Document) -> SourceView:
    """Every line outside a table as a line block, every table as one table block."""
    tables = sorted((table_json(t) for t in document.tables if t.rows), key=lambda block: block[0])
    firsts, lasts, blocks = [], [], []
    line = 1
    for first, last, block in tables + [(len(document.lines) + 1, len(document.lines) + 1, None)]:
        for number in range(line, min(first, len(document.lines) + 1)):
            firsts.append(number)
            lasts.append(number)
            blocks.append(json.dumps({"kind": "line", "line": number, "text": document.lines[number - 1]},
                                     ensure_ascii=False))
        if block is not None and first >= line:
            firsts.append(first)
            lasts.append(last)
            blocks.append(block)
            line = last + 1
    return SourceView(len(document.lines), document.source.format, firsts, lasts, blocks)
