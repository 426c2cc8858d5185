"""A web page saved as one file (.mhtml/.mht: a browser's "网页，单个文件", Word's or WPS's 单个文件网页): a MIME
archive whose HTML part is the page, read as a page."""
import email
import email.policy

from assistant.errors import BadInput
from assistant.ingest.grid import Grid
from assistant.ingest.html import read_html


def read_mhtml(data: bytes) -> Grid:
    """The archive's first HTML part (its quoted-printable or base64 undone), read as the page it is."""
    archive = email.message_from_bytes(data, policy=email.policy.default)
    page = next((part for part in archive.walk() if part.get_content_type() == "text/html"), None)
    if page is None:
        raise BadInput("单个文件网页（.mht/.mhtml）中没有网页正文（text/html 部分），无法审核。")
    grid = read_html(page.get_payload(decode=True) or b"")
    grid.source_format = "html"
    return grid
