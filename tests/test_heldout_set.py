"""The second held-out set (evals/gold/heldout/qa2.json) stands on its sources, and `selfeval eval` scores it."""
import json
from collections import Counter

import pytest

from assistant import api
from assistant.evaluate.run import check_answer_correct, heldout_question_correct, run_evaluation
from assistant.values import normalize_text
from schemas import Answer
from schemas.gold import HeldoutQuestion
from tests.conftest import GOLD, SAMPLES, gold_for

QUESTIONS = [HeldoutQuestion.model_validate(item)
             for item in json.loads((GOLD / "heldout" / "qa2.json").read_text(encoding="utf-8"))]
REQUIRED = ("list", "comparison", "tool_result", "follow_up")


def source_lines(name: str) -> list[str]:
    return [normalize_text(line) for line in (SAMPLES / name).read_text(encoding="utf-8").split("\n")]


def test_enough_questions_in_every_required_category_over_all_five_samples():
    assert len(QUESTIONS) >= 48
    categories = Counter(q.category for q in QUESTIONS)
    assert all(categories[name] >= 8 for name in REQUIRED), categories
    assert {q.source for q in QUESTIONS} == {p.name for p in SAMPLES.glob("*.txt")}


def test_each_category_carries_what_its_scoring_needs():
    for q in QUESTIONS:
        if q.category == "list":
            assert q.must_mention, q.question
        if q.category == "follow_up":
            assert q.history and all(h.strip() for h in q.history), q.question
        if q.category == "not_found":
            assert q.kind == "not_found" and q.value is None, q.question
        if q.category == "tool_result" or q.expected_from == "check":
            assert q.expected_from == "check" and q.field and not q.evidence, q.question
        else:
            assert q.field is None and q.table is None, q.question
            assert q.evidence or q.kind == "not_found", q.question


def test_a_full_new_question_after_follow_ups_is_in_the_set():
    """At least one chat asks a complete question after two turns: the follow-up context must reset."""
    resets = [q for q in QUESTIONS if q.category == "follow_up" and len(q.history) >= 2 and len(q.question) >= 10]
    assert resets


def test_every_evidence_quote_stands_on_its_line():
    for q in QUESTIONS:
        lines = source_lines(q.source)
        for evidence in q.evidence:
            assert normalize_text(evidence.quote) in lines[evidence.line - 1], (q.source, q.question, evidence)


def test_every_must_mention_item_and_quoted_target_is_printed_in_the_source():
    for q in QUESTIONS:
        text = "".join(source_lines(q.source))
        for item in q.must_mention:
            assert normalize_text(item) in text, (q.source, q.question, item)
        if q.value is None and q.kind != "not_found" and not q.must_mention and q.expected_from is None:
            assert normalize_text(q.answer) in text, (q.source, q.question, q.answer)  # quoted as printed: ≧95%


def test_tool_result_tables_are_scored_self_evaluation_tables():
    for q in QUESTIONS:
        if q.expected_from == "check" and q.table is not None:
            tables = gold_for(SAMPLES / q.source)["tables"]
            assert tables[q.table]["kind"] != "basic_data" and tables[q.table]["total_score"] is not None, q.question


@pytest.fixture(scope="module")
def checked_002():
    document = api.load(SAMPLES / "002_1b038c9877a00c9c.txt")
    return api.check(document, "rules")


def tool_question(**fields) -> HeldoutQuestion:
    return HeldoutQuestion(source="002_1b038c9877a00c9c.txt", category="tool_result", question="复核得分是多少？",
                           answer="复核得分（工具计算）", kind="derived", expected_from="check", **fields)


def test_a_tool_result_is_scored_against_the_checked_report(checked_002):
    score = next(s for s in checked_002.scores if s.table == 2)
    question = tool_question(field="recomputed_score", table=2)
    assert check_answer_correct(question, Answer(question="q", answer="复核", value=score.recomputed_score), checked_002)
    assert not check_answer_correct(question, Answer(question="q", answer="复核", value=score.self_score + 1), checked_002)
    difference = tool_question(field="score_difference", table=2)
    gap = score.self_score - score.recomputed_score
    assert check_answer_correct(difference, Answer(question="q", answer="差", value=-gap), checked_002)
    unscored = tool_question(field="recomputed_score", table=0)  # the basic-data table has no score
    assert check_answer_correct(unscored, Answer(question="q", answer="基础数据表没有复核得分。"), checked_002)
    assert not check_answer_correct(unscored, Answer(question="q", answer="复核得分为0分", value=0), checked_002)


def test_a_whole_report_score_needs_every_table_named(checked_002):
    scores = [s.recomputed_score for s in checked_002.scores]
    assert len(scores) > 1
    question = tool_question(field="recomputed_score", table=None)
    every = "；".join(f"表{i + 1}复核{value:g}分" for i, value in enumerate(scores))
    assert check_answer_correct(question, Answer(question="q", answer=every), checked_002)
    one = Answer(question="q", answer=f"复核{scores[0]:g}分", value=scores[0])
    assert not check_answer_correct(question, one, checked_002)


def test_finding_rows_must_all_be_named_and_none_must_be_said(checked_002):
    rows = sorted({f.row for f in checked_002.findings if f.rule == "missing_deviation_note" and f.severity == "error"})
    assert len(rows) > 1
    question = tool_question(field="finding_rows", table=None, rule="missing_deviation_note", severity="error")
    assert check_answer_correct(question, Answer(question="q", answer="、".join(rows) + "未写偏差原因"), checked_002)
    assert not check_answer_correct(question, Answer(question="q", answer=rows[0] + "未写偏差原因"), checked_002)
    absent = tool_question(field="finding_rows", table=1, rule="placeholder_row")
    assert check_answer_correct(absent, Answer(question="q", answer="该表没有发现占位行计分。"), checked_002)
    assert not check_answer_correct(absent, Answer(question="q", answer="……行计分"), checked_002)


def test_must_mention_is_whitespace_insensitive_and_reads_decimals_as_values(checked_002):
    question = next(q for q in QUESTIONS if "56.70%" in q.must_mention)
    listed = Answer(question="q", answer="业务工作经费 100%，运行 维护费 56.7%，编外用工人员经费 100.00%")
    assert heldout_question_correct(question, listed, checked_002)
    assert not heldout_question_correct(question, Answer(question="q", answer="运行维护费56.7%"), checked_002)


def test_eval_reports_the_second_heldout_set_per_category_without_naming_questions(tmp_path):
    sample = "003_1fd1934784c8d720.txt"
    (tmp_path / sample).write_bytes((SAMPLES / sample).read_bytes())
    result = run_evaluation(tmp_path, GOLD)
    asked = [q for q in QUESTIONS if q.source == sample]
    qa = result["qa"]
    assert qa["heldout2_total"] == len(asked)
    assert {name: c["total"] for name, c in qa["heldout2_categories"].items()} == Counter(q.category for q in asked)
    assert qa["heldout2_accuracy"] == round(sum(c["correct"] for c in qa["heldout2_categories"].values()) / len(asked), 4)
    dumped = json.dumps(result, ensure_ascii=False)
    assert not any(q.question in dumped for q in asked)
