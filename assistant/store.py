"""SQLite persistence of reviews (the uploaded bytes, the reviewed JSON, draft edits and chat) and of the
reviewers who own them (users with argon2-hashed passwords, their sessions and API tokens).

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
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from hashlib import sha256 as sha256_of
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError

from assistant.errors import BadInput
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
    """
    CREATE TABLE users (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        admin INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE TABLE credentials (
        digest TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('session', 'api')),
        created_at TEXT NOT NULL,
        expires_at TEXT
    );
    ALTER TABLE reports ADD COLUMN owner INTEGER REFERENCES users (id);
    ALTER TABLE reports ADD COLUMN idempotency_key TEXT;
    CREATE INDEX reports_owner ON reports (owner, created_at);
    CREATE INDEX reports_idempotency ON reports (idempotency_key);
    """,
)
SESSION_LIFETIME = timedelta(hours=12)
# Parsed reviews kept in memory, by the length of their JSON (a 100× report's is about 20 MB).
PARSED_CACHE_CHARS = 48 * 2**20
passwords = PasswordHasher()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class User:
    """A reviewer: sees and deletes their own reports; an admin sees everyone's."""

    id: int
    name: str
    admin: bool = False

    def may_see(self, owner: int | None) -> bool:
        return self.admin or owner == self.id


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
    owner: int | None = None


@dataclass
class StoredReport(ReportSummary):
    """A stored review: its metadata, the original bytes, the pipeline output and the edits."""

    format: str | None = None
    data: bytes = b""
    reviewed: ReviewedReport | None = None
    edits: dict[tuple[int, str], str] = field(default_factory=dict)

    def edited(self) -> ReviewedReport | None:
        """The reviewed report with the latest reviewer edit of every draft field applied (a new object;
        only the edited drafts are copied, so this stays cheap on a huge report)."""
        if self.reviewed is None:
            return None
        changes: dict[int, dict[str, str]] = {}
        for (index, field_name), text in self.edits.items():
            if 0 <= index < len(self.reviewed.drafts):
                changes.setdefault(index, {})[field_name] = text
        drafts = [draft.model_copy(update=changes[index]) if index in changes else draft
                  for index, draft in enumerate(self.reviewed.drafts)]
        return self.reviewed.model_copy(update={"drafts": drafts})


SUMMARY_COLUMNS = ("id, name, sha256, status, mode, created_at, updated_at, unit_name, year, errors, warnings, infos,"
                   " error, owner")


class Store:
    """A SQLite file of reviews; safe to share between threads and processes."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._cache: OrderedDict[tuple[str, int, int], ReviewedReport] = OrderedDict()
        self._cache_lock = threading.Lock()
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

    def start_report(self, data: bytes, name: str, mode: str = "template", owner: int | None = None,
                     idempotency_key: str | None = None) -> str:
        """Keep the uploaded bytes before any processing; returns the id of a `running` review.

        A retried upload (the owner's same `idempotency_key`) returns the first one's id and stores nothing.
        """
        with self._transaction() as conn:
            if idempotency_key:
                row = conn.execute("SELECT id FROM reports WHERE owner IS ? AND idempotency_key = ?",
                                   (owner, idempotency_key)).fetchone()
                if row:
                    return row[0]
            return self._insert(conn, data, name, mode, owner, idempotency_key)

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
    def _insert(conn: sqlite3.Connection, data: bytes, name: str, mode: str, owner: int | None = None,
                idempotency_key: str | None = None) -> str:
        report_id = secrets.token_hex(8)
        stamp = now()
        conn.execute(
            "INSERT INTO reports (id, name, sha256, mode, status, created_at, updated_at, data, owner, idempotency_key)"
            " VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?, ?)",
            (report_id, name, sha256_of(data).hexdigest(), mode, stamp, stamp, data, owner, idempotency_key))
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
        return StoredReport(**record, reviewed=self._parsed(report_id, reviewed) if reviewed else None,
                            edits={(edit["draft"], edit["field"]): edit["text"] for edit in edits})

    def _parsed(self, report_id: str, reviewed_json: str) -> ReviewedReport:
        """The reviewed JSON as a model, parsed once per distinct JSON (a huge review takes a while to
        validate); the models are shared, so callers copy before changing one (as `edited` does)."""
        key = (report_id, len(reviewed_json), hash(reviewed_json))
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        reviewed = ReviewedReport.model_validate_json(reviewed_json)
        with self._cache_lock:
            self._cache[key] = reviewed
            while sum(size for _, size, _ in self._cache) > PARSED_CACHE_CHARS and len(self._cache) > 1:
                self._cache.popitem(last=False)
        return reviewed

    def by_idempotency_key(self, owner: int | None, key: str) -> str | None:
        """The id of the owner's upload sent with this Idempotency-Key, if any."""
        with self._reading() as conn:
            row = conn.execute("SELECT id FROM reports WHERE owner IS ? AND idempotency_key = ?", (owner, key)).fetchone()
        return row["id"] if row else None

    def find_by_sha256(self, sha256: str) -> str | None:
        """The id of the latest finished review of these exact bytes, if any."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT id FROM reports WHERE sha256 = ? AND status = 'done' ORDER BY created_at DESC, rowid DESC"
                " LIMIT 1", (sha256,)).fetchone()
        return row["id"] if row else None

    def list_reports(self, limit: int = 200, offset: int = 0, viewer: User | None = None) -> list[ReportSummary]:
        """Past reviews, newest first: all of them, or those `viewer` may see."""
        mine = viewer is not None and not viewer.admin
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {SUMMARY_COLUMNS} FROM reports {'WHERE owner = ?' if mine else ''}"
                " ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?",
                ((viewer.id,) if mine else ()) + (limit, offset)).fetchall()
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
        """Remove a review with its bytes, edits and chat; False if there was none. The freed pages are
        overwritten (secure_delete), so the bytes do not linger in the file."""
        with self._transaction() as conn:
            conn.execute("PRAGMA secure_delete = ON")
            return conn.execute("DELETE FROM reports WHERE id = ?", (report_id,)).rowcount > 0

    def add_user(self, name: str, password: str, admin: bool = False) -> User:
        """A new reviewer with an argon2 hash of `password`; BadInput if the name is taken or empty."""
        name = name.strip()
        if not name or not password:
            raise BadInput("用户名和密码都不能为空。")
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
                raise BadInput(f"用户“{name}”已存在。")
            user_id = conn.execute("INSERT INTO users (name, password_hash, admin, created_at) VALUES (?, ?, ?, ?)",
                                   (name, passwords.hash(password), int(admin), now())).lastrowid
        return User(user_id, name, admin)

    def find_user(self, name: str) -> User | None:
        with self._reading() as conn:
            row = conn.execute("SELECT id, name, admin FROM users WHERE name = ?", (name.strip(),)).fetchone()
        return User(row["id"], row["name"], bool(row["admin"])) if row else None

    def has_users(self) -> bool:
        with self._reading() as conn:
            return conn.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None

    def sign_in(self, name: str, password: str) -> User | None:
        """The user whose name and password these are, or None."""
        with self._reading() as conn:
            row = conn.execute("SELECT id, name, admin, password_hash FROM users WHERE name = ?",
                               (name.strip(),)).fetchone()
        if row is None:
            passwords.hash(password)  # the same work as a real check, so timing does not reveal which names exist
            return None
        try:
            passwords.verify(row["password_hash"], password)
        except VerificationError:
            return None
        return User(row["id"], row["name"], bool(row["admin"]))

    def issue_credential(self, user: User, kind: str) -> str:
        """A new random secret for `user`: a browser session (expires) or an API token (until revoked).
        Only its SHA-256 is stored."""
        secret = secrets.token_urlsafe(32)
        expires = (datetime.now(timezone.utc) + SESSION_LIFETIME).isoformat() if kind == "session" else None
        with self._transaction() as conn:
            conn.execute("INSERT INTO credentials (digest, user_id, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                         (sha256_of(secret.encode()).hexdigest(), user.id, kind, now(), expires))
        return secret

    def user_for(self, secret: str, kind: str) -> User | None:
        """The user a session cookie or API token belongs to, if it is valid and not expired."""
        if not secret:
            return None
        with self._reading() as conn:
            row = conn.execute(
                "SELECT users.id, users.name, users.admin, credentials.expires_at FROM credentials"
                " JOIN users ON users.id = credentials.user_id WHERE digest = ? AND kind = ?",
                (sha256_of(secret.encode()).hexdigest(), kind)).fetchone()
        if row is None or (row["expires_at"] and datetime.fromisoformat(row["expires_at"]) < datetime.now(timezone.utc)):
            return None
        return User(row["id"], row["name"], bool(row["admin"]))

    def revoke_credential(self, secret: str) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM credentials WHERE digest = ?", (sha256_of(secret.encode()).hexdigest(),))


def default_path() -> Path:
    """Where reviews live unless --db says otherwise: $SELFEVAL_DB, else ~/.local/share/selfeval/reviews.db."""
    if os.environ.get("SELFEVAL_DB"):
        return Path(os.environ["SELFEVAL_DB"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "selfeval" / "reviews.db"
