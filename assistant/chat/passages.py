"""The narrative as searchable passages: sentences with their line, ranked by BM25 over jieba tokens."""
import math
import re
from collections import Counter
from dataclasses import dataclass

from assistant.chat.terms import tokens
from assistant.document import Paragraph

SENTENCE_END = re.compile(r"(?<=[。；;！!？?])")
K1, B = 1.5, 0.75


@dataclass(frozen=True)
class Passage:
    """A sentence of the narrative; `offset` is where it starts in its paragraph."""

    text: str
    line: int
    paragraph: int
    offset: int


def split_sentences(paragraphs: list[Paragraph]) -> list[Passage]:
    passages = []
    for index, paragraph in enumerate(paragraphs):
        offset = 0
        for piece in SENTENCE_END.split(paragraph.text):
            if piece.strip():
                passages.append(Passage(piece, paragraph.line, index, offset))
            offset += len(piece)
    return passages


class PassageIndex:
    """BM25 (k1 1.5, b 0.75) over the tokens of every sentence."""

    def __init__(self, passages: list[Passage]):
        self.passages = passages
        self.documents = [Counter(tokens(p.text)) for p in passages]
        self.lengths = [sum(d.values()) for d in self.documents]
        self.average = sum(self.lengths) / len(self.lengths) if self.lengths else 1.0
        frequency: Counter = Counter()
        for document in self.documents:
            frequency.update(document.keys())
        count = len(passages)
        self.idf = {t: math.log(1 + (count - n + 0.5) / (n + 0.5)) for t, n in frequency.items()}

    def score(self, query: list[str], index: int) -> float:
        document, length = self.documents[index], self.lengths[index]
        total = 0.0
        for token in query:
            n = document.get(token, 0)
            if n:
                total += self.idf[token] * n * (K1 + 1) / (n + K1 * (1 - B + B * length / (self.average or 1)))
        return total

    def search(self, query: list[str], limit: int = 3) -> list[tuple[Passage, float]]:
        """The best `limit` passages for the query tokens, best first, each with its score (> 0).

        When no passage holds a whole query token, passages sharing the most two-character
        pieces of the tokens come instead, and failing those the most characters, so a search
        shows the nearest text there is.
        """
        scored = [(self.score(query, i), i) for i in range(len(self.passages))]
        for size in (2, 1):
            if any(s > 0 for s, _ in scored):
                break
            pieces = {t[i:i + size] for t in query for i in range(len(t) - size + 1)}
            scored = [(sum(piece in p.text for piece in pieces) / len(p.text), i) for i, p in enumerate(self.passages)]
        ranked = sorted(((s, i) for s, i in scored if s > 0), key=lambda pair: (-pair[0], pair[1]))
        return [(self.passages[i], s) for s, i in ranked[:limit]]
