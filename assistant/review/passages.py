"""The report's own words about causes and measures: sentences of the narrative, ranked by BM25.

The narrative is cut into sentences (`assistant.retrieval.split_sentences`), each tagged with
the section it stands in — `problems` (存在的问题及原因分析), `measures` (改进措施 / 整改措施 /
建议) or `body` — and with its 1-based source line. Long table cells (预期目标 / 实际完成情况)
count as `body`. A row's query (its indicator name, the project name) retrieves the sentences
that speak of it, by BM25 over their words (`assistant.retrieval`).
"""
import re

from assistant.document import Document
from assistant.retrieval import BM25, Passage, split_sentences, tokens
from assistant.values import normalize_text

HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+\s*[、.．])")
# A numbered title with no sentence in it ("五、绩效自评结果应用", "5、 其他需要说明的情况") closes a section;
# a "（一）…" sub-heading stays inside it.
TOP_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+|\d+)\s*[、.．][^。；;]{0,30}$")
PROBLEM_WORDS = ("存在的问题", "存在问题", "主要问题", "问题及原因", "不足")
MEASURE_WORDS = ("改进措施", "整改措施", "改进建议", "有关建议", "下一步", "整改方向")
REASON = re.compile(r"^\s*(?:主要|究其)?原因(?:是|在于|为|：|:)")
MIN_CELL = 40
MIN_SENTENCE = 4  # characters: shorter pieces ("一、") say nothing a draft could quote
# Words every indicator row and work sentence shares: besides the stopwords, they would rank any sentence about
# work in general for any row.
ROW_WORDS = frozenset("指标 情况 工作 开展 完成 提升 加强 进一步 全年 年度 实际 目标 数量 时效 效益 可持续 影响 对象 部门 "
                      "相关 有关 进行 实现 推进 全面 持续 不断 逐步".split())


def heading_section(text: str, current: str) -> str:
    """The section a heading opens; a top-level heading on anything else closes the current one."""
    short = normalize_text(text)
    if any(word in short for word in MEASURE_WORDS) and not any(word in short for word in PROBLEM_WORDS):
        return "measures"
    if any(word in short for word in PROBLEM_WORDS):
        return "problems"
    return "body" if TOP_HEADING.match(text) else current


def is_heading(text: str) -> bool:
    return len(normalize_text(text)) <= 40 and bool(HEADING.match(text))


def sentences(text: str, line: int | None, section: str) -> list[Passage]:
    """Sentences of a paragraph or cell worth quoting, each with the line it starts on."""
    return [p for p in split_sentences(text, line, section=section) if len(normalize_text(p.text)) >= MIN_SENTENCE]


def narrative_passages(document: Document) -> list[Passage]:
    """Every narrative sentence with its section, then the long cells of the tables."""
    passages, section = [], "body"
    for paragraph in document.paragraphs:
        if is_heading(paragraph.text):
            opened = heading_section(paragraph.text, section)
            if opened != section or TOP_HEADING.match(paragraph.text):
                section = opened
                continue
        passages += sentences(paragraph.text, paragraph.line, section)
    for table in document.tables:
        for row in table.rows:
            passages += [p for cell in row.cells if len(normalize_text(cell.text)) >= MIN_CELL
                         for p in sentences(cell.text, cell.line, "body")]
    return passages


def words(text: str) -> list[str]:
    """The words a sentence or a row's query is matched on: search-mode cut (whitespace removed first), no row word."""
    return [word for word in tokens(normalize_text(text), search=True) if word not in ROW_WORDS]


class PassageIndex:
    """BM25 over the sentences of one report."""

    def __init__(self, passages: list[Passage]) -> None:
        self.passages = passages
        self.bm25 = BM25([words(p.text) for p in passages])
        self.sections = {section: {i for i, p in enumerate(passages) if p.section == section}
                         for section in {p.section for p in passages}}

    @classmethod
    def of(cls, document: Document) -> "PassageIndex":
        return cls(narrative_passages(document))

    def search(self, query: str, section: str, limit: int = 2, floor: float = 1.0) -> list[Passage]:
        """The best sentences of a section for a query, best first; none when nothing shares a rare word."""
        hits = self.bm25.search(words(query), limit, floor, among=self.sections.get(section, set()))
        return [self.passages[i] for i, _ in hits]

    def with_reason(self, passage: Passage) -> list[Passage]:
        """A passage and, when the report goes on "主要原因是……", that explanation too."""
        index = self.passages.index(passage)
        following = self.passages[index + 1] if index + 1 < len(self.passages) else None
        if following and following.line == passage.line and REASON.match(following.text):
            return [passage, following]
        return [passage]
