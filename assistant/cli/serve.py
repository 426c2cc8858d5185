"""`selfeval serve`: the web app for reviewers (upload, findings, drafts, chat) on loopback by default."""
import os
from pathlib import Path

import typer

from assistant.cli.app import app, console, guarded, stderr
from assistant.errors import BadInput


def is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_port_free(host: str, port: int) -> None:
    """Fail with a clear message now rather than a uvicorn traceback later."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise BadInput(f"无法监听 {host}:{port}：{error.strerror}（端口可能已被占用，可用 --port 换一个）。") from error


@app.command()
@guarded
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址；默认只允许本机访问"),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="端口"),
    db: Path = typer.Option(None, "--db", help="SQLite 数据库文件；默认 $SELFEVAL_DB 或 ~/.local/share/selfeval/reviews.db"),
    token_file: Path = typer.Option(None, "--token-file", help="服务令牌所在的文件（或用环境变量 SELFEVAL_TOKEN）；"
                                    "未配置账户时，设置后每个请求都须提供"),
    cpu_seconds: int = typer.Option(60, "--cpu-seconds", envvar="SELFEVAL_WORKER_CPU_SECONDS", min=1,
                                    help="每次分析的 CPU 时间上限（秒）"),
    memory_mb: int = typer.Option(1536, "--memory-mb", envvar="SELFEVAL_WORKER_MEMORY_MB", min=256,
                                  help="每次分析的内存上限（MB）"),
    ocr_memory_mb: int = typer.Option(3072, "--ocr-memory-mb", envvar="SELFEVAL_WORKER_OCR_MEMORY_MB", min=256,
                                      help="读取扫描件（OCR）时的内存上限（MB）；OCR 引擎约需 2 GB 地址空间"),
    max_ocr_pages: int = typer.Option(100, "--max-ocr-pages", envvar="SELFEVAL_WORKER_MAX_OCR_PAGES", min=1,
                                      help="每份上传最多 OCR 识别的页数；每页另加 20 秒 CPU 时间"),
) -> None:
    """启动网页版审核助手：上传或粘贴报告，查看自评表、问题、草稿，并提问。

    账户用 selfeval user add 创建；有账户时须登录，每人只看到自己的报告。
    """
    import uvicorn

    from assistant.store import Store, default_path
    from assistant.web import create_app
    from assistant.web.security import LOOPBACK_HOSTS
    from assistant.web.worker import Limits

    check_port_free(host, port)
    token = server_token(token_file)
    store = Store(db or default_path())
    accounts = store.has_users()
    if not is_loopback(host) and not accounts and not token:
        stderr.print("[yellow]注意：[/yellow]正在监听非本机地址，但既没有账户（selfeval user add）也没有服务令牌，"
                     "网络上任何人都能访问这些报告。", highlight=False)
    address = f"http://{f'[{host}]' if ':' in host else host}:{port}/"
    access = "须登录" if accounts else ("须带服务令牌 ?token=…" if token else "单用户模式（未配置账户）")
    console.print(f"selfeval 网页版：{address}  {access}  数据库：{store.path}  按 Ctrl-C 停止。",
                  highlight=False, soft_wrap=True)
    allowed_hosts = LOOPBACK_HOSTS if is_loopback(host) else None
    limits = Limits(cpu_seconds, memory_mb, ocr_memory_mb=ocr_memory_mb, max_ocr_pages=max_ocr_pages)
    app = create_app(store, token=token, allowed_hosts=allowed_hosts, limits=limits)
    uvicorn.run(app, host=host, port=port, log_level=os.environ.get("SELFEVAL_LOG", "warning"),
                access_log=False, timeout_graceful_shutdown=5)


def server_token(token_file: Path | None) -> str | None:
    """The server token from a file or $SELFEVAL_TOKEN; never from the command line, where `ps` shows it."""
    if token_file is None:
        return os.environ.get("SELFEVAL_TOKEN") or None
    try:
        token = token_file.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"无法读取令牌文件 {token_file}：{getattr(error, 'strerror', None) or error}。") from error
    if not token:
        raise BadInput(f"令牌文件 {token_file} 是空的。")
    return token
