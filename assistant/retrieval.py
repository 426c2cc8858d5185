"""The one retrieval module: words of Chinese text, its sentences, and BM25 over them.

- `cut` / `cut_for_search` / `tagged`: rjieba (jieba's dictionary, cuts and parts of speech in Rust), the only
  tokenizer;
- `STOPWORDS` and `tokens`: the content words of a text, without asking or filler words;
- `Passage` and `split_sentences`: a text cut into sentences, each with its line, paragraph and offset;
- `BM25`: Okapi BM25 (Lucene's idf) from the bm25s library over tokenized passages.

Review (the report's words on causes and measures) and chat (passages nearest a question)
both search through this module.
"""
import re
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"[\u4e00-\u9fa5A-Za-z0-9]")
HAN_OR_LATIN = re.compile(r"[\u4e00-\u9fa5A-Za-z]")
YEAR = re.compile(r"^(?:19|20)\d{2}$")
# Lone characters that change what a name means ("非参公事业编制" is not "参公事业编制").
NEGATIONS = frozenset("非未不无")
# Words that ask rather than name, or that every report uses everywhere: they tell no passage from another.
STOPWORDS = frozenset("""
是 的 了 呢 吗 么 吧 啊 多少 几 什么 哪个 哪些 哪 怎么 如何 请问 请 给出 一下 分别 每个 每一个 各个 为 有 在 中 对 与 和 及 或 并
其 它 该 这 那 这个 那个 此 所 年 共 一共 总共 合计 之和 总和 之差 相差 差额 是否 等于 一致 按 重新 计算 重算
数字 报告 单位 本 称 所述 得 比 占 比例 比重 多 少 增加 减少 增长 下降 上升 降低 提高 元 万元 值
总额 总金额 总计 其中 上年 去年 上一年 上年度 等 我局 我单位
情况 工作 开展 提升 加强 进一步 相关 有关 进行 实现 推进 全面 持续 不断 逐步
""".split())
# A sentence ends after these marks, and at a line break.
SENTENCE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")
K1, B = 1.5, 0.75


@lru_cache(maxsize=8192)
def cut(text: str) -> tuple[str, ...]:
    """jieba's accurate-mode cut (with HMM for unknown words)."""
    import rjieba  # loading the dictionary takes a third of a second that commands without retrieval need not pay

    return tuple(rjieba.cut(text, True))


@lru_cache(maxsize=8192)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """jieba's accurate-mode cut, each word with its part of speech ("ns" a place name, "p" a preposition)."""
    import rjieba

    return tuple(rjieba.tag(text))


@lru_cache(maxsize=8192)
def cut_for_search(text: str) -> tuple[str, ...]:
    """jieba's search-mode cut: the words and the shorter words inside long ones ("在职人员" → 在职, 人员, 在职人员)."""
    import rjieba

    return tuple(rjieba.cut_for_search(text, True))


def tokens(text: str, search: bool = False) -> list[str]:
    """Content words of a text in order: words of two characters or more, without stopwords, punctuation or years;
    a lone negation counts too, as it changes a name ("非参公"), and so does a bare number ("90件" names an
    indicator). `search` (for ranking passages) cuts in search mode, adding the shorter words inside long ones,
    and keeps only words with a letter: a lone negation or number ranks no sentence."""
    words = cut_for_search(text) if search else cut(text)
    return [word for word in words if (len(word) >= 2 or word in NEGATIONS) and word not in STOPWORDS
            and (HAN_OR_LATIN if search else WORD).search(word) and not YEAR.match(word)
            and (len(word) >= 2 or not search)]


@dataclass(frozen=True)
class Passage:
    """A sentence of a report: its words (stripped), the line it starts on, the paragraph it stands in (an index
    into the document's paragraphs, None for a table cell), where it starts there, and its section."""

    text: str
    line: int | None
    paragraph: int | None = None
    offset: int = 0
    section: str = "body"


def split_sentences(text: str, line: int | None = None, paragraph: int | None = None,
                    section: str = "body") -> list[Passage]:
    """The sentences of a paragraph or table cell, in order.

    A sentence ends after 。；;！!？? or at a line break; its text is stripped of surrounding
    whitespace and `offset` is where that stripped text starts in `text`. With the `line` the
    text starts on, each sentence carries its own line (line breaks before it counted);
    sentences with no word character (a lone "。") are left out. `paragraph` and `section`
    are passed on to every sentence.
    """
    passages = []
    for match in SENTENCE.finditer(text):
        piece = match.group()
        stripped = piece.strip()
        if not WORD.search(stripped):
            continue
        offset = match.start() + piece.index(stripped[0])
        own_line = line + text.count("\n", 0, offset) if line is not None else None
        passages.append(Passage(stripped, own_line, paragraph, offset, section))
    return passages


class BM25:
    """Okapi BM25 (k1 1.5, b 0.75, Lucene's idf) over token lists, scored on the classic scale."""

    def __init__(self, documents: list[list[str]]) -> None:
        import bm25s  # numpy and the index load only when something is searched

        self.size = len(documents)
        self.index = bm25s.BM25(method="lucene", k1=K1, b=B)
        # Documents none of which holds a word (a report's cut-off text: sentences of row words only) make no index:
        # bm25s cannot build one from an empty vocabulary.
        self.indexed = any(documents)
        if self.indexed:
            self.index.index(documents, show_progress=False)

    def scores(self, query: list[str]) -> list[float]:
        """Every document's score for the query tokens, in document order (0 where none is shared)."""
        return [float(score) for score in self._scores(query)]

    def _scores(self, query: list[str]):
        import numpy

        if not self.indexed or not query:
            return numpy.zeros(self.size)
        # Lucene's formula leaves out BM25's constant (k1 + 1) factor; it is put back so scores and the floors
        # callers set read on the usual scale.
        return self.index.get_scores(list(query)) * (K1 + 1)

    def search(self, query: list[str], limit: int, floor: float = 0.0,
               among: set[int] | None = None) -> list[tuple[int, float]]:
        """The best `limit` documents (index, score), best first, scoring at least `floor` and above 0 (ties by
        position); only those in `among` when given."""
        import numpy

        scores = self._scores(query)
        # only the documents sharing a word are looked at one by one: a long report's many queries stay cheap
        candidates = numpy.flatnonzero((scores > 0) & (scores >= floor)).tolist()
        ranked = sorted((i for i in candidates if among is None or i in among), key=lambda i: (-scores[i], i))
        return [(i, float(scores[i])) for i in ranked[:limit]]
