"""Lines of a text whatever its line endings: CRLF, CR, LF and Unicode separators, mixed ones included."""
import re
from collections import Counter

# Every line ending a report may mix: CRLF (Windows), CR (old Mac, some exports), LF, and Unicode separators.
LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")
ENDING = re.compile(r"(\r\n|[\r\n\u2028\u2029\x85])")
LONE_CR = re.compile(r"\r(?!\n)")
LONE_LF = re.compile(r"(?<!\r)\n")


def lines_of(text: str) -> list[str]:
    """The lines of a text whatever its line endings, mixed ones included."""
    if not (LONE_CR.search(text) and LONE_LF.search(text)):
        return LINE_BREAK.split(text)
    return mixed_endings(text)


def mixed_endings(text: str) -> list[str]:
    """Lines of a text whose writer mixed CR, LF and CRLF line by line.

    There "\r\n" is ambiguous: one CRLF ending, or a line ended by CR followed by an empty line
    ended by LF (reading it as CRLF loses the blank line that ends a table row). Each one is read
    the way that best fits the order of endings the writer used elsewhere, learnt over a few passes.
    """
    parts = ENDING.split(text)
    texts, endings = parts[0::2], parts[1::2]
    split = [False] * len(endings)
    for _ in range(3):
        sequence = [e for ending, two in zip(endings, split) for e in (["\r", "\n"] if two else [ending])]
        follows = Counter(zip(sequence, sequence[1:]))
        totals = Counter(before for before, _ in zip(sequence, sequence[1:]))

        def likely(run: list[str]) -> float:
            score = 1.0
            for before, after in zip(run, run[1:]):
                score *= (follows[before, after] + 1) / (totals[before] + 4)
            return score

        previous = None
        for index, ending in enumerate(endings):
            if ending == "\r\n":
                before = [previous] if previous else []
                after = endings[index + 1:index + 2]
                split[index] = likely(before + ["\r", "\n"] + after) > likely(before + ["\r\n"] + after)
            previous = "\n" if split[index] else ending
    lines = [texts[0]]
    for index, two in enumerate(split):
        lines += ["", texts[index + 1]] if two else [texts[index + 1]]
    return lines
