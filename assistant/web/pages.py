"""The HTML pages: upload or paste, the list of past reviews, and one review with its tabs.

Templates are rendered with autoescaping on, and every page is served with a strict
Content-Security-Policy (scripts and styles only from /static), so report text can never run.
"""
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from assistant.errors import BadInput
from assistant.ingest import MAX_BYTES, SUFFIXES
from assistant.render import FUND_HEADER, number
from assistant.web import view
from assistant.web.api_routes import stored
from assistant.web.errors import WebError
from assistant.web.exports import EXPORTS
from assistant.web.uploads import checked_mode, read_upload

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                                            autoescape=True, trim_blocks=True, lstrip_blocks=True))
templates.env.filters.update(number=number, signed=view.signed, rule_label=view.rule_label,
                             severity_label=view.severity_label)
templates.env.globals.update(view=view, FUND_HEADER=FUND_HEADER, EXPORTS=EXPORTS, MAX_UPLOAD_MB=MAX_BYTES // 2**20,
                             UPLOAD_SUFFIXES=",".join(SUFFIXES))

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    # Not no-referrer: with it Chromium sends "Origin: null" on the pages' own form posts, which OriginGuard refuses.
    "Referrer-Policy": "same-origin",
}


def render(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
    """A page from a template, with the security headers every page carries."""
    return templates.TemplateResponse(request, name, context, status_code=status, headers=SECURITY_HEADERS)


def index_page(request: Request, error: str | None = None, status: int = 200) -> HTMLResponse:
    return render(request, "index.html", {"reports": request.app.state.store.list_reports(), "error": error},
                  status=status)


@router.get("/", response_class=HTMLResponse)
def index(request: Request):
    return index_page(request)


@router.post("/reports")
async def upload(request: Request):
    """The upload form: store the report, review it in the background, show its page at once."""
    try:
        submitted = await read_upload(request)
        pipeline = request.app.state.pipeline
        report_id = await run_in_threadpool(pipeline.accept, submitted.data, submitted.name, submitted.mode)
    except WebError as error:
        return index_page(request, error.message, error.status)
    except BadInput as error:
        return index_page(request, str(error), 400)
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


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(request: Request, report_id: str):
    record = stored(request, report_id)
    context = {"record": record, "progress": request.app.state.pipeline.progress(record)}
    if record.status == "done":
        report = record.edited()
        lines = request.app.state.pipeline.document(record).lines
        context |= {"report": report, "lines": lines, "line_count": len(lines),
                    "chat": request.app.state.store.chat(report_id), "findings": view.sorted_findings(report),
                    "counts": view.severity_counts(report), "scores": view.score_rows(report),
                    "row_severity": view.row_severities(report)}
    return render(request, "report.html", context)
