"""End to end in a real browser: Playwright driving Debian's chromium against a live `selfeval serve`.

Screenshots of each step are kept in tests/artifacts/ (git-ignored) for a person to look at.
"""
import io
import re
import time
from pathlib import Path

import docx
import httpx
import pytest

from assistant import api
from assistant.evaluate.formats import score_report
from assistant.store import Store
from assistant.synthetic import synthetic_report
from schemas import Report
from schemas.gold import GoldReport
from tests.conftest import GOLD, ROOT, SAMPLE_FILES, eval_tool
from tests.test_web_api import LiveServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "tests" / "artifacts"
SAMPLE = SAMPLE_FILES[0]
WAIT_MS = 60_000

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not installed (apt-get install chromium; .ci/run does)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    live = LiveServer(tmp_path_factory.mktemp("browser") / "reviews.db").start()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def problems() -> list[str]:
    """Page errors, dialogs and console errors seen during a test (a test expecting one clears it)."""
    return []


@pytest.fixture
def page(browser, problems):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("dialog", lambda dialog: problems.append(f"dialog opened: {dialog.message}"))
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    yield page
    context.close()
    assert problems == []


HIGHLIGHTED = ("() => Array.from(document.querySelectorAll('#source .hl-cell, #source div.src-line.hl'))"
               ".map(element => Number(element.dataset.line))")


def highlighted_lines(page, expected: list[int]) -> list[int]:
    """The source lines highlighted (a text line, or the evidence cell of a table row), once they are `expected`;
    highlighting may first fetch that part of the source."""
    page.wait_for_function(f"() => ({HIGHLIGHTED})().sort((a, b) => a - b).join() === {','.join(map(str, expected))!r}")
    return sorted(page.evaluate(HIGHLIGHTED))


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"))


@pytest.fixture(scope="module")
def reviewed_id(server, browser):
    """The sample dropped onto the upload page in the browser; the id of its review."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.set_default_timeout(WAIT_MS)
    page.goto(server.url + "/")
    dropped = page.evaluate_handle(
        "([name, text]) => { const dt = new DataTransfer();"
        " dt.items.add(new File([text], name, {type: 'text/plain'})); return dt; }",
        [SAMPLE.name, SAMPLE.read_text(encoding="utf-8")])
    page.dispatch_event("#dropzone", "drop", {"dataTransfer": dropped})
    assert SAMPLE.name in page.inner_text("#dropzone-file")
    screenshot(page, "01-upload")
    page.click("#submit")
    page.wait_for_url(re.compile(r"/reports/[0-9a-f]+$"))
    page.wait_for_selector(".finding")
    report_id = page.url.rsplit("/", 1)[1]
    page.close()
    return report_id


def api_report(server, report_id: str) -> dict:
    return httpx.get(f"{server.url}/api/reports/{report_id}", timeout=60).json()


def test_dropped_report_shows_every_finding(server, page, reviewed_id):
    report = api_report(server, reviewed_id)
    expected = api.review(api.load(SAMPLE.read_bytes(), SAMPLE.name), "template")
    assert [f["message"] for f in report["findings"]] == [f.message for f in expected.findings]
    page.goto(f"{server.url}/reports/{reviewed_id}")
    assert page.locator(".finding").count() == len(report["findings"])
    errors = sum(f["severity"] == "error" for f in report["findings"])
    assert page.locator(".finding.sev-error").count() == errors
    assert page.inner_text("h1").startswith(report["unit_name"])
    page.click("[data-filter=error]")
    assert page.locator(".finding:visible").count() == errors
    screenshot(page, "02-findings")


def test_opening_a_finding_highlights_its_source(server, page, reviewed_id):
    report = api_report(server, reviewed_id)
    page.goto(f"{server.url}/reports/{reviewed_id}")
    index, finding = next((i, f) for i, f in enumerate(report["findings"])
                          if f["severity"] == "error" and any(e["line"] for e in f["evidence"]))
    page.click(f"#F{index} .finding-message")
    lines = sorted({e["line"] for e in finding["evidence"] if e["line"]})
    assert highlighted_lines(page, lines) == lines
    assert page.locator("#source .hl-first").first.is_visible()
    marked = page.eval_on_selector_all("#source mark", "marks => marks.map(m => m.textContent)")
    assert marked and set(marked) <= {e["quote"] for e in finding["evidence"]}
    screenshot(page, "03-finding-source")

    evidence = finding["evidence"][-1]
    page.click(f"#F{index} .ev[data-line='{evidence['line']}']")
    assert highlighted_lines(page, [evidence["line"]]) == [evidence["line"]]


def test_tables_and_scores_tabs(server, page, reviewed_id):
    report = api_report(server, reviewed_id)
    page.goto(f"{server.url}/reports/{reviewed_id}")
    page.click("[data-tab=tables]")
    assert page.locator(".table-card h3").count() >= len(report["tables"])
    indicator = next(i for i in report["tables"][0]["indicators"] if i["line"])
    row = page.locator(f"#tab-tables tr[data-line='{indicator['line']}']").first
    assert indicator["level3"] in row.inner_text()
    row.click()
    assert highlighted_lines(page, [indicator["line"]]) == [indicator["line"]]
    # The source shows the table as a table, its evidence cell marked.
    cell = page.locator(f"#source td.hl-cell[data-line='{indicator['line']}']")
    assert cell.is_visible() and cell.evaluate("cell => cell.closest('table') !== null")
    screenshot(page, "04-tables")

    page.click("[data-tab=scores]")
    score = report["scores"][0]
    cells = page.locator("#tab-scores tbody tr").first.locator("td").all_inner_texts()
    assert [float(cells[0]), float(cells[1])] == [score["self_score"], score["recomputed_score"]]
    screenshot(page, "05-scores")


def test_edit_a_draft_and_download_the_memo(server, page, reviewed_id, tmp_path):
    page.goto(f"{server.url}/reports/{reviewed_id}")
    page.click("[data-tab=drafts]")
    edited = "经核实，偏差系年中任务调整所致，已在浏览器中修改。"
    page.fill("#cause-0", edited)
    page.click("#D0 .save-draft")
    page.wait_for_selector("#D0 .save-state.ok")
    screenshot(page, "06-draft-edited")
    page.reload()
    page.click("[data-tab=drafts]")
    assert page.input_value("#cause-0") == edited
    assert api_report(server, reviewed_id)["drafts"][0]["deviation_cause"] == edited

    with page.expect_download() as download_info:
        page.click("[data-export=docx]")
    saved = tmp_path / "memo.docx"
    download_info.value.save_as(saved)
    memo = docx.Document(io.BytesIO(saved.read_bytes()))
    text = "\n".join([p.text for p in memo.paragraphs] + [c.text for t in memo.tables for r in t.rows for c in r.cells])
    assert edited in text
    assert download_info.value.suggested_filename.endswith(".docx")


def test_ask_a_question_and_follow_its_evidence(server, page, reviewed_id):
    page.goto(f"{server.url}/reports/{reviewed_id}")
    page.click("[data-tab=chat]")
    page.fill("#question", "项目支出一共有多少？")
    page.click("#ask-form button")
    page.wait_for_selector("#chat-log .msg.answer:not(.pending)")
    stored = httpx.get(f"{server.url}/api/reports/{reviewed_id}/chat", timeout=60).json()[-1]
    assert stored["question"] == "项目支出一共有多少？"
    assert page.locator("#chat-log .msg.answer p").first.inner_text() == stored["answer"]
    links = page.locator("#chat-log .msg.answer .ev")
    assert links.count() == len([e for e in stored["evidence"] if e["line"]]) > 0
    links.first.click()
    first_line = next(e["line"] for e in stored["evidence"] if e["line"])
    assert highlighted_lines(page, [first_line]) == [first_line]
    screenshot(page, "07-chat")


def test_pasted_script_is_shown_as_text(server, page):
    hostile = "<script>alert('xss')</script>"
    text = SAMPLE.read_text(encoding="utf-8").replace("石鼓区市场监督管理局", hostile + "石鼓区", 1)
    page.goto(server.url + "/")
    page.click(".paste summary")
    # What a paste does; page.fill would type the whole report key by key.
    page.eval_on_selector("#paste", "(area, text) => { area.value = text; area.dispatchEvent(new Event('input')); }", text)
    page.click("#submit")
    page.wait_for_selector(".finding")
    page.wait_for_selector("#source[aria-busy=false] .src-line")
    assert hostile in page.inner_text("#source")
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 0


@pytest.fixture(scope="module")
def published_page(tmp_path_factory) -> Path:
    """The sample's tables as a government web page publishes them (merged cells, <br> inside cells), written at test
    time by evals/tools/render.py."""
    render = eval_tool("render")
    out = tmp_path_factory.mktemp("published")
    render.render(render.sample_sheet(SAMPLE.read_text(encoding="utf-8")), SAMPLE.stem, out, ("html",))
    return out / "html" / f"{SAMPLE.stem}.html"


def copy_page_into_paste_box(page, server, published_page: Path) -> None:
    """Select all and copy on the published page, then paste into the upload page's box: the real clipboard."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(published_page.as_uri())
    page.keyboard.press("Control+A")
    page.keyboard.press("Control+C")
    page.goto(server.url + "/")
    page.click(".paste summary")
    page.focus("#paste")
    page.keyboard.press("Control+V")


def submitted_review(server, page) -> dict:
    page.click("#submit")
    page.wait_for_url(re.compile(r"/reports/[0-9a-f]+$"))
    page.wait_for_selector(".finding")
    return api_report(server, page.url.rsplit("/", 1)[1])


def test_a_table_copied_out_of_a_browser_is_reviewed_cell_by_cell(server, page, published_page):
    """The clipboard's HTML keeps which line break ends a row and which one breaks a cell; its plain text alone
    reads the sample's tables badly (a TAB row broken wherever a cell breaks)."""
    copy_page_into_paste_box(page, server, published_page)
    assert "一级指标" in page.input_value("#paste")
    assert page.is_visible("#paste-kept")
    screenshot(page, "09-pasted-table")
    review = submitted_review(server, page)
    assert review["file_name"].endswith(".html")
    gold = GoldReport.model_validate_json((GOLD / f"{SAMPLE.stem}.json").read_text(encoding="utf-8"))
    assert score_report(Report.model_validate(review), gold).f1 == 1.0


def test_an_edited_paste_is_reviewed_as_its_text(server, page, published_page):
    copy_page_into_paste_box(page, server, published_page)
    page.keyboard.type("补充说明")
    assert page.is_hidden("#paste-kept")
    review = submitted_review(server, page)
    assert review["file_name"].endswith(".txt")
    assert review["source"]["format"] == "txt"


def test_upload_page_refuses_what_it_cannot_review(server, page, problems):
    before = len(httpx.get(f"{server.url}/api/reports", timeout=60).json())
    page.goto(server.url + "/")
    page.click("#submit")
    assert "请选择" in page.inner_text("#upload-error")
    page.set_input_files("#file", files=[{"name": "report.txt", "mimeType": "text/plain",
                                          "buffer": "今天天气很好，我们去公园散步。".encode()}])
    page.click("#submit")
    page.wait_for_selector("#upload-error")
    assert problems == ["console: Failed to load resource: the server responded with a status of 400 (Bad Request)"]
    problems.clear()
    assert re.search(r"[\u4e00-\u9fff]", page.inner_text("#upload-error"))
    assert len(httpx.get(f"{server.url}/api/reports", timeout=60).json()) == before
    screenshot(page, "08-refused")


def test_progress_is_shown_until_the_review_is_done(server, page):
    store = Store(server.db)
    report_id = store.start_report(SAMPLE_FILES[2].read_bytes(), SAMPLE_FILES[2].name)
    page.goto(f"{server.url}/reports/{report_id}")
    assert page.locator("#progress").is_visible()
    screenshot(page, "09-progress")
    store.complete(report_id, api.review(api.load(SAMPLE_FILES[2].read_bytes(), SAMPLE_FILES[2].name)))
    page.wait_for_selector(".finding")
    assert page.locator("#progress").count() == 0


def test_a_failed_review_says_why(server, page):
    page.goto(server.url + "/")
    page.set_input_files("#file", str(SAMPLE_FILES[3]))
    page.select_option("#mode", "llm")
    page.click("#submit")
    page.wait_for_selector(".error-card")
    report_id = page.url.rsplit("/", 1)[1]
    assert page.inner_text(".error-card .message") == api_report(server, report_id)["error"]
    assert "LLM" in page.inner_text(".error-card .message")
    screenshot(page, "10-failed")
    page.click("button[value=template]")
    page.wait_for_selector(".finding")
    assert api_report(server, report_id)["status"] == "done"
    assert page.locator(".finding").count() == len(api_report(server, report_id)["findings"]) > 0


def test_api_docs_render_without_internet(server, page):
    page.goto(server.url + "/docs")
    assert "selfeval" in page.locator(".swagger-ui .title").inner_text()
    assert page.locator(".opblock-summary-path", has_text="/api/reports/{report_id}/ask").count() == 1


BUSY = "busy => document.querySelector('#ask-form').getAttribute('aria-busy') === busy"


def wait_for_held(page, held: list, count: int) -> None:
    """Let Playwright deliver the intercepted request to the route handler (it runs while the page is waited on)."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while len(held) < count:
        assert time.monotonic() < deadline, "the request was never sent"
        page.wait_for_timeout(20)
    assert len(held) == count


def test_the_chat_keeps_every_question_while_an_answer_is_pending(server, page, reviewed_id):
    held = []
    page.route("**/ask", lambda route: held.append(route))  # answers wait until the test lets them through
    page.goto(f"{server.url}/reports/{reviewed_id}")
    page.click("[data-tab=chat]")
    page.fill("#question", "总分是多少？")
    page.press("#question", "Enter")
    page.wait_for_function(BUSY, arg="true")
    # Pending: the question is in the log, the input is empty and disabled, so nothing typed can be lost.
    assert page.locator("#chat-log .msg.question").last.inner_text() == "总分是多少？"
    assert page.is_disabled("#question") and page.is_disabled("#ask-form button")
    assert page.input_value("#question") == ""
    wait_for_held(page, held, 1)
    held[0].continue_()
    page.wait_for_function(BUSY, arg="false")
    assert page.is_enabled("#question")
    page.fill("#question", "产出指标的得分是多少？")
    page.press("#question", "Enter")
    page.wait_for_function(BUSY, arg="true")
    wait_for_held(page, held, 2)
    held[1].continue_()
    page.wait_for_function(BUSY, arg="false")
    asked = [a["question"] for a in httpx.get(f"{server.url}/api/reports/{reviewed_id}/chat", timeout=60).json()]
    assert asked[-2:] == ["总分是多少？", "产出指标的得分是多少？"]
    shown = page.locator("#chat-log .msg.question").all_inner_texts()
    assert shown[-2:] == asked[-2:] and page.locator("#chat-log .msg.answer.pending").count() == 0


def test_j_and_k_move_between_findings_and_open_each(server, page, reviewed_id):
    report = api_report(server, reviewed_id)
    page.goto(f"{server.url}/reports/{reviewed_id}")
    ids = page.eval_on_selector_all(".finding", "items => items.map(item => item.id)")
    assert len(ids) >= 2
    page.keyboard.press("j")
    page.wait_for_function("id => document.activeElement.id === id", arg=ids[0])
    page.keyboard.press("j")
    page.wait_for_function("id => document.activeElement.id === id", arg=ids[1])
    second = report["findings"][int(ids[1][1:])]
    expected = sorted({e["line"] for e in second["evidence"] if e["line"]})
    if expected:
        assert highlighted_lines(page, expected) == expected
    page.keyboard.press("k")
    page.wait_for_function("id => document.activeElement.id === id", arg=ids[0])
    page.keyboard.press("ArrowDown")
    page.wait_for_function("id => document.activeElement.id === id", arg=ids[1])


def test_a_late_source_fetch_does_not_paint_over_the_next_finding(server, page, reviewed_id):
    """j onto a finding whose evidence lies outside the shown source (so that part is fetched), then j onto
    one whose evidence is already shown, before the fetch returns: the second stays highlighted."""
    report = api_report(server, reviewed_id)
    page.goto(f"{server.url}/reports/{reviewed_id}")
    page.wait_for_function("() => document.querySelector('#source').getAttribute('aria-busy') === 'false'")
    shown = set(page.eval_on_selector_all("#source [data-line]", "items => items.map(item => Number(item.dataset.line))"))
    ids = page.eval_on_selector_all(".finding", "items => items.map(item => item.id)")

    def lines(finding_id: str) -> list[int]:
        return sorted({e["line"] for e in report["findings"][int(finding_id[1:])]["evidence"] if e["line"]})

    pairs = [(before, after) for before, after in zip(ids, ids[1:])
             if not set(lines(before)) <= shown and lines(after) and set(lines(after)) <= shown]
    assert pairs, "the sample has no finding with evidence beyond the first page of source followed by one within it"
    far, near = pairs[0]
    held = []
    page.route("**/source?*", lambda route: held.append(route))
    page.evaluate("id => document.getElementById(id).focus()", far)
    page.keyboard.press("Enter")
    wait_for_held(page, held, 1)
    page.keyboard.press("j")
    page.wait_for_function("id => document.activeElement.id === id", arg=near)
    for route in held:
        route.continue_()
    page.unroute("**/source?*")
    page.wait_for_function("() => document.querySelector('#source').getAttribute('aria-busy') === 'false'")
    assert highlighted_lines(page, lines(near)) == lines(near)
    page.wait_for_timeout(300)  # nothing still in flight may paint the first one back
    assert sorted(page.evaluate(HIGHLIGHTED)) == lines(near)
    assert page.locator(".finding.selected").evaluate_all("items => items.map(item => item.id)") == [near]


def test_chinese_is_drawn_with_a_cjk_font_not_tofu(server, page, reviewed_id):
    page.goto(f"{server.url}/reports/{reviewed_id}")
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    # The font the browser really drew the heading's glyphs with: a CJK font, every glyph of it.
    assert page.inner_text("h1") and re.search(r"[\u4e00-\u9fff]", page.inner_text("h1"))
    assert any("CJK" in font["familyName"] or "Noto Sans SC" in font["familyName"] for font in fonts), fonts
    assert sum(font["glyphCount"] for font in fonts) == len(page.inner_text("h1")), fonts  # spaces included


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """A server with two reviewers' accounts."""
    db = tmp_path_factory.mktemp("office") / "reviews.db"
    store = Store(db)
    for name in ("alice", "bob"):
        store.add_user(name, f"{name}-password")
    live = LiveServer(db).start()
    yield live
    live.stop()


def sign_in(browser, server, name: str):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(server.url + "/")
    page.wait_for_url(re.compile(r"/login"))
    page.fill("#name", name)
    page.fill("#password", f"{name}-password")
    page.click("#sign-in")
    page.wait_for_selector("#upload-form")
    assert page.inner_text("#user-name") == name
    return context, page


def upload_in_browser(page, name: str) -> str:
    page.set_input_files("#file", files=[{"name": name, "mimeType": "text/plain", "buffer": SAMPLE.read_bytes()}])
    page.click("#submit")
    page.wait_for_url(re.compile(r"/reports/[0-9a-f]+$"))
    page.wait_for_selector(".finding")
    return page.url.rsplit("/", 1)[1]


FETCH = """async ([method, url]) => { const response = await fetch(url, {method: method,
  headers: {"Accept": "application/json"}}); return response.status; }"""


def test_two_reviewers_cannot_see_open_download_or_delete_each_others_reports(browser, office):
    alice, alice_page = sign_in(browser, office, "alice")
    bob, bob_page = sign_in(browser, office, "bob")
    try:
        mine = upload_in_browser(alice_page, "alice-report.txt")
        bobs = upload_in_browser(bob_page, "bob-report.txt")
        for page, own, other, other_file in ((bob_page, bobs, mine, "alice-report.txt"),
                                             (alice_page, mine, bobs, "bob-report.txt")):
            page.goto(office.url + "/")
            assert other_file not in page.inner_text("#history") and page.locator(f"a[href='/reports/{own}']").count()
            response = page.goto(f"{office.url}/reports/{other}")
            assert response.status == 404 and other_file not in page.content()
            for method, path in (("GET", f"/api/reports/{other}"), ("GET", f"/api/reports/{other}/source"),
                                 ("GET", f"/api/reports/{other}/export/docx"), ("GET", f"/api/reports/{other}/chat"),
                                 ("DELETE", f"/api/reports/{other}"), ("POST", f"/reports/{other}/delete")):
                assert page.evaluate(FETCH, [method, office.url + path]) == 404, (method, path)
            listed = page.evaluate("async () => (await (await fetch('/api/reports')).json()).map(r => r.id)")
            assert listed == [own]
        # Each still has their own report, and deletes it from its page.
        bob_page.goto(f"{office.url}/reports/{bobs}")
        bob_page.once("dialog", lambda dialog: dialog.accept())
        bob_page.click("#delete-report")
        bob_page.wait_for_url(office.url + "/")
        assert bob_page.goto(f"{office.url}/reports/{bobs}").status == 404
        assert alice_page.goto(f"{office.url}/reports/{mine}").status == 200
        screenshot(alice_page, "11-signed-in")
    finally:
        alice.close()
        bob.close()


def test_a_huge_report_pages_its_findings_and_loads_the_source_it_needs(server, page):
    huge = synthetic_report(SAMPLE.read_text(encoding="utf-8"), 100)
    response = httpx.post(f"{server.url}/api/reports", json={"text": huge, "name": "huge.txt"}, timeout=300)
    assert response.status_code == 201, response.text[:300]
    report = response.json()
    page.goto(f"{server.url}/reports/{report['id']}")
    assert page.locator(".finding").count() == 100
    page.click("#tab-findings .pager a[rel=next]")
    page.wait_for_url(re.compile(r"findings_page=2"))
    # The last finding of the page, with evidence far below what the source pane showed at first.
    last = page.locator(".finding").last
    index = int(last.get_attribute("id")[1:])
    lines = sorted({e["line"] for e in report["findings"][index]["evidence"] if e["line"]})
    assert lines and lines[0] > 400
    last.locator(".finding-message").click()
    assert highlighted_lines(page, lines) == lines
    shown = page.evaluate("() => document.querySelectorAll('#source .src-line').length")
    assert 0 < shown < len(huge.splitlines()) / 5
    screenshot(page, "12-huge-report")
