"""Chunks: the small pieces of report text the LLM sees, each mapped back to its source lines.

A chunk is text plus, for each piece of source text in it, the offset where it starts and
its line; a table chunk also knows each cell's span and column role (the role is whatever
the caller names it — "weight", "target" — this module gives it no meaning), and for a row
printed as one cell, the roles its header prints in order. A section
chunk is narrative from one heading to the next, packed with neighbouring sections up to
the chunk size; an overlong section is cut at paragraphs, an overlong paragraph at
sentence ends. Chunks without a digit or 元 hold no key figure and are left out.
"""
import bisect
import re
from dataclasses import dataclass, field

from assistant.document import Document, Paragraph
from assistant.retrieval import split_sentences

SECTION_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)")
MAY_HOLD_FIGURE = re.compile(r"[0-9０-９]|元")


@dataclass(frozen=True)
class CellSpan:
    start: int
    end: int
    role: str | None  # the column the cell sits in, as the caller named it; None when unknown


@dataclass
class Chunk:
    kind: str  # "table" | "section"
    text: str = ""
    starts: list[int] = field(default_factory=list)  # offset where each piece of source text starts …
    lines: list[int] = field(default_factory=list)  # … and its line; repeated header rows have none
    cells: list[CellSpan] = field(default_factory=list)  # table cells in text order
    # a table row printed as one cell (its cells run together): its start offset → its header's columns, in order
    orders: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def add(self, text: str, line: int) -> None:
        self.starts.append(len(self.text))
        self.lines.append(line)
        self.text += text

    def add_cell(self, text: str, line: int | None, role: str | None) -> None:
        """A table cell: source text with a line (None for repeated context) and a column role."""
        if line is not None:
            self.add(text, line)
        else:
            self.text += text
        self.cells.append(CellSpan(len(self.text) - len(text), len(self.text), role))

    def line_at(self, offset: int) -> int | None:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[index] if index >= 0 else None

    def cell_at(self, span: tuple[int, int]) -> CellSpan | None:
        """The cell a span of text lies in, None when it is not inside one cell."""
        index = bisect.bisect_right([cell.start for cell in self.cells], span[0]) - 1
        cell = self.cells[index] if index >= 0 else None
        return cell if cell and span[1] <= cell.end else None

    def roles_in(self, span: tuple[int, int]) -> set[str]:
        """The column roles of the cells inside a span (a row, the whole chunk)."""
        return {c.role for c in self.cells if c.role and span[0] <= c.start and c.end <= span[1]}

    @property
    def where(self) -> str:
        first, last = min(self.lines, default=0), max(self.lines, default=0)
        return f"第{first}–{last}行的{'表格' if self.kind == 'table' else '正文'}"


def narrative(document: Document) -> list[Paragraph]:
    """The paragraphs that are prose, not the titles printed above tables (those go with their table)."""
    titles = {id(title) for table in document.tables for title in table.title_lines}
    return [p for p in document.paragraphs if id(p) not in titles]


def sections(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    groups: list[list[Paragraph]] = []
    for paragraph in paragraphs:
        if not groups or SECTION_HEADING.match(paragraph.text):
            groups.append([])
        groups[-1].append(paragraph)
    return groups


def pieces(paragraph: Paragraph, limit: int) -> list[tuple[str, int]]:
    """A paragraph as (text, line) pieces no longer than `limit`, cut at sentence ends when it must be."""
    text = paragraph.text.strip()
    if len(text) <= limit:
        return [(text, paragraph.line)]
    result: list[str] = []
    for sentence in (s.text for s in split_sentences(text)):
        for start in range(0, len(sentence), limit):
            part = sentence[start:start + limit]
            if result and len(result[-1]) + len(part) <= limit:
                result[-1] += part
            else:
                result.append(part)
    return [(part, paragraph.line) for part in result]


def section_chunks(paragraphs: list[Paragraph], limit: int) -> list[Chunk]:
    """Narrative chunks of whole sections where they fit, in source order."""
    groups: list[list[tuple[str, int]]] = [[]]
    for section in sections(paragraphs):
        units = [unit for paragraph in section for unit in pieces(paragraph, limit)]
        if groups[-1] and sum(len(t) for t, _ in groups[-1] + units) > limit:
            groups.append([])
        for unit in units:
            if groups[-1] and sum(len(t) for t, _ in groups[-1]) + len(unit[0]) > limit:
                groups.append([])
            groups[-1].append(unit)
    chunks = []
    for group in groups:
        chunk = Chunk("section")
        for text, line in group:
            chunk.add(text + "\n", line)
        if MAY_HOLD_FIGURE.search(chunk.text):
            chunks.append(chunk)
    return chunks
