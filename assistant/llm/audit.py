"""The audit log: one SQLite row per LLM call, so a reviewer can see what the model saw and said.

A row records when, which endpoint/model/mode, which prompt version, the chunk (its place
in the report and its text), how many HTTP requests and tokens it took, the latency,
whether the cache answered, the outcome (ok | invalid | unavailable) and the answer or error.
"""
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    model TEXT NOT NULL,
    mode TEXT,
    prompt TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    chunk_where TEXT NOT NULL,
    chunk_sha256 TEXT NOT NULL,
    chunk TEXT NOT NULL,
    requests INTEGER NOT NULL,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    total_tokens INTEGER NOT NULL,
    latency_ms REAL NOT NULL,
    cache_hit INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    error TEXT,
    response TEXT
)
"""


@dataclass
class CallRecord:
    endpoint: str
    model: str
    mode: str | None
    prompt: str
    prompt_version: str
    chunk_where: str
    chunk_sha256: str
    chunk: str
    requests: int
    prompt_tokens: int
    completion_tokens: int
    latency_ms: float
    cache_hit: bool
    outcome: str
    error: str | None = None
    response: str | None = None


class AuditLog:
    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=30, check_same_thread=False)
        self._db.execute(SCHEMA)
        self._db.commit()

    def write(self, record: CallRecord) -> None:
        row = asdict(record)
        row["time"] = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
        row["total_tokens"] = record.prompt_tokens + record.completion_tokens
        row["cache_hit"] = int(record.cache_hit)
        columns = ", ".join(row)
        self._db.execute(f"INSERT INTO calls ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
        self._db.commit()

    def summary(self) -> dict:
        """Totals over the whole log: calls by outcome, cache hits, requests, tokens."""
        calls, hits, requests, tokens = self._db.execute(
            "SELECT COUNT(*), COALESCE(SUM(cache_hit), 0), COALESCE(SUM(requests), 0), "
            "COALESCE(SUM(total_tokens), 0) FROM calls").fetchone()
        outcomes = dict(self._db.execute("SELECT outcome, COUNT(*) FROM calls GROUP BY outcome").fetchall())
        return {"path": str(self.path), "calls": calls, "cache_hits": hits, "requests": requests,
                "total_tokens": tokens, "outcomes": outcomes}

    def close(self) -> None:
        self._db.close()
