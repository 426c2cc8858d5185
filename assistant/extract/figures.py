"""The one reader of figures in prose: every number with its unit, label, scope, period and line.

Checkers, chat, review drafts and LLM grounding all read narrative numbers through this module;
nothing else in the project parses "1，950.5万元" or "二十余起".

API
---
`read_figures(text, line, scope=None) -> tuple[NarrativeFigure, ...]`
    Every quantity in one piece of text (a paragraph, a sentence, a table cell), in order.
`read_narrative(paragraphs) -> list[NarrativeFigure]`
    The same over a report's paragraphs, with each figure's budget scope carried down from the
    heading that opened its section ("二、一般公共预算支出情况" covers the lines below it).
`clause_around(text, start, end)` / `label_before(text, start)`
    The clause a match stands in, and the few words before a number that say what it is.

A `NarrativeFigure` holds
    value      the number as a float, Chinese numerals included (七 → 7, 二十 → 20 via cn2an, 半个工作日 → 0.5),
               a "万" or "亿" scale inside a count applied ("1.4万起" → 14000 起)
    unit       as printed without approximation words: 万元 亿元 元 % 分 件 起 户 批次 … or a rate 件/万人 元/批次;
               "万" alone is money printed without its 元
    text       the characters read ("220余件", "1，950.5万元")
    before     the subject words right before the number within its clause, dates and fillers dropped
    after      the words right after the unit within its clause
    quoted     a label in quotes that names it (“个转企”145家 → "个转企"), else None
    scope      the funding source it covers: 一般公共预算 | 政府性基金 | None (all sources)
    spending   基本支出 | 项目支出 | None (both)
    period     the part-year cut-off the sentence states ("截止12月16日"), else None (截至12月31日, 截至年末 are the year)
    year       the year its sentence dates it to before it ("2021年度…支出2450.6万元" → "2021"; "上年…", "去年…" →
               "上年"), else None (the report's own year, as a rule)
    single_case True when the sentence describes one case inside a total ("其中……一案")
    approximate True for 余 / 多 / 约 / 近 / 左右 / 超过
    line, start, end   source line and offsets in the text read

`family` is "money", "count" or the unit itself ("%", "分" for scores, measures such as "天" or "平方米"); `amount` is money in 万元 (counts as printed).

Every pattern here runs in linear time: numbers are possessive and may not start inside another
number, so a 100 KB run of digits or commas is read in one pass.
"""
import functools
import re
from dataclasses import dataclass


from assistant.document import Paragraph
from assistant.values import NUMBER_PATTERN, chinese_to_number

MONEY_UNITS = ("亿元", "万元", "元", "万")
COUNT_UNITS = ("批次", "人次", "户次", "家次", "个工作日", "工作日", "户", "家", "个", "件", "起", "项", "处", "所",
               "名", "人", "份", "篇", "条", "台", "辆", "次", "场", "期", "批", "本", "张", "吨", "公斤", "宗", "例",
               "单", "座", "家（次）", "套", "笔", "届", "栋", "间", "袋", "只", "株")
# Measures are compared only with the same unit ("天" with "天"), never pooled as counts.
MEASURE_UNITS = ("个百分点", "小时", "天", "平方米", "㎡", "公里", "亩", "hm²", "hm2", "hm", "ha", "km²", "km", "m²", "m³", "kg")
APPROX_BEFORE = ("约", "近", "超过", "超", "逾")
CHINESE_DIGITS = "零〇一二两三四五六七八九十百千"
_UNIT_ALTERNATIVES = "|".join(re.escape(u) for u in sorted(COUNT_UNITS + MEASURE_UNITS + ("%", "％"), key=len,
                                                            reverse=True))
# A number, an optional 余/多, then a unit: money, a count scaled by 万/亿, a count or %, or a bare 万 (money
# missing its 元). Chinese numerals are read only before a count unit: "七家", "二十余起".
FIGURE = re.compile(
    # The lookahead lets the scan pass a position that starts no number with one test.
    rf"(?=[\d半{CHINESE_DIGITS}])(?:(?P<arabic>{NUMBER_PATTERN})|(?<![{CHINESE_DIGITS}万亿])(?P<chinese>[{CHINESE_DIGITS}]{{1,8}}+)"
    r"|(?P<half>半)(?=个工作日|天))"
    r"[ \u3000]?(?P<approx>余|多)?"
    r"(?:(?P<money>(?:亿|万)(?:余|多)?元|元)"
    rf"|(?P<scale>万|亿)(?P<approx_scale>余|多)?(?P<scaled>{_UNIT_ALTERNATIVES})"
    rf"|(?P<unit>{_UNIT_ALTERNATIVES})"
    r"|(?P<bare>万)(?![\u4e00-\u9fa5])|(?P<points>分)(?![钟别之期批类级项数局析配]))"
    r"(?:[/／](?P<per>万人|千人|人|户|家|批次|次|天|年|月|件|个|台|吨|公斤|平方米))?"
    r"(?P<approx_after>余|多|左右)?(?![/／\d])")
BOUNDARY = re.compile(r"[，,。；;：:、（）()“”\"‘’！？!?\s]")
CLAUSE_BREAK = re.compile(r"[。；;！!？?\n]")
LABEL_BREAK = re.compile(r"[，,。；;：:、（）()“”\"]|其中|主要|包括|用于|为|是|共")
DATE_WORDS = re.compile(r"\d{4}\s*年度?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")
NUMBER_CHARS = re.compile(r"[\d.%]+")
FILLER = re.compile(r"^(?:其中|共|共计|合计|累计|全年|今年|年内|完成|达到|达|为|约|近|超|超过|实现|有|计|各类|推动|推进)+")
TRAILING_FILLER = re.compile(r"(?:为|达到|达|是|在|约|近|超过|共计|合计|共|计)+$")
QUOTED_LABEL = re.compile(r"“(?P<label>[^“”]{1,20})”(?:[\u4e00-\u9fa5]{0,2})$")
# Chinese numerals that are words, not quantities: 一起 (together), 一次性, 一批 (a batch of), 两个责任.
CHINESE_WORDS = ("一起", "一次", "一批", "一个", "一项", "一件", "一份", "一张", "一条", "一本", "一场", "一期", "一处",
                 "一名", "一人", "两个", "千家", "百家", "一例", "一单", "一套", "一所", "一座", "一户", "万家", "一台")
SCOPES = {"一般公共预算": "一般公共预算", "公共财政预算": "一般公共预算", "政府性基金": "政府性基金"}
SCOPE_WORD = re.compile("|".join(SCOPES))
SPENDING_WORD = re.compile("基本支出|项目支出")
SECTION_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]")
PERIOD = re.compile(r"(?:截至|截止|截止到|截至到)(?:目前|\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日)?)?|上半年|1-\d{1,2}月|一季度")
YEAR_END = re.compile(r"12月31日|年末|年底")
# A year the sentence dates its figures to; funds carried over from it (上年结转, 2021年结余) are this year's.
DATED = re.compile(r"(?:(?P<year>20\d{2})\s*年|上年|去年|上一年)(?!度?(?:结转|结余))")
SINGLE_CASE = re.compile(r"一案|一起案|案例|个案|该案|此案")


@dataclass(frozen=True)
class NarrativeFigure:
    value: float
    unit: str
    text: str
    before: str
    after: str
    line: int
    approximate: bool = False
    quoted: str | None = None
    scope: str | None = None
    spending: str | None = None
    period: str | None = None
    year: str | None = None
    single_case: bool = False
    start: int = 0
    end: int = 0

    @property
    def family(self) -> str:
        if self.unit in MONEY_UNITS:
            return "money"
        return "count" if self.unit in COUNT_UNITS else self.unit

    @property
    def amount(self) -> float:
        """Money in 万元, counts as printed."""
        return self.value / 10_000 if self.unit == "元" else self.value * 10_000 if self.unit == "亿元" else self.value

    @property
    def subject(self) -> str:
        """What the figure counts: its quoted label, else the words before it."""
        return self.quoted or self.before


def number_value(printed: str) -> float:
    """An Arabic number as printed, thousands separators (half or full width) dropped."""
    return float(printed.replace(",", "").replace("，", ""))


def clause_words(text: str) -> str:
    """The words of a clause without its numbers and dates ("2023年项目支出" → "项目支出")."""
    return NUMBER_CHARS.sub("", DATE_WORDS.sub("", text))


def sentence_bounds(text: str, start: int, end: int, reach: int = 200) -> tuple[int, int]:
    head = text[max(0, start - reach):start]
    breaks = list(CLAUSE_BREAK.finditer(head))
    left = start - len(head) + breaks[-1].end() if breaks else max(0, start - reach)
    right_match = CLAUSE_BREAK.search(text, end, end + reach)
    return left, right_match.start() if right_match else min(len(text), end + reach)


def clause_around(text: str, start: int, end: int) -> str:
    """The clause a match stands in: from the previous sentence break to the next one."""
    left, right = sentence_bounds(text, start, end)
    return text[left:right].strip()


def label_before(text: str, start: int) -> str:
    """The few words before a number that say what it is ("决算支出", "公务接待费支出")."""
    head = text[max(0, start - 40):start]
    pieces = LABEL_BREAK.split(head)
    label = pieces[-1].strip() if pieces else ""
    if not label and len(pieces) > 1:
        label = pieces[-2].strip()
    return re.sub(r"^[\d.、\s]+|\d{4}年度?", "", label)[-16:] or "金额"


def cited(text: str, position: int) -> bool:
    """`position` falls inside a cited document's title (《…（2018年修订）》): its year dates the document."""
    return text.rfind("《", 0, position) > text.rfind("》", 0, position)


def _value(match: re.Match) -> float | None:
    if match.group("arabic"):
        value = number_value(match.group("arabic"))
    elif match.group("half"):
        value = 0.5
    else:
        value = chinese_to_number(match.group("chinese"))
        if value is None:
            return None
    if match.group("scale") == "万":
        value *= 10_000
    elif match.group("scale") == "亿":
        value *= 100_000_000
    return value


def _unit(match: re.Match) -> str:
    if match.group("money"):
        unit = re.sub("[余多]", "", match.group("money"))
    else:
        unit = match.group("scaled") or match.group("unit") or match.group("bare") or match.group("points")
    unit = "%" if unit == "％" else unit
    return f"{unit}/{match.group('per')}" if match.group("per") else unit


@functools.lru_cache(maxsize=8192)
def read_figures(text: str, line: int, scope: str | None = None) -> tuple[NarrativeFigure, ...]:
    """Every quantity printed in `text`, in order; `scope` is the budget scope of the section it stands in.

    Remembered: every check reads the same sentences, and the figures are immutable.
    """
    found = []
    for match in FIGURE.finditer(text):
        chinese = match.group("chinese")
        if chinese and (match.group("money") or match.group("bare") or match.group("scale") or match.group("points")
                        or text[match.start():match.end() + 1].startswith(CHINESE_WORDS)
                        and not (match.group("unit") == "家" and chinese == "一")):
            continue
        value = _value(match)
        if value is None:
            continue
        head = text[max(0, match.start() - 30):match.start()].rstrip(" \u3000")
        quoted = QUOTED_LABEL.search(head)
        before = BOUNDARY.split(head)[-1]
        tail = text[match.end():match.end() + 20]
        left, right = sentence_bounds(text, match.start(), match.end())
        sentence_head = text[left:match.start()]
        scope_words = SCOPE_WORD.findall(sentence_head)
        spending_words = SPENDING_WORD.findall(sentence_head[-40:])
        period = PERIOD.search(text, left, right)
        to_year_end = period is not None and YEAR_END.search(text, period.start(), period.end() + 2) is not None
        dated = [d.group("year") or "上年" for d in DATED.finditer(sentence_head) if not cited(sentence_head, d.start())]
        approx = (match.group("approx") or match.group("approx_scale") or match.group("approx_after")
                  or before.endswith(APPROX_BEFORE))
        found.append(NarrativeFigure(
            value=value, unit=_unit(match), text=match.group(), line=line,
            before=TRAILING_FILLER.sub("", FILLER.sub("", clause_words(before))), after=clause_words(BOUNDARY.split(tail)[0]),
            approximate=bool(approx), quoted=quoted.group("label") if quoted else None,
            scope=SCOPES[scope_words[-1]] if scope_words else scope,
            spending=spending_words[-1] if spending_words else None,
            period=period.group() if period and not to_year_end else None,
            year=dated[-1] if dated else None,
            single_case=bool(SINGLE_CASE.search(text[left:right]) and "其中" in text[left:right]),
            start=match.start(), end=match.end()))
    return tuple(found)


def section_scope(paragraph: Paragraph, current: str | None) -> str | None:
    """The budget scope a paragraph opens: a numbered heading naming one sets it, any other heading clears it."""
    if not SECTION_HEADING.match(paragraph.text) or len(paragraph.text) > 40:
        return current
    words = SCOPE_WORD.findall(paragraph.text)
    return SCOPES[words[0]] if words else None


def read_narrative(paragraphs: list[Paragraph]) -> list[NarrativeFigure]:
    """Every figure of the narrative, in source order, each with the scope of the section it stands in."""
    figures: list[NarrativeFigure] = []
    scope = None
    for paragraph in paragraphs:
        scope = section_scope(paragraph, scope)
        figures += read_figures(paragraph.text, paragraph.line, scope)
    return figures
