"""The page templates and `render`: autoescaping on, so report text is always shown as text.

Every response, pages included, gets its security headers from `security.SecurityHeaders`.
"""
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from assistant.ingest import MAX_BYTES, SUFFIXES
from assistant.render import FUND_HEADER, number
import assistant.web.view as view
from assistant.web.exports import EXPORTS

templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                                            autoescape=True, trim_blocks=True, lstrip_blocks=True))
templates.env.filters.update(number=number, signed=view.signed, rule_label=view.rule_label,
                             severity_label=view.severity_label)
templates.env.globals.update(view=view, FUND_HEADER=FUND_HEADER, EXPORTS=EXPORTS, MAX_UPLOAD_MB=MAX_BYTES // 2**20,
                             UPLOAD_SUFFIXES=",".join(sorted(SUFFIXES)))


def render(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
    """A page from a template, with who is signed in (`user`), or whether anyone may see everything."""
    user = getattr(request.state, "user", None)
    state = request.app.state
    single_user = user is None and not state.token and not state.store.has_users()
    context = {"user": user, "single_user": single_user} | context
    return templates.TemplateResponse(request, name, context, status_code=status)
