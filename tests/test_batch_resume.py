"""A batch killed or interrupted mid-way loses nothing it finished, and a rerun completes it."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from openpyxl import load_workbook

from assistant.store import Store
from assistant.synthetic import corpus
from tests.conftest import ROOT, SAMPLE_FILES, run_cli

COUNT = 10


def ok_entries(outdir) -> list[dict]:
    """Complete ledger lines of reviewed files (a line cut short by a kill is not one)."""
    path = outdir / "summary.jsonl"
    if not path.exists():
        return []
    entries = []
    for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return [e for e in entries if e["status"] == "ok"]


@pytest.fixture
def inbox(tmp_path):
    """Generated reports, each with two or three copies of a sample's tables, so each takes a while."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in corpus(SAMPLE_FILES[:3], COUNT):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def start_batch(inbox, outdir) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "assistant", "batch", str(inbox), "-o", str(outdir), "--jobs", "1"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def wait_for_done(process: subprocess.Popen, outdir, count: int) -> None:
    deadline = time.monotonic() + 120
    while len(ok_entries(outdir)) < count:
        assert process.poll() is None, process.stderr.read().decode("utf-8")
        assert time.monotonic() < deadline, "batch made no progress"
        time.sleep(0.02)


def assert_complete(inbox, outdir) -> None:
    """Every file reviewed exactly once: one ledger line, its JSON, one store row, one overview row."""
    entries = ok_entries(outdir)
    assert sorted(e["name"] for e in entries) == sorted(p.name for p in inbox.iterdir())
    assert all((outdir / e["json"]).is_file() for e in entries)
    stored = Store(outdir / "reviews.db").list_reports()
    assert sorted(r.sha256 for r in stored) == sorted(e["sha256"] for e in entries)
    rows = list(load_workbook(outdir / "overview.xlsx", read_only=True)["报告"].iter_rows(values_only=True))[1:]
    assert sorted(row[0] for row in rows) == sorted(e["file"] for e in entries)


def test_killed_batch_resumes_where_it_stopped(inbox, tmp_path):
    outdir = tmp_path / "out"
    process = start_batch(inbox, outdir)
    wait_for_done(process, outdir, 2)
    os.killpg(process.pid, signal.SIGKILL)  # the whole group, workers too: a power cut, no cleanup
    process.wait()
    done = ok_entries(outdir)
    assert 2 <= len(done) < COUNT
    stored_before = {r.sha256: r.id for r in Store(outdir / "reviews.db").list_reports()}
    assert {e["sha256"] for e in done} <= set(stored_before)

    result = run_cli("batch", str(inbox), "-o", str(outdir), "--jobs", "2", timeout=300)
    assert result.returncode == 0, result.stderr.decode("utf-8")
    assert f"跳过 {len(done)} 个" in result.stdout.decode("utf-8")
    assert_complete(inbox, outdir)
    stored_after = {r.sha256: r.id for r in Store(outdir / "reviews.db").list_reports()}
    assert all(stored_after[sha256] == report_id for sha256, report_id in stored_before.items())


def test_ctrl_c_stops_cleanly_and_a_rerun_finishes(inbox, tmp_path):
    outdir = tmp_path / "out"
    process = start_batch(inbox, outdir)
    wait_for_done(process, outdir, 1)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    stderr = stderr.decode("utf-8")
    assert process.returncode == 130, stderr
    assert "已中断" in stderr and "Traceback" not in stderr
    done = ok_entries(outdir)
    assert 1 <= len(done) < COUNT
    assert (outdir / "overview.xlsx").is_file()

    result = run_cli("batch", str(inbox), "-o", str(outdir), "--jobs", "2", timeout=300)
    assert result.returncode == 0, result.stderr.decode("utf-8")
    assert f"跳过 {len(done)} 个" in result.stdout.decode("utf-8")
    assert_complete(inbox, outdir)
