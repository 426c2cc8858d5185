"""Word .docx: paragraphs and tables in body order; gridSpan cells once, vMerge continuations empty."""
import io

from docx.oxml.ns import qn

from assistant.document import Cell
from assistant.errors import BadInput
from assistant.ingest.archive import open_package
from assistant.ingest.grid import Grid


def cell_text(tc) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))


def table_rows(tbl) -> list[list[Cell]]:
    """One logical cell per <w:tc>: a gridSpan cell once, a vMerge continuation empty."""
    rows = []
    for tr in tbl.iterchildren(qn("w:tr")):
        cells = []
        for tc in tr.iterchildren(qn("w:tc")):
            merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            continued = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
            colspan = int(span.get(qn("w:val"), "1")) if span is not None else 1
            cells.append(Cell("" if continued else cell_text(tc), 0, colspan=max(1, colspan)))
        rows.append(cells)
    return rows


def read_docx(data: bytes) -> Grid:
    import docx

    open_package(data, "Word", ("word/",))
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except Exception as error:  # python-docx raises many types on corrupt parts
        raise BadInput(f"Word 文件已损坏，无法解析：{type(error).__name__}") from error
    grid = Grid()

    def walk(element) -> None:
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                grid.paragraph("".join(t.text or "" for t in child.iter(qn("w:t"))))
            elif child.tag == qn("w:tbl"):
                grid.table(table_rows(child))
            elif child.tag in (qn("w:sdt"), qn("w:sdtContent")):
                walk(child)

    walk(body)
    return grid.finish()
