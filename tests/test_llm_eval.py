"""`selfeval eval --extractor llm` against an endpoint: per-table F1, values dropped by grounding,
calls, tokens and cost — what a bureau reads before trusting its own model."""
import json
import os

from tests.conftest import ROOT, gold_for, run_cli
from tests.llm_server import COMPLETION_TOKENS, PROMPT_TOKENS, AdversarialLLM, llm_env  # noqa: F401  (fixture)


def test_llm_eval_reports_tables_drops_tokens_and_cost(llm_env, tmp_path, monkeypatch):
    samples = tmp_path / "samples"
    samples.mkdir()
    sample = ROOT / "evals/samples/000_9f4ecd25e267d59e.txt"
    (samples / sample.name).write_bytes(sample.read_bytes())
    monkeypatch.setenv("SELFEVAL_LLM_PROMPT_PRICE", "2")  # per million tokens
    monkeypatch.setenv("SELFEVAL_LLM_COMPLETION_PRICE", "8")
    with AdversarialLLM(gold_for(sample)) as server:
        llm_env(server.url)
        result = run_cli("eval", "--samples", str(samples), "--extractor", "llm", "--format", "json", "--no-save",
                         env=dict(os.environ), timeout=600)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    llm = report["llm"]
    requests = len(server.requests)
    assert llm["requests"] == requests and llm["calls"] < requests, "truncated answers were re-asked"
    assert (llm["prompt_tokens"], llm["completion_tokens"]) == (PROMPT_TOKENS * requests, COMPLETION_TOKENS * requests)
    assert llm["cost"] == round((2 * PROMPT_TOKENS + 8 * COMPLETION_TOKENS) * requests / 1e6, 6)
    assert llm["dropped_values"] > 30
    [scores] = [s["tables"] for s in report["samples"].values()]
    gold_tables = gold_for(sample)["tables"]
    assert [(t["kind"], t["name"]) for t in scores] == [(t["kind"], t["name"]) for t in gold_tables]
    assert all(0 <= t["f1"] < 1 for t in scores), "the adversary's swaps cost every table some recall"
    assert report["extraction"]["mismatches"] == report["extraction"]["inventions"] == 0
