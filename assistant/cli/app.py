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


def read_document(file: str, ocr: str = "auto") -> Document:
    """FILE as a path, or "-" for standard input (read in bounded chunks); `ocr` is auto, always or never."""
    from assistant.ingest import OCR_MODES, read_path, read_stream

    if ocr not in OCR_MODES:
        raise BadInput("--ocr 只能是 auto（无文本层时识别）、always（每页都识别）或 never（不识别）。")
    if file == "-":
        return read_stream(sys.stdin.buffer, ocr=ocr)
    return read_path(file, ocr=ocr)


def print_json(model) -> None:
    sys.stdout.write(model.model_dump_json(indent=2) + "\n")
