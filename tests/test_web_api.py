"""The JSON API of `selfeval serve`, against a live server on loopback (a real process, real SQLite)."""
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import httpx
import openpyxl
import pytest

from assistant import api
from assistant.ingest import MAX_BYTES
from assistant.store import Store
from assistant.synthetic import synthetic_report
from schemas import Location
from tests.conftest import ROOT, SAMPLE_FILES, eval_tool, run_cli

SAMPLE = SAMPLE_FILES[0]
STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LiveServer:
    """`selfeval serve` in a subprocess on a free loopback port, with its own database file."""

    def __init__(self, db: Path, *options: str, env: dict | None = None) -> None:
        self.db = db
        self.options = options
        self.env = env or {}
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.log = db.with_suffix(".log")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def environment(self) -> dict:
        """This machine's environment with no LLM endpoint, so every run is the offline pipeline."""
        offline = {k: v for k, v in os.environ.items() if not k.startswith(("SELFEVAL_LLM", "OPENAI_"))}
        return offline | {"PYTHONPATH": str(ROOT), "SELFEVAL_LLM_CONFIG": str(self.db.with_suffix(".no-llm.toml"))} | self.env

    def start(self) -> "LiveServer":
        self.port = free_port()
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "assistant", "serve", "--port", str(self.port), "--db", str(self.db),
                 *self.options], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=self.environment())
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text(errors='replace')}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError(f"server did not start: {self.log.read_text(errors='replace')}")

    def stop(self, crash: bool = False) -> None:
        """Stop the server: politely (SIGTERM) or as a crash would (SIGKILL)."""
        self.process.send_signal(signal.SIGKILL if crash else signal.SIGTERM)
        self.process.wait(timeout=30)

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kwargs)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    live = LiveServer(tmp_path_factory.mktemp("web") / "reviews.db").start()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def client(server):
    with server.client() as http:
        yield http


@pytest.fixture(scope="module")
def uploaded(client):
    """The first sample uploaded as a file: the 201 response body."""
    response = client.post("/api/reports", files={"file": (SAMPLE.name, SAMPLE.read_bytes(), "text/plain")})
    assert response.status_code == 201, response.text
    assert response.headers["location"] == f"/api/reports/{response.json()['id']}"
    return response.json()


@pytest.fixture(scope="module")
def expected():
    """What the Python API says about the same sample."""
    return api.review(api.load(SAMPLE.read_bytes(), SAMPLE.name), "template")


def assert_chinese_error(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and any("\u4e00" <= char <= "\u9fff" for char in detail), detail
    assert "Traceback" not in response.text and 'File "' not in response.text
    return detail


def test_health_and_openapi_docs(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    schema = client.get("/openapi.json").json()
    assert {"/api/reports", "/api/reports/{report_id}", "/api/reports/{report_id}/ask"} <= set(schema["paths"])
    assert "multipart/form-data" in schema["paths"]["/api/reports"]["post"]["requestBody"]["content"]
    assert client.get("/docs").status_code == 200


def test_upload_returns_the_check_object_of_the_library(uploaded, expected):
    assert uploaded["status"] == "done"
    assert uploaded["schema_version"] == "1"
    assert uploaded["source"] == expected.source.model_dump()
    assert uploaded["findings"] == [f.model_dump(mode="json") for f in expected.findings]
    assert uploaded["scores"] == [s.model_dump(mode="json") for s in expected.scores]
    assert len(uploaded["tables"]) == len(expected.tables) > 0
    assert len(uploaded["drafts"]) == len(expected.drafts) > 0


def test_get_and_list_the_stored_review(client, uploaded):
    stored = client.get(f"/api/reports/{uploaded['id']}").json()
    assert stored["findings"] == uploaded["findings"] and stored["drafts"] == uploaded["drafts"]
    listed = {r["id"]: r for r in client.get("/api/reports").json()}
    summary = listed[uploaded["id"]]
    assert summary["counts"]["error"] == sum(f["severity"] == "error" for f in uploaded["findings"])
    assert summary["file_name"] == SAMPLE.name and summary["unit_name"] == uploaded["unit_name"]


def test_pasted_text_is_reviewed_like_the_file(client, uploaded):
    response = client.post("/api/reports", json={"text": SAMPLE.read_text(encoding="utf-8")})
    assert response.status_code == 201, response.text
    pasted = response.json()
    assert pasted["id"] != uploaded["id"]
    assert pasted["source"]["name"] == "粘贴文本.txt"
    assert pasted["findings"] == uploaded["findings"]


def test_a_paste_with_the_clipboards_page_is_reviewed_as_that_page(client, tmp_path):
    """A copy out of a browser or Word sends the page beside the text: its tables are read as the page's cells,
    whatever charset the page declares (the sample's page says gbk; the clipboard handed it over as text)."""
    render = eval_tool("render")
    render.render(render.sample_sheet(SAMPLE.read_text(encoding="utf-8")), SAMPLE.stem, tmp_path, ("html",))
    page = (tmp_path / "html" / f"{SAMPLE.stem}.html").read_bytes()
    from_file = client.post("/api/reports", files={"file": ("page.html", page)}).json()
    pasted = client.post("/api/reports", json={"text": "（网页复制的纯文本）预算", "html": page.decode("gb18030")})
    assert pasted.status_code == 201, pasted.text
    assert pasted.json()["source"] | {"sha256": ""} == {"name": "粘贴内容.html", "format": "html", "sha256": ""}
    assert pasted.json()["tables"] == from_file["tables"] and from_file["tables"]
    without_table = client.post("/api/reports", json={"text": SAMPLE.read_text(encoding="utf-8"), "html": "<p>预算</p>"})
    assert without_table.json()["source"]["name"] == "粘贴文本.txt"
    # A lone surrogate (JSON allows "\ud800", UTF-8 has no such character) is replaced, never a server error.
    for body in ('{"text": "x", "html": "<table><tr><td>预算执行率\\ud800</td></tr></table>"}',
                 '{"text": "预算执行率\\ud800"}'):
        response = client.post("/api/reports", content=body.encode(), headers={"content-type": "application/json"})
        assert response.status_code in (201, 400), response.text


def test_background_review_reports_progress_then_the_result(client, uploaded):
    response = client.post("/api/reports?wait=false", files={"file": ("r.txt", SAMPLE.read_bytes())})
    assert response.status_code == 202, response.text
    report_id = response.json()["id"]
    assert response.json()["status"] in ("running", "done")
    deadline = time.monotonic() + 120
    while (status := client.get(f"/api/reports/{report_id}/status").json())["status"] == "running":
        assert time.monotonic() < deadline, status
        time.sleep(0.1)
    assert status["status"] == "done"
    assert client.get(f"/api/reports/{report_id}").json()["findings"] == uploaded["findings"]


def test_ask_answers_with_evidence_and_keeps_the_chat(client, uploaded):
    report_id = uploaded["id"]
    first_line = next(i for i in uploaded["tables"][0]["indicators"] if i["level3"] and i["score"] is not None)
    question = f"{first_line['level3']}的得分是多少？"
    response = client.post(f"/api/reports/{report_id}/ask", json={"question": question})
    assert response.status_code == 200, response.text
    answer = response.json()
    assert set(answer) >= {"question", "answer", "value", "unit", "evidence", "mode"}
    assert answer["question"] == question and answer["mode"] == "offline"
    assert answer["evidence"] and all(e["quote"] for e in answer["evidence"])
    follow_up = client.post(f"/api/reports/{report_id}/ask", json={"question": "它的分值呢？"}).json()
    assert [a["question"] for a in client.get(f"/api/reports/{report_id}/chat").json()][-2:] == [question, "它的分值呢？"]
    assert follow_up["answer"]


def test_draft_edits_are_kept_and_exported(client, uploaded):
    report_id = uploaded["id"]
    cause = "经核实，该指标偏差系年中任务调整所致。<b>不是HTML</b>"
    response = client.put(f"/api/reports/{report_id}/drafts/0", json={"deviation_cause": cause})
    assert response.status_code == 200, response.text
    assert response.json()["deviation_cause"] == cause
    assert response.json()["improvement"] == uploaded["drafts"][0]["improvement"]
    assert client.get(f"/api/reports/{report_id}").json()["drafts"][0]["deviation_cause"] == cause

    exported = client.get(f"/api/reports/{report_id}/export/json")
    assert json.loads(exported.content)["drafts"][0]["deviation_cause"] == cause
    assert "attachment" in exported.headers["content-disposition"]
    memo = client.get(f"/api/reports/{report_id}/export/md").text
    assert cause.replace("<", "&lt;").replace(">", "&gt;") in memo  # shown as written, never as HTML
    word = docx.Document(io.BytesIO(client.get(f"/api/reports/{report_id}/export/docx").content))
    word_text = "\n".join([p.text for p in word.paragraphs] +
                          [c.text for t in word.tables for r in t.rows for c in r.cells])
    assert cause in word_text
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(f"/api/reports/{report_id}/export/xlsx").content))
    assert any(cause == cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row)


def test_bad_requests_get_a_chinese_message_and_no_traceback(client, uploaded):
    report_id = uploaded["id"]
    assert_chinese_error(client.get("/api/reports/nope"), 404)
    assert_chinese_error(client.post("/api/reports/nope/ask", json={"question": "总分？"}), 404)
    assert_chinese_error(client.post(f"/api/reports/{report_id}/ask", json={}), 422)
    assert_chinese_error(client.post(f"/api/reports/{report_id}/ask", json={"question": "  "}), 422)
    assert_chinese_error(client.put(f"/api/reports/{report_id}/drafts/9999", json={"improvement": "x"}), 404)
    assert_chinese_error(client.put(f"/api/reports/{report_id}/drafts/0", json={}), 422)
    assert_chinese_error(client.get(f"/api/reports/{report_id}/export/exe"), 404)
    assert_chinese_error(client.post("/api/reports", json={"text": ""}), 422)
    assert_chinese_error(client.post("/api/reports", json={"txt": "预算"}), 422)
    assert_chinese_error(client.post("/api/reports", content=b"{not json", headers={"content-type": "application/json"}),
                         422)
    assert_chinese_error(client.post("/api/reports", content=b"raw", headers={"content-type": "text/plain"}), 422)
    assert_chinese_error(client.post("/api/reports", files={"other": ("a.txt", b"x")}), 422)
    assert_chinese_error(client.post("/api/reports?mode=gpt", json={"text": "预算执行"}), 422)


def streamed_upload(size: int):
    """A multipart body sent in chunks, with no Content-Length to refuse it by."""
    yield b'--b0undary\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
    for _ in range(0, size, 2**20):
        yield "预算".encode() * (2**20 // 6)
    yield b"\r\n--b0undary--\r\n"


def test_hostile_uploads_are_refused_and_nothing_is_stored(client):
    before = len(client.get("/api/reports?limit=1000").json())
    junk = bytes(range(256)) * 64
    assert_chinese_error(client.post("/api/reports", files={"file": ("report.txt", junk)}), 400)
    assert "不像" in assert_chinese_error(
        client.post("/api/reports", json={"text": "今天天气很好，我们去公园散步。"}), 400)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (MAX_BYTES * 11))
    assert "压缩炸弹" in assert_chinese_error(client.post("/api/reports", files={"file": ("a.docx", bomb.getvalue())}), 400)
    assert_chinese_error(client.post("/api/reports", files={"file": ("a.docx", b"PK\x03\x04truncated")}), 400)
    too_big = "预算".encode() * (MAX_BYTES // 6 + 1) + b"x" * 1024
    assert_chinese_error(client.post("/api/reports", files={"file": ("big.txt", too_big)}), 413)
    assert_chinese_error(client.post("/api/reports", json={"text": too_big.decode("utf-8", "ignore")}), 413)
    assert_chinese_error(client.post("/api/reports", files={"file": ("huge.txt", b"x" * (MAX_BYTES + 2**20))}), 413)
    assert_chinese_error(client.post("/api/reports", content=streamed_upload(MAX_BYTES + 2**20),
                                     headers={"content-type": "multipart/form-data; boundary=b0undary"}), 413)
    assert_chinese_error(client.post("/api/reports", content=b"not multipart at all",
                                     headers={"content-type": "multipart/form-data; boundary=b0undary"}), 400)
    assert len(client.get("/api/reports?limit=1000").json()) == before


def test_llm_mode_without_an_endpoint_says_so_and_keeps_the_upload(client, uploaded):
    response = client.post("/api/reports?mode=llm", json={"text": SAMPLE.read_text(encoding="utf-8")})
    message = assert_chinese_error(response, 503)
    failed = client.get("/api/reports").json()[0]
    assert (failed["status"], failed["error"], failed["mode"]) == ("failed", message, "llm")
    assert_chinese_error(client.post(f"/api/reports/{failed['id']}/ask", json={"question": "总分？"}), 409)
    assert_chinese_error(client.post(f"/api/reports/{uploaded['id']}/ask",
                                     json={"question": "总分是多少？", "mode": "llm"}), 503)


def test_file_type_is_sniffed_not_taken_from_the_name(client, uploaded):
    response = client.post("/api/reports", files={"file": ("report.pdf", SAMPLE.read_bytes(), "application/pdf")})
    assert response.status_code == 201, response.text
    assert response.json()["source"]["format"] == "txt"
    assert response.json()["findings"] == uploaded["findings"]


def test_report_text_is_escaped_in_the_page(client):
    text = SAMPLE.read_text(encoding="utf-8").replace("石鼓区市场监督管理局", "<script>alert('x')</script>石鼓区", 1)
    report_id = client.post("/api/reports", json={"text": text, "name": "<img src=x onerror=alert(1)>.txt"}).json()["id"]
    page = client.get(f"/reports/{report_id}", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    # The source pane gets the text as JSON data (the page inserts it with textContent), never as HTML.
    source = client.get(f"/api/reports/{report_id}/source", params={"start": 1, "end": 100000})
    assert source.headers["content-type"] == "application/json" and source.headers["x-content-type-options"] == "nosniff"
    assert any("<script>alert('x')</script>" in json.dumps(block, ensure_ascii=False) for block in source.json()["blocks"])
    listing = client.get("/", headers={"accept": "text/html"}).text
    assert "<img src=x" not in listing and "&lt;img src=x onerror=alert(1)&gt;.txt" in listing


def test_the_page_tells_what_the_reader_could_not_read(client):
    """What the reader could not read reliably is on the report's page, above its findings: a report that names its
    自评表 while no table in it can be read, and a table pasted from below its header (Tangxi's TAB rows, evals/field/
    dev/anhui_tangxi_2022_weituo) read under columns the reader inferred."""
    unread = "市场监管局2023年度绩效自评报告\n附件：项目支出绩效自评表\n（表格为扫描图片，未附文字）\n全年预算执行率98%。"
    paste = eval_tool("paste")
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                       only="anhui_tangxi_2022_weituo")
    lines = paste.pasted(sheet, "f").split("\n")
    below = "\n".join(lines[next(i for i, line in enumerate(lines) if "基建工程委托业务项目数量" in line):])
    for text, note in ((unread, "未能识别自评表，复核不完整"), (below, "没有表头")):
        report_id = client.post("/api/reports", json={"text": text}).json()["id"]
        page = client.get(f"/reports/{report_id}", headers={"accept": "text/html"}).text
        notes = page[page.index('id="reading-notes"'):page.index('class="workspace"')]
        assert note in notes


def test_html_errors_are_pages_without_traceback(client):
    page = client.get("/reports/nope", headers={"accept": "text/html"})
    assert page.status_code == 404 and "找不到审核记录" in page.text and "Traceback" not in page.text


def test_other_hosts_and_cross_site_posts_are_refused(client, server):
    assert_chinese_error(client.get("/api/reports", headers={"host": "rebound.example.com"}), 403)
    assert_chinese_error(client.post("/api/reports", json={"text": ""}, headers={"origin": "https://evil.example"}), 403)
    # Past the guard: the same request from the app's own pages is judged on its content.
    assert_chinese_error(client.post("/api/reports", json={"text": ""}, headers={"origin": server.url}), 422)


def test_serve_refuses_a_port_in_use(server, tmp_path):
    result = run_cli("serve", "--port", str(server.port), "--db", str(tmp_path / "other.db"), timeout=60)
    assert result.returncode == 2
    assert "端口" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_token_guards_everything_but_health(tmp_path):
    token = "s3cret-token-for-tests"
    live = LiveServer(tmp_path / "guarded.db", env={"SELFEVAL_TOKEN": token}).start()
    try:
        with live.client() as http:
            assert http.get("/healthz").status_code == 200
            assert_chinese_error(http.get("/api/reports"), 401)
            assert_chinese_error(http.get("/api/reports", headers={"authorization": "Bearer wrong"}), 401)
            assert http.get("/api/reports", headers={"authorization": f"Bearer {token}"}).json() == []
            login = http.get("/", headers={"accept": "text/html"})
            assert login.status_code == 401 and "访问令牌" in login.text
            entry = http.get(f"/?token={token}", headers={"accept": "text/html"})
            assert entry.status_code == 303 and entry.headers["location"] == "/"
            assert token not in entry.headers["set-cookie"]
            assert http.get("/", headers={"accept": "text/html"}).status_code == 200
    finally:
        live.stop()


def test_a_crash_and_restart_keep_everything_and_resume_unfinished_reviews(tmp_path):
    db = tmp_path / "restart.db"
    live = LiveServer(db).start()
    with live.client() as http:
        report_id = http.post("/api/reports", json={"text": SAMPLE.read_text(encoding="utf-8")}).json()["id"]
        http.put(f"/api/reports/{report_id}/drafts/0", json={"improvement": "重启前的修改"})
        answer = http.post(f"/api/reports/{report_id}/ask", json={"question": "总分是多少？"}).json()
        before = http.get(f"/api/reports/{report_id}").json()
    live.stop(crash=True)
    # An upload stored by a process that died before reviewing it.
    unfinished = Store(db).start_report(SAMPLE_FILES[1].read_bytes(), SAMPLE_FILES[1].name)
    live.start()
    try:
        with live.client() as http:
            after = http.get(f"/api/reports/{report_id}").json()
            assert after == before
            assert after["drafts"][0]["improvement"] == "重启前的修改"
            assert http.get(f"/api/reports/{report_id}/chat").json() == [answer]
            deadline = time.monotonic() + 120
            while (status := http.get(f"/api/reports/{unfinished}/status").json())["status"] == "running":
                assert time.monotonic() < deadline, status
                time.sleep(0.1)
            assert status["status"] == "done"
            resumed = http.get(f"/api/reports/{unfinished}").json()
            assert resumed["source"]["name"] == SAMPLE_FILES[1].name and resumed["tables"]
    finally:
        live.stop()


def test_the_source_comes_in_ranges_that_cover_every_line_once(client, uploaded):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    whole = client.get(f"/api/reports/{uploaded['id']}/source", params={"start": 1, "end": len(lines)}).json()
    assert whole["line_count"] == len(lines) and whole["format"] == "txt"
    covered = []
    for block in whole["blocks"]:
        if block["kind"] == "line":
            assert block["text"] == lines[block["line"] - 1]
            covered.append(block["line"])
        else:
            assert block["rows"] and all(cell["line"] in range(block["first"], block["last"] + 1)
                                         for row in block["rows"] for cell in row)
            covered.extend(range(block["first"], block["last"] + 1))
    assert covered == list(range(1, len(lines) + 1))
    tables = [block for block in whole["blocks"] if block["kind"] == "table"]
    assert len(tables) >= len(uploaded["tables"])
    indicator = uploaded["tables"][0]["indicators"][0]
    assert any(cell["text"] == indicator["level3"] for table in tables for row in table["rows"] for cell in row)
    # A range gives only the blocks touching it.
    part = client.get(f"/api/reports/{uploaded['id']}/source", params={"start": 10, "end": 12}).json()["blocks"]
    assert part and all(b.get("first", b.get("line")) <= 12 and b.get("last", b.get("line")) >= 10 for b in part)


def test_pasting_more_than_a_megabyte_into_the_form_works(client):
    pasted = synthetic_report(SAMPLE.read_text(encoding="utf-8"), 200)
    assert len(pasted.encode("utf-8")) > 1_100_000
    response = client.post("/reports", files={"text": (None, pasted), "mode": (None, "template")},
                           headers={"accept": "text/html"})
    assert response.status_code == 303, response.text[:500]
    report_id = response.headers["location"].rsplit("/", 1)[1]
    assert client.get(f"/api/reports/{report_id}/status").json()["file_name"] == "粘贴文本.txt"


def test_api_exports_and_docs_are_not_sniffed_framed_or_cached(client, uploaded):
    for path in ("/api/reports", f"/api/reports/{uploaded['id']}", f"/api/reports/{uploaded['id']}/export/md",
                 f"/api/reports/{uploaded['id']}/export/json", "/docs", "/openapi.json", "/api/reports/nope"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff", path
        assert "default-src 'self'" in headers["content-security-policy"] and "frame-ancestors 'none'" in \
            headers["content-security-policy"], path
        assert headers["cache-control"] == "no-store", path


def test_without_accounts_the_page_says_it_is_single_user(client):
    page = client.get("/", headers={"accept": "text/html"})
    assert page.status_code == 200 and "单用户模式" in page.text and "selfeval user add" in page.text


def test_the_page_of_a_huge_report_stays_small(client):
    huge = synthetic_report(SAMPLE.read_text(encoding="utf-8"), 100)
    reviewed = client.post("/api/reports", json={"text": huge, "name": "huge.txt"})
    assert reviewed.status_code == 201, reviewed.text[:300]
    body = reviewed.json()
    assert len(body["findings"]) > 1000 and sum(len(t["indicators"]) for t in body["tables"]) > 5000
    page = client.get(f"/reports/{body['id']}", headers={"accept": "text/html"})
    assert page.status_code == 200 and len(page.content) < 2_000_000, len(page.content)
    assert page.text.count('class="finding ') == 100 and "下一页" in page.text
    last = client.get(f"/reports/{body['id']}", params={"findings_page": 1000}, headers={"accept": "text/html"})
    assert last.text.count('class="finding ') == (len(body["findings"]) % 100 or 100)
    source = client.get(f"/api/reports/{body['id']}/source", params={"start": 1, "end": 1_000_000})
    # At most 2000 lines a request (a table reaching past them comes whole).
    assert source.status_code == 200 and max(b.get("first", b.get("line")) for b in source.json()["blocks"]) <= 2001


def test_a_resubmitted_upload_form_is_one_review(client):
    form_page = client.get("/", headers={"accept": "text/html"}).text
    key = re.search(r'name="idempotency_key" value="([^"]+)"', form_page).group(1)
    assert key not in client.get("/", headers={"accept": "text/html"}).text  # every form gets its own
    before = len(client.get("/api/reports?limit=1000").json())
    body = {"file": ("resent.txt", SAMPLE.read_bytes(), "text/plain"), "idempotency_key": (None, key)}
    first = client.post("/reports", files=body, headers={"accept": "text/html"})
    again = client.post("/reports", files=body, headers={"accept": "text/html"})
    assert first.status_code == again.status_code == 303
    assert first.headers["location"] == again.headers["location"]
    assert len(client.get("/api/reports?limit=1000").json()) == before + 1


def test_evidence_with_a_location_is_linked_by_page_sheet_and_cell(client, server, expected):
    located = expected.model_copy(deep=True)
    finding = next(f for f in located.findings if f.evidence and f.evidence[0].line)
    finding.evidence[0].location = Location(sheet="附件1", cell="D14")
    report_id = Store(server.db).save_report(located, SAMPLE.read_bytes(), SAMPLE.name)
    page = client.get(f"/reports/{report_id}", headers={"accept": "text/html"}).text
    link = re.search(rf'<a class="ev" href="#L{finding.evidence[0].line}"[^>]*>([^<]+)</a>', page)
    assert link and link.group(1) == "附件1!D14"
