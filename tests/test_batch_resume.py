"""A batch killed or interrupted mid-way loses nothing it finished, and a rerun completes it."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assistant.store import Store
from assistant.synthetic import corpus, synthetic_report
from tests.conftest import ROOT, SAMPLE_FILES, run_cli

COUNT = 10
SLOW = "00001a_slow.txt"


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
    """Generated reports; the third in order is a sample grown 100× (seconds of work), so a signal sent once
    two files are done always lands while the batch is still busy, however fast or loaded the machine is."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in corpus(SAMPLE_FILES[:3], COUNT - 1):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / SLOW).write_text(synthetic_report(SAMPLE_FILES[0].read_text(encoding="utf-8"), 100), encoding="utf-8")
    assert sorted(p.name for p in folder.iterdir())[2] == SLOW
    return folder


def default_sigint() -> None:
    """Ctrl-C as a terminal delivers it: a suite started in the background by a non-interactive shell ignores SIGINT,
    and a Python started with SIGINT ignored keeps ignoring it (no KeyboardInterrupt)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_batch(inbox, outdir) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "assistant", "batch", str(inbox), "-o", str(outdir), "--jobs", "1"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=default_sigint)


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
    wait_for_done(process, outdir, 2)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    stderr = stderr.decode("utf-8")
    assert process.returncode == 130, stderr
    assert "已中断" in stderr and "Traceback" not in stderr
    done = ok_entries(outdir)
    assert 2 <= len(done) < COUNT
    assert (outdir / "overview.xlsx").is_file()

    result = run_cli("batch", str(inbox), "-o", str(outdir), "--jobs", "2", timeout=300)
    assert result.returncode == 0, result.stderr.decode("utf-8")
    assert f"跳过 {len(done)} 个" in result.stdout.decode("utf-8")
    assert_complete(inbox, outdir)


def state_and_parent(pid: int) -> tuple[str, int] | None:
    """A process's state letter and parent pid from /proc, None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return fields[0], int(fields[1])


def alive(pid: int) -> bool:
    status = state_and_parent(pid)
    return status is not None and status[0] != "Z"


def worker_pids(parent: int) -> list[int]:
    """The live children of process `parent`."""
    pids = [int(path.name) for path in Path("/proc").iterdir() if path.name.isdigit()]
    return [pid for pid in pids if (state_and_parent(pid) or ("Z", 0))[1] == parent and alive(pid)]


def test_killing_the_parent_ends_its_workers(inbox, tmp_path):
    outdir = tmp_path / "out"
    process = start_batch(inbox, outdir)
    wait_for_done(process, outdir, 2)
    workers = worker_pids(process.pid)
    assert workers, "the batch runs its reviews in worker processes"
    process.kill()  # the parent alone, as `kill -9 PID` does
    process.wait()
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers):
        assert time.monotonic() < deadline, f"workers {workers} outlived their parent"
        time.sleep(0.05)
