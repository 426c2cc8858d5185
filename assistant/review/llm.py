"""Drafts written by an LLM from the template draft's material, kept only when grounded.

Each template draft becomes one call (prompt `prompts/review_draft.md`): the material is the
row's place, its findings, the report text the template quoted and the template draft
itself. A rewrite replaces the template only when every number in it is printed in that
material — its own finding's evidence — or derived from the row's figures
(`grounding.row_derivations`), not merely printed somewhere in the report; otherwise, or
when the model gives no valid answer, the template draft stays and a warning says why. The LLM client,
response cache and audit log are those of assistant/llm.
"""
import asyncio

from pydantic import BaseModel, Field

from assistant.errors import LLMUnavailable
from assistant.llm.calls import LLMSession, run_sync
from assistant.llm.prompts import load_prompt
from assistant.llm.settings import LLMSettings, load_settings
from assistant.review.grounding import grounded, printed_numbers, row_derivations
from assistant.review.memo import RULE_NAMES, table_name
from schemas import CheckedReport, Draft

PROMPT = "review_draft"


class DraftText(BaseModel):
    deviation_cause: str = Field(min_length=10, description="偏差原因分析")
    improvement: str = Field(min_length=10, description="改进措施")


def material(draft: Draft, report: CheckedReport) -> str:
    """What the model may use: the row's place, its findings, the quoted report text, the template draft."""
    findings = [f.message for f in report.findings if f.table == draft.table and (f.row or None) == (draft.row or None)
                and f.rule in draft.finding_rules]
    lines = [f"位置：{table_name(report, draft.table)}·{draft.row or '（整表）'}",
             f"涉及问题：{'、'.join(RULE_NAMES.get(r, r) for r in draft.finding_rules) or '得分低于分值或目标未完成'}"]
    if findings:
        lines.append("审核发现：" + "".join(dict.fromkeys(findings)))
    lines.append("报告原文摘录：")
    lines += [f"- {e.quote}" for e in draft.evidence if len(e.quote) > 6]
    lines += ["参考草稿：", f"偏差原因分析：{draft.deviation_cause}", f"改进措施：{draft.improvement}"]
    return "\n".join(lines)


def ungrounded_in_rewrite(rewrite: Draft, given: str, report: CheckedReport) -> list[str]:
    """Numbers of a rewrite neither printed in the material the model was given nor derived from its row."""
    printed = frozenset(float(n) for n in printed_numbers(given))
    derived = list(row_derivations(report, rewrite.table, rewrite.row))
    return [n for n in printed_numbers(f"{rewrite.deviation_cause}\n{rewrite.improvement}")
            if not grounded(n, printed, derived)]


def checked_rewrite(draft: Draft, answer: dict | None, error: str | None, report: CheckedReport,
                    index: int) -> tuple[Draft, str | None]:
    """The model's draft if it is grounded, else the template draft and the reason for keeping it."""
    where = f"第{index + 1}条草稿（{draft.row or table_name(report, draft.table)}）"
    if answer is None:
        return draft, f"{where}：模型未给出有效草稿（{error}），保留模板草稿。"
    text = DraftText.model_validate(answer)
    rewrite = draft.model_copy(update={"deviation_cause": text.deviation_cause.strip(),
                                       "improvement": text.improvement.strip(), "mode": "llm"})
    ungrounded = ungrounded_in_rewrite(rewrite, material(draft, report), report)
    if ungrounded:
        return draft, f"{where}：模型草稿含报告中没有、也无法由报告数据算出的数字（{'、'.join(ungrounded[:5])}），" \
                      "已弃用，保留模板草稿。"
    return rewrite, None


async def rewrite_all(settings: LLMSettings, drafts: list[Draft],
                      report: CheckedReport) -> list[tuple[Draft, str | None]]:
    prompt = load_prompt(PROMPT)
    async with LLMSession(settings) as session:
        try:
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(session.ask(prompt, material(d, report), f"review:{d.table}:{d.row}",
                                                       DraftText)) for d in drafts]
        except* LLMUnavailable as failures:
            raise failures.exceptions[0] from None
    return [checked_rewrite(draft, task.result().data, task.result().error, report, index)
            for index, (draft, task) in enumerate(zip(drafts, tasks))]


def rewrite_drafts(drafts: list[Draft], report: CheckedReport,
                   settings: LLMSettings | None = None) -> tuple[list[Draft], list[str]]:
    """LLM drafts where grounded, template drafts elsewhere, and a warning for each template kept.
    Raises LLMUnavailable (exit 3) when no endpoint is configured or it cannot be reached."""
    settings = settings or load_settings()
    if not settings.configured:
        raise LLMUnavailable("未配置 LLM 端点：请设置 SELFEVAL_LLM_BASE_URL（及 SELFEVAL_LLM_API_KEY、"
                             "SELFEVAL_LLM_MODEL），或改用 --mode template。")
    if not drafts:
        return [], []
    results = run_sync(rewrite_all(settings, drafts, report))
    return [draft for draft, _ in results], [warning for _, warning in results if warning]

