"""Verification of a model's answer: every number in it must come from a tool result.

A number counts when a tool printed it (a value, a quote, a line) or when it is a tool's
value rounded to the answer's printed precision (a calculate result of 97.2574… verifies
"97.26"). Numbers in the question itself are allowed too (years, targets it quotes).
"""
from assistant.review.grounding import grounded, printed_numbers


def tool_numbers(results: list[dict]) -> list[float]:
    """Every number the tool results contain, in their values and in their texts."""
    numbers: list[float] = []

    def walk(item) -> None:
        if isinstance(item, bool) or item is None:
            return
        if isinstance(item, (int, float)):
            numbers.append(float(item))
        elif isinstance(item, str):
            numbers.extend(float(n) for n in printed_numbers(item))
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(results)
    return numbers


def unverified_numbers(answer: str, value: float | None, question: str, results: list[dict]) -> list[str]:
    """Numbers of the answer (its text and its value) that no tool result and not the question gives."""
    allowed = tool_numbers(results) + [float(n) for n in printed_numbers(question)]
    source = frozenset(allowed)
    printed = printed_numbers(answer) + ([repr(round(value, 6))] if value is not None else [])
    return list(dict.fromkeys(n for n in printed if not grounded(n, source, allowed)))
