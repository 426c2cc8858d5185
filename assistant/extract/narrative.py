"""Rules extraction from the narrative: the unit's name, the year, and key figures.

Key figures are every amount of money (万元, 元, 亿元) and the self-score (自评分) the prose
quotes, each with its clause and line. Numbers are read by `assistant.extract.figures`, the one
reader of narrative figures.
"""
import re
from collections import Counter

from assistant.document import Paragraph
from assistant.extract.figures import Passage, cited, clause_around, clause_of, label_before, passages, read_passage
from assistant.extract.header import HEADER_KEYS
from assistant.retrieval import tagged
from assistant.values import simplified
from schemas import Figure, Table

ORG_SUFFIX = r"(?:市场监督管理局|委员会|办公室|管理局|中心|局|委|办|院|所|站|馆|厅|队|处|社|校|会)"
# A title names the unit before or after the year; a published copy's title may be its file's name
# ("上海市普陀区体育事业管理中心2022年度项目自评价.pdf").
TITLE_UNIT = re.compile(rf"^\s*+(?:\d{{4}}\s*+年度?\s*+)?(?P<unit>[\u4e00-\u9fa5（）()]{{2,30}}?{ORG_SUFFIX})"
                        r"\s*(?:（汇总）)?\s*(?:\d{4}\s*年度?)?\s*(?:部门|单位|项目)?\s*(?:整体支出|支出|资金)?\s*(?:绩效)?"
                        r"\s*(?:自评价?)?\s*(?:报告)?\s*(?:\.(?:pdf|docx?|wps|xlsx?))?\s*$")
# A cover's label printed before the unit's name, a space apart (项目单位 淳安县文化和广电旅游体育局).
COVER_LABEL = re.compile(r"^\s*(?:项目|实施|预算|填报|评价)?(?:单位|部门)(?:名称)?[:：]?[ \u3000]+(?=\S)")
# A unit's full name in prose carries its place (西平县交通运输局, 省商务厅…); it never opens with the 年 or 年度 of a year
# printed before it ("2022年度西平县交通运输局") nor with a preposition ("向财政局申报", "关于…局…的报告"), and 的 joins
# no name ("宁德市级以上确认的人才驿站" is a phrase).
FIRST_UNIT = re.compile(rf"(?P<unit>(?![年度据向由对在从按于为]|关于)[\u4e00-\u9fa5]{{0,7}}?(?:省|市|县|区|州|盟|旗|镇|乡)"
                        rf"(?:(?!的)[\u4e00-\u9fa5]){{1,20}}?{ORG_SUFFIX})")
# Units that issued a document the report cites: named right before its title (四川省财政厅 四川省水利厅《关于…》),
# or after the word that cites it (根据南昌市财政局关于开展…的通知).
ISSUERS_BEFORE_TITLE = re.compile(rf"[\s、]{{0,3}}(?:[\u4e00-\u9fa5]{{2,15}}?{ORG_SUFFIX}[\s、]{{0,3}})*?《")
CITING_WORD = re.compile(r"(?:根据|依据|按照|遵照|据)$")
# Parts of speech of the words of a clause, never of a name: preposition, adverb, pronoun, verb, conjunction, particle.
CLAUSE_WORD_TAGS = ("p", "d", "r", "v", "c", "u")
# The head labels a unit is printed after (实施单位, 单位名称, 资金使用单位, 评价部门名称 …), longest first.
UNIT_LABELS = "|".join(sorted((key for key, role in HEADER_KEYS.items()
                               if role in ("implementer", "reporter") and ("单位" in key or "部门名称" in key)),
                              key=len, reverse=True))
# A head label the form prints after a unit's name (项目负责人, 主管部门 …); 部门 and 单位 are words of names too.
NEXT_LABEL = "|".join([*(key for key in HEADER_KEYS if len(key) > 2), "负责人", "联系电话"])
# A unit printed right after its label, the cells of a form run together ("项目实施单位缙云县环境卫生管理处"): the
# whole name up to its last suffix (北京市社会科学院, not 北京市社), never running into the next label.
LABELLED_UNIT = re.compile(rf"(?:{UNIT_LABELS})[:：]?(?P<unit>(?:(?!{NEXT_LABEL})[\u4e00-\u9fa5]){{2,20}}{ORG_SUFFIX})")
# A year proposed or planned for ("建议2024年度安排预算资金40万元", 拟…, 计划…) is a later one, not the year evaluated.
# The evaluated year as a report names it: 2021年度, or in brackets after a form's title (…自评表 (2021)).
YEAR_OF_REPORT = re.compile(r"(?<!建议)(?<!拟)(?<!计划)(?<!预计)(20\d{2})\s*年度|表\s*[（(]\s*(20\d{2})\s*年?\s*[)）]")
ANY_YEAR = re.compile(r"(20\d{2})\s*年")
SELF_SCORED = re.compile(r"自评得分|总得分")
SCORE_WORDS = re.compile(r"(?:自评|评分|评价|总分|得分)[^，。；,;0-9]{0,12}$")
SUBJECT_REACH = 8  # characters before a 得分 its subject (该项目, 产出指标, 项目决策) is looked for in
# What a part of the score is named by: an indicator (产出指标) or a stage (项目决策, 项目产出, 效益).
PART_SCORED = re.compile(r"指标|决策|过程|管理|产出|效益|满意度|成本")


def money_figures(passage: Passage) -> list[Figure]:
    return [Figure(label=label_before(passage.text, figure.start), value=figure.value, unit=figure.unit,
                   quote=clause_of(passage.text, figure), line=passage.line)
            for figure in read_passage(passage) if figure.is_money]


def score_figures(passage: Passage) -> list[Figure]:
    """The self-score the prose quotes (整体评价98分, 指标评分98.9分); not survey scores."""
    figures = []
    for figure in read_passage(passage):
        words = SCORE_WORDS.search(passage.text, max(0, figure.start - 17), figure.start) if figure.unit == "分" else None
        if words is None:
            continue
        clause = clause_around(passage.text, figure.start, figure.end)
        # An indicator's 得分 is no self-score, nor a survey's (满意度): 得分 counts when its words say the unit scored
        # itself (自评得分) or the whole (总得分), or when the clause speaks of 绩效 and of no survey.
        named = SELF_SCORED.search(passage.text, max(0, words.start() - 2), words.end())
        # "经自评，该项目得分95.5分": the sentence's 自评 says whose 得分 it is, unless the words before it name a part
        # of the score (产出指标得分45分, 项目决策得分18分).
        subject = passage.text[max(0, words.start() - SUBJECT_REACH):words.end()]
        scored_by_self = "自评" in clause and not PART_SCORED.search(subject)
        scored_itself = named or ("得分" not in words.group() or "自评" in words.group() or scored_by_self
                                  or "绩效" in "".join(clause.split())) and "满意度" not in clause
        if figure.value <= 100 and scored_itself:
            figures.append(Figure(label="自评分", value=figure.value, unit="分", quote=clause_of(passage.text, figure),
                                  line=passage.line))
    return figures


def as_simplified(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs as figures are read from them: a traditional-character copy ("全年預(yù)算數(shù)2089萬元") in
    simplified characters without its pinyin glosses, so 萬元 is read as 万元; lines are kept for evidence."""
    return [Paragraph(text=text, line=p.line) if (text := simplified(p.text)) != p.text else p for p in paragraphs]


def extract_figures(paragraphs: list[Paragraph]) -> list[Figure]:
    """Key figures of the paragraphs: money and the self-score. The caller gives them in simplified characters
    (`as_simplified`)."""
    figures: list[Figure] = []
    for passage in passages(paragraphs):
        figures += money_figures(passage) + score_figures(passage)
    return figures


def extract_year(paragraphs: list[Paragraph], tables: list[Table]) -> int | None:
    """The evaluated year: the first "20xx年度" in titles or text, or in a project's name (2021年度农村垃圾清运经费) when
    the text names none, else the most frequent year."""
    for text in [t.title or "" for t in tables] + [p.text for p in paragraphs] + [t.name or "" for t in tables]:
        match = YEAR_OF_REPORT.search(text)
        if match:
            return int(match.group(1) or match.group(2))
    years = Counter(int(y) for p in paragraphs for y in ANY_YEAR.findall(p.text))
    return years.most_common(1)[0][0] if years else None


def extract_unit_name(paragraphs: list[Paragraph], tables: list[Table], head_units: list[str],
                      departments: list[str]) -> str | None:
    """The unit as the title or cover names it; else the department table's name; else the unit a table's
    head names (单位名称, 项目实施单位); else the first name in the text; else the supervising department a
    table's head names (主管部门: a form that names no other unit is its department's)."""
    for paragraph in paragraphs:
        if len(paragraph.text) <= 60:
            text = COVER_LABEL.sub("", paragraph.text)  # (a cover's label line: 项目单位 淳安县文化和广电旅游体育局)
            match = TITLE_UNIT.match(text.replace(" ", "").replace("\u3000", ""))
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
                # "我校", "我局": the report speaking of itself, never a name; "管理办" of "管理办法" is no suffix.
                if "我" in match.group("unit") or not ends_a_word(paragraph.text, match.start("unit"), match.end()):
                    continue
                start = match.start("unit") + start_of_name(match.group("unit"))
                if not issued_cited_document(paragraph.text, start, match.end()):
                    return paragraph.text[start:match.end()]
    return departments[0] if departments else None


def ends_a_word(text: str, start: int, end: int) -> bool:
    """Whether the name read from text[start:end] ends where a word ends: "省衔接资金管理办" stops inside 办法."""
    offset = start
    for word, _ in tagged(text[start:end + 4]):
        offset += len(word)
        if offset >= end:
            return offset == end
    return True


SECTION_HEADING = re.compile(r"基本情况|概况")  # no unit's name holds the words of a heading


def start_of_name(unit: str) -> int:
    """Where a unit's name begins in a match that may open with the clause before it ("本项目由芦山县水务局",
    "现将西平县交通运输局"): at its first place name when a word before it is no word of a name (由, 现将, 为); right
    after a section's heading run into it ("一、预算单位基本情况石峰区市场监督管理局")."""
    headings = [heading.end() for heading in SECTION_HEADING.finditer(unit)]
    if headings:
        return headings[-1]
    offset = 0
    clause_words = False
    for word, tag in tagged(unit):
        if tag == "ns" and clause_words:
            return offset
        clause_words = clause_words or tag in CLAUSE_WORD_TAGS
        offset += len(word)
    return 0


def issued_cited_document(text: str, start: int, end: int) -> bool:
    """Whether the unit printed at text[start:end] issued a document the report cites — named inside its title
    (《省财政厅 省教育厅关于…的通知》), right before it (四川省财政厅 四川省水利厅《关于…》) or after 根据: it is not
    the one reporting."""
    # Bounded slices: the issuers and the citing word are a few characters from the name.
    before = re.sub(r"\s", "", text[max(0, start - 8):start])
    return cited(text, start) or bool(ISSUERS_BEFORE_TITLE.match(text[end:end + 40]) or CITING_WORD.search(before))
