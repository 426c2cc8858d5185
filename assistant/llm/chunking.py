"""Chunking: a document → the small pieces the LLM sees, each mapped back to its source lines.

A table chunk is one table (a table block cut where a new 名称 row starts a second table),
one row a line, cells joined by " | ", the title lines above it first. A table longer than
the chunk size is cut into windows of whole rows; each later window repeats the header row
its rows fall under. A section chunk is narrative from one heading to the next, packed
with neighbouring sections up to the chunk size; an overlong section is cut at paragraphs,
an overlong paragraph at sentence ends. Chunks without a digit or 元 hold no key figure
and are left out.
"""
import bisect
import re
from dataclasses import dataclass, field

from assistant.document import Document, Paragraph, Row, TableBlock
from assistant.extract.tables import is_fund_header, is_goal_header, is_indicator_header, split_tables

SEPARATOR = " | "
SECTION_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)")
SENTENCE_END = re.compile(r"(?<=[。；！？!?;])")
MAY_HOLD_FIGURE = re.compile(r"[0-9０-９]|元")
LINE_BREAKS = re.compile(r"\s*\n\s*")


@dataclass
class Chunk:
    kind: str  # "table" | "section"
    text: str = ""
    starts: list[int] = field(default_factory=list)  # offset where each piece of source text starts …
    lines: list[int] = field(default_factory=list)  # … and its line; repeated header rows have none

    def add(self, text: str, line: int) -> None:
        self.starts.append(len(self.text))
        self.lines.append(line)
        self.text += text

    def line_at(self, offset: int) -> int | None:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[index] if index >= 0 else None

    @property
    def where(self) -> str:
        first, last = min(self.lines, default=0), max(self.lines, default=0)
        return f"第{first}–{last}行的{'表格' if self.kind == 'table' else '正文'}"


def render(row: Row) -> list[str]:
    return [LINE_BREAKS.sub("", cell.text.strip()) for cell in row.cells]


def add_row(chunk: Chunk, row: Row) -> None:
    for index, (text, cell) in enumerate(zip(render(row), row.cells)):
        if index:
            chunk.text += SEPARATOR
        chunk.add(text, cell.line)
    chunk.text += "\n"


def add_context(chunk: Chunk, row: Row) -> None:
    """A repeated header row: it tells the model what the columns are, but is no source of values or lines."""
    chunk.text += SEPARATOR.join(render(row)) + "\n"


def row_length(row: Row) -> int:
    return sum(len(cell.text) + len(SEPARATOR) for cell in row.cells)


def is_header(row: Row) -> bool:
    return is_indicator_header(row) or is_fund_header(row) or is_goal_header(row)


def table_windows(part: TableBlock, limit: int) -> list[Chunk]:
    """One chunk per window of whole rows, the first led by the title lines."""
    windows: list[Chunk] = []
    chunk, size, header = Chunk("table"), 0, None
    for title in part.title_lines:
        chunk.add(title.text.strip() + "\n", title.line)
        size += len(title.text)
    for row in part.rows:
        if size and size + row_length(row) > limit and chunk.lines:
            windows.append(chunk)
            chunk, size = Chunk("table"), 0
            if header is not None and not is_header(row):
                add_context(chunk, header)
                size = row_length(header)
        add_row(chunk, row)
        size += row_length(row)
        header = row if is_header(row) else header
    windows.append(chunk)
    return windows


def table_parts(blocks: list[TableBlock]) -> list[TableBlock]:
    """Every table in source order, a block holding two tables cut in two."""
    return [part for block in blocks for part in split_tables(block)]


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
    for sentence in (s for s in SENTENCE_END.split(text) if s):
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
