"""`selfeval batch` through the real CLI: outputs, bad files, reruns, and the SQLite store it fills."""
import json
import random
import shutil

import pytest
from openpyxl import load_workbook

from assistant import api
from assistant.store import Store
from schemas import ReviewedReport
from tests.conftest import SAMPLE_FILES, run_cli

GOOD = [SAMPLE_FILES[0], SAMPLE_FILES[3], SAMPLE_FILES[4]]
BAD = {"empty.txt": b"", "junk.txt": random.Random(1).randbytes(20_000), "broken.docx": b"PK\x03\x04" + b"\x01" * 500}


def ledger(outdir) -> list[dict]:
    return [json.loads(line) for line in (outdir / "summary.jsonl").read_text(encoding="utf-8").splitlines()]


def run_batch(*args: str):
    result = run_cli("batch", *args, timeout=300)
    assert "Traceback" not in result.stderr.decode("utf-8"), result.stderr.decode("utf-8")
    return result


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    """Three real reports and three bad files in one directory."""
    folder = tmp_path_factory.mktemp("inbox")
    for sample in GOOD:
        shutil.copy(sample, folder / sample.name)
    for name, data in BAD.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def first_run(inbox, tmp_path_factory):
    outdir = tmp_path_factory.mktemp("out")
    return run_batch(str(inbox), "-o", str(outdir), "--jobs", "2"), outdir


def test_bad_files_are_reported_and_the_batch_goes_on(first_run):
    result, outdir = first_run
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2
    for name, message in (("empty.txt", "文件为空"), ("junk.txt", "编码"), ("broken.docx", "Word 文件已损坏")):
        assert name in stderr and message in stderr
    assert "审核中" in stderr  # the progress bar
    entries = ledger(outdir)
    assert sorted(e["name"] for e in entries if e["status"] == "ok") == sorted(s.name for s in GOOD)
    assert sorted(e["name"] for e in entries if e["status"] == "bad_input") == sorted(BAD)
    assert all(e["message"] for e in entries if e["status"] == "bad_input")


def test_each_report_json_is_the_pipeline_review(first_run):
    _, outdir = first_run
    by_name = {e["name"]: e for e in ledger(outdir)}
    for sample in GOOD:
        stored = ReviewedReport.model_validate_json((outdir / by_name[sample.name]["json"]).read_text(encoding="utf-8"))
        direct = api.review(api.load(sample.read_bytes(), sample.name))
        assert stored.source.sha256 == by_name[sample.name]["sha256"]
        assert stored.findings == direct.findings and stored.scores == direct.scores
        assert by_name[sample.name]["errors"] == sum(f.severity == "error" for f in direct.findings)


def test_store_holds_every_reviewed_report(first_run):
    _, outdir = first_run
    store = Store(outdir / "reviews.db")
    entries = {e["sha256"]: e for e in ledger(outdir) if e["status"] == "ok"}
    listed = store.list_reports()
    assert sorted(r.sha256 for r in listed) == sorted(entries)
    for sha256, entry in entries.items():
        record = store.get(store.find_by_sha256(sha256))
        assert record.id == entry["store_id"] and record.name == entry["name"]
        assert record.reviewed.findings == ReviewedReport.model_validate_json(
            (outdir / entry["json"]).read_text(encoding="utf-8")).findings


def test_overview_workbook_lists_reports_scores_and_findings(first_run):
    _, outdir = first_run
    book = load_workbook(outdir / "overview.xlsx", read_only=True)
    reports = list(book["报告"].iter_rows(values_only=True))
    assert reports[0][:4] == ("文件", "单位", "年度", "状态")
    assert sorted(row[3] for row in reports[1:]) == sorted(["已审核"] * len(GOOD) + ["输入有误"] * len(BAD))
    ok = [e for e in ledger(outdir) if e["status"] == "ok"]
    findings = list(book["问题"].iter_rows(values_only=True))[1:]
    assert len(findings) == sum(e["errors"] + e["warnings"] + e["infos"] for e in ok)
    scores = list(book["得分"].iter_rows(values_only=True))[1:]
    assert len(scores) == sum(len(e["scores"]) for e in ok)


def test_rerun_skips_done_files_and_keeps_everything_stored(first_run, inbox):
    _, outdir = first_run
    before = ledger(outdir)
    result = run_batch(str(inbox), "-o", str(outdir), "--jobs", "2")
    assert result.returncode == 2  # the bad files are still bad, and said so again
    assert f"跳过 {len(GOOD)} 个" in result.stdout.decode("utf-8")
    after = ledger(outdir)
    assert after[:len(before)] == before
    assert all(e["status"] == "bad_input" for e in after[len(before):])
    assert len(Store(outdir / "reviews.db").list_reports()) == len(GOOD)


def test_new_and_duplicate_files_on_rerun(tmp_path):
    folder, outdir = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(SAMPLE_FILES[3], folder / "a.txt")
    assert run_batch(str(folder), "-o", str(outdir)).returncode == 0
    shutil.copy(SAMPLE_FILES[3], folder / "a-copy.txt")
    shutil.copy(SAMPLE_FILES[4], folder / "b.txt")
    result = run_batch(str(folder), "-o", str(outdir))
    assert result.returncode == 0
    assert "本次审核 1 个，跳过 2 个" in result.stdout.decode("utf-8")
    assert sorted(e["name"] for e in ledger(outdir)) == ["a.txt", "b.txt"]


def test_glob_selects_files_and_no_match_is_bad_input(tmp_path, inbox):
    outdir = tmp_path / "out"
    result = run_batch(str(inbox / "0*.txt"), "-o", str(outdir))
    assert result.returncode == 0
    assert sorted(e["name"] for e in ledger(outdir)) == sorted(s.name for s in GOOD)
    missing = run_batch(str(tmp_path / "nothing-*.docx"), "-o", str(outdir))
    assert missing.returncode == 2 and "没有找到" in missing.stderr.decode("utf-8")
    taken = run_batch(str(inbox), "-o", str(outdir / "summary.jsonl"))
    assert taken.returncode == 2 and "已是一个文件" in taken.stderr.decode("utf-8")
