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
    token: str = typer.Option(None, "--token", envvar="SELFEVAL_TOKEN", help="访问令牌；设置后每个请求都须提供"),
) -> None:
    """启动网页版审核助手：上传或粘贴报告，查看自评表、问题、草稿，并提问。"""
    import uvicorn

    from assistant.store import Store, default_path
    from assistant.web import create_app
    from assistant.web.security import LOOPBACK_HOSTS

    check_port_free(host, port)
    store = Store(db or default_path())
    if not is_loopback(host) and not token:
        stderr.print("[yellow]注意：[/yellow]正在监听非本机地址且未设置 --token，网络上任何人都能访问这些报告。",
                     highlight=False)
    address = f"http://{f'[{host}]' if ':' in host else host}:{port}/"
    console.print(f"selfeval 网页版：{address}{'?token=…' if token else ''}  数据库：{store.path}  按 Ctrl-C 停止。",
                  highlight=False, soft_wrap=True)
    allowed_hosts = LOOPBACK_HOSTS if is_loopback(host) else None
    uvicorn.run(create_app(store, token=token, allowed_hosts=allowed_hosts), host=host, port=port, log_level=os.environ.get("SELFEVAL_LOG", "warning"),
                access_log=False, timeout_graceful_shutdown=5)
