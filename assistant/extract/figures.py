"""The one reader of figures in prose: every number with its unit, label, scope, period and line.

Checkers, chat, review drafts and LLM grounding all read narrative numbers through this module;
nothing else in the project parses "1，950.5万元" or "二十余起".

API
---
`read_figures(text, line, scope=None) -> tuple[NarrativeFigure, ...]`
    Every quantity in one piece of text (a paragraph, a sentence, a table cell), in order.
`passages(paragraphs) -> list[Passage]` / `read_passage(passage) -> tuple[NarrativeFigure, ...]`
    A report's lines as figures are read from them: a line a viewer broke inside a sentence is read with the end
    of the line before and the start of the line after, so "…自评得分" / "90 分" and "…预算1616" / "万元" are whole.
`read_narrative(paragraphs) -> list[NarrativeFigure]`
    The same over a report's paragraphs, with each figure's budget scope carried down from the
    heading that opened its section ("二、一般公共预算支出情况" covers the lines below it).
`clause_around(text, start, end)` / `clause_of(text, figure)` / `label_before(text, start)`
    The sentence a match stands in, the clause (between commas or stops) a figure stands in, and the few words
    before a number that say what it is.

A `NarrativeFigure` holds
    value      the number as a float, Chinese numerals included (七 → 7, 二十 → 20 via cn2an, 半个工作日 → 0.5),
               a "万" or "亿" scale inside a count applied ("1.4万起" → 14000 起)
    unit       as printed without approximation words: 万元 亿元 元 % 分 件 起 户 批次 … or a rate 件/万人 元/批次;
               "万" alone is money printed without its 元 (not before a unit in letters: "3.51万t" is no money)
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
from assistant.retrieval import cut
from assistant.values import PROSE_NUMBER_PATTERN, chinese_to_number, printed_number

MONEY_UNITS = ("亿元", "万元", "元", "万")
COUNT_UNITS = ("批次", "人次", "户次", "家次", "个工作日", "工作日", "户", "家", "个", "件", "起", "项", "处", "所",
               "名", "人", "份", "篇", "条", "台", "辆", "次", "场", "期", "批", "本", "张", "吨", "公斤", "宗", "例",
               "单", "座", "家（次）", "套", "笔", "届", "栋", "间", "袋", "只", "株")
# Measures are compared only with the same unit ("天" with "天"), never pooled as counts.
MEASURE_UNITS = ("个百分点", "小时", "天", "平方米", "㎡", "公里", "亩", "hm²", "hm2", "hm", "ha", "km²", "km", "m²", "m³", "kg")
# A 度量单位 of time a form prints alone in its column (日, as in 15 | 日以内).
TIME_UNITS = ("日", "月", "年", "周")
APPROX_BEFORE = ("约", "近", "超过", "超", "逾")
CHINESE_DIGITS = "零〇一二两三四五六七八九十百千"
# What a bare 万 printed before them is: funds, or the plan sharing them out ("研究70万分配方案").
MONEY_NAMED_AFTER = ("资金", "经费", "分配")
_UNIT_ALTERNATIVES = "|".join(re.escape(u) for u in sorted(COUNT_UNITS + MEASURE_UNITS + ("%", "％"), key=len,
                                                            reverse=True))
# A number, an optional 余/多, then a unit: money, a count scaled by 万/亿, a count or %, or a bare 万 (money
# missing its 元), at a stop or before the funds or plan it names ("研究70万分配方案", "安排50万资金"). Chinese numerals are read only before a count unit: "七家", "二十余起".
FIGURE = re.compile(
    # The lookahead lets the scan pass a position that starts no number with one test.
    rf"(?=[\d半{CHINESE_DIGITS}])(?:(?P<arabic>{PROSE_NUMBER_PATTERN})|(?<![{CHINESE_DIGITS}万亿])(?P<chinese>[{CHINESE_DIGITS}]{{1,8}}+)"
    r"|(?P<half>半)(?=个工作日|天))"
    r"[ \u3000]?(?P<approx>余|多)?"
    r"(?:(?P<money>(?:亿|万)[ \u3000]?(?:余|多)?元|元)"
    rf"|(?P<scale>万|亿)(?P<approx_scale>余|多)?(?P<scaled>{_UNIT_ALTERNATIVES})"
    rf"|(?P<unit>{_UNIT_ALTERNATIVES})"
    rf"|(?P<bare>万)(?:(?![\u4e00-\u9fa5A-Za-z])|(?={'|'.join(MONEY_NAMED_AFTER)}))|(?P<points>分)(?![钟别之期批类级项数局析配])"
    # no unit before a stop: kept only as the self-score after its words (总得分90,)
    r"|(?P<stated>)(?=[，,。；;、)）\s]|$))"
    r"(?:[/／](?P<per>万人|千人|人|户|家|批次|次|天|年|月|件|个|台|吨|公斤|平方米))?"
    r"(?P<approx_after>余|多|左右)?(?![/／\d])")
BOUNDARY = re.compile(r"[，,。；;：:、（）()“”\"‘’！？!?\s]")
# A stop; OCR may read the 。 after a percentage as a letter o ("使用率 100%o具体评价范围为").
CLAUSE_BREAK = re.compile(r"[。；;！!？?\n]|(?<=%)o(?![A-Za-z])")
# 共 ("共计") is no break inside 公共 ("一般公共预算财政拨款收入合计").
LABEL_LENGTH = 16
LABEL_BREAK = re.compile(r"[，,。；;：:、（）()“”\"]|其中|主要|包括|用于|为|是|(?<!公)共")
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
NUMBERED_HEADING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}\s*[、.．])")
SENTENCE_END = re.compile(r"[。；;！!？?]\s*$")
CLAUSE_MARK = re.compile(r"[，,、：:]")
# How much of the neighbouring lines a wrapped line is read with: the words that name a figure, and a unit.
LEAD, FOLLOW = 40, 20
# A line ending in a number and a clause comma ("…走访数量120，"): read with the next line it would make one number of
# the two lines' figures (120，350), so the next line is read on its own.
NUMBER_THEN_COMMA = re.compile(r"\d[，,]\s*$")
PERIOD = re.compile(r"(?:截至|截止|截止到|截至到)(?:目前|\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日)?)?|上半年|1-\d{1,2}月|一季度")
YEAR_END = re.compile(r"12月31日|年末|年底")
# A year the sentence dates its figures to; funds carried over from it (上年结转, 2021年结余) are this year's, and a
# year compared with (较上年增长, 比2021年减少, 与去年相比) dates nothing.
DATED = re.compile(r"(?<![比较与])(?:(?P<year>20\d{2})\s*年|上年|去年|上一年)(?!度?(?:结转|结余))")
# A bare "300万" is money short of 元 only when its words speak of money ("调减中央财政资金300万"); "惠及脱贫户1.2万"
# counts households.
MONEY_WORDS = re.compile(r"资金|费|款|预算|支出|收入|补助|补贴|投资|投入|拨付|金额|成本")
SINGLE_CASE = re.compile(r"一案|一起案|案例|个案|该案|此案")
# The words a self-score is printed after without its 分 ("总得分90,,").
STATED_SCORE = re.compile(r"(?:总得分|自评得分|自评总分)[为是:：]?$")


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
    def is_money(self) -> bool:
        """An amount of money: in 元, 万元 or 亿元, or a bare 万 whose words speak of money or that names the funds
        or the plan sharing them out right after it."""
        return self.family == "money" and (self.unit != "万" or bool(MONEY_WORDS.search(self.before))
                                           or self.after.startswith(MONEY_NAMED_AFTER))

    @property
    def amount(self) -> float:
        """Money in 万元, counts as printed."""
        return self.value / 10_000 if self.unit == "元" else self.value * 10_000 if self.unit == "亿元" else self.value

    @property
    def subject(self) -> str:
        """What the figure counts: its quoted label, else the words before it."""
        return self.quoted or self.before


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


def clause_of(text: str, mention: NarrativeFigure) -> str:
    """The clause (between commas or stops) of `text` in which the reader found `mention`."""
    start = mention.start
    # Separators are looked for within a window: a clause is short, and an unbounded search is slow on a huge line.
    window = max(0, start - 400)
    left = max(max(text.rfind(c, window, start) for c in "。；;，,") + 1, window)
    right_positions = [p for p in (text.find(c, start + len(mention.text), start + 400) for c in "。；;，,") if p >= 0]
    return text[left:min(right_positions) if right_positions else min(len(text), start + 400)].strip()[:200]


def label_before(text: str, start: int) -> str:
    """The few words before a number that say what it is ("决算支出", "公务接待费支出")."""
    head = text[max(0, start - 40):start]
    pieces = LABEL_BREAK.split(head)
    label = pieces[-1].strip() if pieces else ""
    if not label and len(pieces) > 1:
        label = pieces[-2].strip()
    # The year first: "2022年全年实际支付" is 全年实际支付, not 年全年实际支付; an approximation is no part of a label.
    label = re.sub(r"\d{4}年度?|^[\d.、\s]+", "", label)
    label = label.removesuffix(next((word for word in APPROX_BEFORE if label.endswith(word)), ""))
    return last_words(label, LABEL_LENGTH) or "金额"


def last_words(text: str, length: int) -> str:
    """The whole words ending the text, at most `length` characters ("…脱贫攻坚成果和乡村振兴建设任务安排资金" →
    "成果和乡村振兴建设任务安排资金", not "坚成果和…"); the last characters when its last word alone is longer."""
    if len(text) <= length:
        return text
    kept = ""
    for word in reversed(cut(text)):
        if len(kept) + len(word) > length:
            break
        kept = word + kept
    return kept or text[-length:]


def cited(text: str, position: int) -> bool:
    """`position` falls inside a cited document's title (《…（2018年修订）》): its year dates the document, and a
    unit named there issued it."""
    return text.rfind("《", 0, position) > text.rfind("》", 0, position)


def _value(match: re.Match) -> float | None:
    if match.group("arabic"):
        value = printed_number(match.group("arabic"))
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
        unit = re.sub(r"[余多\s]", "", match.group("money"))
    else:
        unit = match.group("scaled") or match.group("unit") or match.group("bare") or match.group("points") or "分"
    unit = "%" if unit == "％" else unit
    return f"{unit}/{match.group('per')}" if match.group("per") else unit


@dataclass(frozen=True)
class Passage:
    """A paragraph as its figures are read: `text` is the paragraph, after the end of the line before it when the
    sentence runs on from there, and before the start of the line after it when the sentence runs on into it;
    the paragraph itself is text[start:end]."""
    text: str
    line: int
    start: int
    end: int


def runs_on(paragraph: Paragraph, following: Paragraph) -> bool:
    """Whether a document viewer broke a sentence at the end of `paragraph`: the next line follows it and it ends
    with no stop, and it is no heading or title (a numbered heading, or a short line with no clause mark) — unless
    it ends inside a number."""
    text = paragraph.text.strip()
    if following.line != paragraph.line + 1 or not text or SENTENCE_END.search(text):
        return False
    return (len(text) > 40 or text[-1] in "0123456789.．"
            or not NUMBERED_HEADING.match(text) and bool(CLAUSE_MARK.search(text)))


def ends_inside_figure(paragraph: Paragraph) -> bool:
    """Whether the line stops inside a number or its unit ("…预算1616", "…35.", "…1616万"): only then is the start
    of the next line read with it — a whole figure at a line's end stays whole whatever the next line starts with,
    and a comma there ends a clause ("…走访数量120，" / "350户…" are two counts)."""
    return paragraph.text.rstrip(" \u3000")[-1:] in tuple("0123456789.．万亿")


def passages(paragraphs: list[Paragraph]) -> list[Passage]:
    """Each paragraph with the neighbouring lines its sentence runs on from and into ("…自评得分" / "90 分,…";
    "…预算1616" / "万元,…"), so that a figure or its words broken by a line break are read whole."""
    found = []
    for index, paragraph in enumerate(paragraphs):
        before = paragraphs[index - 1] if index else None
        after = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        lead = before.text[-LEAD:] if before and runs_on(before, paragraph) \
            and not NUMBER_THEN_COMMA.search(before.text) else ""
        follow = after.text[:FOLLOW] if after and runs_on(paragraph, after) and ends_inside_figure(paragraph) else ""
        found.append(Passage(lead + paragraph.text + follow, paragraph.line, len(lead), len(lead) + len(paragraph.text)))
    return found


def read_passage(passage: Passage) -> tuple[NarrativeFigure, ...]:
    """The figures that begin in the passage's paragraph (a number broken over two lines belongs to the first),
    with offsets in `passage.text`."""
    return tuple(figure for figure in read_figures(passage.text, passage.line)
                 if passage.start <= figure.start < passage.end)


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
        if match.group("stated") is not None and not (
                match.group("arabic") and STATED_SCORE.search(text, max(0, match.start() - 5), match.start())):
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
