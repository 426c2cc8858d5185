"""Request guards: the Host and Origin a request may come from, an optional access token, and a
cap on the request body size.

All are plain ASGI middleware, so they act before any body is parsed. The token may come
as `Authorization: Bearer …`, as `?token=…` (a browser then gets a session cookie and the
token is dropped from the address), or as that cookie.
"""
import hashlib
import hmac
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.requests import Request

from assistant.web.errors import STATUS_MESSAGES, TooLarge, error_response

COOKIE = "selfeval_session"
OPEN_PATHS = ("/healthz", "/static/")
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# Room for multipart boundaries and headers around a file of the maximum size.
MULTIPART_OVERHEAD = 64 * 1024


def session_value(token: str) -> str:
    """What the cookie holds: derived from the token, so the cookie never carries the token itself."""
    return hmac.new(token.encode(), b"selfeval-session", hashlib.sha256).hexdigest()


def header(scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return ""


def cookie(scope, name: str) -> str:
    for part in header(scope, b"cookie").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return ""


async def send_error(scope, receive, send, status: int, message: str) -> None:
    """Answer before the app runs, in the same shape as the app's own errors."""
    response = error_response(Request(scope, receive), status, message)
    if status == 401:
        response.headers["www-authenticate"] = 'Bearer realm="selfeval"'
    await response(scope, receive, send)


class TokenGuard:
    """Lets a request through only with the right token (no-op when no token is configured)."""

    def __init__(self, app, token: str | None) -> None:
        self.app = app
        self.token = token

    def _authorised(self, scope, query_token: str) -> bool:
        def same(given: str, expected: str) -> bool:
            return bool(given) and hmac.compare_digest(given.encode(), expected.encode())

        bearer = header(scope, b"authorization").removeprefix("Bearer ").strip()
        return (same(bearer, self.token) or same(query_token, self.token)
                or same(cookie(scope, COOKIE), session_value(self.token)))

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not self.token or scope["path"].startswith(OPEN_PATHS):
            return await self.app(scope, receive, send)
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        query_token = dict(query).get("token", "")
        if not self._authorised(scope, query_token):
            if scope["method"] == "GET" and "text/html" in header(scope, b"accept"):
                return await self._login_page(scope, receive, send)
            return await send_error(scope, receive, send, 401, STATUS_MESSAGES[401])
        if query_token and scope["method"] == "GET":
            return await self._drop_token_from_address(scope, send, query)
        return await self.app(scope, receive, send)

    async def _drop_token_from_address(self, scope, send, query) -> None:
        rest = urlencode([(k, v) for k, v in query if k != "token"])
        location = scope["path"] + (f"?{rest}" if rest else "")
        await send({"type": "http.response.start", "status": 303, "headers": [
            (b"location", location.encode("utf-8")),
            (b"set-cookie", f"{COOKIE}={session_value(self.token)}; Path=/; HttpOnly; SameSite=Strict".encode()),
            (b"referrer-policy", b"no-referrer"), (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})

    async def _login_page(self, scope, receive, send) -> None:
        from assistant.web.pages import render

        response = render(Request(scope, receive), "login.html", {"status": 401}, status=401)
        await response(scope, receive, send)


class BodyLimit:
    """Refuses a body over `limit` bytes: at once from Content-Length, or when the stream passes it."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit + MULTIPART_OVERHEAD
        self.message = f"上传内容过大，上限为 {limit // (1024 * 1024)} MB。"

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = header(scope, b"content-length")
        if declared.isdigit() and int(declared) > self.limit:
            return await send_error(scope, receive, send, 413, self.message)
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise TooLarge(self.message)
            return message

        await self.app(scope, limited_receive, send)


class OriginGuard:
    """Refuses a Host other than the allowed ones (a DNS-rebinding page aimed at a loopback server)
    and a state-changing request sent by a page of another origin (cross-site form posts)."""

    def __init__(self, app, allowed_hosts: tuple[str, ...] | None) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        host = header(scope, b"host")
        hostname = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if self.allowed_hosts is not None and hostname not in self.allowed_hosts:
            return await send_error(scope, receive, send, 403, f"不接受主机名“{hostname}”的请求：此服务只供本机访问。")
        origin = header(scope, b"origin")
        if scope["method"] not in SAFE_METHODS and origin and urlsplit(origin).netloc != host:
            return await send_error(scope, receive, send, 403, "拒绝来自其他网站的请求。")
        return await self.app(scope, receive, send)
