"""Word .docx: paragraphs and tables in body order; gridSpan cells once, vMerge continuations empty; what a
content control (a form template's fields, a repeating section of rows) or custom XML wraps read as if unwrapped.

The package is read with lxml directly (python-docx's object model costs start-up time and adds nothing
here): the main document part the package relationships name, parsed as python-docx parses it.
"""
import posixpath
import zipfile

from lxml import etree

from assistant.document import Cell
from assistant.errors import BadInput
from assistant.ingest.archive import open_package
from assistant.ingest.grid import Grid

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PACKAGE_RELATIONSHIPS = "_rels/.rels"
RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
# python-docx's parser settings: no entity expansion (no XXE, no billion laughs), blank text between tags dropped.
PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
WRAPPERS = (f"{W}sdt", f"{W}sdtContent", f"{W}customXml")  # a content control and custom XML around body, rows, cells


def unwrapped(element, tag: str):
    """The element's children named `tag`, with those content controls and custom XML wrap taken as its own."""
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in WRAPPERS:
            yield from unwrapped(child, tag)


def cell_text(tc) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in tc.iter(f"{W}p"))


def table_rows(tbl) -> list[list[Cell]]:
    """One logical cell per <w:tc>: a gridSpan cell once, a vMerge continuation empty."""
    rows = []
    for tr in unwrapped(tbl, f"{W}tr"):
        cells = []
        for tc in unwrapped(tr, f"{W}tc"):
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            continued = merge is not None and merge.get(f"{W}val", "continue") == "continue"
            colspan = int(span.get(f"{W}val", "1")) if span is not None else 1
            cells.append(Cell("" if continued else cell_text(tc), 0, colspan=max(1, colspan)))
        rows.append(cells)
    return rows


def main_document(archive: zipfile.ZipFile):
    """The <w:body> of the part the package's officeDocument relationship points at."""
    relationships = etree.fromstring(archive.read(PACKAGE_RELATIONSHIPS), PARSER)
    target = next((rel.get("Target") for rel in relationships.iter(RELATIONSHIP)
                   if rel.get("Type") == OFFICE_DOCUMENT and rel.get("TargetMode") != "External"), None)
    if target is None:
        raise KeyError("no officeDocument relationship")
    part = posixpath.normpath(posixpath.join("/", target)).lstrip("/")
    body = etree.fromstring(archive.read(part), PARSER).find(f"{W}body")
    if body is None:
        raise KeyError(f"{part} has no w:body")
    return body


def read_docx(data: bytes) -> Grid:
    archive = open_package(data, "Word", ("word/",))
    try:
        body = main_document(archive)
    except (KeyError, ValueError, etree.XMLSyntaxError) as error:  # a part missing or corrupt
        raise BadInput(f"Word 文件已损坏，无法解析：{type(error).__name__}") from error
    grid = Grid()

    def walk(element) -> None:
        for child in element.iterchildren():
            if child.tag == f"{W}p":
                grid.paragraph("".join(t.text or "" for t in child.iter(f"{W}t")))
            elif child.tag == f"{W}tbl":
                grid.table(table_rows(child))
            elif child.tag in WRAPPERS:
                walk(child)

    walk(body)
    return grid.finish()
