"""LLM mode against a scripted model on loopback: the tool loop, verification of the answer's
numbers, the fallback to the offline answer, and the audit log of every step."""
import json
import sqlite3

import pytest

from assistant import api
from tests.chat_llm_server import INVENTED, ScriptedChatModel, material
from tests.conftest import SAMPLES, run_cli

SAMPLE = SAMPLES / "002_1b038c9877a00c9c.txt"
QUESTION = "运行维护费项目全年执行数是多少？"


@pytest.fixture
def endpoint(tmp_path, monkeypatch):
    """Point the LLM settings at a scripted model; returns a function starting one with a behaviour."""
    def start(behaviour: str) -> ScriptedChatModel:
        server = ScriptedChatModel(behaviour).__enter__()
        started.append(server)
        for name, value in {"SELFEVAL_LLM_BASE_URL": server.url, "SELFEVAL_LLM_API_KEY": "test",
                            "SELFEVAL_LLM_MODEL": f"scripted-{behaviour}", "SELFEVAL_LLM_MODE": "tools",
                            "SELFEVAL_LLM_CACHE_DIR": str(tmp_path / "cache"),
                            "SELFEVAL_LLM_LOG": str(tmp_path / "log.sqlite3"), "SELFEVAL_LLM_BACKOFF": "0",
                            "SELFEVAL_LLM_REASKS": "1", "SELFEVAL_LLM_CONFIG": str(tmp_path / "none.toml")}.items():
            monkeypatch.setenv(name, value)
        return server

    started: list[ScriptedChatModel] = []
    yield start
    for server in started:
        server.__exit__(None, None, None)


def test_the_model_looks_up_the_figure_and_its_verified_answer_cites_the_cell(endpoint):
    server = endpoint("honest")
    answer = api.ask(SAMPLE, QUESTION, mode="llm")
    assert answer.mode == "llm" and answer.verified is True and answer.unverified_numbers == []
    assert answer.value == 32.15 and "32.15" in answer.answer
    assert any(e.quote == "32.15" and e.line == 956 for e in answer.evidence)
    first, second = (material(r) for r in server.requests[:2])
    assert "[1] rules" in first and "[2]" not in first  # the model starts from the offline answer
    assert "[2] lookup" in second and "运行维护费·年度资金总额·全年执行数" in second


def test_an_invented_number_is_marked_unverified(endpoint):
    endpoint("invent")
    answer = api.ask(SAMPLE, QUESTION, mode="llm")
    assert answer.mode == "llm" and answer.verified is False
    assert answer.unverified_numbers == [f"{INVENTED:g}"] and "未核实" in answer.answer
    assert answer.evidence


@pytest.mark.parametrize("behaviour", ["silent", "broken"])
def test_a_model_that_never_answers_validly_leaves_the_offline_answer(endpoint, behaviour):
    endpoint(behaviour)
    answer = api.ask(SAMPLE, QUESTION, mode="llm")
    offline = api.ask(SAMPLE, QUESTION)
    assert answer.mode == "offline" and answer.value == offline.value == 32.15
    assert answer.answer.startswith(offline.answer) and "模型未给出有效答案" in answer.answer


def test_every_step_is_in_the_audit_log_and_a_repeat_comes_from_the_cache(endpoint, tmp_path):
    server = endpoint("honest")
    first = api.ask(SAMPLE, QUESTION, mode="llm")
    requests = len(server.requests)
    assert api.ask(SAMPLE, QUESTION, mode="llm") == first
    assert len(server.requests) == requests  # both steps answered from the response cache
    with sqlite3.connect(tmp_path / "log.sqlite3") as log:
        rows = log.execute("SELECT prompt, chunk_where, cache_hit FROM calls ORDER BY id").fetchall()
    assert [r[:2] for r in rows[:2]] == [("chat_answer", "chat:0"), ("chat_answer", "chat:1")]
    assert [r[2] for r in rows[2:]] == [1, 1]


def test_the_cli_answers_in_llm_mode_through_the_endpoint(endpoint):
    endpoint("honest")
    result = run_cli("ask", str(SAMPLE), QUESTION, "--mode", "llm", "--format", "json")
    answer = json.loads(result.stdout)
    assert result.returncode == 0 and answer["mode"] == "llm" and answer["verified"] is True
    assert answer["value"] == 32.15
