"""Scans (image-only PDF pages, .png/.jpg/.tiff/.bmp): OCR with rapidocr-onnxruntime, whose wheel ships
the Chinese PP-OCRv4 models (nothing is downloaded), and table cells from the ruling lines (OpenCV).

Each cell of a ruled table is a hole in the mask of its lines; its column and row spans follow from
the line positions it crosses. OCR boxes are put in the cell holding their centre; the rest is text.
"""
from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from assistant.errors import BadInput
from assistant.ingest.grid import Grid, Span, rows_from_spans
from assistant.ingest.pages import Flow, PageTable
from schemas import Location

if TYPE_CHECKING:
    import numpy

INSTALL = "pip install 'selfeval[ocr]'"
DPI = 200
MAX_PIXELS = 40_000_000  # an image larger than a 300 dpi A2 page is refused before it is decoded
LINE_TOLERANCE = 8  # pixels: ruling lines closer than this are the same line
CELL_INSET = 4  # pixels inside a cell's hole, clear of its ruling lines
INK_LEVEL = 128  # a grey level darker than this is ink
MIN_INK = 20  # dark pixels: fewer are speckle, not a mark
MIN_SCORE = 0.5  # the recogniser's confidence below which a cell's reading is left out


@dataclass
class Box:
    text: str
    left: float
    top: float
    right: float
    bottom: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2


@dataclass
class RuledTable:
    left: int
    top: int
    right: int
    bottom: int
    cells: list[tuple[int, int, int, int]]  # x0, y0, x1, y1 of each hole between the lines

    def holds(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom


@cache
def engine():
    """The OCR engine, running each model on one thread: onnxruntime's default pool spins its idle threads, which
    on a busy machine costs more CPU time than it saves (a 2-page scan read beside a build: 43 CPU seconds on the
    default pool, 30 on one thread), and a page's CPU time is what the web app budgets (`web/worker.py`)."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as error:
        raise BadInput(f"这是扫描件或图片，需要 OCR 识别，但未安装 OCR 组件。请先安装：{INSTALL}") from error
    return RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)


def allocation_failed(error: BaseException | None) -> bool:
    """Whether an error, or one it was raised from, is a failed allocation: onnxruntime raises std::bad_alloc as a
    generic error, and rapidocr wraps OpenCV's (StsNoMem) in its own ResizeImgError."""
    cv2 = sys.modules.get("cv2")
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, MemoryError) or "bad_alloc" in str(error):
            return True
        if cv2 is not None and isinstance(error, cv2.error) and error.code == cv2.Error.StsNoMem:
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


@contextmanager
def allocation_failures_as_memory_errors() -> Iterator[None]:
    """A failed allocation in the OCR engine or OpenCV as the MemoryError it is, so a memory limit is named as the
    cause, not a damaged file."""
    try:
        yield
    except MemoryError:
        raise
    except Exception as error:
        if allocation_failed(error):
            raise MemoryError("OCR 引擎内存不足") from error
        raise


def render_pdf_page(data: bytes, page_no: int) -> numpy.ndarray:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return document[page_no - 1].render(scale=DPI / 72, grayscale=True).to_numpy()
    finally:
        document.close()


def decode_image(data: bytes) -> numpy.ndarray:
    import numpy as np
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as image:
            return np.array(image.convert("L"))
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError) as error:
        raise BadInput(f"图片文件已损坏或过大，无法识别：{type(error).__name__}") from error


def deskewed(gray: numpy.ndarray) -> numpy.ndarray:
    """The page turned straight by the angle of its longest ruling lines (a scan is rarely square)."""
    import cv2
    import numpy as np

    binary = cv2.adaptiveThreshold(~gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -2)
    lines = cv2.HoughLinesP(binary, 1, np.pi / 1800, threshold=200, minLineLength=gray.shape[1] // 3, maxLineGap=5)
    if lines is None:
        return gray
    angles = [np.degrees(np.arctan2(y2 - y1, x2 - x1)) for x1, y1, x2, y2 in lines.reshape(-1, 4)]
    flat = [a for a in angles if abs(a) < 5]
    if not flat:
        return gray
    angle = float(np.median(flat))
    if abs(angle) < 0.1:
        return gray
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(gray, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=255)


def ruled_tables(gray: numpy.ndarray) -> list[RuledTable]:
    """Tables drawn with ruling lines: the outline of each line structure and the holes inside it."""
    import cv2

    height, width = gray.shape
    binary = cv2.adaptiveThreshold(~gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -2)
    horizontal = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (width // 30, 1)))
    vertical = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, height // 60)))
    mask = cv2.dilate(horizontal | vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    contours, hierarchy = cv2.findContours(mask, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    tables: dict[int, RuledTable] = {}
    for index, (_, _, _, parent) in enumerate(hierarchy[0]):
        x, y, w, h = cv2.boundingRect(contours[index])
        if parent == -1 and w > width // 4 and h > 20:
            tables[index] = RuledTable(x, y, x + w, y + h, [])
    for index, (_, _, _, parent) in enumerate(hierarchy[0]):
        x, y, w, h = cv2.boundingRect(contours[index])
        if parent in tables and w > 8 and h > 8:
            tables[parent].cells.append((x, y, x + w, y + h))
    return sorted((t for t in tables.values() if len(t.cells) >= 2), key=lambda t: t.top)


def positions(values: list[int]) -> list[int]:
    """Line positions: values within LINE_TOLERANCE of each other are one line."""
    merged: list[int] = []
    for value in sorted(values):
        if not merged or value - merged[-1] > LINE_TOLERANCE:
            merged.append(value)
    return merged


def nearest(lines: list[int], value: int) -> int:
    return min(range(len(lines)), key=lambda i: abs(lines[i] - value))


def table_spans(gray: numpy.ndarray, table: RuledTable, boxes: list[Box], page_no: int) -> list[Span]:
    xs = positions([x for cell in table.cells for x in (cell[0], cell[2])])
    ys = positions([y for cell in table.cells for y in (cell[1], cell[3])])
    spans = []
    for x0, y0, x1, y1 in table.cells:
        inside = [box for box in boxes if x0 <= box.centre[0] <= x1 and y0 <= box.centre[1] <= y1]
        col, row = nearest(xs, x0), nearest(ys, y0)
        text = reading_order(inside) if inside else missed_text(gray, (x0, y0, x1, y1))
        spans.append(Span(text, row, col, max(1, nearest(ys, y1) - row),
                          max(1, nearest(xs, x1) - col), Location(page=page_no)))
    return spans


def missed_text(gray: numpy.ndarray, cell: tuple[int, int, int, int]) -> str:
    """A cell with ink the text detector found no line in (a row of dots, ……, is too faint for it): the ink's
    bounding box recognised as one line. A few dark pixels are scanner speckle, and a doubtful reading is none."""
    import numpy as np

    x0, y0, x1, y1 = cell
    inner = gray[y0 + CELL_INSET:y1 - CELL_INSET, x0 + CELL_INSET:x1 - CELL_INSET]
    ys, xs = np.nonzero(inner < INK_LEVEL)
    if len(ys) < MIN_INK:
        return ""
    m = CELL_INSET
    ink = inner[max(0, ys.min() - m):ys.max() + m + 1, max(0, xs.min() - m):xs.max() + m + 1]
    result, _ = engine()(np.dstack([ink] * 3), use_det=False, use_cls=False)
    text, score = result[0] if result else ("", 0.0)
    return text if score >= MIN_SCORE else ""


def reading_order(boxes: list[Box]) -> str:
    """Boxes as lines of text: top to bottom, left to right within a line."""
    lines: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: b.centre[1]):
        if lines and abs(lines[-1][0].centre[1] - box.centre[1]) < (box.bottom - box.top) / 2:
            lines[-1].append(box)
        else:
            lines.append([box])
    return "\n".join("".join(b.text for b in sorted(line, key=lambda b: b.left)) for line in lines)


def recognise(gray: numpy.ndarray) -> list[Box]:
    """The text boxes of an upright page. No text-direction classifier: the page is deskewed already, and the
    classifier turns short cells upside down on a noisy scan ("90%" read as "%06", "≤600" as "009=")."""
    import numpy as np

    result, _ = engine()(np.dstack([gray] * 3), use_cls=False)
    return [Box(text, min(p[0] for p in points), min(p[1] for p in points), max(p[0] for p in points),
                max(p[1] for p in points)) for points, text, _ in result or []]


def read_page_image(flow: Flow, gray: numpy.ndarray, page_no: int) -> None:
    """One page image into the flow: text above, between and below its tables, each table as cells."""
    with allocation_failures_as_memory_errors():
        engine()  # before OpenCV, which comes with the OCR extra: a missing extra gets the install command
        read_ruled_page(flow, gray, page_no)


def read_ruled_page(flow: Flow, gray: numpy.ndarray, page_no: int) -> None:
    """The page turned straight, its text boxes recognised and placed in its ruled tables' cells or between them."""
    gray = deskewed(gray)
    boxes = recognise(gray)
    tables = ruled_tables(gray)
    top = 0
    for table in tables:
        flow.text(reading_order([b for b in boxes if top <= b.centre[1] < table.top]), page_no)
        rows = rows_from_spans(table_spans(gray, table, boxes, page_no))
        edges = [float(x) * 72 / DPI for x in positions([x for cell in table.cells for x in (cell[0], cell[2])])]
        flow.table(PageTable(rows, edges))
        top = table.bottom
    flow.text(reading_order([b for b in boxes if b.centre[1] >= top and not any(t.holds(*b.centre) for t in tables)]),
              page_no)


@contextmanager
def ocr_progress(total: int) -> Iterator[Callable[[], None]]:
    """A rich progress bar per OCR page on a terminal; silent otherwise (pipes, batch, the web app)."""
    from rich.console import Console
    from rich.progress import Progress

    if not total or not sys.stderr.isatty():
        yield lambda: None
        return
    with Progress(console=Console(stderr=True), transient=True) as bar:  # stderr: stdout may carry JSON
        task = bar.add_task("OCR 识别", total=total)
        yield lambda: bar.advance(task)


def read_image(data: bytes) -> Grid:
    flow = Flow()
    read_page_image(flow, decode_image(data), 1)
    flow.close()
    flow.grid.source_format = "image"
    return flow.grid.finish()
