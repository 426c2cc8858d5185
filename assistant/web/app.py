"""The web app factory: one FastAPI app over a Store, with its guards, pages and JSON API."""
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from assistant.ingest import MAX_BYTES
from assistant.store import Store
from assistant.web.api_routes import router as api_router
from assistant.web.errors import install_error_handlers
from assistant.web.pages import router as pages_router
from assistant.web.pipeline import Pipeline
from assistant.web.security import LOOPBACK_HOSTS, Authenticator, BodyLimit, OriginGuard, SecurityHeaders
from assistant.web.worker import Limits

STATIC = Path(__file__).parent / "static"
DESCRIPTION = """绩效自评审核助手的网页版与 JSON 接口。

上传（multipart 字段 `file`）或提交 JSON `{"text": …}` 到 `POST /api/reports`，得到审核编号 `id` 和复核结果
（与命令行 `selfeval review --format json` 相同：tables、findings、scores、drafts）。配置了账户时，请求头须带
`Authorization: Bearer <你的 API 令牌>`（`selfeval user add` 或 `selfeval user token` 给出），只能访问自己的报告；
只设置了服务令牌时带该令牌。"""


def create_app(store: Store, token: str | None = None, allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS,
               workers: int = 2, limits: Limits = Limits()) -> FastAPI:
    """A ready-to-serve app; unfinished reviews left in the store are resumed at startup.

    `token` is the server token used when the store has no users; `allowed_hosts` are the Host names it
    answers (None: any, for a server reachable on the network); `limits` bound each analysis.
    """
    pipeline = Pipeline(store, workers, limits)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        pipeline.start()
        yield
        pipeline.shutdown()

    # The docs pages load Swagger UI and ReDoc from the package, not a CDN: reviewers may be offline.
    app = FastAPIOffline(title="selfeval 绩效自评审核助手", description=DESCRIPTION, version="1", lifespan=lifespan)
    app.state.store = store
    app.state.pipeline = pipeline
    app.state.token = token
    install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=MAX_BYTES)
    app.add_middleware(Authenticator, store=store, token=token)
    app.add_middleware(OriginGuard, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)

    @app.get("/healthz", tags=["service"], summary="存活检查")
    def healthz() -> dict:
        return {"status": "ok"}

    return app
