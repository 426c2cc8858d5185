"""The Typer app and what every command shares: reading FILE, printing, exit codes.

Start-up cost is paid per command: this module and every command module import only typer and
the standard library at the top; each command imports what it uses when it runs, so `--help`
or `extract --format json` never load rich, the chat, the web app or the LLM clients.
"""
import functools
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from assistant.errors import BadInput, SelfevalError

# No pydantic plugins in the command line (typer turns them off for its own adapters too): looking for them scans
# the entry points of every installed distribution, about 15 ms of each command. A user's own setting is kept.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
if TYPE_CHECKING:
    from rich.console import Console

    from assistant.document import Document

app = typer.Typer(
    name="selfeval",
    help="绩效自评审核助手：抽取自评表、复核数字、起草审核意见。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help and usage errors: rich costs more to import than typer itself
)


class LazyConsole:
    """A rich Console made on first use, so a command that prints no table never imports rich."""

    def __init__(self, **options) -> None:
        self._options = options

    @functools.cached_property
    def _console(self) -> "Console":
        from rich.console import Console

        return Console(**self._options)

    def __getattr__(self, name: str):
        return getattr(self._console, name)

    # `with console:` (rich's Live and Progress do it) looks these up on the class, not through __getattr__.
    def __enter__(self) -> "Console":
        return self._console.__enter__()

    def __exit__(self, *exc_info) -> None:
        self._console.__exit__(*exc_info)


console = LazyConsole()
stderr = LazyConsole(stderr=True)


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


def read_document(file: str, ocr: str = "auto") -> "Document":
    """FILE as a path, or "-" for standard input (read in bounded chunks); `ocr` is auto, always or never."""
    from assistant.ingest import OCR_MODES, read_path, read_stream

    if ocr not in OCR_MODES:
        raise BadInput("--ocr 只能是 auto（无文本层时识别）、always（每页都识别）或 never（不识别）。")
    if file == "-":
        return read_stream(sys.stdin.buffer, ocr=ocr)
    return read_path(file, ocr=ocr)


def evals_dir(given: Path | None, default: Path, option: str) -> Path:
    """The directory given with `option`, else the source tree's (evals/samples, evals/gold, evals/reports).

    An installed copy has no evals/: the message says which option names the directory instead.
    """
    if given is not None:
        if not given.is_dir():
            raise BadInput(f"目录不存在：{given}")
        return given
    if not default.is_dir():
        raise BadInput(f"找不到 {default}：安装的 selfeval 不带样例报告和金标准，请在源码目录中运行，或用 {option} DIR 指定目录。")
    return default


def saved_reports_dir(reports: Path) -> Path:
    """evals/reports of the source tree, where `--save` writes; an installed copy has no such tree."""
    if not reports.parent.is_dir():
        raise BadInput(f"--save 写入源码目录的 {reports}，安装的 selfeval 没有该目录：请在源码目录中运行。")
    return reports


def print_json(model) -> None:
    sys.stdout.write(model.model_dump_json(indent=2) + "\n")
