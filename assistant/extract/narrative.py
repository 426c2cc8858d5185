"""Rules extraction from the narrative: the unit's name, the year, and key figures.

Key figures are every amount of money (万元, 元, 亿元) and the self-score (自评分) the prose
quotes, each with its clause and line. Numbers are read by `assistant.extract.figures`, the one
reader of narrative figures.
"""
import re
from collections import Counter

from assistant.document import Paragraph
from assistant.extract.figures import clause_around, label_before, read_figures
from assistant.extract.header import HEADER_KEYS
from assistant.values import simplified
from schemas import Figure, Table

ORG_SUFFIX = r"(?:市场监督管理局|委员会|办公室|管理局|中心|局|委|办|院|所|站|馆|厅|队|处|社|校|会)"
TITLE_UNIT = re.compile(rf"^\s*+(?:\d{{4}}\s*+年度?\s*+)?(?P<unit>[\u4e00-\u9fa5（）()]{{2,30}}?{ORG_SUFFIX})"
                        r"\s*(?:（汇总）)?\s*(?:部门|单位)?\s*(?:整体支出)?\s*(?:绩效)?\s*(?:自评)?\s*(?:报告)?\s*$")
# A unit's name never opens with the 年 or 年度 of a year printed before it ("2022年度西平县交通运输局").
FIRST_UNIT = re.compile(rf"(?P<unit>(?![年度])[\u4e00-\u9fa5]{{2,20}}?{ORG_SUFFIX})")
# The head labels a unit is printed after (实施单位, 单位名称, 资金使用单位 …), longest first.
UNIT_LABELS = "|".join(sorted((key for key, role in HEADER_KEYS.items() if role == "implementer" and "单位" in key),
                              key=len, reverse=True))
# A head label the form prints after a unit's name (项目负责人, 主管部门 …); 部门 and 单位 are words of names too.
NEXT_LABEL = "|".join([*(key for key in HEADER_KEYS if len(key) > 2), "负责人", "联系电话"])
# A unit printed right after its label, the cells of a form run together ("项目实施单位缙云县环境卫生管理处"): the
# whole name up to its last suffix (北京市社会科学院, not 北京市社), never running into the next label.
LABELLED_UNIT = re.compile(rf"(?:{UNIT_LABELS})[:：]?(?P<unit>(?:(?!{NEXT_LABEL})[\u4e00-\u9fa5]){{2,20}}{ORG_SUFFIX})")
YEAR_OF_REPORT = re.compile(r"(20\d{2})\s*年度")
ANY_YEAR = re.compile(r"(20\d{2})\s*年")
SCORE_WORDS = re.compile(r"(?:自评|评分|评价|总分|得分)[^，。；,;0-9]{0,12}$")


def money_figures(paragraph: Paragraph) -> list[Figure]:
    return [Figure(label=label_before(paragraph.text, figure.start), value=figure.value, unit=figure.unit,
                   quote=clause_around(paragraph.text, figure.start, figure.end), line=paragraph.line)
            for figure in read_figures(paragraph.text, paragraph.line) if figure.family == "money"]


def score_figures(paragraph: Paragraph) -> list[Figure]:
    """The self-score the prose quotes (整体评价98分, 指标评分98.9分); not survey scores."""
    figures = []
    for figure in read_figures(paragraph.text, paragraph.line):
        words = SCORE_WORDS.search(paragraph.text, max(0, figure.start - 17), figure.start) if figure.unit == "分" else None
        if words is None:
            continue
        clause = clause_around(paragraph.text, figure.start, figure.end)
        if figure.value <= 100 and ("得分" not in words.group() or "自评" in words.group() or "绩效" in clause) \
                and "满意度" not in clause:
            figures.append(Figure(label="自评分", value=figure.value, unit="分", quote=clause, line=paragraph.line))
    return figures


def as_simplified(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs as figures are read from them: a traditional-character copy ("全年預(yù)算數(shù)2089萬元") in
    simplified characters without its pinyin glosses, so 萬元 is read as 万元; lines are kept for evidence."""
    return [Paragraph(text=text, line=p.line) if (text := simplified(p.text)) != p.text else p for p in paragraphs]


def extract_figures(paragraphs: list[Paragraph]) -> list[Figure]:
    """Key figures of the paragraphs: money and the self-score. The caller gives them in simplified characters
    (`as_simplified`)."""
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


def extract_unit_name(paragraphs: list[Paragraph], tables: list[Table], head_units: list[str]) -> str | None:
    """The unit as the title or cover names it; else the department table's name; else the unit a table's
    head names (单位名称, 项目实施单位); else the first name in the text."""
    for paragraph in paragraphs:
        if len(paragraph.text) <= 60:
            match = TITLE_UNIT.match(paragraph.text.replace(" ", "").replace("\u3000", ""))
            if match:
                return match.group("unit")
    for table in tables:
        if table.kind == "department_overall" and table.name:
            return re.sub(r"[（(]汇总[)）]$", "", table.name)
    if head_units:
        return head_units[0]
    for pattern in (LABELLED_UNIT, FIRST_UNIT):
        for paragraph in paragraphs[:40]:
            # Only the paragraph's start: on a multi-megabyte line with no name the search takes seconds.
            for match in pattern.finditer(paragraph.text, 0, 2000):
                # "我校", "我局": the report speaking of itself, never a name.
                if not inside_title(paragraph.text, match.start()) and "我" not in match.group("unit"):
                    return match.group("unit")
    return None


def inside_title(text: str, position: int) -> bool:
    """Whether `position` falls inside a cited document's title (《省财政厅 省教育厅关于…的通知》): the unit named
    there issued the document, it is not the one reporting."""
    return text.rfind("《", 0, position) > text.rfind("》", 0, position)
