"""`--extractor` and `selfeval cache` from the command line, as a user runs them."""
import json
import os
import socket

import pytest

from tests.conftest import SAMPLE_FILES, gold_for, run_cli
from tests.llm_server import ScriptedLLM, llm_env  # noqa: F401  (fixture)

SAMPLE = str(SAMPLE_FILES[0])


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def extract_json(*args: str) -> tuple[int, dict | None, str]:
    result = run_cli("extract", SAMPLE, "--format", "json", *args, env=dict(os.environ))
    stdout = result.stdout.decode()
    return result.returncode, json.loads(stdout) if stdout.strip() else None, result.stderr.decode()


def test_without_an_endpoint_auto_is_exactly_rules(llm_env):
    code, auto, _ = extract_json()
    _, rules, _ = extract_json("--extractor", "rules")
    assert code == 0 and auto == rules and auto["extractor"] == "rules"


def test_llm_without_an_endpoint_exits_3_with_a_clear_message(llm_env):
    code, report, stderr = extract_json("--extractor", "llm")
    assert (code, report) == (3, None)
    assert "未配置 LLM 端点" in stderr and "SELFEVAL_LLM_BASE_URL" in stderr and "Traceback" not in stderr


def test_unreachable_endpoint_hybrid_falls_back_to_rules_llm_exits_3(llm_env):
    llm_env(closed_port_url())
    _, rules, _ = extract_json("--extractor", "rules")
    code, hybrid, _ = extract_json()
    assert code == 0 and hybrid["extractor"] == "rules" and hybrid["tables"] == rules["tables"]
    assert "无法连接" in hybrid["warnings"][-1]
    code, _, stderr = extract_json("--extractor", "llm")
    assert code == 3 and "无法连接" in stderr and "Traceback" not in stderr


def test_an_unknown_extractor_is_bad_input(llm_env):
    code, _, stderr = extract_json("--extractor", "magic")
    assert code == 2 and "magic" in stderr


def test_check_with_llm_extraction_and_cache_commands(llm_env, tmp_path):
    with ScriptedLLM(gold_for(SAMPLE_FILES[0])) as server:
        llm_env(server.url)
        env = dict(os.environ)
        checked = run_cli("check", SAMPLE, "--extractor", "llm", "--format", "json", env=env)
        assert checked.returncode == 0, checked.stderr.decode()
        report = json.loads(checked.stdout)
        assert report["extractor"] == "llm" and len(report["tables"]) == 6 and report["findings"]
        calls = len(server.requests)
        stats = json.loads(run_cli("cache", "stats", "--format", "json", env=env).stdout)
        assert stats["cache"]["entries"] == calls and stats["log"]["calls"] == calls
        assert stats["log"]["outcomes"] == {"ok": calls} and stats["log"]["total_tokens"] == 110 * calls
        cleared = run_cli("cache", "clear", env=env)
        assert cleared.returncode == 0 and f"已清空 {calls} 条缓存" in cleared.stdout.decode()
        assert json.loads(run_cli("cache", "stats", "--format", "json", env=env).stdout)["cache"]["entries"] == 0


@pytest.mark.parametrize("command, says", [(["cache", "stats"], "缓存：0 条"), (["cache", "clear"], "已清空 0 条缓存")])
def test_cache_commands_work_before_any_llm_call(llm_env, command, says):
    result = run_cli(*command, env=dict(os.environ))
    assert result.returncode == 0 and says in result.stdout.decode()
