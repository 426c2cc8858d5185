"""Errors of the web layer and how every error becomes a response: a status and one Chinese sentence.

Bad input is 400, an unknown id 404, a review not finished yet 409, an oversized body 413,
a malformed request 422, a missing LLM 503; anything else is a bug, logged with its traceback and answered with a plain 500.
"""
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from assistant.errors import BadInput, LLMUnavailable
from assistant.web.templating import render

log = logging.getLogger("selfeval.web")

STATUS_MESSAGES = {
    401: "需要访问令牌：请在地址后加 ?token=… 或在请求头中提供 Authorization: Bearer …。",
    404: "找不到该页面或审核记录。",
    405: "不支持该请求方法。",
}


class WebError(Exception):
    """An error a client caused, with the status it should see."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(WebError):
    status = 404


class Conflict(WebError):
    status = 409


class TooLarge(WebError):
    status = 413


class Unprocessable(WebError):
    status = 422


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str):
    """The error as JSON `{"detail": message}` for API clients, or as a page for browsers."""
    if wants_html(request):
        return render(request, "error.html", {"status": status, "message": message}, status=status)
    return JSONResponse({"detail": message}, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    """Map every exception to a response without a stack trace."""

    @app.exception_handler(WebError)
    async def web_error(request: Request, error: WebError):
        return error_response(request, error.status, error.message)

    @app.exception_handler(BadInput)
    async def bad_input(request: Request, error: BadInput):
        return error_response(request, 400, str(error))

    @app.exception_handler(LLMUnavailable)
    async def llm_unavailable(request: Request, error: LLMUnavailable):
        return error_response(request, 503, str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        fields = "、".join(".".join(str(part) for part in e["loc"][1:]) or "请求体" for e in error.errors())
        return error_response(request, 422, f"请求格式不正确：{fields} 缺失或无效。")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException):
        return error_response(request, error.status_code, STATUS_MESSAGES.get(error.status_code, "请求无法处理。"))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, error: Exception):
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "服务器内部错误，已记录日志。请稍后重试或联系管理员。")
