"""The HTML pages: upload or paste, the list of past reviews, and one review with its tabs.

Templates are rendered with autoescaping on, and every page is served with a strict
Content-Security-Policy (scripts and styles only from /static), so report text can never run.
"""
import secrets

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse

from assistant.errors import BadInput
from assistant.store import SESSION_LIFETIME
import assistant.web.view as view
from assistant.web.api_routes import stored, viewer
from assistant.web.errors import WebError
from assistant.web.security import SESSION_COOKIE, session_cookie
from assistant.web.templating import render
from assistant.web.uploads import checked_mode, read_upload

router = APIRouter(include_in_schema=False)
FINDINGS_PER_PAGE = 100
DRAFTS_PER_PAGE = 50
TABLE_ROWS_PER_PAGE = 300


def index_page(request: Request, error: str | None = None, status: int = 200) -> HTMLResponse:
    reports = request.app.state.store.list_reports(viewer=viewer(request))
    return render(request, "index.html", {"reports": reports, "error": error,
                                          "idempotency_key": secrets.token_urlsafe(16)}, status=status)


@router.get("/", response_class=HTMLResponse)
def index(request: Request):
    return index_page(request)


@router.post("/reports")
async def upload(request: Request):
    """The upload form: store the report, review it in the background, show its page at once."""
    try:
        submitted = await read_upload(request)
        pipeline = request.app.state.pipeline
        report_id, created = await run_in_threadpool(pipeline.accept, submitted.data, submitted.name, submitted.mode,
                                                     viewer(request), submitted.idempotency_key)
    except WebError as error:
        return index_page(request, error.message, error.status)
    except BadInput as error:
        return index_page(request, str(error), 400)
    if created:  # a resubmitted form goes to the review it already started
        pipeline.review_later(report_id)
    return RedirectResponse(f"/reports/{report_id}", status_code=303)


@router.post("/reports/{report_id}/retry")
async def retry(request: Request, report_id: str):
    """Review a failed upload again, in the mode the form asks for (e.g. template when no LLM is reachable)."""
    record = stored(request, report_id)
    form = await request.form(max_files=0, max_fields=2)
    if record.status == "failed":
        request.app.state.store.retry(report_id, checked_mode(form.get("mode")))
        request.app.state.pipeline.review_later(report_id)
    return RedirectResponse(f"/reports/{report_id}", status_code=303)


@router.post("/reports/{report_id}/delete")
def delete(request: Request, report_id: str):
    request.app.state.pipeline.delete(stored(request, report_id).id)
    return RedirectResponse("/", status_code=303)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/"):
    if not request.app.state.store.has_users():
        return RedirectResponse("/", status_code=303)
    return render(request, "login.html", {"next": local_path(next), "error": None})


@router.post("/login")
async def login(request: Request):
    """Check the name and password; on success a session cookie and back to the page that was asked for."""
    form = await request.form(max_files=0, max_fields=3)
    name, password = str(form.get("name") or ""), str(form.get("password") or "")
    next_path = local_path(str(form.get("next") or "/"))
    store = request.app.state.store
    user = await run_in_threadpool(store.sign_in, name, password)
    if user is None:
        return render(request, "login.html", {"next": next_path, "error": "用户名或密码不正确。"}, status=401)
    response = RedirectResponse(next_path, status_code=303)
    response.headers["set-cookie"] = session_cookie(store.issue_credential(user, "session"),
                                                    int(SESSION_LIFETIME.total_seconds()), request.url.scheme == "https")
    return response


@router.post("/logout")
def logout(request: Request):
    request.app.state.store.revoke_credential(request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/login", status_code=303)
    response.headers["set-cookie"] = session_cookie("", max_age=0)
    return response


def local_path(target: str) -> str:
    """Where to go after signing in: a path on this site only, never another site."""
    return target if target.startswith("/") and not target.startswith(("//", "/\\")) else "/"


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(request: Request, report_id: str, tab: str = Query("findings", pattern="^[a-z]+$"),
                severity: str = Query("all", pattern="^(all|error|warning|info)$"),
                findings_page: int = 1, tables_page: int = 1, drafts_page: int = 1):
    """One review, its long lists paged so the page stays small on any report; the source pane
    loads what it shows from /api/reports/{id}/source."""
    record = stored(request, report_id)
    context = {"record": record, "progress": request.app.state.pipeline.progress(record), "tab": tab,
               "severity": severity}
    if record.status == "done":
        report = record.edited()
        findings = [(i, f) for i, f in view.sorted_findings(report) if severity in ("all", f.severity)]
        table_pages = view.table_pages(report, TABLE_ROWS_PER_PAGE)
        tables = view.paged(table_pages, tables_page, 1)
        shown_tables = tables.items[0]
        context |= {"report": report, "chat": request.app.state.store.chat(report_id),
                    "findings": view.paged(findings, findings_page, FINDINGS_PER_PAGE),
                    "tables": tables, "shown_tables": shown_tables,
                    "drafts": view.paged(list(enumerate(report.drafts)), drafts_page, DRAFTS_PER_PAGE),
                    "counts": view.severity_counts(report),
                    "scores": [s for s in view.score_rows(report) if s.table in shown_tables],
                    "row_severity": view.row_severities(report)}
    return render(request, "report.html", context)
