"""The one retrieval module: sentences with their offsets and lines, content words, and BM25 scores checked
against the formula computed here by hand (Okapi BM25, k1 1.5, b 0.75, idf ln(1 + (N − n + 0.5)/(n + 0.5)))."""
import math

from assistant import api
from assistant.retrieval import BM25, split_sentences, tokens
from tests.conftest import SAMPLES


def test_sentences_keep_their_offset_and_the_line_they_start_on():
    text = "  全年预算数为100万元。执行率为98%；\n原因是项目延期！  "
    sentences = split_sentences(text, line=10, paragraph=3)
    assert [s.text for s in sentences] == ["全年预算数为100万元。", "执行率为98%；", "原因是项目延期！"]
    assert [text[s.offset:s.offset + len(s.text)] for s in sentences] == [s.text for s in sentences]
    assert [s.line for s in sentences] == [10, 10, 11] and {s.paragraph for s in sentences} == {3}
    assert split_sentences("。；\n") == []


def test_every_sentence_of_a_sample_stands_on_its_line():
    document = api.load(SAMPLES / "000_9f4ecd25e267d59e.txt")
    passages = [p for i, paragraph in enumerate(document.paragraphs)
                for p in split_sentences(paragraph.text, paragraph.line, i)]
    assert len(passages) > len(document.paragraphs)
    assert all("".join(p.text.split()) in "".join(document.line_text(p.line).split()) for p in passages)


def test_content_words_drop_asking_words_and_keep_negations_when_matching_names():
    assert "多少" not in tokens("全年预算数是多少") and "预算" in "".join(tokens("全年预算数是多少"))
    assert "非" in tokens("非参公事业编制人数") and "非" not in tokens("非参公事业编制人数", search=True)


def test_bm25_scores_are_the_okapi_formula():
    documents = [["预算", "执行"], ["执行", "偏差", "偏差"], ["满意度"], ["预算", "调整", "执行", "偏差"]]
    index = BM25(documents)
    query = ["偏差", "预算", "未知"]
    average = sum(map(len, documents)) / len(documents)

    def expected(document):
        total = 0.0
        for word in query:
            n = sum(word in d for d in documents)
            tf = document.count(word)
            if tf:
                idf = math.log(1 + (len(documents) - n + 0.5) / (n + 0.5))
                total += idf * tf * 2.5 / (tf + 1.5 * (0.25 + 0.75 * len(document) / average))
        return total

    assert all(abs(got - expected(d)) < 1e-5 for got, d in zip(index.scores(query), documents))
    assert [i for i, _ in index.search(query, limit=2)] == sorted(range(4), key=lambda i: -expected(documents[i]))[:2]
    assert index.search(["未知"], limit=3) == [] and BM25([]).search(query, limit=3) == []
    # Documents with no word at all (a cut-off report's sentences of row words only) score nothing, and are no error.
    assert BM25([[], []]).scores(query) == [0.0, 0.0] and BM25([[], []]).search(query, limit=3) == []
