"""Batch review: many reports through the offline pipeline in a process pool, resumable and crash-safe.

OUTDIR holds
    reports/<stem>.<sha12>.json   each file's review (the contract's review object)
    summary.jsonl                 the ledger: one line per file processed (status, counts, scores)
    overview.xlsx                 the ledger as a workbook: 报告 / 得分 / 问题 sheets
    reviews.db                    the SQLite store (`assistant.store`) the web app reads
A file's ledger line is written last, after its JSON and its store row, so a file is done
exactly when the ledger says so: a rerun skips those hashes, and a batch that is
interrupted or killed loses at most the files that were in flight.
"""
import ctypes
import glob
import hashlib
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from time import perf_counter

from assistant import api
from assistant.errors import SelfevalError
from assistant.render import SEVERITY_NAMES, evidence_places, rule_name, table_label
from assistant.store import Store
from schemas import Evidence, ReviewedReport

REPORT_SUFFIXES = {".txt", ".docx", ".pdf"}
LEDGER = "summary.jsonl"
OVERVIEW = "overview.xlsx"
STORE = "reviews.db"
REPORTS = "reports"
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


@dataclass
class Outcome:
    """What became of one file: reviewed (`ok`), refused (`bad_input`, `llm_unavailable`) or a bug (`error`)."""

    path: str
    sha256: str
    status: str
    message: str | None = None
    reviewed_json: str | None = None
    data: bytes | None = None
    ms: float = 0.0

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass
class Tally:
    """Counts of one batch run, and the files that did not get a review."""

    total: int = 0
    skipped: int = 0
    reviewed: int = 0
    failures: list[Outcome] = field(default_factory=list)
    interrupted: bool = False

    def count(self, status: str) -> int:
        return sum(outcome.status == status for outcome in self.failures)


def find_reports(source: str, outdir: Path | None = None) -> list[Path]:
    """The files SOURCE names: a directory's .txt/.docx/.pdf files (recursively), a glob's matches, or one file."""
    path = Path(source)
    if path.is_dir():
        found = [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES]
    elif path.is_file():
        found = [path]
    else:
        found = [Path(p) for p in glob.glob(source, recursive=True) if Path(p).is_file()]
    if outdir is not None:
        outdir = outdir.resolve()
        found = [p for p in found if outdir not in p.resolve().parents]
    return sorted(found)


def file_sha256(path: Path) -> str | None:
    """The file's SHA-256, read in chunks; None if it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def start_worker() -> None:
    """Workers leave Ctrl-C to the parent, which finishes the files in flight and stops cleanly;
    a SIGTERM sent to a worker itself ends it (the parent's handler, inherited by fork, would not);
    and a worker dies with its parent, so `kill -9` of the batch leaves no orphan reviewing on."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent()


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent exits (prctl PR_SET_PDEATHSIG); elsewhere a no-op."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(1)


def review_file(path: str, sha256: str, extractor: str) -> Outcome:
    """Run the pipeline on one file (in a worker process); every failure becomes an Outcome, never an exception."""
    start = perf_counter()
    try:
        document = api.load(path)
        reviewed = api.review(document, extractor=extractor)
    except SelfevalError as error:
        status = "bad_input" if error.exit_code == 2 else "llm_unavailable"
        return Outcome(path, sha256, status, str(error), ms=(perf_counter() - start) * 1000)
    except Exception as error:  # a bug on one file must not stop the batch
        return Outcome(path, sha256, "error", f"内部错误（{type(error).__name__}: {error}）",
                       ms=(perf_counter() - start) * 1000)
    return Outcome(path, sha256, "ok", reviewed_json=reviewed.model_dump_json(indent=2),
                   data=Path(path).read_bytes(), ms=(perf_counter() - start) * 1000)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` in one step, so a reader never sees half a file."""
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


class Ledger:
    """summary.jsonl: one JSON line per processed file, each appended and fsynced on its own."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # A line cut short by a kill must not swallow the next one.
        if path.exists() and path.stat().st_size:
            with path.open("rb+") as handle:
                handle.seek(-1, os.SEEK_END)
                if handle.read(1) != b"\n":
                    handle.write(b"\n")

    def entries(self) -> list[dict]:
        """Every complete line; a line cut short by a kill is ignored."""
        if not self.path.exists():
            return []
        entries = []
        for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                continue
        return entries

    def append(self, entry: dict) -> None:
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self.path.open("ab") as handle:
            handle.write(line.encode("utf-8"))  # one write: an interrupt lands before or after, not inside
            handle.flush()
            os.fsync(handle.fileno())


def latest_entries(entries: Iterable[dict]) -> list[dict]:
    """The last ledger entry of each file content, in the order files were first seen."""
    latest: dict[str, dict] = {}
    for entry in entries:
        latest.pop(entry["sha256"], None)
        latest[entry["sha256"]] = entry
    return list(latest.values())


def scores_of(reviewed: ReviewedReport) -> list[dict]:
    return [{"table": score.table,
             "name": reviewed.tables[score.table].name if score.table < len(reviewed.tables) else None,
             "self_score": score.self_score, "recomputed_score": score.recomputed_score}
            for score in reviewed.scores]


def ledger_entry(outcome: Outcome, reviewed: ReviewedReport | None, json_path: str | None,
                 store_id: str | None) -> dict:
    entry = {"file": outcome.path, "name": outcome.name, "sha256": outcome.sha256, "status": outcome.status,
             "message": outcome.message, "ms": round(outcome.ms, 1), "finished_at": now()}
    if reviewed is not None:
        severities = [finding.severity for finding in reviewed.findings]
        entry.update({
            "json": json_path, "store_id": store_id, "unit_name": reviewed.unit_name, "year": reviewed.year,
            "tables": len(reviewed.tables), "indicators": sum(len(t.indicators) for t in reviewed.tables),
            "errors": severities.count("error"), "warnings": severities.count("warning"),
            "infos": severities.count("info"), "drafts": len(reviewed.drafts), "scores": scores_of(reviewed),
        })
    return entry


class Batch:
    """One OUTDIR: its ledger, per-report JSON, store and overview."""

    def __init__(self, outdir: Path, extractor: str = "rules") -> None:
        self.outdir = outdir
        self.extractor = extractor
        (outdir / REPORTS).mkdir(parents=True, exist_ok=True)
        self.ledger = Ledger(outdir / LEDGER)
        self.store = Store(outdir / STORE)

    def done(self) -> set[str]:
        """Hashes of the files already reviewed, whose JSON is still in place."""
        return {entry["sha256"] for entry in self.ledger.entries()
                if entry.get("status") == "ok" and (self.outdir / entry.get("json", "")).is_file()}

    def plan(self, files: list[Path]) -> tuple[list[tuple[Path, str]], list[Outcome], int]:
        """(files to review with their hashes, unreadable files, files skipped as already done or duplicate)."""
        done = self.done()
        todo: list[tuple[Path, str]] = []
        unreadable: list[Outcome] = []
        skipped = 0
        for path in files:
            sha256 = file_sha256(path)
            if sha256 is None:
                unreadable.append(Outcome(str(path), "", "bad_input", f"无法读取文件：{path}"))
            elif sha256 in done:
                skipped += 1
            else:
                done.add(sha256)
                todo.append((path, sha256))
        return todo, unreadable, skipped

    def record(self, outcome: Outcome) -> None:
        """Keep one file's result: its JSON, then its store row, then (the commit point) its ledger line."""
        reviewed = json_path = store_id = None
        if outcome.status == "ok":
            reviewed = ReviewedReport.model_validate_json(outcome.reviewed_json)
            json_path = f"{REPORTS}/{Path(outcome.name).stem}.{outcome.sha256[:12]}.json"
            write_atomically(self.outdir / json_path, outcome.reviewed_json.encode("utf-8"))
            # A batch killed after the store write and before the ledger line must not store it twice.
            store_id = self.store.find_by_sha256(outcome.sha256) or \
                self.store.save_report(reviewed, outcome.data, outcome.name)
        if outcome.sha256:
            self.ledger.append(ledger_entry(outcome, reviewed, json_path, store_id))

    def run(self, todo: list[tuple[Path, str]], jobs: int, on_outcome: Callable[[Outcome], None]) -> bool:
        """Review `todo` in `jobs` processes, recording each file as it finishes; True if interrupted.

        On Ctrl-C (or SIGTERM) nothing new starts, the files in flight finish and are recorded.
        """
        with ProcessPoolExecutor(max_workers=jobs, initializer=start_worker) as pool:
            futures = {pool.submit(review_file, str(path), sha256, self.extractor): (path, sha256)
                       for path, sha256 in todo}
            finished: set[Future] = set()
            try:
                for future in as_completed(futures):
                    finished.add(future)
                    self._finish(future, futures[future], on_outcome)
            except KeyboardInterrupt:
                for future in futures:
                    future.cancel()
                in_flight = [f for f in futures if f not in finished and not f.cancelled()]
                wait(in_flight)
                for future in in_flight:
                    self._finish(future, futures[future], on_outcome)
                return True
        return False

    def _finish(self, future: Future, item: tuple[Path, str], on_outcome: Callable[[Outcome], None]) -> None:
        path, sha256 = item
        try:
            outcome = future.result()
        except BrokenProcessPool:
            outcome = Outcome(str(path), sha256, "error", "审核进程意外退出（可能内存不足或被终止），重新运行即可重试。")
        self.record(outcome)
        on_outcome(outcome)

    def write_overview(self) -> Path:
        """overview.xlsx from the ledger: one row per report, per table score, per finding.

        It is rebuilt only when the ledger changed since it was written: a rerun that skipped every
        file leaves it alone (writing a workbook of thousands of reports takes seconds)."""
        path = self.outdir / OVERVIEW
        ledger = self.ledger.path
        if not path.exists() or (ledger.exists() and path.stat().st_mtime_ns <= ledger.stat().st_mtime_ns):
            write_workbook(latest_entries(self.ledger.entries()), self.outdir, path)
        return path


STATUS_NAMES = {"ok": "已审核", "bad_input": "输入有误", "llm_unavailable": "需要大模型", "error": "出错"}
REPORT_COLUMNS = [("文件", "file"), ("单位", "unit_name"), ("年度", "year"), ("状态", "status"), ("说明", "message"),
                  ("表格数", "tables"), ("指标数", "indicators"), ("错误", "errors"), ("警告", "warnings"),
                  ("提示", "infos"), ("意见草稿", "drafts"), ("耗时(ms)", "ms"), ("JSON", "json")]
SCORE_HEADER = ["文件", "表", "名称", "自评得分", "复核得分", "差值"]
FINDING_HEADER = ["文件", "表", "行/指标", "问题类型", "级别", "说明", "应为", "实际", "原文位置"]


def report_row(entry: dict) -> list:
    row = [entry.get(key) for _, key in REPORT_COLUMNS]
    row[3] = STATUS_NAMES.get(entry["status"], entry["status"])
    return row


def score_rows(entry: dict) -> list[list]:
    rows = []
    for score in entry.get("scores") or []:
        self_score, recomputed = score["self_score"], score["recomputed_score"]
        gap = round(recomputed - self_score, 2) if self_score is not None and recomputed is not None else None
        rows.append([entry["file"], table_label(score["table"]), score["name"], self_score, recomputed, gap])
    return rows


def finding_rows(entry: dict, outdir: Path) -> list[list]:
    """The findings of one reviewed file, read back from its JSON."""
    if entry["status"] != "ok" or not (outdir / entry["json"]).is_file():
        return []
    path = outdir / entry["json"]
    findings = json.loads(path.read_text(encoding="utf-8")).get("findings", [])
    return [[entry["file"], "正文" if f.get("table") is None else table_label(f["table"]), f.get("row"),
             rule_name(f["rule"]), SEVERITY_NAMES.get(f["severity"], f["severity"]), f["message"], f.get("expected"),
             f.get("actual"), evidence_places([Evidence.model_validate(e) for e in f.get("evidence", [])])]
            for f in findings]


def write_workbook(entries: list[dict], outdir: Path, path: Path) -> None:
    """The overview workbook, replaced in one step."""
    from openpyxl import Workbook

    from assistant.review.excel import header_row, sheet_row

    book = Workbook(write_only=True)
    sheets = {title: book.create_sheet(title) for title in ("报告", "得分", "问题")}
    header_row(sheets["报告"], [title for title, _ in REPORT_COLUMNS])
    header_row(sheets["得分"], SCORE_HEADER)
    header_row(sheets["问题"], FINDING_HEADER)
    for entry in entries:
        sheets["报告"].append(sheet_row(sheets["报告"], report_row(entry)))
        for row in score_rows(entry):
            sheets["得分"].append(sheet_row(sheets["得分"], row))
        for row in finding_rows(entry, outdir):
            sheets["问题"].append(sheet_row(sheets["问题"], row))
    temporary = path.with_name(f".{path.name}.tmp")
    book.save(temporary)
    os.replace(temporary, path)
