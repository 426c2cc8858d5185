"""A web page saved as one file (.mhtml/.mht: a browser's "网页，单个文件", Word's or WPS's 单个文件网页): a MIME
archive whose HTML part is the page, read as a page."""
import email
import email.errors
import email.policy

from assistant.errors import BadInput
from assistant.ingest.grid import Grid
from assistant.ingest.html import read_html


def read_mhtml(data: bytes) -> Grid:
    """The archive's first HTML part (its quoted-printable or base64 undone, in the charset its page or the part
    declares), read as the page it is."""
    try:
        archive = email.message_from_bytes(data, policy=email.policy.default)
        page = next((part for part in archive.walk() if part.get_content_type() == "text/html"), None)
        html = page.get_payload(decode=True) if page is not None else None
    except (RecursionError, email.errors.MessageError, ValueError) as error:
        raise BadInput(f"单个文件网页（.mht/.mhtml）的结构无法解析：{type(error).__name__}") from error
    if page is None:
        raise BadInput("单个文件网页（.mht/.mhtml）中没有网页正文（text/html 部分），无法审核。")
    grid = read_html(html or b"", page.get_content_charset())
    grid.source_format = "html"
    return grid
