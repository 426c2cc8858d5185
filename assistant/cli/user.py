"""`selfeval user add|token`: reviewers' accounts for `selfeval serve`, kept in the same SQLite store."""
import sys
from pathlib import Path

import typer

from assistant.cli.app import app, console, guarded
from assistant.errors import BadInput

user_app = typer.Typer(help="网页版的审核人员账户：添加账户、签发 API 令牌。", no_args_is_help=True)
app.add_typer(user_app, name="user")

DB_OPTION = typer.Option(None, "--db", help="SQLite 数据库文件；默认 $SELFEVAL_DB 或 ~/.local/share/selfeval/reviews.db")


def open_store(db: Path | None):
    from assistant.store import Store, default_path

    return Store(db or default_path())


def read_password(from_stdin: bool) -> str:
    """The new password: one line of standard input (for scripts), or typed twice at a hidden prompt."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("密码", hide_input=True, confirmation_prompt="再输入一次密码")
    if len(password) < 8:
        raise BadInput("密码至少需要 8 个字符。")
    return password


@user_app.command("add")
@guarded
def add(
    name: str = typer.Argument(..., help="用户名"),
    admin: bool = typer.Option(False, "--admin", help="管理员：能看到所有人的报告"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="从标准输入读取密码（一行）"),
    db: Path = DB_OPTION,
) -> None:
    """添加一个审核人员账户，并给出其 API 令牌（只显示这一次）。有账户后，网页版须登录。"""
    store = open_store(db)
    user = store.add_user(name, read_password(password_stdin), admin)
    token = store.issue_credential(user, "api")
    console.print(f"已添加{'管理员' if admin else '用户'}“{user.name}”。API 令牌（只显示这一次，请妥善保存）：",
                  highlight=False)
    console.print(token, highlight=False, soft_wrap=True)


@user_app.command("token")
@guarded
def token(name: str = typer.Argument(..., help="用户名"), db: Path = DB_OPTION) -> None:
    """为已有账户签发一个新的 API 令牌（Authorization: Bearer <令牌>）。"""
    store = open_store(db)
    user = store.find_user(name)
    if user is None:
        raise BadInput(f"没有用户“{name}”。")
    console.print(store.issue_credential(user, "api"), highlight=False, soft_wrap=True)
