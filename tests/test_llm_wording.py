"""The wording judge (assistant/llm/wording.py) on copies of the samples where the rules' judge is wrong.

Two copies, each changed in a way a reviewer reads at once and the rules cannot:
- sample 000, 附件 table 0: row 执法及宣传次数 (12 of 12.5 points, target met) had the note 加大宣传途径; the
  copy says 我单位高度重视该项工作，认真组织实施，加强统筹协调，确保项目顺利推进 — longer than the rules' length
  cut, still no cause. Row 安全放心的市场环境 (7 of 7.5) had 营造安全消费环境; the copy says
  部分商户年中歇业，抽查计划随之推迟 — a cause, in none of the rules' cause words.
- sample 001: the narrative calls two table indicators by other words: 有效发明专利拥有量 (table 7.31件/万人) is
  "每万人口拥有发明专利7.23件", 消费者投诉按时办结率 (table 100%) is "投诉举报当月办结比例达99.98%".

The faithful scripted judge answers as a reader of those copies would (WordingOracle, written here, not taken
from the tool's output); the adversarial one answers nothing that can be believed, in every wrapping an
endpoint may use. The scripted servers are no model: these tests prove the wiring and the grounding.
"""
import json
import os
import socket

import pytest

from assistant import api
from assistant.check import run_checks
from assistant.evaluate.extraction import score_extraction
from assistant.evaluate.findings import FindingScore, score_findings
from schemas.gold import GoldReport
from tests.conftest import SAMPLE_FILES, gold_for, run_cli
from tests.llm_server import AdversarialLLM, ScriptedLLM, ScriptedReviewer, WordingOracle, llm_env  # noqa: F401  (fixture)
from tests.test_web_api import LiveServer

SLOGAN = "我单位高度重视该项工作，认真组织实施，加强统筹协调，确保项目顺利推进"
CAUSE = "部分商户年中歇业，抽查计划随之推迟"
NOTES_COPY = SAMPLE_FILES[0].read_text(encoding="utf-8").replace("加大宣传途径", SLOGAN).replace("营造安全消费环境", CAUSE)
NAMES_COPY = SAMPLE_FILES[1].read_text(encoding="utf-8") \
    .replace("每万人口发明专利拥有量7.23件", "每万人口拥有发明专利7.23件") \
    .replace("按期办结率达99.98%", "投诉举报当月办结比例达99.98%")
READER = WordingOracle(causes={CAUSE: "部分商户年中歇业"},
                       names={"有效发明专利拥有量": "每万人口拥有发明专利", "消费者投诉按时办结率": "投诉举报当月办结比例"})
# What a reader of each copy expects beyond the rules: (rule, table, row, the narrative value) added or removed.
NOTES_ADDED = {("met_but_deducted", 0, "执法及宣传次数"), ("missing_deviation_note", 0, "执法及宣传次数")}
NOTES_REMOVED = {("missing_deviation_note", 0, "安全放心的市场环境")}
NAMES_ADDED = {("text_table_mismatch", 1, "有效发明专利拥有量", "7.23件"),
               ("text_table_mismatch", 1, "消费者投诉按时办结率", "99.98%")}
COPIES = [(NOTES_COPY, SAMPLE_FILES[0]), (NAMES_COPY, SAMPLE_FILES[1])]


def keys(findings: list[dict]) -> set[tuple]:
    return {(f["rule"], f["table"], f["row"]) + ((f["expected"],) if f["rule"] == "text_table_mismatch" else ())
            for f in findings}


def found(checked) -> set[tuple]:
    return keys([f.model_dump() for f in checked.findings])


def checked_cli(path, extractor: str) -> dict:
    result = run_cli("check", str(path), "--extractor", extractor, "--format", "json", env=dict(os.environ))
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_the_rules_judge_is_wrong_on_the_copies():
    """The premise: rules alone miss the slogan and the reworded indicators, and flag the stated cause."""
    notes = found(api.check(api.load(NOTES_COPY.encode("utf-8"), "notes.txt")))
    names = found(api.check(api.load(NAMES_COPY.encode("utf-8"), "names.txt")))
    assert not NOTES_ADDED & notes and NOTES_REMOVED <= notes
    assert not NAMES_ADDED & names


def test_a_faithful_judge_finds_what_the_rules_miss_through_the_cli(llm_env, tmp_path):
    for (text, sample), added, removed in zip(COPIES, (NOTES_ADDED, NAMES_ADDED), (NOTES_REMOVED, set())):
        path = tmp_path / sample.name
        path.write_text(text, encoding="utf-8")
        rules = checked_cli(path, "rules")
        with ScriptedLLM(gold_for(sample), wording=READER) as server:
            llm_env(server.url)
            hybrid = checked_cli(path, "hybrid")
            asked = [json.dumps(body["messages"], ensure_ascii=False) for body in server.requests]
        assert hybrid["extractor"] == "hybrid"
        assert keys(hybrid["findings"]) - keys(rules["findings"]) == added, sample.name
        assert keys(rules["findings"]) - keys(hybrid["findings"]) == removed, sample.name
        assert not [w for w in hybrid["warnings"] if "LLM 判断" in w or "仅按规则判断" in w]
        judged = [a for a in asked if "<notes-" in a or "<figures-" in a]
        assert 1 <= len(judged) <= 12, "the questions go in a few batched calls"


def test_the_api_path_judges_the_same_way(llm_env):
    document = api.load(NAMES_COPY.encode("utf-8"), "names.txt")
    rules = found(api.check(document, "rules"))
    with ScriptedLLM(gold_for(SAMPLE_FILES[1]), wording=READER) as server:
        llm_env(server.url)
        reviewed = api.review(document, extractor="hybrid")
    assert found(reviewed) - rules == NAMES_ADDED
    mismatch = next(f for f in reviewed.findings if f.row == "有效发明专利拥有量" and f.rule == "text_table_mismatch")
    assert "每万人口拥有发明专利7.23件" in mismatch.message and any(e.line == 160 for e in mismatch.evidence)


@pytest.mark.parametrize("mode", ["tools", "json"])
def test_an_adversarial_judge_changes_no_finding(llm_env, monkeypatch, mode):
    """Invented causes, pairings outside the listed candidates, answers to questions not asked — wrapped in
    two tool calls, <think> and fences, truncated JSON: every verdict is dropped and said so."""
    monkeypatch.setenv("SELFEVAL_LLM_MODE", mode)
    warnings, reasked = [], []
    for text, sample in COPIES:
        document = api.load(text.encode("utf-8"), sample.name)
        with AdversarialLLM(gold_for(sample)) as server:
            llm_env(server.url)
            adversarial = api.check(document, "hybrid")
            judged = [b for b in server.requests if "<notes-" in str(b["messages"]) or "<figures-" in str(b["messages"])]
        reasked += [b for b in judged if len(b["messages"]) > 2]
        rules = api.check(document, "rules")
        assert [f.message for f in adversarial.findings] == [f.message for f in rules.findings], sample.name
        dropped = [w for w in adversarial.warnings if w.startswith("LLM 判断") and "没有依据，已弃用" in w]
        assert 1 <= len(dropped) <= 12, sample.name
        assert not any("未得到合格回答" in w for w in adversarial.warnings), "fences, <think>, two tool calls are read"
        warnings += dropped
    assert reasked, "a truncated verdict was asked again"
    assert any(f"称说明“{SLOGAN}”讲了原因“因上级资金未及时拨付”" in w for w in warnings)
    assert any("不在此指标的候选数字中" in w for w in warnings)


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def test_an_unusable_endpoint_leaves_the_rules_judge_and_says_so(llm_env):
    document = api.load(NOTES_COPY.encode("utf-8"), "notes.txt")
    with ScriptedLLM(gold_for(SAMPLE_FILES[0]), wording=READER) as server:
        llm_env(server.url)
        report = api.extract(document, "hybrid")
    llm_env(closed_port_url())
    checked = api.check_extracted(report, document)
    rules = api.check(document, "rules")
    assert found(checked) == found(rules)
    assert "无法连接" in checked.warnings[-1] and "仅按规则判断" in checked.warnings[-1]


def test_an_answer_that_stays_invalid_keeps_the_rules_answer(llm_env):
    document = api.load(NOTES_COPY.encode("utf-8"), "notes.txt")
    with ScriptedLLM(gold_for(SAMPLE_FILES[0]), wording=READER) as server:
        llm_env(server.url)
        report = api.extract(document, "hybrid")
    with ScriptedLLM(gold_for(SAMPLE_FILES[0]), wording=READER, default="malformed") as server:
        llm_env(server.url)
        checked = api.check_extracted(report, document)
        asked = len(server.requests)
    rules = api.check(document, "rules")
    assert found(checked) == found(rules)
    assert asked >= 3, "the cut-off answer was asked again before it was given up"
    assert any("未得到合格回答" in w and "按规则判断" in w for w in checked.warnings)


def test_findings_on_the_copies_against_the_gold(llm_env, capsys):
    """Findings P/R on the two copies, against the samples' gold labels less the one defect a copy removes (000's
    table 0 row 安全放心的市场环境 now states a cause): rules alone vs hybrid with the scripted reader as judge.
    A scripted server, not a model: the figures measure the wiring, not a model's accuracy."""
    rules, judged = FindingScore(), FindingScore()
    for text, sample in COPIES:
        gold = GoldReport.model_validate(gold_for(sample))
        gold.defects = [d for d in gold.defects if (sample, d.rule, d.table, d.row) !=
                        (SAMPLE_FILES[0], "missing_deviation_note", 0, "安全放心的市场环境")]
        document = api.load(text.encode("utf-8"), sample.name)
        report = api.extract(document, "rules")
        rules.add(score_findings(run_checks(report, document).findings, gold.defects, score_extraction(gold, report)[1]))
        with ScriptedLLM(gold_for(sample), wording=READER) as server:
            llm_env(server.url)
            report = api.extract(document, "hybrid")
            checked = api.check_extracted(report, document)
        judged.add(score_findings(checked.findings, gold.defects, score_extraction(gold, report)[1]))
    with capsys.disabled():
        print(f"\ncopies' findings: rules P {rules.precision:.4f} R {rules.recall:.4f} → "
              f"hybrid with the scripted judge P {judged.precision:.4f} R {judged.recall:.4f}")
    assert rules.precision < 1 and judged.precision == 1
    assert judged.recall - rules.recall >= 3 / rules.defects


def test_the_web_upload_in_llm_mode_judges_the_wording(tmp_path):
    """`selfeval serve` with an endpoint configured: an upload reviewed in LLM mode is read and judged with it,
    as `check --extractor auto` does, and its drafts come from the endpoint too."""
    with ScriptedReviewer(gold_for(SAMPLE_FILES[0]), wording=READER) as endpoint:
        env = {"SELFEVAL_LLM_BASE_URL": endpoint.url, "SELFEVAL_LLM_API_KEY": "test", "SELFEVAL_LLM_MODEL": "scripted",
               "SELFEVAL_LLM_BACKOFF": "0.01", "SELFEVAL_LLM_CACHE_DIR": str(tmp_path / "cache"),
               "SELFEVAL_LLM_LOG": str(tmp_path / "llm-log.sqlite3")}
        server = LiveServer(tmp_path / "reviews.db", env=env).start()
        try:
            with server.client() as client:
                offline = client.post("/api/reports", json={"text": NOTES_COPY}).json()
                judged = client.post("/api/reports?mode=llm", json={"text": NOTES_COPY}).json()
        finally:
            server.stop()
    assert (offline["extractor"], judged["extractor"], judged["status"]) == ("rules", "hybrid", "done")
    assert keys(judged["findings"]) - keys(offline["findings"]) == NOTES_ADDED
    assert keys(offline["findings"]) - keys(judged["findings"]) == NOTES_REMOVED
    assert judged["drafts"] and all(d["mode"] == "llm" for d in judged["drafts"])
