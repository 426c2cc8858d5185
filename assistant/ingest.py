"""Ingestion: bytes of a .txt, .docx or .pdf (or stdin) → one `Document`.

The file type is sniffed from the content, never trusted from the name. Text is decoded
from UTF-8, UTF-16 or GB18030/GBK (detected). Word and PDF tables are rendered into the
same tab layout as Word's plain-text export, so every value has a line to point at.
"""
import hashlib
import io
import re
import zipfile
from pathlib import Path

from charset_normalizer import from_bytes

from assistant.document import Block, Cell, Document, Paragraph, Row, TableBlock
from assistant.errors import BadInput
from assistant.layout import attach_titles, parse_text
from assistant.values import normalize_text
from schemas import Source

MAX_BYTES = 20 * 1024 * 1024
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
REPORT_WORDS = ("预算", "绩效", "支出", "资金", "指标", "自评", "执行")
ASCII = bytes(range(128))
MIXED_ENCODING = "文件混用了 UTF-8 与 GBK 两种编码，已逐行识别；如仍有乱码，请统一另存为 UTF-8 后再审核。"


def sniff(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    return "txt"


def decode_text(data: bytes) -> str:
    """Decode report text; GBK and GB18030 files read the same as their UTF-8 copies."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = mixed_lines(data)
    if lines is not None:
        return "\n".join(line.decode("utf-8") if is_utf8(line) else line.decode("gb18030", errors="replace")
                         for line in lines)
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise BadInput("无法识别文件编码：既不是 UTF-8/UTF-16，也不是 GBK/GB18030 文本。")
    return data.decode(best.encoding, errors="replace")


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def mixed_lines(data: bytes) -> list[bytes] | None:
    """The lines of a text pasted together from UTF-8 and GBK parts; None if no part is UTF-8."""
    lines = data.split(b"\n")
    # A GBK line passes for UTF-8 by chance only when short; two long ones mean a UTF-8 part.
    utf8 = sum(1 for line in lines if len(line.translate(None, ASCII)) >= 9 and is_utf8(line))
    return lines if utf8 >= 2 else None


def check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise BadInput(f"文件过大（{size // (1024 * 1024)} MB），上限为 {MAX_BYTES // (1024 * 1024)} MB。")


def check_text(text: str) -> None:
    if not text.strip():
        raise BadInput("文件为空：没有可审核的内容。")
    sample = text[:100_000]
    if len(CONTROL.findall(sample)) > max(10, len(sample) // 100) or "\ufffd" * 8 in sample:
        raise BadInput("文件内容不是可读文本（疑似二进制文件或编码错误）。")


def lines_of(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_txt(data: bytes) -> tuple[list[str], list[Block]]:
    text = decode_text(data)
    check_text(text)
    lines = lines_of(text)
    return lines, parse_text(lines)


class _Renderer:
    """Writes paragraphs and tables as lines (tab layout) while building the blocks."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.blocks: list[Block] = []

    def paragraph(self, text: str) -> None:
        for line in lines_of(text):
            self.lines.append(line)
            if line.strip():
                self.blocks.append(Paragraph(line.strip(), len(self.lines)))

    def table(self, rows: list[list[str]]) -> None:
        table_rows = []
        for cells in rows:
            row = Row([])
            for text in cells:
                parts = [part.strip().lstrip("\t") for part in lines_of(text.strip())] or [""]
                self.lines.append("\t" + parts[0])
                row.cells.append(Cell("\n".join(parts).strip(), len(self.lines)))
                self.lines.extend(parts[1:])
            self.lines.append("")
            if row.cells:
                table_rows.append(row)
        if table_rows:
            self.blocks.append(TableBlock(table_rows))
        self.lines.append("")


def docx_cell_text(tc) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))


def qn(tag: str) -> str:
    from docx.oxml.ns import qn as docx_qn

    return docx_qn(tag)


def docx_rows(tbl) -> list[list[str]]:
    """One logical cell per <w:tc>: a gridSpan cell once, a vMerge continuation empty."""
    rows = []
    for tr in tbl.iterchildren(qn("w:tr")):
        cells = []
        for tc in tr.iterchildren(qn("w:tc")):
            merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            continued = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
            cells.append("" if continued else docx_cell_text(tc))
        rows.append(cells)
    return rows


def check_zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise BadInput("Word 文件已损坏或不完整，无法打开。") from error
    if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNCOMPRESSED:
        raise BadInput("Word 文件解压后过大（疑似压缩炸弹），已拒绝处理。")
    if "word/document.xml" not in archive.namelist():
        raise BadInput("压缩包不是 Word（.docx）文件。")
    return archive


def read_docx(data: bytes) -> tuple[list[str], list[Block]]:
    import docx

    check_zip(data)
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except Exception as error:  # python-docx raises many types on corrupt parts
        raise BadInput(f"Word 文件已损坏，无法解析：{type(error).__name__}") from error
    renderer = _Renderer()

    def walk(element) -> None:
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                renderer.paragraph("".join(t.text or "" for t in child.iter(qn("w:t"))))
            elif child.tag == qn("w:tbl"):
                renderer.table(docx_rows(child))
            elif child.tag in (qn("w:sdt"), qn("w:sdtContent")):
                walk(child)

    walk(body)
    return renderer.lines, attach_titles(renderer.blocks)


def read_pdf(data: bytes) -> tuple[list[str], list[Block]]:
    import pdfplumber

    renderer = _Renderer()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as error:  # pdfminer raises many types on corrupt files
        raise BadInput(f"PDF 文件已损坏，无法打开：{type(error).__name__}") from error
    with pdf:
        if not any(page.chars for page in pdf.pages):
            raise BadInput("PDF 没有文本层（扫描件），需要先进行 OCR 识别后再审核。")
        for page in pdf.pages:
            tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
            top = 0.0
            for table in tables:
                above = page.crop((0, top, page.width, max(top, table.bbox[1])))
                renderer.paragraph(above.extract_text() or "")
                renderer.table([[cell or "" for cell in row] for row in table.extract()])
                top = table.bbox[3]
            renderer.paragraph(page.crop((0, top, page.width, page.height)).extract_text() or "")
    return renderer.lines, attach_titles(renderer.blocks)


READERS = {"txt": read_txt, "docx": read_docx, "pdf": read_pdf}


def read_bytes(data: bytes, name: str, from_stdin: bool = False) -> Document:
    """Parse report bytes into a Document; raises BadInput with a message a user can act on."""
    check_size(len(data))
    if not data.strip():
        raise BadInput("文件为空：没有可审核的内容。")
    kind = sniff(data)
    lines, blocks = READERS[kind](data)
    text = "\n".join(lines)
    if not any(word in normalize_text(text) for word in REPORT_WORDS):  # 預算 in traditional text counts
        raise BadInput("内容不像预算绩效自评报告（没有预算、绩效、支出、指标等字样）。")
    source = Source(name=name, sha256=hashlib.sha256(data).hexdigest(), format="stdin" if from_stdin else kind)
    mixed = kind == "txt" and not is_utf8(data) and mixed_lines(data) is not None
    return Document(source=source, lines=lines, blocks=blocks, warnings=[MIXED_ENCODING] if mixed else [])


def read_path(path: str | Path) -> Document:
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
    return read_bytes(data, path.name)
