"""Grounding: a value the model returns counts only if it is printed in the chunk it came from.

Matching ignores whitespace (line breaks inside cells, full-width spaces), character width
(１２．５ = 12.5, （ = () and case, and treats ≧/≥ and ≦/≤ alike; it works character by
character, so Chinese needs no word segmentation. A found text comes back as its span in
the chunk, so the caller keeps the characters as printed and knows the source line.
Numbers are compared as numbers with every number printed in the chunk ("1,824.18",
"100%", "２２" and 五十万元-style numerals before a money unit).
"""
import bisect
import re
import unicodedata

from assistant.values import NUMBER, chinese_to_number, to_ascii

SAME_MEANING = str.maketrans({"≧": "≥", "≦": "≤", "—": "-", "－": "-", "～": "~", "〜": "~"})
CHINESE_AMOUNT = re.compile(r"(?<![零〇一二两三四五六七八九十百千万亿])([零〇一二两三四五六七八九十百千万亿]+)(?=万?元|亿元)")


def folded(char: str) -> str:
    """What a character is compared as: "" for whitespace, else its NFKC form, case-folded."""
    if char.isspace():
        return ""
    return unicodedata.normalize("NFKC", char).casefold().translate(SAME_MEANING)


def fold_text(text: str) -> str:
    return "".join(folded(char) for char in text)


def same_number(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


class Grounder:
    """Looks values up in one chunk of report text."""

    def __init__(self, text: str):
        self.text = text
        pieces, origins = [], []
        for index, char in enumerate(text):
            for piece in folded(char):
                pieces.append(piece)
                origins.append(index)
        self._folded = "".join(pieces)
        self._origins = origins
        self.numbers = printed_numbers(text)

    def find(self, value: str | None, start: int = 0) -> tuple[int, int] | None:
        """The span of `value` in the chunk, searching from offset `start` first, then from the top."""
        needle = fold_text(value or "")
        if not needle:
            return None
        at = self._folded.find(needle, bisect.bisect_left(self._origins, start))
        if at < 0:
            at = self._folded.find(needle)
        if at < 0:
            return None
        return self._origins[at], self._origins[at + len(needle) - 1] + 1

    def within(self, value: str | None, span: tuple[int, int]) -> tuple[int, int] | None:
        """The first span of `value` inside `span`, if it is printed there."""
        found = self.find(value, span[0])
        return found if found and span[0] <= found[0] and found[1] <= span[1] else None

    def find_all(self, value: str | None, start: int = 0) -> list[tuple[int, int]]:
        """Every span of `value`: those from offset `start` on first, then the earlier ones."""
        needle = fold_text(value or "")
        spans, at = [], self._folded.find(needle) if needle else -1
        while at >= 0:
            spans.append((self._origins[at], self._origins[at + len(needle) - 1] + 1))
            at = self._folded.find(needle, at + 1)
        return [s for s in spans if s[0] >= start] + [s for s in spans if s[0] < start]

    def has_number(self, value: float, within: tuple[int, int] | None = None) -> bool:
        """Whether `value` is printed as a number in the chunk (or inside the span `within`)."""
        low, high = within or (0, len(self.text))
        return any(same_number(value, number) and low <= start and end <= high
                   for number, start, end in self.numbers)


def printed_numbers(text: str) -> list[tuple[float, int, int]]:
    """Every number printed in `text` with its span; to_ascii keeps offsets (it maps char to char)."""
    found = []
    for match in NUMBER.finditer(to_ascii(text)):
        try:
            found.append((float(match.group().replace(",", "").replace("，", "")), match.start(), match.end()))
        except ValueError:
            continue
    for match in CHINESE_AMOUNT.finditer(text):
        value = chinese_to_number(match.group(1))
        if value is not None:
            found.append((value, match.start(), match.end()))
    return found
