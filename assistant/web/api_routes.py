"""The JSON API: the CLI's verbs over HTTP, with the contract's shapes.

    POST /api/reports                 multipart `file`, or JSON {"text": …}  → 201 {"id", …check object…}
    GET  /api/reports/{id}            the stored review (drafts with the reviewer's edits)
    POST /api/reports/{id}/ask        {"question": …}                         → the ask object
    GET  /api/reports/{id}/source     ?start=&end=: lines and tables of the source, for the source pane
    DELETE /api/reports/{id}          the review with its bytes, drafts and chat → 204

With accounts, a reviewer reaches only their own reports (an admin every report); any other id is 404,
exactly like an id that does not exist.
"""
from typing import Literal
from urllib.parse import quote

from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from assistant.store import DRAFT_FIELDS, ReportSummary, StoredReport, User
from assistant.web.errors import Conflict, NotFound, Unprocessable
from assistant.web.exports import EXPORTS, export
from assistant.web.uploads import MODES, checked_mode, read_upload
from schemas import Answer, Draft

router = APIRouter(prefix="/api", tags=["reports"])
SOURCE_WINDOW = 300
MAX_SOURCE_WINDOW = 2000

UPLOAD_BODY = {"requestBody": {"required": True, "content": {
    "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary", "description": "报告文件 .txt/.docx/.pdf（按内容识别格式）"},
        "mode": {"type": "string", "enum": list(MODES)}}}},
    "application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
        "text": {"type": "string", "description": "报告全文"}, "name": {"type": "string"},
        "html": {"type": "string", "description": "粘贴时剪贴板中的 HTML（复制自网页、Word、Excel）：含表格时按其单元格审核"},
        "mode": {"type": "string", "enum": list(MODES)}}}},
}}}


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=500, description="关于这份报告的问题")
    mode: Literal["offline", "llm"] = "offline"


class DraftEdit(BaseModel):
    deviation_cause: str | None = Field(None, max_length=10_000)
    improvement: str | None = Field(None, max_length=10_000)


def viewer(request: Request) -> User | None:
    """The signed-in reviewer, or None when the server has no accounts (everyone sees everything)."""
    return getattr(request.state, "user", None)


def stored(request: Request, report_id: str) -> StoredReport:
    """The review `report_id`, if it exists and the viewer may see it; else NotFound, the same either way."""
    record = request.app.state.store.get(report_id)
    user = viewer(request)
    if record is None or (user is not None and not user.may_see(record.owner)):
        raise NotFound(f"找不到审核记录 {report_id}。")
    return record


def finished(request: Request, report_id: str) -> StoredReport:
    record = stored(request, report_id)
    if record.status == "running":
        raise Conflict("这份报告仍在审核中，请稍候再试。")
    if record.status == "failed":
        raise Conflict(f"这份报告审核失败：{record.error}")
    return record


def summary_json(summary: ReportSummary) -> dict:
    return {"id": summary.id, "status": summary.status, "mode": summary.mode, "file_name": summary.name,
            "sha256": summary.sha256, "unit_name": summary.unit_name, "year": summary.year,
            "counts": {"error": summary.errors, "warning": summary.warnings, "info": summary.infos},
            "created_at": summary.created_at, "updated_at": summary.updated_at, "error": summary.error}


def record_json(request: Request, record: StoredReport) -> dict:
    """Metadata, progress while running, and when done the review object with the edits applied."""
    body = summary_json(record) | {"progress": request.app.state.pipeline.progress(record)}
    if record.status == "done":
        body |= record.edited().model_dump(mode="json")
    return body


@router.post("/reports", status_code=201, openapi_extra=UPLOAD_BODY, summary="上传或粘贴一份报告并审核",
             responses={200: {"description": "Idempotency-Key 与先前的上传相同：返回那次的审核，不重复创建"},
                        202: {"description": "wait=false：已接收，后台审核中"}, 400: {}, 413: {}, 422: {}})
async def create_report(request: Request, mode: str | None = Query(None, description="template | llm"),
                        wait: bool = Query(True, description="false 时立即返回 202，后台审核"),
                        idempotency_key: str | None = Header(None, max_length=200,
                                                             description="重试同一次上传时带同一个值，不会重复创建")):
    upload = await read_upload(request)
    pipeline = request.app.state.pipeline
    report_id, created = await run_in_threadpool(pipeline.accept, upload.data, upload.name,
                                                 checked_mode(mode or upload.mode), viewer(request), idempotency_key)
    headers = {"Location": f"/api/reports/{report_id}"}
    if not created:  # a retry of an upload already received: its review as it stands, nothing new
        return JSONResponse(record_json(request, stored(request, report_id)), status_code=200, headers=headers)
    if not wait:
        pipeline.review_later(report_id)
        return JSONResponse(record_json(request, stored(request, report_id)), status_code=202, headers=headers)
    await run_in_threadpool(pipeline.review_now, report_id)
    record = finished(request, report_id)
    return JSONResponse(record_json(request, record), status_code=201, headers=headers)


@router.get("/reports", summary="历史审核列表（新的在前）")
def list_reports(request: Request, limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> list[dict]:
    return [summary_json(summary) for summary in request.app.state.store.list_reports(limit, offset, viewer(request))]


@router.get("/reports/{report_id}", summary="一份审核的完整结果")
def get_report(request: Request, report_id: str) -> dict:
    return record_json(request, stored(request, report_id))


@router.delete("/reports/{report_id}", status_code=204, summary="删除一份审核（原文件、结果、草稿修改和问答记录）")
def delete_report(request: Request, report_id: str) -> Response:
    request.app.state.pipeline.delete(stored(request, report_id).id)
    return Response(status_code=204)


@router.get("/reports/{report_id}/source", summary="报告原文的一段（按行号；表格整表给出，含单元格位置）")
def source(request: Request, report_id: str, start: int = Query(1, ge=1, description="起始行号"),
           end: int | None = Query(None, ge=1, description="结束行号（含）；最多 start + 2000")) -> Response:
    record = stored(request, report_id)
    end = min(end or start + SOURCE_WINDOW, start + MAX_SOURCE_WINDOW)
    view = request.app.state.pipeline.source(record)
    return Response(view.json_range(start, end), media_type="application/json")


@router.get("/reports/{report_id}/status", summary="审核进度")
def report_status(request: Request, report_id: str) -> dict:
    record = stored(request, report_id)
    return summary_json(record) | {"progress": request.app.state.pipeline.progress(record)}


@router.put("/reports/{report_id}/drafts/{index}", summary="修改一条审核意见草稿")
def edit_draft(request: Request, report_id: str, index: int, edit: DraftEdit) -> Draft:
    record = finished(request, report_id)
    if not 0 <= index < len(record.reviewed.drafts):
        raise NotFound(f"这份报告没有第 {index + 1} 条草稿。")
    changes = {name: getattr(edit, name) for name in DRAFT_FIELDS if getattr(edit, name) is not None}
    if not changes:
        raise Unprocessable("请提供 deviation_cause（偏差原因分析）或 improvement（改进措施）。")
    store = request.app.state.store
    for name, text in changes.items():
        store.edit_draft(report_id, index, name, text)
    return stored(request, report_id).edited().drafts[index]


@router.get("/reports/{report_id}/chat", summary="这份报告的问答记录")
def chat(request: Request, report_id: str) -> list[Answer]:
    return request.app.state.store.chat(stored(request, report_id).id)


@router.post("/reports/{report_id}/ask", summary="就这份报告提问（回答附证据）")
def ask(request: Request, report_id: str, body: AskRequest) -> Answer:
    if not body.question.strip():
        raise Unprocessable("问题不能为空。")
    return request.app.state.pipeline.ask(finished(request, report_id), body.question.strip(), body.mode)


@router.get("/reports/{report_id}/export/{fmt}", summary="导出审核意见（md / docx / json / xlsx）",
            response_class=Response)
def export_report(request: Request, report_id: str, fmt: str) -> Response:
    if fmt not in EXPORTS:
        raise NotFound(f"不支持的导出格式 {fmt}，可选：{'、'.join(EXPORTS)}。")
    record = finished(request, report_id)
    content, media_type, file_name = export(record, fmt)
    disposition = f"attachment; filename=\"selfeval-{record.id}.{fmt}\"; filename*=UTF-8''{quote(file_name)}"
    return Response(content, media_type=media_type, headers={"Content-Disposition": disposition})
