"""What a file is, from its first bytes and container structure — never from its name."""
import io
import re
import zipfile

from assistant.errors import BadInput

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file (Office 97-2003); olefile reads it
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM", b"GIF87a", b"GIF89a")
# A page, or the part of one a clipboard holds (a browser's copy opens with the first element selected: <p>, <div>).
HTML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*"
                        rb"<(!doctype\s+html|html|head|meta|body|table|title|style|div|p|span|h[1-6])\b",
                        re.IGNORECASE | re.DOTALL)
# A page saved as one file opens with MIME headers (a browser's "From: <Saved by Blink>", Word's "MIME-Version: 1.0")
# over a multipart/related body.
MIME_HEADER = re.compile(rb"^[\w-]{1,40}:")
MIME_HEADERS_READ = 1 << 16  # bytes: a browser folds a long Chinese title and a file path over many header lines
# Kingsoft WPS and ET save Word 97 and Excel 97 streams; the name is the only difference, so it only labels them.
OLE_LABELS = {"doc": {".wps": "wps"}, "xls": {".et": "et"}}


def sniff(data: bytes, name: str = "") -> str:
    """The source format: txt, docx, xlsx, doc, wps, xls, et, html, mhtml, pdf or image; BadInput for what cannot be
    read."""
    head = data[:1024]
    if head.startswith(b"PK\x03\x04"):
        return zip_kind(data)
    if head.startswith(OLE_MAGIC):
        kind = ole_kind(data)
        return OLE_LABELS[kind].get(suffix(name), kind)
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(IMAGE_MAGIC):
        return "image"
    if head.lstrip().startswith(b"{\\rtf"):
        raise BadInput("这是 RTF 文件，暂不支持；请用 Word 或 WPS 另存为 .docx 后再审核。")
    if HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")):
        return "html"
    if MIME_HEADER.match(head.removeprefix(b"\xef\xbb\xbf")) and is_web_archive(data):
        return "mhtml"
    return "txt"


def is_web_archive(data: bytes) -> bool:
    """Headers that say multipart/related: a web page and its parts in one file."""
    from email import policy
    from email.parser import BytesHeaderParser

    try:
        headers = BytesHeaderParser(policy=policy.default).parsebytes(
            data.removeprefix(b"\xef\xbb\xbf")[:MIME_HEADERS_READ])
        return headers.get_content_type() == "multipart/related"
    except (ValueError, TypeError, IndexError):  # a header the parser cannot make sense of: no archive
        return False


def suffix(name: str) -> str:
    return name[name.rfind("."):].lower() if "." in name else ""


def zip_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile as error:
        # The local headers still name the parts when the directory at the end is lost.
        head = data[:1 << 20]
        kind = "Excel" if b"xl/" in head and b"word/" not in head else "Word"
        raise BadInput(f"{kind} 文件已损坏或不完整，无法打开。") from error
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise BadInput("压缩包既不是 Word（.docx）也不是 Excel（.xlsx）文件，无法审核。")


def ole_kind(data: bytes) -> str:
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(entry) for entry in ole.listdir()}
    except Exception as error:  # olefile raises OSError, ValueError or struct errors on a damaged compound file
        raise BadInput("Office 97-2003 文件（.doc/.xls）已损坏，无法打开。") from error
    if "WordDocument" in streams:
        return "doc"
    if streams & {"Workbook", "Book"}:
        return "xls"
    if "EncryptedPackage" in streams:
        raise BadInput("文件已加密（设置了打开密码），请去掉密码后再审核。")
    raise BadInput("这是 Office 97-2003 格式的文件，但既不是 Word 文档也不是 Excel 工作簿，无法审核。")
