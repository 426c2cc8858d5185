"""Grounding: a value the model returns counts only if it is printed in the chunk it came from.

Matching ignores whitespace (line breaks inside cells, full-width spaces), character width
(１２．５ = 12.5, （ = () and case, and treats ≧/≥ and ≦/≤ alike; it works character by
character, so Chinese needs no word segmentation. A found text comes back as its span in
the chunk, so the caller keeps the characters as printed and knows the source line.
Numbers are compared as numbers with every number printed in the chunk ("1,824.18",
"100%", "２２" and 五十万元-style numerals before a money unit). A row whose cells run together
("≧90%500万元7.57.5") is matched as a whole: its text must be the given values one after
another, a number in any of its printings ("7.57.5" holds 7.5 then 7.5).
"""
import bisect
import functools
import re
import unicodedata

from assistant.values import NUMBER, chinese_to_number, to_ascii

SAME_MEANING = str.maketrans({"≧": "≥", "≦": "≤", "—": "-", "－": "-", "～": "~", "〜": "~"})
NUMBER_RUN = re.compile(r"[-+]?[\d.,]+[%分]?")
PRINTED_NUMBER = re.compile(r"([-+]?\d[\d,]*(?:\.\d+)?)[%分]?")
SCORE_WORDS = re.compile(r"[\u4e00-\u9fff]{0,4}得(?=\d)")  # a 分值 cell printing its rule: 完成得0.5分
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

    def in_order(self, span: tuple[int, int], values: list[str | float | None]) -> list[tuple[int, int] | None] | None:
        """Where each of `values` is printed when the text of `span` is exactly those values one right after another
        (whitespace ignored; a None value prints nothing; a number in any printing of its value: 12.5, 12.50, 100%,
        0.5分, 完成得0.5分), None when it is not. A row whose cells run together is checked this way against its
        header's column order."""
        start = bisect.bisect_left(self._origins, span[0])
        end = bisect.bisect_left(self._origins, span[1])
        found = self._printed_from(start, end, values)
        return None if found is None else [self._span(*at) if at else None for at in found]

    def _printed_from(self, start: int, end: int, values: list) -> list | None:
        """The folded (start, stop) of each value printed one right after another from `start` to exactly `end`.
        Where the rest can be read from is worked out once per offset and value, so a run that splits many ways
        ("0.000" holds 0, 0.0, 0.00) costs offsets × values steps, not a step for every split."""
        @functools.cache
        def rest_from(at: int, index: int) -> tuple | None:
            if index == len(values):
                return () if at == end else None
            if values[index] is None:
                after = rest_from(at, index + 1)
                return None if after is None else (None, *after)
            for stop in self._printings(at, end, values[index]):
                after = rest_from(stop, index + 1)
                if after is not None:
                    return ((at, stop), *after)
            return None

        found = rest_from(start, 0)
        return None if found is None else list(found)

    def _printings(self, at: int, end: int, value: str | float) -> list[int]:
        """Where a printing of `value` starting at folded offset `at` may end (more than one for a number run
        together with the next: "12.512" holds 12.5 and 12.51)."""
        if isinstance(value, str):
            needle = fold_text(value)
            fits = needle and self._folded.startswith(needle, at) and at + len(needle) <= end
            return [at + len(needle)] if fits else []
        lead = SCORE_WORDS.match(self._folded, at, end)
        begin = lead.end() if lead else at
        run = NUMBER_RUN.match(self._folded, begin, end)
        if not run:
            return []
        return [stop for stop in range(begin + 1, run.end() + 1)
                if (printed := PRINTED_NUMBER.fullmatch(self._folded, begin, stop))
                and same_number(value, float(printed.group(1).replace(",", "")))]

    def _span(self, start: int, stop: int) -> tuple[int, int]:
        return self._origins[start], self._origins[stop - 1] + 1


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
