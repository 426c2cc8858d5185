"""Reading the values printed in reports: numbers, percentages, units, comparators, dates.

`parse_number` reads a table cell; `parse_target` reads an indicator's 指标值 or 完成值
into a `Quantity` (comparator, value, unit, kind) that the checkers compare.
"""
import functools
import re
from dataclasses import dataclass

from opencc import OpenCC

# A number as printed: digits with thousands groups ("1,234" or "1，950.5") and decimals. It never starts
# inside another number (after a digit, a dot, or a thousands separator that a 3-digit group follows), and its
# quantifiers are possessive: a run of 100 KB of digits or commas is read in one pass, not one per position.
NUMBER_START = r"(?<![\d.])(?:(?<!\d[,，])|(?!\d{3}(?!\d)))"
INTEGER = r"(?:\d{1,3}(?:[,，]\d{3})++(?!\d)|\d++)"
NUMBER_PATTERN = rf"{NUMBER_START}{INTEGER}(?:\.\d++)?"
# In prose a document viewer may put a space after the decimal point ("预算35. 3万元"); only after a word, with two
# digits or more before the point and one or two after it, so that a list's "2. " before a number ("2. 50万元用于…",
# "具体如下1. 50万元…") stays a list number.
PROSE_NUMBER_PATTERN = (rf"{NUMBER_START}(?:(?<=[\u4e00-\u9fff])(?:\d{{1,3}}(?:[,，]\d{{3}})++(?!\d)|\d{{2,}}+)\.[ \u3000]"
                        rf"\d{{1,2}}(?!\d)|{INTEGER}(?:\.\d++)?)")
NUMBER = re.compile(rf"[-+]?{NUMBER_PATTERN}|[-+]?(?<!\d)\.\d++")
CHINESE_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千万亿]++")
FULL_WIDTH = str.maketrans("０１２３４５６７８９．％，：（）＜＞＝", "0123456789.%,:()<>=")

# Comparators in the forms reports print them; each maps to ≥, ≤, =, > or <.
COMPARATORS = [
    ("≥", "≥"), ("≧", "≥"), (">=", "≥"), ("不低于", "≥"), ("不少于", "≥"), ("大于等于", "≥"),
    ("≤", "≤"), ("≦", "≤"), ("<=", "≤"), ("不高于", "≤"), ("不超过", "≤"), ("不多于", "≤"),
    ("小于等于", "≤"), ("控制在", "≤"), ("＜", "<"), ("<", "<"), ("＞", ">"), (">", ">"),
    ("=", "="), ("＝", "="), ("═", "="), ("﹦", "="), ("达到", "≥"),  # ═: the "=" Yunnan's pages print
    ("大于", ">"), ("高于", ">"), ("小于", "<"), ("低于", "<"), ("等于", "="),
]
# The comparators printed as signs, a figure's first character or a cell of their own ("≥", ">=", "＜"), longest
# first; and the worded ones ("不低于").
SIGN_COMPARATORS = sorted((word for word, _ in COMPARATORS if word.isascii() or len(word) == 1), key=len, reverse=True)
COMPARATOR_SIGNS = "".join(word for word in SIGN_COMPARATORS if len(word) == 1)
SIGN_COMPARATOR = "|".join(re.escape(word) for word in SIGN_COMPARATORS)
WORD_COMPARATORS = tuple(word for word, _ in COMPARATORS if word not in SIGN_COMPARATORS)
WORD_COMPARATOR = "|".join(WORD_COMPARATORS)
SUFFIX_COMPARATORS = [("以上", "≥"), ("及以上", "≥"), ("以内", "≤"), ("以下", "≤"), ("之内", "≤"),
                      ("前", "≤"), ("之前", "≤"), ("内", "≤")]
NOT_APPLICABLE = ("不适用", "不适应", "无此项", "不涉及")
QUALITATIVE_WORDS = ("提高", "提升", "向好", "完善", "形成", "长期", "加强", "改善", "明显", "有效",
                     "显著", "及时", "规范", "持续", "逐步", "良好", "稳定", "增强", "达标", "合格",
                     "按期", "按时", "按要求", "满意", "降低", "减少", "保障", "到位", "完成")
# Words that open with a numeral and count nothing: 一次性通过验收 (at the first try), 一站式, 一网通办, 一般.
NUMERAL_WORD = re.compile(r"一(?:次性|站式|体化|网通|窗|门式|件事|般|致|流|线)")
# What a 完成值 in words says of a result, beside the verdicts a target states (QUALITATIVE_WORDS).
RESULT_WORDS = ("达到", "达成", "实现", "预期", "满足", "符合", "已", "未", "是", "否", "好", "无", "高", "优")
UNIT = re.compile(r"^(万元|亿元|元/[^\d\s，,]+|元|%|个工作日|工作日|人次|人/天|人\.天|件/万人|[^\d\s%，,。；;、]{1,6})")
DATE = re.compile(r"(\d{4})\s*年\s*(?:(\d{1,2})\s*月)?\s*(?:(\d{1,2})\s*日)?")
# A month with no year (its year is the report's: 0 in the date tuple): 9月前, 11月底之前, 7月, 10月15日.
MONTH = re.compile(r"(\d{1,2})\s*月(?:份)?\s*(?:(\d{1,2})\s*[日号])?(?:底|末|中旬|上旬|下旬)?(?:之前|以前|前|内|之内)?(?:完成)?$")
# A schedule of the report's year, month by month: "6月份完成宣传片制作;9月份完成文本;11月完成专家评审" is due by its
# last month, no count of 6 月份.
MILESTONE = re.compile(r"(\d{1,2})\s*月份?(?:底|末|中旬|上旬|下旬)?(?:之前|以前|前)?\s*(?:完成|开展|启动|召开|实施|印发|上报)")


def normalize_text(text: str | None) -> str:
    """The contract's normalisation for table text: no whitespace of any kind, simplified characters,
    pinyin glosses removed ("預(yù)算" → "预算") and figures typed full-width made half-width (`half_width_figures`)."""
    if not text:
        return ""
    # Cells are normalised again by every stage; short ones are remembered, a few longer runs (a block's lines joined,
    # asked for by each reader in turn) too, long prose is not kept.
    if len(text) < 256:
        return _normalize_cell(text)
    return _normalize_run(text) if len(text) < RUN_LIMIT else _normalize(text)


# A pinyin gloss a viewer inserts after a character: 預(yù)算數(shù). It carries at least one tone mark.
PINYIN_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]*"
                          r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]*[)）]")
# Full-width digits, letters and percent signs in their half-width forms: the same figure typed on a Chinese keyboard.
FULL_WIDTH_FIGURES = str.maketrans({chr(code): chr(code - 0xFEE0) for code in
                                    [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B),
                                     ord("％")]})
FULL_WIDTH_FIGURE = re.compile(f"[{''.join(map(chr, FULL_WIDTH_FIGURES))}]")  # found far faster than translated
FULL_WIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")  # a decimal point; "1．贯彻…" numbers a list item, as printed
# Traditional characters in the Hong Kong forms too (衞生 as 卫生), which OpenCC's plain t2s leaves as printed.
_TO_SIMPLIFIED = OpenCC("hk2s")


def simplified(text: str) -> str:
    """Prose in simplified characters, pinyin glosses removed ("預(yù)算數(shù)2089萬元" → "预算数2089万元"), spacing kept."""
    if "(" in text or "（" in text:
        text = PINYIN_GLOSS.sub("", text)
    return _TO_SIMPLIFIED.convert(text)


def printed_form(quote: str, printed: str) -> str:
    """A quote taken from the simplified copy of a printed line (`simplified`), as the line prints it: "补助资金总额118万元"
    of "上級下達的補助資金總額118萬元" is "補助資金總額118萬元", with the pinyin glosses inside it; the quote itself when the
    line prints it so or does not hold it."""
    if not quote or quote in printed:
        return quote
    origin: list[int] = []  # where each character of the line without its glosses stands in the printed line
    at = 0
    for gloss in PINYIN_GLOSS.finditer(printed):
        origin += range(at, gloss.start())
        at = gloss.end()
    origin += range(at, len(printed))
    bare = "".join(printed[i] for i in origin)
    read = _TO_SIMPLIFIED.convert(bare)
    start = read.find(quote)
    if start < 0 or len(read) != len(bare):  # a phrase converted to another length has no place in the line
        return quote
    return printed[origin[start]:origin[start + len(quote) - 1] + 1]


def half_width_figures(text: str) -> str:
    """Figures typed full-width in their half-width forms: "１００．５０％" → "100.50%"; a list's "1．" kept."""
    if FULL_WIDTH_FIGURE.search(text):
        text = text.translate(FULL_WIDTH_FIGURES)
    return FULL_WIDTH_POINT.sub(".", text) if "．" in text else text


def _normalize(text: str) -> str:
    # str.split() splits on exactly the characters str.isspace() names (full-width and no-break spaces too),
    # and is several times faster than a regex.
    return half_width_figures(simplified("".join(text.split())))


_normalize_cell = functools.lru_cache(maxsize=65536)(_normalize)
_normalize_run = functools.lru_cache(maxsize=128)(_normalize)
RUN_LIMIT = 4096  # characters, most, of a text remembered among the 128 longer ones: a few megabytes at most


def rule_share(target: float, actual: float, at_most: bool = False) -> tuple[bool, float]:
    """Whether a result meets a figure target, and the share of the indicator's weight the rules score it: all of it
    where it does, else the result's share of the target (of a ceiling, the ceiling's share of the result)."""
    if at_most:
        met = actual <= target + 1e-9
        ratio = 1.0 if met or actual == 0 else target / actual
    else:
        met = actual >= target - 1e-9
        ratio = 1.0 if met or target == 0 else actual / target
    return met, min(1.0, max(0.0, ratio))


def half_last_place(decimals: int) -> float:
    """Half a unit of the last place a number is printed to, given its decimals: how far rounding it as printed
    may have moved it ("9" stands for 8.5 to 9.5, "8.6" for 8.55 to 8.65)."""
    return 0.5 * 10 ** -decimals


def decimals_printed(number: str) -> int:
    """The decimals a number is printed with ("8.60" has 2, "9" none)."""
    return len(number.partition(".")[2])


def printed_number(printed: str) -> float:
    """An Arabic number as prose prints it: thousands separators (half or full width) and a viewer's space dropped."""
    return float(printed.replace(",", "").replace("，", "").replace(" ", "").replace("\u3000", ""))


def to_ascii(text: str) -> str:
    return text.translate(FULL_WIDTH)


def chinese_to_number(text: str) -> float | None:
    """一千二百 → 1200, 三万五千 → 35000, 十二 → 12; None if not a Chinese numeral."""
    if not text or not CHINESE_NUMBER.fullmatch(text):
        return None
    import cn2an  # 0.1 s to import: only reports that print Chinese numerals pay for it

    try:
        return float(cn2an.cn2an(text, "normal"))
    except ValueError:  # characters of numerals in no numeral's order ("百", "十十")
        return None
    except KeyError:  # cn2an 0.5.24 reads a 十 after 〇 ("〇十一") as a spoken numeral and fails: no numeral either
        return None


def parse_number(text: str | None) -> float | None:
    """The first number in a cell ("　 12.5", "完成得0.5分", "1,234.5"); None when there is none."""
    if not text:
        return None
    cleaned = to_ascii(normalize_text(text))
    match = NUMBER.search(cleaned)
    if match:
        return float(match.group().replace(",", "").replace("，", ""))
    found = CHINESE_NUMBER.search(cleaned)
    return chinese_to_number(found.group()) if found else None


def parse_percent(text: str | None) -> float | None:
    """An execution rate in percent: "100%" and "100" → 100, "56.70%" → 56.7."""
    return parse_number(text)


def scaled(value: float, unit: str | None) -> float:
    """Amounts in 万元: 元 ÷ 10000, 亿元 × 10000; other units unchanged."""
    if unit == "元":
        return value / 10_000
    if unit == "亿元":
        return value * 10_000
    return value


@dataclass(frozen=True)
class Quantity:
    """An indicator's target or actual, read for comparison."""

    text: str
    kind: str  # "number" | "date" | "qualitative" | "not_applicable" | "empty"
    comparator: str | None = None  # ≥ ≤ = > < (None when only a value is printed)
    value: float | None = None
    unit: str | None = None
    date: tuple[int, int, int] | None = None

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"


# First and last characters of the comparator words: most cells start and end with neither, and skip the scan.
COMPARATOR_STARTS = {word[0] for word, _ in COMPARATORS}
SUFFIX_ENDS = {word[-1] for word, _ in SUFFIX_COMPARATORS}


def _comparator(text: str) -> tuple[str | None, str]:
    if text[:1] not in COMPARATOR_STARTS:
        return None, text
    for word, symbol in COMPARATORS:
        if text.startswith(word):
            return symbol, text[len(word):]
    return None, text


def _suffix_comparator(text: str) -> tuple[str | None, str]:
    if text[-1:] not in SUFFIX_ENDS:
        return None, text
    for word, symbol in SUFFIX_COMPARATORS:
        if text.endswith(word):
            return symbol, text[: -len(word)]
    return None, text


def parse_date(text: str) -> tuple[int, int, int] | None:
    """2022年12月31日 → (2022, 12, 31); 2022年末 / 2022年底 / 2022年度 → (2022, 12, 31)."""
    match = DATE.search(text)
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else 12
    day = int(match.group(3)) if match.group(3) else (31 if month == 12 else 28)
    return (year, month, day)


ITEM_MARKER = re.compile(r"[(（]\d{1,2}[)）](?=[\u4e00-\u9fa5])")  # a numbered item's mark, "(1)成立…", no figure


@functools.lru_cache(maxsize=4096)
def parse_target(text: str | None) -> Quantity:
    """Read 指标值/完成值 text: "≧10000人次", "2022年12月31日前", "逐步提高", "不适应", "90%"."""
    raw = normalize_text(text)
    if not raw or raw in ("/", "—", "——", "-", "无"):
        return Quantity(raw, "empty")
    cleaned = to_ascii(raw)
    if any(word in cleaned for word in NOT_APPLICABLE):
        return Quantity(raw, "not_applicable")
    comparator, rest = _comparator(cleaned)
    if DATE.search(rest) and not re.search(r"\d+\s*(%|件|次|个|批|户|人)", rest.split("年")[-1]):
        suffix, _ = _suffix_comparator(rest)
        return Quantity(raw, "date", comparator or suffix or "=", None, None, parse_date(rest))
    month = MONTH.match(rest)
    if month and 1 <= int(month.group(1)) <= 12:  # a deadline in the report's year: 9月前, 11月底, 7月
        suffix, _ = _suffix_comparator(rest.removesuffix("完成"))
        day = int(month.group(2)) if month.group(2) else (31 if int(month.group(1)) == 12 else 28)
        return Quantity(raw, "date", comparator or suffix or "=", None, None, (0, int(month.group(1)), day))
    milestones = [int(milestone.group(1)) for milestone in MILESTONE.finditer(rest)]
    if MILESTONE.match(rest) and all(1 <= month <= 12 for month in milestones):
        last = milestones[-1]
        return Quantity(raw, "date", comparator or "≤", None, None, (0, last, 31 if last == 12 else 28))
    if ITEM_MARKER.match(rest):  # a list of what is to be done, its items numbered: "(1)成立管理组织;(2)季度督导"
        rest = ITEM_MARKER.sub("", rest)
    match = NUMBER.search(rest)
    if not match or match.start() > 4:
        chinese = CHINESE_NUMBER.search(rest)
        value = chinese_to_number(chinese.group()) if chinese and not NUMERAL_WORD.match(rest, chinese.start()) \
            else None
        if value is None or any(word in rest for word in QUALITATIVE_WORDS):
            return Quantity(raw, "qualitative", comparator)
        after = rest[chinese.end():]
    else:
        value = float(match.group().replace(",", "").replace("，", ""))
        after = rest[match.end():]
    unit_match = UNIT.match(after)
    unit = unit_match.group(1) if unit_match else None
    suffix, _ = _suffix_comparator(after)
    if unit and suffix and unit.endswith(("以上", "以内", "以下")):
        unit = unit[: -2] or None
    if unit == "万" or (unit and unit.startswith("万") and not unit.startswith("万元")):
        value, unit = value * 10_000, unit[1:] or None
    return Quantity(raw, "number", comparator or suffix, value, unit)


def repeats_comparator(actual: Quantity) -> bool:
    """A 完成值 that merely restates a target ("≥95%", "≤760元/批次") instead of a result."""
    return actual.kind == "number" and actual.comparator in ("≥", "≤", ">", "<")
