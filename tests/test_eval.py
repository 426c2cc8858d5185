"""`selfeval eval` runs offline on the samples, prints all four metric groups, and stays above its floors."""
import json
import os

from assistant.evaluate.run import write_reports
from tests.conftest import ROOT, gold_for, run_cli
from tests.llm_server import ScriptedLLM, llm_env  # noqa: F401  (fixture)

FLOORS = json.loads((ROOT / "evals" / "floors.json").read_text(encoding="utf-8"))


def test_offline_eval_meets_every_floor():
    result = run_cli("eval", "--format", "json", "--no-save", timeout=900)
    assert result.returncode == 0, result.stderr.decode()
    metrics = json.loads(result.stdout)
    assert {"extraction", "findings", "qa", "review"} <= metrics.keys()
    assert len(metrics["samples"]) == 5 and metrics["qa"]["total"] >= 50
    for key, floor in FLOORS.items():
        if key.startswith("_"):
            continue
        group, name = key.split(".")
        assert metrics[group][name] >= floor, (key, metrics[group][name], floor)


def test_eval_reports_and_the_change_since_the_previous_run(tmp_path):
    samples = tmp_path / "samples"
    samples.mkdir()
    (samples / "003_1fd1934784c8d720.txt").write_bytes((ROOT / "evals/samples/003_1fd1934784c8d720.txt").read_bytes())
    first = run_cli("eval", "--samples", str(samples), "--format", "json", "--no-save")
    assert first.returncode == 0, first.stderr.decode()
    result = json.loads(first.stdout)
    assert list(result["samples"]) == ["003_1fd1934784c8d720.txt"]
    reports = tmp_path / "reports"
    assert write_reports(result, reports) == {}
    worse = {**result, "findings": {**result["findings"], "recall": result["findings"]["recall"] - 0.25}}
    assert write_reports(worse, reports)["findings.recall"] == -0.25
    assert "| findings.recall |" in (reports / "eval-rules.md").read_text(encoding="utf-8")
    empty = run_cli("eval", "--samples", str(tmp_path))
    assert empty.returncode == 2 and "没有与金标准对应的样本" in empty.stderr.decode()


def test_llm_eval_records_its_usage_and_a_rerun_is_served_from_the_cache(llm_env, tmp_path):
    samples = tmp_path / "samples"
    samples.mkdir()
    sample = ROOT / "evals/samples/000_9f4ecd25e267d59e.txt"
    (samples / sample.name).write_bytes(sample.read_bytes())
    with ScriptedLLM(gold_for(sample)) as server:
        llm_env(server.url)
        runs = [run_cli("eval", "--samples", str(samples), "--extractor", "llm", "--format", "json", "--no-save",
                        env=dict(os.environ), timeout=600) for _ in range(2)]
    first, second = (json.loads(r.stdout) for r in runs)
    assert first["llm"]["model"] == "scripted" and "extract_table@v" in first["llm"]["prompts"][0]
    assert first["llm"]["calls"] > 0 and first["llm"]["total_tokens"] > 0 and first["llm"]["latency_seconds"] > 0
    # The field set is extracted twice in a run (its tables, then its findings): the second time from the cache.
    assert second["llm"]["calls"] == 0
    assert second["llm"]["cache_hits"] == first["llm"]["calls"] + first["llm"]["cache_hits"]
    assert second["extraction"] == first["extraction"]
