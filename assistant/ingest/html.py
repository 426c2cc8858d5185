"""Web pages (.html/.htm, saved government pages too): tables with rowspan/colspan, <br> inside cells,
nested layout tables opened up, several tables per page and the paragraphs between them."""
import re

import lxml.html

from assistant.errors import BadInput
from assistant.ingest.grid import Grid, Span, rows_from_spans
from assistant.ingest.text import decode_text

CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_-]{2,20})""", re.IGNORECASE)
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "caption", "center", "pre", "blockquote", "tr"}
SKIP = {"script", "style", "head", "title", "noscript", "template"}
MAX_SPAN = 200  # a rowspan="100000" must not make a grid of millions of cells


def decode_page(data: bytes, sent_as: str | None = None) -> str:
    """The page's text in the charset its <meta> declares (GBK pages are common), else in the one it was sent with
    (a web archive's part says it), else as plain text is decoded."""
    declared = CHARSET.search(data[:4096])
    for charset in (declared.group(1).decode("ascii") if declared else None, sent_as):
        if charset:
            try:
                charset = charset.lower()
                return data.decode("gb18030" if charset in ("gb2312", "gbk") else charset, errors="replace")  # superset
            except LookupError:
                pass
    return decode_text(data)


def text_of(element) -> str:
    """Text of an element with <br> and block elements as line breaks, runs of spaces collapsed."""
    parts: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str) or node.tag in SKIP:
            parts.append(node.tail or "")
            return
        if node.tag == "br" or node.tag in BLOCKS:
            parts.append("\n")
        parts.append(node.text or "")
        for child in node:
            walk(child)
        if node.tag in BLOCKS:
            parts.append("\n")
        parts.append(node.tail or "")

    parts.append(element.text or "")
    for child in element:
        walk(child)
    lines = (re.sub(r"[ \t\r\n\xa0]+", " ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def own_rows(table) -> list:
    """The table's rows, not those of a table nested inside one of its cells."""
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table")) is table]


def span_of(cell, name: str) -> int:
    try:
        return min(MAX_SPAN, max(1, int(re.sub(r"\D", "", cell.get(name, "1")) or 1)))
    except ValueError:
        return 1


def table_spans(table) -> list[Span]:
    """Cells placed on the grid the way browsers do: each cell takes the next column no span above occupies."""
    taken: set[tuple[int, int]] = set()
    spans = []
    for r, tr in enumerate(own_rows(table)):
        c = 0
        for cell in tr.iterchildren("td", "th"):
            while (r, c) in taken:
                c += 1
            span = Span(text_of(cell), r, c, span_of(cell, "rowspan"), span_of(cell, "colspan"))
            taken |= {(r + i, c + j) for i in range(span.rowspan) for j in range(span.colspan)}
            spans.append(span)
            c += span.colspan
    return spans


def is_layout_table(table) -> bool:
    """A table used to lay out the page: it holds other tables."""
    return any(True for _ in table.iterdescendants("table"))


def read_html(data: bytes, sent_as: str | None = None) -> Grid:
    try:
        root = lxml.html.document_fromstring(decode_page(data, sent_as))
    except Exception as error:  # lxml raises ParserError on pages with no elements
        raise BadInput(f"网页文件无法解析：{type(error).__name__}") from error
    grid = Grid()
    pending: list[str] = []

    def flush() -> None:
        grid.paragraph("\n".join(text for text in pending if text))
        pending.clear()

    def walk(element) -> None:
        if not isinstance(element.tag, str) or element.tag in SKIP:
            return
        if element.tag == "table" and not is_layout_table(element):
            flush()
            grid.table(rows_from_spans(table_spans(element)))
            return
        if not any(True for _ in element.iterdescendants("table")):
            pending.append(text_of(element))
            return
        pending.append(re.sub(r"\s+", " ", element.text or "").strip())
        for child in element:
            walk(child)
            pending.append(re.sub(r"\s+", " ", child.tail or "").strip())

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return grid.finish()
