"""The Typer app and what every command shares: reading FILE, printing, exit codes."""
import functools
import os
import sys
from enum import Enum

import typer
from rich.console import Console

from assistant.document import Document
from assistant.errors import BadInput, SelfevalError

app = typer.Typer(
    name="selfeval",
    help="绩效自评审核助手：抽取自评表、复核数字、起草审核意见。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
stderr = Console(stderr=True)


class Format(str, Enum):
    table = "table"
    json = "json"
    md = "md"


def fail(message: str, code: int) -> None:
    stderr.print(f"[red]错误：[/red]{message}", markup=True, highlight=False)
    raise typer.Exit(code)


def guarded(command):
    """Turn user errors into a message + exit code; hide tracebacks unless SELFEVAL_DEBUG is set."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except SelfevalError as error:
            fail(str(error), error.exit_code)
        except KeyboardInterrupt:
            fail("已中断。", 130)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as error:  # a bug: say so plainly, keep the traceback for debug mode
            if os.environ.get("SELFEVAL_DEBUG"):
                raise
            fail(f"内部错误（{type(error).__name__}: {error}）。设置 SELFEVAL_DEBUG=1 可查看详细信息。", 1)

    return wrapper


def read_document(file: str) -> Document:
    """FILE as a path, or "-" for standard input."""
    from assistant.ingest import read_bytes, read_path

    if file == "-":
        data = sys.stdin.buffer.read()
        if not data.strip():
            raise BadInput("标准输入为空：没有可审核的内容。")
        return read_bytes(data, "stdin", from_stdin=True)
    return read_path(file)


def print_json(model) -> None:
    sys.stdout.write(model.model_dump_json(indent=2) + "\n")
