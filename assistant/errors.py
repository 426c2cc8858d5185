"""Errors a user can cause, each with its documented exit code."""


class SelfevalError(Exception):
    """Base for user-facing errors; `exit_code` is what the CLI returns."""

    exit_code = 1


class BadInput(SelfevalError):
    """Unreadable, empty, oversized or not-a-report input (exit code 2)."""

    exit_code = 2


class LLMUnavailable(SelfevalError):
    """An LLM endpoint was required but could not be used (exit code 3)."""

    exit_code = 3
