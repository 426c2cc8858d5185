"""Quantities mentioned in text, with the words around them, so equal subjects can be compared.

"净增市场主体8584家" → Mention(value=8584, unit="家", before="净增市场主体"); the same subject
with another value elsewhere (in the narrative or in a table's 实际完成情况 cell) is a
contradiction the narrative checkers report.
"""
import re
from dataclasses import dataclass

COUNT_UNITS = ("批次", "人次", "户", "家", "个", "件", "起", "项", "处", "所", "名", "人", "份", "篇", "条", "台", "辆",
               "次", "场", "期", "批", "本", "张", "吨", "公斤")
MONEY_UNITS = ("亿元", "万元", "元", "万")
UNITS = sorted(("亿元", "万元", "元") + COUNT_UNITS + ("%",), key=len, reverse=True)
# "1.4万起" scales a count; a bare "10万" (no unit after it) is money missing its 元.
MENTION = re.compile(r"(?P<value>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<scale>万(?=[\u4e00-\u9fa5])(?!元))?(?P<approx>余|多)?"
                     r"(?P<unit>" + "|".join(re.escape(u) for u in UNITS) + r"|万(?![\u4e00-\u9fa5]))"
                     r"(?P<approx2>余|多|左右)?(?![/\d])")
BOUNDARY = re.compile(r"[，,。；;：:、（）()“”\"‘’！？!?\s]")
DATE_WORDS = re.compile(r"\d{4}\s*年度?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")
NUMBER_CHARS = re.compile(r"[\d.%]+")
FILLER = re.compile(r"^(?:其中|共|共计|合计|累计|全年|今年|年内|完成|达到|达|为|约|近|超|超过|实现|有|计|各类)+")


@dataclass(frozen=True)
class Mention:
    value: float
    unit: str
    text: str
    before: str  # words right before the number, within its clause
    after: str  # words right after the unit, within its clause
    line: int
    approximate: bool

    @property
    def family(self) -> str:
        if self.unit in MONEY_UNITS:
            return "money"
        return "count" if self.unit in COUNT_UNITS else self.unit

    @property
    def amount(self) -> float:
        """Money in 万元, counts as printed."""
        return self.value / 10_000 if self.unit == "元" else self.value * 10_000 if self.unit == "亿元" else self.value


def clause_words(text: str) -> str:
    """The words of a clause without its numbers and dates ("2023年项目支出" → "项目支出")."""
    return NUMBER_CHARS.sub("", DATE_WORDS.sub("", text))


def mentions_in(text: str, line: int) -> list[Mention]:
    found = []
    for match in MENTION.finditer(text):
        if match.start() and text[match.start() - 1].isdigit():
            continue
        head = text[max(0, match.start() - 30):match.start()]
        before = BOUNDARY.split(head)[-1]
        tail = text[match.end():match.end() + 20]
        after = BOUNDARY.split(tail)[0]
        value = float(match.group("value").replace(",", ""))
        if match.group("scale"):
            value *= 10_000
        unit = match.group("unit")
        found.append(Mention(value, unit, match.group(), FILLER.sub("", clause_words(before)), clause_words(after),
                             line, bool(match.group("approx") or match.group("approx2"))))
    return found


def shared_subject(a: Mention, b: Mention, minimum: int = 4) -> str | None:
    """The words two mentions share right next to their numbers, if at least `minimum` characters."""
    # Each way of sharing `minimum` characters needs its first (or last) `minimum` of them to match:
    # most pairs share nothing, and are done without computing the four overlaps.
    if not (len(a.before) >= minimum and a.before[-minimum:] == b.before[-minimum:]
            or len(a.after) >= minimum and (a.after[:minimum] == b.after[:minimum] or a.after[:minimum] in b.before)
            or len(b.after) >= minimum and b.after[:minimum] in a.before):
        return None
    candidates = [common_suffix(a.before, b.before), common_prefix(a.after, b.after),
                  joined_edge(a.after, b.before), joined_edge(b.after, a.before)]
    best = max(candidates, key=len)
    return best if len(best) >= minimum else None


def common_suffix(x: str, y: str) -> str:
    size = 0
    while size < min(len(x), len(y)) and x[-1 - size] == y[-1 - size]:
        size += 1
    return x[len(x) - size:]


def common_prefix(x: str, y: str) -> str:
    size = 0
    while size < min(len(x), len(y)) and x[size] == y[size]:
        size += 1
    return x[:size]


def joined_edge(after: str, before: str) -> str:
    """The longest words that follow one number and precede another ("53起违法案件" / "违法案件138起")."""
    if not after:
        return ""
    # Only where `before` has after's first character can an overlap start; the first such place is the longest.
    start = before.find(after[0], max(0, len(before) - len(after)))
    while start != -1:
        if after[:len(before) - start] == before[start:]:
            return before[start:]
        start = before.find(after[0], start + 1)
    return ""


def same_value(a: Mention, b: Mention) -> bool:
    if a.family != b.family:
        return False
    x, y = (a.amount, b.amount) if a.family == "money" else (a.value, b.value)
    if a.approximate and not b.approximate:
        return x <= y <= x * 1.2  # "220余件" is more than 220, a little more
    if b.approximate and not a.approximate:
        return y <= x <= y * 1.2
    return abs(x - y) <= 0.011
