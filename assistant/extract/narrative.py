"""Rules extraction from the narrative: the unit's name, the year, and key figures.

Key figures are every amount of money (万元, 元, 亿元) and the self-score (自评分) the prose
quotes, each with its clause and line, so the checkers can compare them with each other
and with the tables.
"""
import re
from collections import Counter

from assistant.document import Paragraph
from schemas import Figure, Table

ORG_SUFFIX = r"(?:市场监督管理局|委员会|办公室|管理局|中心|局|委|办|院|所|站|馆|厅|队|处|社|校|会)"
TITLE_UNIT = re.compile(rf"^\s*(?:\d{{4}}\s*年度?)?\s*(?P<unit>[\u4e00-\u9fa5（）()]{{2,30}}?{ORG_SUFFIX})"
                        r"\s*(?:（汇总）)?\s*(?:部门|单位)?\s*(?:整体支出)?\s*(?:绩效)?\s*(?:自评)?\s*(?:报告)?\s*$")
FIRST_UNIT = re.compile(rf"(?P<unit>[\u4e00-\u9fa5]{{2,20}}?{ORG_SUFFIX})")
YEAR_OF_REPORT = re.compile(r"(20\d{2})\s*年度")
ANY_YEAR = re.compile(r"(20\d{2})\s*年")
MONEY = re.compile(r"(?P<value>\d[\d,，]*(?:\.\d+)?)\s*(?:余|多)?\s*(?P<unit>亿(?:余|多)?元|万(?:余|多)?元|元|万(?![\u4e00-\u9fa5]))")
SELF_SCORE = re.compile(r"(?:自评|评分|评价|总分|得分)[^，。；,;0-9]{0,12}?(?P<value>\d+(?:\.\d+)?)\s*分")
CLAUSE_BREAK = re.compile(r"[。；;！!？?\n]")
LABEL_BREAK = re.compile(r"[，,。；;：:、（）()“”\"]|其中|主要|包括|用于|为|是|共")


def clause_around(text: str, start: int, end: int) -> str:
    """The clause a match stands in: from the previous sentence break to the next one."""
    head = text[max(0, start - 200):start]
    breaks = list(CLAUSE_BREAK.finditer(head))
    left = start - len(head) + breaks[-1].end() if breaks else max(0, start - 200)
    right_match = CLAUSE_BREAK.search(text, end, end + 200)
    right = right_match.start() if right_match else min(len(text), end + 200)
    return text[left:right].strip()


def label_before(text: str, start: int) -> str:
    """The few words before a number that say what it is ("决算支出", "公务接待费支出")."""
    head = text[max(0, start - 40):start]
    pieces = LABEL_BREAK.split(head)
    label = pieces[-1].strip() if pieces else ""
    if not label and len(pieces) > 1:
        label = pieces[-2].strip()
    return re.sub(r"^[\d.、\s]+|\d{4}年度?", "", label)[-16:] or "金额"


def money_figures(paragraph: Paragraph) -> list[Figure]:
    figures = []
    for match in MONEY.finditer(paragraph.text):
        value = float(match.group("value").replace(",", "").replace("，", ""))
        figures.append(Figure(
            label=label_before(paragraph.text, match.start()),
            value=value,
            unit=re.sub("[余多]", "", match.group("unit")),
            quote=clause_around(paragraph.text, match.start(), match.end()),
            line=paragraph.line,
        ))
    return figures


def score_figures(paragraph: Paragraph) -> list[Figure]:
    """The self-score the prose quotes (整体评价98分, 指标评分98.9分); not survey scores."""
    figures = []
    for match in SELF_SCORE.finditer(paragraph.text):
        value = float(match.group("value"))
        clause = clause_around(paragraph.text, match.start(), match.end())
        if value <= 100 and ("得分" not in match.group() or "绩效" in clause) and "满意度" not in clause:
            figures.append(Figure(label="自评分", value=value, unit="分", quote=clause, line=paragraph.line))
    return figures


def extract_figures(paragraphs: list[Paragraph]) -> list[Figure]:
    figures: list[Figure] = []
    for paragraph in paragraphs:
        figures += money_figures(paragraph) + score_figures(paragraph)
    return figures


def extract_year(paragraphs: list[Paragraph], tables: list[Table]) -> int | None:
    """The evaluated year: the first "20xx年度" in titles or text, else the most frequent year."""
    for text in [t.title or "" for t in tables] + [p.text for p in paragraphs]:
        match = YEAR_OF_REPORT.search(text)
        if match:
            return int(match.group(1))
    years = Counter(int(y) for p in paragraphs for y in ANY_YEAR.findall(p.text))
    return years.most_common(1)[0][0] if years else None


def extract_unit_name(paragraphs: list[Paragraph], tables: list[Table]) -> str | None:
    """The unit as the title or cover names it; else the department table's name; else the first name in the text."""
    for paragraph in paragraphs:
        if len(paragraph.text) <= 60:
            match = TITLE_UNIT.match(paragraph.text.replace(" ", "").replace("\u3000", ""))
            if match:
                return match.group("unit")
    for table in tables:
        if table.kind == "department_overall" and table.name:
            return re.sub(r"[（(]汇总[)）]$", "", table.name)
    for paragraph in paragraphs[:40]:
        # Only the paragraph's start: on a multi-megabyte line with no name the search takes seconds.
        match = FIRST_UNIT.search(paragraph.text, 0, 2000)
        if match:
            return match.group("unit")
    return None
