"""The LLM path against a scripted OpenAI-compatible server that misbehaves on cue.

Each test feeds one real table or narrative excerpt of sample 000 (or a whole sample) to
`--extractor llm|hybrid` and checks what the retries, re-asks, grounding, cache, fallbacks
and the audit log made of the fault.
"""
import sqlite3
from pathlib import Path

import pytest

from assistant import api
from assistant.errors import LLMUnavailable
from assistant.evaluate.extraction import Tally, compare_table
from assistant.llm.prompts import load_prompt
from assistant.llm.usage import current_usage
from schemas.gold import GoldReport
from tests.conftest import SAMPLE_FILES, gold_for
from tests.llm_server import INVENTED, ScriptedLLM, llm_env  # noqa: F401  (fixture)

SAMPLE = SAMPLE_FILES[0]
LINES = SAMPLE.read_text(encoding="utf-8").split("\n")
# 附件2-2 药品监管专项: one table, one chunk
DRUG_TABLE = "\n".join(LINES[433:645]).encode("utf-8")
# 二、一般公共预算支出情况 … 基本支出情况: one narrative chunk
SPENDING = "\n".join(LINES[1338:1346]).encode("utf-8")


def extract(text: bytes, extractor: str = "llm"):
    return api.extract(api.load(text, "excerpt.txt"), extractor)


def log_rows(tmp_path: Path) -> list[dict]:
    db = sqlite3.connect(tmp_path / "llm-log.sqlite3")
    db.row_factory = sqlite3.Row
    return [dict(row) for row in db.execute("SELECT * FROM calls ORDER BY id")]


@pytest.fixture
def scripted(llm_env, tmp_path, monkeypatch):
    """Start a scripted server for sample 000 and point the configuration at it, with a cache of its own."""
    servers = []

    def start(script=(), **options) -> ScriptedLLM:
        server = ScriptedLLM(gold_for(SAMPLE), list(script), **options).__enter__()
        servers.append(server)
        llm_env(server.url)
        monkeypatch.setenv("SELFEVAL_LLM_CACHE_DIR", str(tmp_path / f"cache-{len(servers)}"))
        return server

    yield start
    for server in servers:
        server.__exit__(None, None, None)


GOLD_DRUG = next(t for t in GoldReport.model_validate(gold_for(SAMPLE)).tables if t.name == "药品监管专项")
EXCERPT_START = 433  # DRUG_TABLE starts after this many lines of the sample


def differences(table) -> list[str]:
    """How a table read from DRUG_TABLE differs from the gold labels of 附件2-2 (read from the source,
    lines shifted to the excerpt's): [] when it is the table as printed."""
    tally = Tally()
    compare_table(tally, "附件2-2", GOLD_DRUG, table)
    lines = [i.line - EXCERPT_START for i in GOLD_DRUG.indicators if i.line is not None]
    if lines and [i.line for i in table.indicators] != lines:
        tally.errors.append(f"indicator lines {[i.line for i in table.indicators]} ≠ {lines}")
    return tally.errors


def test_a_clean_answer_is_the_table_as_printed(scripted):
    server = scripted()
    report = extract(DRUG_TABLE)
    [table] = report.tables
    assert differences(table) == []
    assert (table.kind, table.name, table.total_score, len(table.indicators)) == ("project", "药品监管专项", 96, 9)
    assert table.indicators[4].level3 == "挽回经济损失" and table.indicators[4].line == 151
    assert table.indicators[5].level1 == "效益指标", "一级 names carried down through merged cells"
    assert report.extractor == "llm" and report.warnings == []
    assert len(server.requests) == 1 and "tools" in server.requests[0]


def test_malformed_json_is_asked_again_and_both_answers_are_paid_for(scripted, tmp_path):
    server = scripted(["malformed"])
    before = current_usage()
    [table] = extract(DRUG_TABLE).tables
    after = current_usage()
    assert differences(table) == []
    assert server.faults == ["malformed", "ok"]
    reask = server.requests[1]["messages"]
    assert reask[-1]["role"] == "tool" and "Validation Error" in reask[-1]["content"]
    [row] = [r for r in log_rows(tmp_path) if r["requests"] == 2]
    assert (row["outcome"], row["prompt_tokens"], row["completion_tokens"], row["cache_hit"]) == ("ok", 200, 20, 0)
    assert (after.calls - before.calls, after.requests - before.requests) == (1, 2)
    assert after.total_tokens - before.total_tokens == 220


def test_missing_fields_are_asked_again(scripted):
    server = scripted(["missing"])
    [table] = extract(DRUG_TABLE).tables
    assert differences(table) == [] and len(server.requests) == 2
    assert "kind" in server.requests[1]["messages"][-1]["content"]


def test_an_answer_invalid_after_every_reask_leaves_a_warning_and_is_never_cached(scripted, tmp_path):
    server = scripted(default="missing")
    report = extract(DRUG_TABLE)
    assert report.tables == [] and len(server.requests) == 3  # the question and two re-asks
    [warning] = report.warnings
    assert "未得到合格回答" in warning and "第" in warning
    assert "Field required" in server.requests[1]["messages"][-1]["content"]  # the re-ask carries the error
    again = extract(DRUG_TABLE)  # an error is not an answer: the next run asks again
    assert len(server.requests) == 6 and again.warnings == report.warnings
    assert [(r["outcome"], r["cache_hit"]) for r in log_rows(tmp_path)] == [("invalid", 0), ("invalid", 0)]


def test_invented_numbers_and_rows_are_dropped_and_reported(scripted):
    scripted(default="invent")
    report = extract(DRUG_TABLE)
    [table] = report.tables
    dumped = table.model_dump_json()
    assert str(INVENTED) not in dumped and "凭空捏造的指标" not in dumped
    assert table.indicators[0].score is None and table.total_score is None
    assert all("score" in e or "total_score" in e for e in differences(table)), "only the invented values are gone"
    [warning] = report.warnings
    assert str(INVENTED) in warning and "凭空捏造的指标" in warning


def test_invented_figures_are_dropped_and_reported(scripted):
    scripted(default="invent")
    report = extract(SPENDING)
    assert INVENTED not in [f.value for f in report.figures]
    assert {(f.label, f.value) for f in report.figures} >= {("项目支出", 76.4), ("人员经费", 1601.54)}
    assert any(str(INVENTED) in w for w in report.warnings)


@pytest.mark.parametrize("script", [["429"], ["500"], ["429", "500", "429"]])
def test_rate_limits_and_server_errors_are_retried(scripted, tmp_path, script):
    server = scripted(script)
    [table] = extract(DRUG_TABLE).tables
    assert differences(table) == [] and server.faults == script + ["ok"]
    assert log_rows(tmp_path)[-1]["requests"] == len(script) + 1


def test_a_timeout_is_retried(scripted, monkeypatch):
    monkeypatch.setenv("SELFEVAL_LLM_TIMEOUT", "1")
    server = scripted(["timeout"], delay=3)
    [table] = extract(DRUG_TABLE).tables
    assert table.name == "药品监管专项" and server.faults == ["timeout", "ok"]


def test_a_slow_answer_within_the_timeout_is_taken(scripted):
    server = scripted(["slow"], delay=0.3)
    [table] = extract(DRUG_TABLE).tables
    assert table.name == "药品监管专项" and server.faults == ["slow"]


def test_an_endpoint_refusing_tools_is_used_in_json_mode(scripted, tmp_path):
    server = scripted(refuse_tools=True)
    [table] = extract(DRUG_TABLE).tables
    assert differences(table) == []
    assert "tools" in server.requests[-2] and server.requests[-1]["response_format"] == {"type": "json_object"}
    assert log_rows(tmp_path)[-1]["mode"] == "json"


def test_a_refused_parameter_is_told_apart_from_a_refused_mode(scripted):
    """A 400 naming max_tokens is no reason to try JSON mode: the user is told which parameter to change."""
    server = scripted(default="bad_parameter")
    with pytest.raises(LLMUnavailable, match="拒绝了请求参数.*max_tokens.*SELFEVAL_LLM_TOKEN_PARAMETER"):
        extract(DRUG_TABLE)
    assert server.requests and all("tools" in r for r in server.requests)


def test_hybrid_falls_back_to_rules_when_the_endpoint_keeps_failing(scripted, monkeypatch):
    monkeypatch.setenv("SELFEVAL_LLM_ATTEMPTS", "2")
    server = scripted(default="500")
    rules = api.extract(SAMPLE, "rules")
    hybrid = api.extract(SAMPLE, "hybrid")
    assert hybrid.tables == rules.tables and hybrid.figures == rules.figures
    assert hybrid.extractor == "rules" and "不可用" in hybrid.warnings[-1] and "仅用规则" in hybrid.warnings[-1]
    assert set(server.faults) == {"500"}
    with pytest.raises(LLMUnavailable, match="服务器返回错误（500）"):
        api.extract(SAMPLE, "llm")


def test_a_second_run_makes_no_llm_call(scripted, tmp_path):
    server = scripted()
    first = api.extract(SAMPLE, "llm")
    calls = len(server.requests)
    before = current_usage()
    second = api.extract(SAMPLE, "llm")
    after = current_usage()
    assert second == first and len(server.requests) == calls
    assert (after.calls - before.calls, after.cache_hits - before.cache_hits) == (0, calls)
    rows = log_rows(tmp_path)
    assert [r["cache_hit"] for r in rows] == [0] * calls + [1] * calls
    versions = {load_prompt(name).version for name in ("extract_table", "extract_narrative")}
    assert {(r["endpoint"], r["model"], r["prompt_version"]) for r in rows} == \
        {(server.url, "scripted", version) for version in versions}
    assert all(r["latency_ms"] >= 0 and r["chunk"] for r in rows)


def test_calls_run_concurrently_within_the_bound(scripted, monkeypatch):
    monkeypatch.setenv("SELFEVAL_LLM_CONCURRENCY", "2")
    server = scripted(default="slow", delay=0.5)
    api.extract(SAMPLE, "llm")
    assert len(server.requests) > 2 and server.most_in_flight == 2


def test_hybrid_on_a_sample_the_rules_read_well_asks_only_about_the_narrative(scripted):
    server = scripted(default="invent")
    rules = api.extract(SAMPLE, "rules")
    hybrid = api.extract(SAMPLE, "hybrid")
    assert hybrid.extractor == "hybrid" and hybrid.tables == rules.tables
    assert all("<text-" in r["messages"][1]["content"] for r in server.requests)
    assert set(map(str, rules.figures)) <= set(map(str, hybrid.figures))
    assert INVENTED not in [f.value for f in hybrid.figures]


def variant(replacements: dict[int, tuple[str, str]]) -> bytes:
    """附件2-2 with some header cells printed otherwise (line number → old, new), as other templates do."""
    lines = LINES[433:645]
    for number, (old, new) in replacements.items():
        assert old in lines[number - 434]
        lines[number - 434] = lines[number - 434].replace(old, new)
    return "\n".join(lines).encode("utf-8")


def test_hybrid_reads_a_table_whose_headers_the_rules_do_not_know(scripted):
    unknown = variant({460: ("执行数", "实付数"), 461: ("分值", "标准分"), 463: ("得分", "评定分"),
                       516: ("一级指标", "考核维度"), 517: ("二级指标", "考核方面"), 518: ("三级指标", "考核要点"),
                       525: ("分值", "标准分"), 526: ("得分", "评定分")})
    [parsed] = extract(unknown, "rules").tables
    assert parsed.confidence < 0.5 and parsed.total_score == 96, "the rules read the head and the 总分 …"
    assert not any(i.level3 or i.weight is not None or i.score is not None for i in parsed.indicators), \
        "… but no indicator's name, 分值 or 得分"
    assert differences(parsed), "the rules' rows misread the table"
    server = scripted()
    hybrid = extract(unknown, "hybrid")
    [table] = hybrid.tables
    assert hybrid.extractor == "hybrid" and len(server.requests) == 1
    assert differences(table) == [], "the LLM's grounded rows replace the rows the rules could not explain"


def test_hybrid_fills_what_the_rules_left_empty_and_keeps_the_rest(scripted):
    unscored = variant({526: ("得分", "评定分")})
    rules = extract(unscored, "rules")
    [parsed] = rules.tables
    assert all(i.score is None for i in parsed.indicators) and parsed.indicators[0].weight == 12.5
    scripted()
    [table] = extract(unscored, "hybrid").tables
    assert [i.score for i in table.indicators] == [i.score for i in GOLD_DRUG.indicators]
    assert [(i.level1, i.level3, i.weight, i.target) for i in table.indicators] == \
        [(i.level1, i.level3, i.weight, i.target) for i in parsed.indicators]
    assert table.model_copy(update={"indicators": []}) == parsed.model_copy(update={"indicators": []})
