"""Reading a report out of a request: a multipart `file`, a form or JSON `text` (with the clipboard's `html` when a
paste carried one), and the options.

Only the bytes are trusted, never the name or the declared content type: ingest sniffs the
format, and the size is checked here before anything is parsed.
"""
import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request

from assistant.ingest import MAX_BYTES
from assistant.review.drafts import MODES
from assistant.web.errors import TooLarge, Unprocessable, WebError

PASTED_NAME = "粘贴文本.txt"
PASTED_PAGE_NAME = "粘贴内容.html"
TABLE_TAG = re.compile(r"<table\b", re.IGNORECASE)
# Read before any charset the copied page declares: the clipboard's HTML reached us as text, sent as UTF-8.
AS_UTF8 = '<!DOCTYPE html><meta charset="utf-8">'
MAX_NAME = 200


@dataclass
class Upload:
    data: bytes
    name: str
    mode: str = "template"
    idempotency_key: str | None = None  # the upload form's own, so a resubmitted form is one review


def safe_name(filename: str | None) -> str:
    """The last path component of a client-supplied file name, trimmed; never a path."""
    name = PureWindowsPath(PurePosixPath(filename or "").name).name.strip()
    return name[:MAX_NAME] or "上传文件"


def checked_mode(mode: object) -> str:
    if mode in (None, ""):
        return "template"
    if mode not in MODES:
        raise Unprocessable("起草方式（mode）只能是 template（模板，离线）或 llm（大模型）。")
    return str(mode)


def checked_size(data: bytes) -> bytes:
    if len(data) > MAX_BYTES:
        raise TooLarge(f"文件过大（{len(data) / (1024 * 1024):.1f} MB），上限为 {MAX_BYTES // (1024 * 1024)} MB。")
    return data


def pasted(text: str, page: object) -> tuple[bytes, str]:
    """What a paste submits: the clipboard's HTML when it holds a table — a copy out of a browser, Word or Excel keeps
    its cells, merged cells and line breaks there, which its plain text loses — else the text."""
    # (a lone surrogate a JSON body may carry is no character: it is replaced, not a server error)
    if isinstance(page, str) and TABLE_TAG.search(page):
        return checked_size((AS_UTF8 + page).encode("utf-8", errors="replace")), PASTED_PAGE_NAME
    return checked_size(text.encode("utf-8", errors="replace")), PASTED_NAME


async def read_form(request: Request) -> Upload:
    try:
        form = await request.form(max_files=1, max_fields=10, max_part_size=MAX_BYTES + 1)
    except HTTPException as error:  # starlette's report of a malformed multipart body
        raise WebError("上传内容不是有效的 multipart/form-data 格式，请重新选择文件上传。") from error
    file, text = form.get("file"), form.get("text")
    mode = checked_mode(form.get("mode"))
    key = form.get("idempotency_key")
    key = key[:MAX_NAME] if isinstance(key, str) and key else None
    if isinstance(file, UploadFile) and file.filename:
        return Upload(checked_size(await file.read(MAX_BYTES + 1)), safe_name(file.filename), mode, key)
    if isinstance(text, str) and text.strip():
        return Upload(*pasted(text, form.get("html")), mode, key)
    raise Unprocessable("请选择要上传的报告文件（字段 file），或粘贴报告全文（字段 text）。")


async def read_json(request: Request) -> Upload:
    try:
        body = json.loads(await request.body())
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Unprocessable("请求体不是有效的 JSON。") from error
    if not isinstance(body, dict) or not isinstance(body.get("text"), str) or not body["text"].strip():
        raise Unprocessable('JSON 请求体须为 {"text": "报告全文"}，且 text 不能为空。')
    data, name = pasted(body["text"], body.get("html"))
    name = safe_name(body["name"]) if isinstance(body.get("name"), str) else name
    return Upload(data, name, checked_mode(body.get("mode")))


async def read_upload(request: Request) -> Upload:
    """The report a request carries; raises a WebError a user can act on if it carries none."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return await read_form(request)
    if content_type == "application/json":
        return await read_json(request)
    raise Unprocessable("请以 multipart/form-data 上传文件（字段 file），或以 JSON 提交 {\"text\": …}。")
