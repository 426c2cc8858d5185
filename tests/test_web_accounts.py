"""Accounts on a live `selfeval serve`: each reviewer reaches only their own reports, by page, API or guessed URL;
an admin reaches all; deleting a report deletes everything of it; the server token never sits on the command line."""
import sqlite3

import httpx
import pytest

from assistant.store import Store
from tests.conftest import SAMPLE_FILES, run_cli
from tests.test_web_api import LiveServer, assert_chinese_error

SAMPLE = SAMPLE_FILES[0]
PASSWORDS = {"alice": "alice-password-1", "bob": "bob-password-2"}


def add_user(db, name: str, *options: str) -> str:
    """`selfeval user add NAME` as an administrator runs it; the API token it prints."""
    result = run_cli("user", "add", name, "--password-stdin", "--db", str(db), *options,
                     input=(PASSWORDS.get(name, "admin-password-3") + "\n").encode())
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode().split()[-1]


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """A server with two reviewers and an admin; yields (server, {name: API token})."""
    db = tmp_path_factory.mktemp("accounts") / "reviews.db"
    tokens = {name: add_user(db, name) for name in PASSWORDS} | {"root": add_user(db, "root", "--admin")}
    live = LiveServer(db).start()
    yield live, tokens
    live.stop()


def as_user(server, token: str) -> httpx.Client:
    return server.client(headers={"authorization": f"Bearer {token}"})


@pytest.fixture(scope="module")
def reports(office):
    """One report uploaded by alice and one by bob, by their API tokens: {name: id}."""
    server, tokens = office
    ids = {}
    for name in PASSWORDS:
        with as_user(server, tokens[name]) as http:
            response = http.post("/api/reports", files={"file": (f"{name}.txt", SAMPLE.read_bytes(), "text/plain")})
            assert response.status_code == 201, response.text
            ids[name] = response.json()["id"]
    return ids


def test_user_add_refuses_a_short_password_and_a_taken_name(tmp_path):
    db = tmp_path / "r.db"
    short = run_cli("user", "add", "carol", "--password-stdin", "--db", str(db), input=b"short\n")
    assert short.returncode == 2 and "至少需要 8 个字符" in short.stderr.decode()
    add_user(db, "alice")
    taken = run_cli("user", "add", "alice", "--password-stdin", "--db", str(db), input=b"another-password\n")
    assert taken.returncode == 2 and "已存在" in taken.stderr.decode() and "Traceback" not in taken.stderr.decode()
    assert Store(db).sign_in("alice", PASSWORDS["alice"]).name == "alice"


def test_nobody_gets_in_without_signing_in(office, reports):
    server, _ = office
    with server.client() as http:
        assert http.get("/healthz").status_code == 200
        assert "登录" in assert_chinese_error(http.get("/api/reports"), 401)
        assert_chinese_error(http.get(f"/api/reports/{reports['alice']}"), 401)
        assert_chinese_error(http.get("/api/reports", headers={"authorization": "Bearer made-up"}), 401)
        page = http.get(f"/reports/{reports['alice']}", headers={"accept": "text/html"})
        assert page.status_code == 303 and page.headers["location"] == f"/login?next=%2Freports%2F{reports['alice']}"


def test_a_reviewer_reaches_neither_the_list_nor_any_url_of_anothers_report(office, reports):
    server, tokens = office
    theirs = reports["alice"]
    with as_user(server, tokens["bob"]) as http:
        assert [r["id"] for r in http.get("/api/reports").json()] == [reports["bob"]]
        for response in (http.get(f"/api/reports/{theirs}"), http.get(f"/api/reports/{theirs}/status"),
                         http.get(f"/api/reports/{theirs}/chat"), http.get(f"/api/reports/{theirs}/export/docx"),
                         http.get(f"/api/reports/{theirs}/export/json"),
                         http.post(f"/api/reports/{theirs}/ask", json={"question": "总分是多少？"}),
                         http.put(f"/api/reports/{theirs}/drafts/0", json={"improvement": "改掉"}),
                         http.delete(f"/api/reports/{theirs}")):
            # The same answer as for an id that does not exist: nothing says the report is there.
            assert assert_chinese_error(response, 404) == f"找不到审核记录 {theirs}。"
        page = http.get(f"/reports/{theirs}", headers={"accept": "text/html"})
        assert page.status_code == 404 and "alice.txt" not in page.text
        assert http.post(f"/reports/{theirs}/delete").status_code == 404
        assert "alice.txt" not in http.get("/", headers={"accept": "text/html"}).text
    with as_user(server, tokens["alice"]) as http:
        assert http.get(f"/api/reports/{theirs}").json()["file_name"] == "alice.txt"


def test_an_admin_sees_every_report(office, reports):
    server, tokens = office
    with as_user(server, tokens["root"]) as http:
        listed = {r["id"] for r in http.get("/api/reports").json()}
        assert set(reports.values()) <= listed
        assert http.get(f"/api/reports/{reports['bob']}").json()["file_name"] == "bob.txt"


def test_signing_in_gives_an_http_only_same_site_session_and_signing_out_ends_it(office, reports):
    server, _ = office
    with server.client() as http:
        wrong = http.post("/login", data={"name": "alice", "password": "not-it", "next": "/"})
        assert wrong.status_code == 401 and "用户名或密码不正确" in wrong.text
        signed_in = http.post("/login", data={"name": "alice", "password": PASSWORDS["alice"],
                                              "next": "https://evil.example/"})
        assert signed_in.status_code == 303 and signed_in.headers["location"] == "/"
        cookie = signed_in.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        page = http.get("/", headers={"accept": "text/html"})
        assert page.status_code == 200 and "alice.txt" in page.text and "bob.txt" not in page.text
        assert http.get(f"/api/reports/{reports['bob']}").status_code == 404
        assert http.post("/logout").status_code == 303
        assert http.get("/api/reports").status_code == 401


def test_deleting_a_report_deletes_its_bytes_drafts_and_chat(office, reports, tmp_path):
    server, tokens = office
    with as_user(server, tokens["alice"]) as http:
        report_id = http.post("/api/reports", json={"text": SAMPLE.read_text(encoding="utf-8"), "name": "gone.txt"}
                              ).json()["id"]
        http.put(f"/api/reports/{report_id}/drafts/0", json={"improvement": "要删除的修改"})
        assert http.post(f"/api/reports/{report_id}/ask", json={"question": "总分是多少？"}).status_code == 200
        assert http.delete(f"/api/reports/{report_id}").status_code == 204
        assert_chinese_error(http.get(f"/api/reports/{report_id}"), 404)
    with sqlite3.connect(server.db) as conn:
        left = [conn.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", (report_id,)).fetchone()[0]
                for table, column in (("reports", "id"), ("draft_edits", "report_id"), ("chat", "report_id"))]
    assert left == [0, 0, 0]


def test_a_retried_upload_with_an_idempotency_key_is_not_stored_twice(office):
    server, tokens = office
    with as_user(server, tokens["bob"]) as http:
        before = len(http.get("/api/reports").json())
        body = {"text": SAMPLE.read_text(encoding="utf-8")}
        first = http.post("/api/reports", json=body, headers={"idempotency-key": "upload-7"})
        again = http.post("/api/reports", json=body, headers={"idempotency-key": "upload-7"})
        assert (first.status_code, again.status_code) == (201, 200)
        assert again.json()["id"] == first.json()["id"] and again.json()["findings"] == first.json()["findings"]
        assert len(http.get("/api/reports").json()) == before + 1


def test_the_server_token_comes_from_a_file_never_the_command_line(tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text("file-token-for-tests\n", encoding="utf-8")
    live = LiveServer(tmp_path / "t.db", "--token-file", str(token_file)).start()
    try:
        with live.client() as http:
            assert_chinese_error(http.get("/api/reports"), 401)
            assert http.get("/api/reports", headers={"authorization": "Bearer file-token-for-tests"}).json() == []
    finally:
        live.stop()
    assert "file-token-for-tests" not in " ".join(live.process.args)
    refused = run_cli("serve", "--token", "on-the-command-line", "--db", str(tmp_path / "t.db"))
    assert refused.returncode == 2 and "--token" in refused.stderr.decode()
