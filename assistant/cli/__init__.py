"""The `selfeval` command line: one module per verb, all registered on one Typer app.

User errors (bad input, missing LLM) print one line on stderr and exit with the code the
contract documents; anything else is a bug and shows a traceback only with SELFEVAL_DEBUG=1.
"""
import atexit
import os
import sys
import threading

from assistant.cli.app import app
from assistant.cli import check, evaluate, extract, serve  # noqa: F401  (register commands)
from assistant.cli import batch  # noqa: F401
from assistant.cli import bench  # noqa: F401
from assistant.cli import review  # noqa: F401
from assistant.cli import chat  # noqa: F401
from assistant.cli import cache  # noqa: F401
from assistant.cli import user  # noqa: F401

__all__ = ["app", "main"]


def main() -> None:
    """`selfeval`: run the command, then leave without tearing the interpreter down.

    Freeing every module and object at exit (pydantic's validators, OpenCC's dictionaries, lxml) costs a
    short command a sixth of its time and shows the user nothing. Exit handlers still run and the output is
    flushed first; with another thread still running, the exit is the ordinary one.
    """
    try:
        app(prog_name="selfeval")
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    if threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: the ordinary exit reports it
        sys.exit(code)
    if code is not None and not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        sys.stderr.flush()
        code = 1
    os._exit(code or 0)
