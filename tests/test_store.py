"""The SQLite store: round-trips, edits, chat, and surviving crashes and concurrent writers."""
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from hashlib import sha256

import pytest

from assistant import api
from assistant.errors import BadInput
from assistant.store import Store
from schemas import Answer, Evidence
from tests.conftest import ROOT, SAMPLE_FILES


@pytest.fixture(scope="module")
def reviewed():
    """A real review of the first sample, with its bytes."""
    data = SAMPLE_FILES[0].read_bytes()
    return api.review(api.load(data, SAMPLE_FILES[0].name), "template"), data


def test_save_and_get_round_trip(tmp_path, reviewed):
    report, data = reviewed
    store = Store(tmp_path / "r.db")
    report_id = store.save_report(report, data, SAMPLE_FILES[0].name)
    record = store.get(report_id)
    assert record.reviewed == report
    assert record.data == data
    assert record.sha256 == sha256(data).hexdigest()
    assert record.status == "done"
    assert record.name == SAMPLE_FILES[0].name
    assert record.errors == sum(f.severity == "error" for f in report.findings)
    assert record.warnings == sum(f.severity == "warning" for f in report.findings)
    assert record.unit_name == report.unit_name
    assert store.get("no-such-id") is None


def test_find_by_sha256_and_list_newest_first(tmp_path, reviewed):
    report, data = reviewed
    store = Store(tmp_path / "r.db")
    first = store.save_report(report, data, "a.txt")
    second = store.save_report(report, data, "b.txt")
    assert store.find_by_sha256(sha256(data).hexdigest()) == second
    assert store.find_by_sha256(sha256(b"other").hexdigest()) is None
    assert [r.id for r in store.list_reports()] == [second, first]


def test_draft_edits_keep_history_and_leave_the_original(tmp_path, reviewed):
    report, data = reviewed
    assert report.drafts, "the sample must have at least one draft"
    store = Store(tmp_path / "r.db")
    report_id = store.save_report(report, data, "a.txt")
    store.edit_draft(report_id, 0, "deviation_cause", "第一次修改")
    store.edit_draft(report_id, 0, "deviation_cause", "第二次修改")
    store.edit_draft(report_id, 0, "improvement", "加强预算执行监控。")
    record = store.get(report_id)
    edited = record.edited()
    assert edited.drafts[0].deviation_cause == "第二次修改"
    assert edited.drafts[0].improvement == "加强预算执行监控。"
    assert record.reviewed.drafts[0].deviation_cause == report.drafts[0].deviation_cause
    assert [h["text"] for h in store.draft_history(report_id)] == ["第一次修改", "第二次修改", "加强预算执行监控。"]
    with pytest.raises(ValueError):
        store.edit_draft(report_id, 0, "message", "x")


def test_chat_is_kept_in_order(tmp_path, reviewed):
    report, data = reviewed
    store = Store(tmp_path / "r.db")
    report_id = store.save_report(report, data, "a.txt")
    answers = [Answer(question=f"问题{i}", answer=f"回答{i}", value=i, evidence=[Evidence(quote="q", line=i)])
               for i in range(3)]
    for answer in answers:
        store.add_answer(report_id, answer)
    assert store.chat(report_id) == answers
    assert store.delete(report_id)
    assert store.chat(report_id) == []


def test_running_review_is_kept_until_completed_or_failed(tmp_path, reviewed):
    report, data = reviewed
    store = Store(tmp_path / "r.db")
    done = store.start_report(data, "a.txt", "template")
    failed = store.start_report(b"junk", "b.txt", "llm")
    assert store.running() == [done, failed]
    assert store.get(done).reviewed is None and store.get(done).data == data
    store.complete(done, report)
    store.fail(failed, "无法识别文件编码")
    assert store.running() == []
    assert store.get(done).reviewed == report
    assert (store.get(failed).status, store.get(failed).error) == ("failed", "无法识别文件编码")
    assert store.find_by_sha256(sha256(b"junk").hexdigest()) is None
    store.retry(failed, "template")
    store.retry(done, "llm")
    assert store.running() == [failed]
    assert (store.get(failed).mode, store.get(failed).error) == ("template", None)
    assert store.get(done).mode == "template"


def run_child(code: str, db: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), db], cwd=ROOT, capture_output=True,
                          timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_a_killed_writer_loses_nothing_committed_and_leaves_nothing_half_written(tmp_path):
    db = str(tmp_path / "r.db")
    child = run_child("""
        import os, signal, sys
        from assistant.store import Store
        store = Store(sys.argv[1])
        kept = store.start_report(b"kept bytes", "kept.txt")
        store.add_answer(kept, __import__("schemas").Answer(question="q", answer="a"))
        with store._transaction() as conn:
            conn.execute("INSERT INTO reports (id, name, sha256, status, created_at, updated_at, data)"
                         " VALUES ('half', 'h', 'x', 'running', 'now', 'now', x'00')")
            os.kill(os.getpid(), signal.SIGKILL)
        """, db)
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    store = Store(db)
    assert [r.name for r in store.list_reports()] == ["kept.txt"]
    kept = store.list_reports()[0].id
    assert store.get(kept).data == b"kept bytes"
    assert [a.answer for a in store.chat(kept)] == ["a"]
    assert store.get("half") is None


def test_concurrent_writers_from_threads_and_processes(tmp_path, reviewed):
    report, data = reviewed
    db = tmp_path / "r.db"
    store = Store(db)
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys
        from assistant.store import Store
        store = Store(sys.argv[1])
        for i in range(20):
            store.start_report(b"from child %d" % i, "child.txt")
        """), str(db)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})

    def write(n: int) -> None:
        for _ in range(5):
            store.save_report(report, data, f"thread{n}.txt")

    threads = [threading.Thread(target=write, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert child.wait(timeout=60) == 0
    names = [r.name for r in store.list_reports(limit=1000)]
    assert len(names) == 50
    assert names.count("child.txt") == 20


def test_users_sign_in_with_their_password_only_and_hashes_are_argon2(tmp_path):
    store = Store(tmp_path / "r.db")
    assert not store.has_users()
    alice = store.add_user("alice", "correct horse battery")
    assert store.has_users() and not alice.admin
    assert store.sign_in("alice", "correct horse battery") == alice
    assert store.sign_in("alice", "wrong password") is None
    assert store.sign_in("nobody", "correct horse battery") is None
    with pytest.raises(BadInput, match="已存在"):
        store.add_user("alice", "another password")
    with sqlite3.connect(tmp_path / "r.db") as conn:
        (stored_hash,) = conn.execute("SELECT password_hash FROM users WHERE name = 'alice'").fetchone()
    assert stored_hash.startswith("$argon2id$") and "correct horse" not in stored_hash


def test_credentials_name_their_user_until_revoked_and_are_stored_hashed(tmp_path):
    store = Store(tmp_path / "r.db")
    alice = store.add_user("alice", "password-a")
    bob = store.add_user("bob", "password-b", admin=True)
    token, session = store.issue_credential(alice, "api"), store.issue_credential(bob, "session")
    assert store.user_for(token, "api") == alice and store.user_for(session, "session") == bob
    assert store.user_for(token, "session") is None and store.user_for("", "api") is None
    with sqlite3.connect(tmp_path / "r.db") as conn:
        digests = {row[0] for row in conn.execute("SELECT digest FROM credentials")}
    assert digests == {sha256(token.encode()).hexdigest(), sha256(session.encode()).hexdigest()}
    store.revoke_credential(session)
    assert store.user_for(session, "session") is None and store.user_for(token, "api") == alice


def test_each_user_lists_their_own_reports_and_an_admin_all(tmp_path):
    store = Store(tmp_path / "r.db")
    alice, bob = store.add_user("alice", "password-a"), store.add_user("bob", "password-b")
    admin = store.add_user("root", "password-r", admin=True)
    mine = store.start_report(b"a", "a.txt", owner=alice.id)
    theirs = store.start_report(b"b", "b.txt", owner=bob.id)
    assert [r.id for r in store.list_reports(viewer=alice)] == [mine]
    assert [r.id for r in store.list_reports(viewer=bob)] == [theirs]
    assert {r.id for r in store.list_reports(viewer=admin)} == {mine, theirs}
    assert store.get(mine).owner == alice.id and alice.may_see(alice.id) and not alice.may_see(bob.id)


def test_a_retried_upload_with_the_same_idempotency_key_is_stored_once_per_owner(tmp_path):
    store = Store(tmp_path / "r.db")
    alice, bob = store.add_user("alice", "password-a"), store.add_user("bob", "password-b")
    first = store.start_report(b"x", "a.txt", owner=alice.id, idempotency_key="k1")
    assert store.start_report(b"x", "a.txt", owner=alice.id, idempotency_key="k1") == first
    assert store.by_idempotency_key(alice.id, "k1") == first
    assert store.start_report(b"x", "a.txt", owner=bob.id, idempotency_key="k1") != first
    assert store.start_report(b"x", "a.txt", owner=alice.id, idempotency_key="k2") != first
    assert len(store.list_reports()) == 3


def test_delete_removes_bytes_edits_and_chat(tmp_path, reviewed):
    report, data = reviewed
    store = Store(tmp_path / "r.db")
    report_id = store.save_report(report, data, "a.txt")
    store.edit_draft(report_id, 0, "improvement", "修改")
    store.add_answer(report_id, Answer(question="总分？", answer="90分", evidence=[Evidence(quote="总分 90", line=1)]))
    assert store.delete(report_id) and not store.delete(report_id)
    with sqlite3.connect(tmp_path / "r.db") as conn:
        left = [conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("reports", "draft_edits", "chat")]
    assert left == [0, 0, 0]


def test_deleted_bytes_do_not_linger_in_the_database_file(tmp_path):
    store = Store(tmp_path / "r.db")
    secret = "机密报告内容-独一无二的标记-".encode() * 200
    report_id = store.start_report(secret, "secret.txt")
    store.start_report(b"x" * 5000, "kept.txt")  # a later row, so the freed pages stay inside the file
    store.delete(report_id)
    with sqlite3.connect(tmp_path / "r.db") as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert "独一无二的标记".encode() not in (tmp_path / "r.db").read_bytes()


def test_a_database_from_before_accounts_is_upgraded_in_place(tmp_path, reviewed):
    from assistant.store import MIGRATIONS

    report, data = reviewed
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:  # what the first release wrote
        conn.executescript(MIGRATIONS[0])
        conn.execute("PRAGMA user_version = 1")
        conn.execute("INSERT INTO reports (id, name, sha256, status, created_at, updated_at, data, reviewed)"
                     " VALUES ('old1', 'old.txt', ?, 'done', '2026-01-01', '2026-01-01', ?, ?)",
                     (sha256(data).hexdigest(), data, report.model_dump_json()))
    store = Store(path)
    record = store.get("old1")
    assert record.reviewed == report and record.owner is None
    admin = store.add_user("root", "password-r", admin=True)
    assert [r.id for r in store.list_reports(viewer=admin)] == ["old1"]
    assert store.list_reports(viewer=store.add_user("alice", "password-a")) == []
