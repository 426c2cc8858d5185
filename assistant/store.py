"""SQLite persistence of reviews: the uploaded bytes, the reviewed JSON, draft edits and chat.

One file (WAL mode, synchronous=FULL); every write is a single transaction on its own
connection, so a crash or restart never leaves half a review behind. A review is stored
as soon as its bytes arrive (status `running`) and completed in place, so an upload that
was being processed when the process died is still there to resume.

    store = Store("reviews.db")
    report_id = store.save_report(reviewed, data, "report.txt")
    store.get(report_id).reviewed.findings
"""
import os
import secrets
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from hashlib import sha256 as sha256_of
from pathlib import Path

from schemas import Answer, ReviewedReport

DRAFT_FIELDS = ("deviation_cause", "improvement")

# Each entry upgrades the schema by one version (PRAGMA user_version); never edit a shipped one.
MIGRATIONS = (
    """
    CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        format TEXT,
        mode TEXT NOT NULL DEFAULT 'template',
        status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        data BLOB NOT NULL,
        reviewed TEXT,
        unit_name TEXT,
        year INTEGER,
        errors INTEGER NOT NULL DEFAULT 0,
        warnings INTEGER NOT NULL DEFAULT 0,
        infos INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX reports_sha256 ON reports (sha256);
    CREATE INDEX reports_created ON reports (created_at);
    CREATE TABLE draft_edits (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        draft INTEGER NOT NULL,
        field TEXT NOT NULL CHECK (field IN ('deviation_cause', 'improvement')),
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX draft_edits_report ON draft_edits (report_id, draft, field, id);
    CREATE TABLE chat (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        answer TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX chat_report ON chat (report_id, id);
    """,
)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@dataclass
class ReportSummary:
    """One line of the list of past reviews (no bytes, no JSON)."""

    id: str
    name: str
    sha256: str
    status: str
    mode: str
    created_at: str
    updated_at: str
    unit_name: str | None
    year: int | None
    errors: int
    warnings: int
    infos: int
    error: str | None = None


@dataclass
class StoredReport(ReportSummary):
    """A stored review: its metadata, the original bytes, the pipeline output and the edits."""

    format: str | None = None
    data: bytes = b""
    reviewed: ReviewedReport | None = None
    edits: dict[tuple[int, str], str] = field(default_factory=dict)

    def edited(self) -> ReviewedReport | None:
        """The reviewed report with the latest reviewer edit of every draft field applied."""
        if self.reviewed is None:
            return None
        edited = self.reviewed.model_copy(deep=True)
        for (index, field_name), text in self.edits.items():
            if 0 <= index < len(edited.drafts):
                setattr(edited.drafts[index], field_name, text)
        return edited


SUMMARY_COLUMNS = "id, name, sha256, status, mode, created_at, updated_at, unit_name, year, errors, warnings, infos, error"


class Store:
    """A SQLite file of reviews; safe to share between threads and processes."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
        finally:
            conn.close()
        with self._transaction() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in filter(str.strip, script.split(";")):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A fresh connection holding the write lock; commits on success, rolls back on any error."""
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A fresh connection reading one consistent snapshot."""
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("BEGIN")
            yield conn
        finally:
            conn.close()

    def start_report(self, data: bytes, name: str, mode: str = "template") -> str:
        """Keep the uploaded bytes before any processing; returns the id of a `running` review."""
        with self._transaction() as conn:
            return self._insert(conn, data, name, mode)

    def complete(self, report_id: str, reviewed: ReviewedReport) -> None:
        """Store the pipeline output of a review and mark it `done`."""
        with self._transaction() as conn:
            self._store_result(conn, report_id, reviewed)

    def fail(self, report_id: str, message: str) -> None:
        """Mark a review `failed` with the message a user should read."""
        with self._transaction() as conn:
            conn.execute("UPDATE reports SET status = 'failed', error = ?, updated_at = ? WHERE id = ?",
                         (message, now(), report_id))

    def retry(self, report_id: str, mode: str) -> None:
        """Put a failed review back to `running`, to be reviewed again in `mode`."""
        with self._transaction() as conn:
            conn.execute("UPDATE reports SET status = 'running', error = NULL, mode = ?, updated_at = ?"
                         " WHERE id = ? AND status = 'failed'", (mode, now(), report_id))

    def save_report(self, reviewed: ReviewedReport, data: bytes, name: str) -> str:
        """Store a finished review with its original bytes in one transaction; returns its id."""
        mode = "llm" if any(draft.mode == "llm" for draft in reviewed.drafts) else "template"
        with self._transaction() as conn:
            report_id = self._insert(conn, data, name, mode)
            self._store_result(conn, report_id, reviewed)
        return report_id

    @staticmethod
    def _insert(conn: sqlite3.Connection, data: bytes, name: str, mode: str) -> str:
        report_id = secrets.token_hex(8)
        stamp = now()
        conn.execute(
            "INSERT INTO reports (id, name, sha256, mode, status, created_at, updated_at, data)"
            " VALUES (?, ?, ?, ?, 'running', ?, ?, ?)",
            (report_id, name, sha256_of(data).hexdigest(), mode, stamp, stamp, data))
        return report_id

    @staticmethod
    def _store_result(conn: sqlite3.Connection, report_id: str, reviewed: ReviewedReport) -> None:
        severities = Counter(finding.severity for finding in reviewed.findings)
        conn.execute(
            "UPDATE reports SET status = 'done', error = NULL, updated_at = ?, reviewed = ?, format = ?,"
            " unit_name = ?, year = ?, errors = ?, warnings = ?, infos = ? WHERE id = ?",
            (now(), reviewed.model_dump_json(), reviewed.source.format, reviewed.unit_name, reviewed.year,
             severities["error"], severities["warning"], severities["info"], report_id))

    def get(self, report_id: str) -> StoredReport | None:
        """The stored review with its bytes and edits, or None if there is no such id."""
        with self._reading() as conn:
            row = conn.execute(f"SELECT {SUMMARY_COLUMNS}, format, data, reviewed FROM reports WHERE id = ?",
                               (report_id,)).fetchone()
            if row is None:
                return None
            edits = conn.execute(
                "SELECT draft, field, text FROM draft_edits WHERE report_id = ? ORDER BY id", (report_id,)).fetchall()
        record = dict(row)
        reviewed = record.pop("reviewed")
        return StoredReport(
            **record,
            reviewed=ReviewedReport.model_validate_json(reviewed) if reviewed else None,
            edits={(edit["draft"], edit["field"]): edit["text"] for edit in edits})

    def find_by_sha256(self, sha256: str) -> str | None:
        """The id of the latest finished review of these exact bytes, if any."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT id FROM reports WHERE sha256 = ? AND status = 'done' ORDER BY created_at DESC, rowid DESC"
                " LIMIT 1", (sha256,)).fetchone()
        return row["id"] if row else None

    def list_reports(self, limit: int = 200, offset: int = 0) -> list[ReportSummary]:
        """Past reviews, newest first."""
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {SUMMARY_COLUMNS} FROM reports ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?",
                (limit, offset)).fetchall()
        return [ReportSummary(**dict(row)) for row in rows]

    def running(self) -> list[str]:
        """Ids of reviews left `running`, e.g. by a process that died mid-review."""
        with self._reading() as conn:
            return [row["id"] for row in conn.execute("SELECT id FROM reports WHERE status = 'running' ORDER BY rowid")]

    def edit_draft(self, report_id: str, draft: int, field_name: str, text: str) -> None:
        """Record a reviewer's new text for one field of one draft (earlier edits are kept as history)."""
        if field_name not in DRAFT_FIELDS:
            raise ValueError(f"unknown draft field {field_name!r}")
        with self._transaction() as conn:
            conn.execute("INSERT INTO draft_edits (report_id, draft, field, text, created_at) VALUES (?, ?, ?, ?, ?)",
                         (report_id, draft, field_name, text, now()))
            conn.execute("UPDATE reports SET updated_at = ? WHERE id = ?", (now(), report_id))

    def draft_history(self, report_id: str) -> list[dict]:
        """Every edit of every draft of a review, oldest first."""
        with self._reading() as conn:
            rows = conn.execute("SELECT draft, field, text, created_at FROM draft_edits WHERE report_id = ? ORDER BY id",
                                (report_id,)).fetchall()
        return [dict(row) for row in rows]

    def add_answer(self, report_id: str, answer: Answer) -> None:
        """Append one question and its answer to a review's chat."""
        with self._transaction() as conn:
            conn.execute("INSERT INTO chat (report_id, answer, created_at) VALUES (?, ?, ?)",
                         (report_id, answer.model_dump_json(), now()))

    def chat(self, report_id: str) -> list[Answer]:
        """A review's chat, oldest first."""
        with self._reading() as conn:
            rows = conn.execute("SELECT answer FROM chat WHERE report_id = ? ORDER BY id", (report_id,)).fetchall()
        return [Answer.model_validate_json(row["answer"]) for row in rows]

    def delete(self, report_id: str) -> bool:
        """Remove a review with its edits and chat; False if there was none."""
        with self._transaction() as conn:
            return conn.execute("DELETE FROM reports WHERE id = ?", (report_id,)).rowcount > 0


def default_path() -> Path:
    """Where reviews live unless --db says otherwise: $SELFEVAL_DB, else ~/.local/share/selfeval/reviews.db."""
    if os.environ.get("SELFEVAL_DB"):
        return Path(os.environ["SELFEVAL_DB"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "selfeval" / "reviews.db"
