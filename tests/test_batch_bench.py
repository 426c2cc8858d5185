"""Synthetic reports grown from the samples, and `selfeval bench` on them."""
import hashlib
import json
import os
import shutil
import subprocess
import sys

import pytest

from assistant import api
from assistant.bench import one_table_docx
from assistant.synthetic import growth_split, synthetic_report
from tests.conftest import ROOT, SAMPLE_FILES, gold_for, run_cli
from tests.llm_server import ScriptedLLM, llm_env  # noqa: F401  (fixture)


def indicator_count(report) -> int:
    return sum(len(table.indicators) for table in report.tables)


@pytest.mark.parametrize("factor, split", [(1, (1, 1)), (10, (5, 2)), (100, (10, 10)), (7, (7, 1)), (12, (4, 3))])
def test_growth_split_multiplies_to_the_factor(factor, split):
    assert growth_split(factor) == split


@pytest.mark.parametrize("sample", SAMPLE_FILES[:3], ids=lambda p: p.stem[:3])
def test_synthetic_report_has_ten_times_the_indicator_rows(sample):
    text = sample.read_text(encoding="utf-8")
    base = api.extract(api.load(text.encode(), sample.name))
    grown = api.extract(api.load(synthetic_report(text, 10).encode(), sample.name))
    self_evaluation = [t for t in base.tables if t.kind != "basic_data"]
    grown_self_evaluation = [t for t in grown.tables if t.kind != "basic_data"]
    assert indicator_count(grown) == 10 * indicator_count(base)
    assert len(grown_self_evaluation) == 5 * len(self_evaluation)
    assert len({t.name for t in grown_self_evaluation}) == len(grown_self_evaluation)
    # Copies keep the sample's own rows: every indicator of the sample appears 10 times over.
    rows = [(i.level3, i.target, i.actual, i.weight, i.score) for t in grown.tables for i in t.indicators]
    for indicator in (i for t in base.tables for i in t.indicators):
        assert rows.count((indicator.level3, indicator.target, indicator.actual, indicator.weight, indicator.score)) \
            >= 10


def test_sample_without_tables_is_left_as_is():
    text = SAMPLE_FILES[3].read_text(encoding="utf-8")
    assert synthetic_report(text, 10) == text


def test_corpus_writer_makes_distinct_reports(tmp_path):
    result = subprocess.run([sys.executable, "-m", "assistant.synthetic", str(tmp_path), "--count", "7"], cwd=ROOT,
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    files = sorted(tmp_path.glob("*.txt"))
    assert len(files) == 7
    assert len({hashlib.sha256(f.read_bytes()).hexdigest() for f in files}) == 7


def test_bench_json_has_the_documented_keys(tmp_path):
    samples = tmp_path / "samples"
    samples.mkdir()
    for sample in (SAMPLE_FILES[0], SAMPLE_FILES[3]):
        shutil.copy(sample, samples / sample.name)
    out = tmp_path / "bench.json"
    result = run_cli("bench", "--json", "--samples", str(samples), "--sizes", "1,2", "--repeat", "2", "--out", str(out),
                     timeout=600)
    assert result.returncode == 0, result.stderr.decode()
    bench = json.loads(result.stdout)
    assert json.loads(out.read_text(encoding="utf-8")) == bench
    for key in ("p50_ms_per_report", "p95_ms_per_report", "reports_per_s_per_core", "scaling_ratio", "peak_memory_mb"):
        assert bench[key] > 0, key
    assert bench["p50_ms_per_report"] <= bench["p95_ms_per_report"]
    assert [s["size"] for s in bench["sizes"]] == [1, 2]
    assert bench["sizes"][1]["indicator_rows"] == 2 * bench["sizes"][0]["indicator_rows"] > 0
    assert {s["name"] for s in bench["samples"]} == {SAMPLE_FILES[0].name, SAMPLE_FILES[3].name}
    assert set(bench["meets_targets"]) == {"p50_ms_per_report", "scaling_ratio", "peak_memory_mb",
                                           "measurements.startup.ratio", "measurements.extract_docx.ratio"}
    measured = bench["measurements"]
    assert measured["startup"]["command"] == "selfeval --help" and measured["startup"]["floor"] == "python -c pass"
    assert measured["extract_docx"]["command"].startswith("selfeval extract --format json")
    for side in (measured["startup"], measured["extract_docx"]):
        assert side["ms"] > 0 and side["floor_ms"] > 0 and side["runs"] == 2
        assert side["ratio"] == round(side["ms"] / side["floor_ms"], 2)
    assert bench["meets_targets"]["measurements.startup.ratio"] == (measured["startup"]["ratio"] <= 5)
    libraries = measured["extract_docx"]
    assert "import typer, typer._adapters, schemas.report, lxml.etree" in libraries["libraries"]
    assert libraries["libraries_ms"] > 0
    exports = measured["exports"]
    assert exports["report"] == SAMPLE_FILES[0].name
    for fmt in ("docx", "xlsx", "md"):
        runs = exports[fmt]["sizes"]
        assert [run["size"] for run in runs] == [1, 2]
        assert runs[1]["indicator_rows"] == 2 * runs[0]["indicator_rows"] > 0
        assert all(run["ms"] > 0 and run["bytes"] > 0 for run in runs), fmt
        assert runs[1]["bytes"] > runs[0]["bytes"]
    # Every dev copy of the field set and the slow copies of evals/bench read, the slowest named.
    pasted = measured["pasted_copies"]
    copies = len([*(ROOT / "evals" / "field" / "dev").glob("*.txt"), *(ROOT / "evals" / "bench").glob("*.txt")])
    assert pasted["copies"] == copies > 60
    assert 0 < pasted["p50_ms"] <= pasted["max_ms"] and pasted["slowest"].endswith(".txt")


def test_bench_word_file_holds_the_samples_first_table(tmp_path):
    path = tmp_path / "one_table.docx"
    path.write_bytes(one_table_docx(SAMPLE_FILES[0].read_text(encoding="utf-8")))
    report = api.extract(path, "rules")
    gold = gold_for(SAMPLE_FILES[0])["tables"][0]
    assert len(report.tables) == 1
    assert [(i.level3, i.target, i.actual, i.weight, i.score) for i in report.tables[0].indicators] == \
        [(i["level3"], i["target"], i["actual"], i["weight"], i["score"]) for i in gold["indicators"]]
    assert report.tables[0].funds_total.executed == gold["funds_total"]["executed"]


def test_bench_and_eval_write_nothing_into_the_source_tree_unless_saved(tmp_path):
    samples = tmp_path / "samples"
    samples.mkdir()
    shutil.copy(SAMPLE_FILES[3], samples / SAMPLE_FILES[3].name)
    reports = ROOT / "evals" / "reports"
    before = {path.name: path.read_bytes() for path in reports.iterdir()}
    bench = run_cli("bench", "--samples", str(samples), "--sizes", "1", "--repeat", "1")
    evaluation = run_cli("eval", "--samples", str(samples))
    assert bench.returncode == evaluation.returncode == 0, bench.stderr.decode() + evaluation.stderr.decode()
    assert {path.name: path.read_bytes() for path in reports.iterdir()} == before
    assert "--save" in evaluation.stdout.decode()


def test_bench_refuses_an_empty_samples_directory(tmp_path):
    result = run_cli("bench", "--samples", str(tmp_path), "--out", str(tmp_path / "b.json"))
    assert result.returncode == 2 and "没有 .txt" in result.stderr.decode()


def test_bench_counts_llm_calls_tokens_and_cache_hits(tmp_path, llm_env):
    samples = tmp_path / "samples"
    samples.mkdir()
    shutil.copy(SAMPLE_FILES[0], samples / SAMPLE_FILES[0].name)
    args = ("bench", "--json", "--samples", str(samples), "--sizes", "1", "--repeat", "1",
            "--out", str(tmp_path / "b.json"))
    with ScriptedLLM(gold_for(SAMPLE_FILES[0])) as server:
        llm_env(server.url)
        first = run_cli(*args, env=dict(os.environ), timeout=300)
        second = run_cli(*args, env=dict(os.environ), timeout=300)
    assert first.returncode == second.returncode == 0, first.stderr.decode() + second.stderr.decode()
    cold, warm = json.loads(first.stdout)["llm"], json.loads(second.stdout)["llm"]
    assert cold["calls_per_report"] == len(server.requests) > 0
    assert cold["tokens_per_report"] == cold["requests_per_report"] * 110  # the server bills 100 + 10 per request
    assert cold["cache_hit_rate"] == 0
    assert (warm["calls_per_report"], warm["cache_hit_rate"]) == (0, 1)


def test_bench_without_llm_has_no_llm_figures(tmp_path, llm_env):
    samples = tmp_path / "samples"
    samples.mkdir()
    shutil.copy(SAMPLE_FILES[4], samples / SAMPLE_FILES[4].name)
    result = run_cli("bench", "--json", "--samples", str(samples), "--sizes", "1", "--repeat", "1", "--out",
                     str(tmp_path / "b.json"), env=dict(os.environ))
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["llm"] is None
