"""The report's own words about causes and measures: sentences of the narrative, ranked by BM25.

The narrative is cut into sentences, each tagged with the section it stands in —
`problems` (存在的问题及原因分析), `measures` (改进措施 / 整改措施 / 建议) or `body` — and
with its 1-based source line. Long table cells (预期目标 / 实际完成情况) count as `body`.
A row's query (its indicator name, the project name) retrieves the sentences that speak
of it, by BM25 over jieba tokens.
"""
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from assistant.document import Document
from assistant.values import normalize_text

SENTENCE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+\s*[、.．])")
# A numbered title with no sentence in it ("五、绩效自评结果应用", "5、 其他需要说明的情况") closes a section;
# a "（一）…" sub-heading stays inside it.
TOP_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+|\d+)\s*[、.．][^。；;]{0,30}$")
PROBLEM_WORDS = ("存在的问题", "存在问题", "主要问题", "问题及原因", "不足")
MEASURE_WORDS = ("改进措施", "整改措施", "改进建议", "有关建议", "下一步", "整改方向")
# Words every row shares; they would rank any sentence about work in general.
STOPWORDS = set("的 了 和 与 及 等 在 对 为 是 中 年 个 项 次 件 率 度 值 分 指标 情况 工作 开展 完成 提高 提升 加强 进一步 "
                "全年 年度 实际 目标 数 数量 时效 效益 可持续 影响 对象 我局 我单位 单位 部门 相关 有关 进行 实现 "
                "推进 全面 持续 不断 逐步".split())
REASON = re.compile(r"^\s*(?:主要|究其)?原因(?:是|在于|为|：|:)")
MIN_CELL = 40
HAN_OR_LATIN = re.compile(r"[\u4e00-\u9fa5A-Za-z]")
K1, B = 1.5, 0.75


@dataclass(frozen=True)
class Passage:
    text: str
    line: int | None
    section: str  # problems | measures | body


def tokens(text: str) -> list[str]:
    """Content words of a text: jieba words of two characters or more, without stopwords or digits."""
    # rjieba (jieba-rs): jieba's dictionary and cuts, an order of magnitude faster than pure-Python jieba;
    # imported here because loading its dictionary takes a third of a second every command would pay.
    import rjieba

    return [word for word in rjieba.cut_for_search(normalize_text(text))
            if len(word) > 1 and word not in STOPWORDS and HAN_OR_LATIN.search(word)]


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
    """Sentences of a paragraph or cell, each with the line it starts on."""
    passages = []
    for match in SENTENCE.finditer(text):
        sentence = match.group().strip()
        if len(normalize_text(sentence)) < 4:
            continue
        offset = text.count("\n", 0, match.start())
        passages.append(Passage(sentence, line + offset if line else line, section))
    return passages


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


class PassageIndex:
    """BM25 over the sentences of one report."""

    def __init__(self, passages: list[Passage]) -> None:
        self.passages = passages
        self.docs = [Counter(tokens(p.text)) for p in passages]
        # Lengths and idf are computed once: every query scores every sentence of its section.
        self.lengths = [sum(d.values()) for d in self.docs]
        self.average = sum(self.lengths) / len(self.docs) if self.docs else 0.0
        self.idfs: dict[str, float] = {}
        self.postings: dict[str, list[int]] = {}
        for index, doc in enumerate(self.docs):
            for word in doc:
                self.postings.setdefault(word, []).append(index)

    @classmethod
    def of(cls, document: Document) -> "PassageIndex":
        return cls(narrative_passages(document))

    @cached_property
    def document_frequency(self) -> Counter:
        frequency: Counter = Counter()
        for doc in self.docs:
            frequency.update(doc.keys())
        return frequency

    def idf(self, word: str) -> float:
        if word not in self.idfs:
            n, df = len(self.docs), self.document_frequency[word]
            self.idfs[word] = math.log(1 + (n - df + 0.5) / (df + 0.5))
        return self.idfs[word]

    def score(self, query: list[str], index: int) -> float:
        doc = self.docs[index]
        length = self.lengths[index]
        total = 0.0
        for word in set(query):
            tf = doc.get(word, 0)  # not doc[word]: a Counter's miss goes through a slow Python __missing__
            if tf:
                total += self.idf(word) * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / (self.average or 1)))
        return total

    def search(self, query: str, section: str, limit: int = 2, floor: float = 1.0) -> list[Passage]:
        """The best sentences of a section for a query, best first; none when nothing shares a rare word."""
        words = tokens(query)
        # A sentence sharing no word with the query scores 0, under any positive floor: only the others are scored,
        # so a long report's many rows do not each score every sentence.
        pool = sorted({i for word in set(words) for i in self.postings.get(word, ())}) if floor > 0 \
            else range(len(self.passages))
        scored = [(self.score(words, i), i) for i in pool if self.passages[i].section == section]
        ranked = sorted((s for s in scored if s[0] >= floor), key=lambda s: (-s[0], s[1]))
        return [self.passages[i] for _, i in ranked[:limit]]

    def with_reason(self, passage: Passage) -> list[Passage]:
        """A passage and, when the report goes on "主要原因是……", that explanation too."""
        index = self.passages.index(passage)
        following = self.passages[index + 1] if index + 1 < len(self.passages) else None
        if following and following.line == passage.line and REASON.match(following.text):
            return [passage, following]
        return [passage]
