"""The `selfeval` command line: one module per verb, all registered on one Typer app.

User errors (bad input, missing LLM) print one line on stderr and exit with the code the
contract documents; anything else is a bug and shows a traceback only with SELFEVAL_DEBUG=1.
"""
from assistant.cli.app import app
from assistant.cli import check, evaluate, extract, serve  # noqa: F401  (register commands)
from assistant.cli import batch  # noqa: F401
from assistant.cli import bench  # noqa: F401
from assistant.cli import review  # noqa: F401
from assistant.cli import chat  # noqa: F401
from assistant.cli import cache  # noqa: F401
from assistant.cli import user  # noqa: F401

__all__ = ["app"]
