"""Ingestion: the bytes of any format a report arrives in → one `Document`.

The format is sniffed from the content (sniff.py), never trusted from the name; one small reader
per format writes the same grid of paragraphs and tables of cells (grid.py), rendered as lines in
the tab layout of Word's plain-text export so every value has a line and a location to point at.
"""
import hashlib
import importlib
from pathlib import Path
from typing import BinaryIO

from assistant.document import Document
from assistant.errors import BadInput
from assistant.ingest.grid import Grid
from assistant.ingest.sniff import sniff
from assistant.ingest.lines import lines_of
from assistant.ingest.text import MIXED_ENCODING, is_mixed_encoding
from assistant.values import normalize_text
from schemas import Source

__all__ = ["MAX_BYTES", "OCR_MODES", "SUFFIXES", "lines_of", "pages_to_ocr", "read_bytes", "read_path", "read_stream"]

MAX_BYTES = 20 * 1024 * 1024
REPORT_WORDS = ("预算", "绩效", "支出", "资金", "指标", "自评", "执行")
OCR_MODES = ("auto", "always", "never")
# What a folder of reports may hold (batch looks for these names; the content still decides the reader).
SUFFIXES = (".txt", ".docx", ".doc", ".wps", ".xlsx", ".xlsm", ".xls", ".et", ".html", ".htm", ".mht", ".mhtml", ".pdf",
            ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")
STREAM_CHUNK = 1 << 20


# Each format's reader, imported only when a file of that format arrives (openpyxl, lxml, OCR cost start-up time
# and memory every other report would pay for).
READERS = {"txt": ("text", "read_txt"), "docx": ("docx", "read_docx"), "xlsx": ("xlsx", "read_xlsx"),
           "xls": ("xls", "read_xls"), "html": ("html", "read_html"), "mhtml": ("mhtml", "read_mhtml"),
           "pdf": ("pdf", "read_pdf"),
           "image": ("ocr", "read_image")}
CONVERTED = {"doc": "docx", "wps": "docx", "et": "xlsx"}  # read after LibreOffice converts them


def reader(kind: str):
    module, function = READERS[kind]
    return getattr(importlib.import_module(f"assistant.ingest.{module}"), function)


def is_image(kind: str) -> bool:
    return kind == "image" or kind not in READERS and kind not in CONVERTED


def read_grid(data: bytes, kind: str, ocr: str) -> Grid:
    if kind in CONVERTED:
        from assistant.ingest.convert import convert

        return reader(CONVERTED[kind])(convert(data, kind, CONVERTED[kind]))
    if kind == "pdf":
        return reader("pdf")(data, ocr)
    if is_image(kind):
        if ocr == "never":
            raise BadInput("这是图片文件，需要 OCR 识别：请去掉 --ocr never 后重试。")
        return reader("image")(data)
    return reader(kind)(data)


def pages_to_ocr(data: bytes, name: str, ocr: str = "auto") -> int:
    """How many pages reading these bytes will put through OCR (about 7 CPU seconds each), known before the
    reading starts: a scan's time limit is sized by it."""
    check_size(len(data))
    kind = sniff(data, name)
    if kind == "pdf":
        from assistant.ingest.pdf import count_ocr_pages

        return count_ocr_pages(data, ocr)
    return int(is_image(kind) and ocr != "never")


def check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise BadInput(f"文件过大（{size // (1024 * 1024)} MB），上限为 {MAX_BYTES // (1024 * 1024)} MB。")


def read_bytes(data: bytes, name: str, from_stdin: bool = False, ocr: str = "auto") -> Document:
    """Parse report bytes into a Document; raises BadInput with a message a user can act on."""
    check_size(len(data))
    if not data.strip():
        raise BadInput("文件为空：没有可审核的内容。")
    kind = sniff(data, name)
    grid = read_grid(data, kind, ocr)
    text = "\n".join(grid.lines)
    if not any(word in text or word in normalize_text(text[:200_000]) for word in REPORT_WORDS):  # 預算 counts
        if grid.source_format in ("pdf-ocr", "image") and not text.strip():
            scan = "PDF 没有文本层（扫描件），" if grid.source_format == "pdf-ocr" else "这是图片，"
            raise BadInput(f"{scan}经 OCR 也未识别出文字：请确认扫描清晰、方向正确。")
        raise BadInput("内容不像预算绩效自评报告（没有预算、绩效、支出、指标等字样）。")
    source_format = "stdin" if from_stdin else grid.source_format or kind
    source = Source(name=name, sha256=hashlib.sha256(data).hexdigest(), format=source_format)
    warnings = [MIXED_ENCODING] if kind == "txt" and is_mixed_encoding(data) else []
    return Document(source=source, lines=grid.lines, blocks=grid.blocks, warnings=warnings + grid.warnings,
                    locations=grid.locations)


def read_stream(stream: BinaryIO, name: str = "stdin", ocr: str = "auto") -> Document:
    """A report from a stream (standard input), read in chunks and refused as soon as it passes the limit."""
    chunks, size = [], 0
    while chunk := stream.read(STREAM_CHUNK):
        size += len(chunk)
        if size > MAX_BYTES:
            raise BadInput(f"标准输入过大（超过 {MAX_BYTES // (1024 * 1024)} MB 上限），已停止读取。")
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data.strip():
        raise BadInput("标准输入为空：没有可审核的内容。")
    return read_bytes(data, name, from_stdin=True, ocr=ocr)


def read_path(path: str | Path, ocr: str = "auto") -> Document:
    path = Path(path)
    try:
        check_size(path.stat().st_size)  # before reading: a huge file would be read whole just to be refused
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise BadInput(f"找不到文件：{path}") from error
    except IsADirectoryError as error:
        raise BadInput(f"这是一个目录，不是文件：{path}") from error
    except OSError as error:
        raise BadInput(f"无法读取文件 {path}：{error.strerror}") from error
    return read_bytes(data, path.name, ocr=ocr)
