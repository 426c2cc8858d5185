"""PDF with pdfplumber: text around tables, tables continued across pages joined into one (a repeated
header dropped), each cell with its page. Streams are bounded before pdfminer inflates them; pages
without a text layer go to OCR (`ocr="auto"`), or every page does (`"always"`)."""
import io
import re
import zlib
from contextlib import contextmanager

from assistant.document import Cell
from assistant.errors import BadInput
from assistant.ingest.grid import Grid
from assistant.ingest.ocr import ocr_progress, read_page_image, render_pdf_page
from assistant.ingest.pages import Flow, PageTable
from schemas import Location

MAX_STREAM = 32 * 1024 * 1024  # one inflated content or font stream
MAX_STREAMS = 128 * 1024 * 1024  # all of them together; image streams are left to the OCR renderer
CHUNK = 1 << 16
WRAP = re.compile(r"(?:(?<=[A-Za-z0-9,.;:])(\n)(?=[A-Za-z0-9(])|\n)")


def check_streams(data: bytes) -> None:
    """Inflate every Flate stream in chunks, counting, so a stream bomb is refused before pdfminer meets it."""
    total = 0
    start = data.find(b"stream")
    while start != -1:
        body = start + 6 + (2 if data[start + 6:start + 8] == b"\r\n" else 1)
        end = data.find(b"endstream", body)
        if end == -1:
            break
        if data[max(0, start - 6):start] != b"end" and b"/Image" not in data[max(0, start - 1024):start].rsplit(b" obj", 1)[-1]:
            total += inflated_size(data[body:end], min(MAX_STREAM, MAX_STREAMS - total))
        start = data.find(b"stream", end + 9)


def inflated_size(raw: bytes, limit: int) -> int:
    inflater = zlib.decompressobj()
    size = 0
    try:
        pending = raw
        while pending and not inflater.eof:
            size += len(inflater.decompress(pending, CHUNK))
            pending = inflater.unconsumed_tail
            if size > limit:
                raise BadInput(f"PDF 中的内容流解压后过大（超过 {limit // (1024 * 1024)} MB，疑似压缩炸弹），已拒绝处理。")
    except zlib.error:
        return size  # not a Flate stream (or a damaged one pdfminer will skip)
    return size


def open_pdf(data: bytes):
    import pdfplumber

    check_streams(data)
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as error:  # pdfplumber wraps every pdfminer error in PdfminerException
        cause = error.args[0] if error.args and isinstance(error.args[0], Exception) else error
        if "Password" in type(cause).__name__ or "Encrypt" in type(cause).__name__:
            raise BadInput("PDF 已加密（需要打开密码），请提供未加密的文件后再审核。") from error
        raise BadInput(f"PDF 文件已损坏，无法打开：{type(cause).__name__}") from error


def unwrapped(text: str) -> str:
    """A cell's text with the line wraps of its narrow column undone (Chinese runs on; words keep a space)."""
    return WRAP.sub(lambda m: " " if m.group(1) else "", text)


def table_cells(table, page_no: int) -> PageTable:
    """Rows of a pdfplumber table: a cell spanning columns once with its colspan, a covered cell below empty."""
    xs = sorted({cell[0] for cell in table.cells})
    edges = sorted({round(x, 1) for cell in table.cells for x in (cell[0], cell[2])})
    rows = []
    for row, texts in zip(table.rows, table.extract()):
        cells, j = [], 0
        while j < len(row.cells):
            box = row.cells[j]
            if box is None:
                cells.append(Cell("", 0, Location(page=page_no)))
                j += 1
                continue
            span = 1
            while j + span < len(xs) and row.cells[j + span] is None and xs[j + span] < box[2] - 1:
                span += 1
            cells.append(Cell(unwrapped(texts[j] or ""), 0, Location(page=page_no), colspan=span))
            j += span
        rows.append(cells)
    return PageTable(rows, edges)


def read_text_page(flow: Flow, page, page_no: int) -> None:
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    top = 0.0
    for table in tables:
        flow.text(text_between(page, top, table.bbox[1]), page_no)
        flow.table(table_cells(table, page_no))
        top = table.bbox[3]
    flow.text(text_between(page, top, page.height), page_no)


def text_between(page, top: float, bottom: float) -> str:
    """The text whose middle lies between two heights: a line may straddle a table's ruling by a point."""
    def inside(obj) -> bool:
        return obj.get("object_type") != "char" or top <= (obj["top"] + obj["bottom"]) / 2 < bottom

    return page.filter(inside).extract_text() or "" if bottom > top else ""


@contextmanager
def page_content_errors():
    """pdfminer raises many types on damaged page content: each is the user's damaged file. A user error or a
    memory limit (OCR's) passes through as what it is."""
    try:
        yield
    except (BadInput, MemoryError):
        raise
    except Exception as error:
        raise BadInput(f"PDF 文件已损坏，无法读取页面内容：{type(error).__name__}") from error


def ocr_page_numbers(data: bytes, ocr: str) -> set[int]:
    """The 1-based pages read by OCR: with `auto` those without a text layer (a scan), every page with `always`.
    pdfium counts a page's characters without interpreting its layout as pdfminer would, so the web app can size
    a scan's time limit before reading it without parsing a text PDF twice."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        scanned = [not document[n].get_textpage().count_chars() for n in range(len(document))]
    finally:
        document.close()
    if all(scanned) and ocr == "never":
        raise BadInput("PDF 没有文本层（扫描件），需要 OCR 识别：请去掉 --ocr never 后重试。")
    return {n for n, blank in enumerate(scanned, start=1) if ocr == "always" or (ocr == "auto" and blank)}


def count_ocr_pages(data: bytes, ocr: str = "auto") -> int:
    with open_pdf(data), page_content_errors():
        return len(ocr_page_numbers(data, ocr))


def read_pdf(data: bytes, ocr: str = "auto") -> Grid:
    with open_pdf(data) as pdf, page_content_errors():
        by_ocr = ocr_page_numbers(data, ocr)
        flow = Flow()
        with ocr_progress(len(by_ocr)) as advance:
            for page_no, page in enumerate(pdf.pages, start=1):
                if page_no in by_ocr:
                    read_page_image(flow, render_pdf_page(data, page_no), page_no)
                    advance()
                else:
                    read_text_page(flow, page, page_no)
        flow.close()
    flow.grid.source_format = "pdf-ocr" if by_ocr else None
    return flow.grid.finish()
