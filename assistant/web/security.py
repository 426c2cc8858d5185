"""Request guards: the Host and Origin a request may come from, who is asking (accounts, a server
token, or single-user mode), a cap on the request body size, and the security headers of every response.

All are plain ASGI middleware, so they act before any body is parsed.
"""
import hashlib
import hmac
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.requests import Request

from assistant.store import Store
from assistant.web.errors import STATUS_MESSAGES, TooLarge, error_response
from assistant.web.templating import render

SESSION_COOKIE = "selfeval_session"
OPEN_PATHS = ("/healthz", "/static/")
LOGIN_PATHS = ("/login", "/logout")
SIGN_IN_MESSAGE = "请先登录：在网页上用账户登录，或在请求头中提供 Authorization: Bearer <你的 API 令牌>。"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
DOCS_PATHS = ("/docs", "/redoc")
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'")
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


class Authenticator:
    """Who is asking, set as `request.state.user`, and a refusal for anyone who may not ask.

    - Users in the store: a signed-in session cookie or a user's API token (`Authorization: Bearer …`)
      is required; `user` is that reviewer.
    - No users, a server token (`SELFEVAL_TOKEN` or a token file): the token as a bearer, `?token=…`
      (a browser then gets a session cookie and the token leaves the address) or that cookie; `user` is None.
    - No users, no token: single-user mode, everyone is let in; `user` is None.
    """

    def __init__(self, app, store: Store, token: str | None) -> None:
        self.app = app
        self.store = store
        self.token = token

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"].startswith(OPEN_PATHS):
            return await self.app(scope, receive, send)
        scope.setdefault("state", {})["user"] = None
        if self.store.has_users():
            return await self._accounts(scope, receive, send)
        if self.token:
            return await self._server_token(scope, receive, send)
        return await self.app(scope, receive, send)

    async def _accounts(self, scope, receive, send):
        if scope["path"] in LOGIN_PATHS:
            return await self.app(scope, receive, send)
        bearer = header(scope, b"authorization").removeprefix("Bearer ").strip()
        user = self.store.user_for(bearer, "api") or self.store.user_for(cookie(scope, SESSION_COOKIE), "session")
        if user is None:
            if scope["method"] == "GET" and "text/html" in header(scope, b"accept"):
                return await send_redirect(scope, send, "/login?" + urlencode({"next": scope["path"]}))
            return await send_error(scope, receive, send, 401, SIGN_IN_MESSAGE)
        scope["state"]["user"] = user
        return await self.app(scope, receive, send)

    def _token_given(self, scope, query_token: str) -> bool:
        def same(given: str, expected: str) -> bool:
            return bool(given) and hmac.compare_digest(given.encode(), expected.encode())

        bearer = header(scope, b"authorization").removeprefix("Bearer ").strip()
        return (same(bearer, self.token) or same(query_token, self.token)
                or same(cookie(scope, SESSION_COOKIE), session_value(self.token)))

    async def _server_token(self, scope, receive, send):
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        query_token = dict(query).get("token", "")
        if not self._token_given(scope, query_token):
            if scope["method"] == "GET" and "text/html" in header(scope, b"accept"):
                response = render(Request(scope, receive), "token.html", {"status": 401}, status=401)
                return await response(scope, receive, send)
            return await send_error(scope, receive, send, 401, STATUS_MESSAGES[401])
        if query_token and scope["method"] == "GET":
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            return await send_redirect(scope, send, scope["path"] + (f"?{rest}" if rest else ""),
                                       session_cookie(session_value(self.token), secure=scope.get("scheme") == "https"))
        return await self.app(scope, receive, send)


def session_cookie(value: str, max_age: int | None = None, secure: bool = False) -> str:
    """The Set-Cookie value of a session: never readable by scripts, never sent by other sites' pages,
    and over HTTPS never sent over plain HTTP."""
    return (f"{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict" + (f"; Max-Age={max_age}" if max_age is not None else "")
            + ("; Secure" if secure else ""))


async def send_redirect(scope, send, location: str, set_cookie: str | None = None) -> None:
    headers = [(b"location", location.encode("utf-8")), (b"referrer-policy", b"no-referrer"), (b"content-length", b"0")]
    if set_cookie:
        headers.append((b"set-cookie", set_cookie.encode()))
    await send({"type": "http.response.start", "status": 303, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


class SecurityHeaders:
    """Headers every response carries, pages, API, exports and docs alike: no MIME sniffing, a
    Content-Security-Policy (the bundled API docs need their inline start-up script), no caching
    of anything but the static files, and no framing."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope["path"]
        extra = [
            (b"content-security-policy", (DOCS_CSP if path.startswith(DOCS_PATHS) else CSP).encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),
            (b"cache-control", b"no-cache" if path.startswith("/static/") else b"no-store"),
        ]

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {key.lower() for key, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in extra if h[0] not in present]
            await send(message)

        await self.app(scope, receive, with_headers)


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
