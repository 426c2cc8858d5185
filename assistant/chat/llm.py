"""LLM mode: a model answers by calling the report's tools in a loop; its numbers are verified.

Each step is one structured call (prompt `prompts/chat_answer.md`) through assistant/llm, so
the response cache, audit log, retries and structured-output modes are the project's own.
The material is the question, the conversation so far and every tool result — the first
being the offline rules' answer; the model either asks for tools (run by `ReportTools.call`)
or answers. Every number of the final answer must come from a tool result
(`verify.unverified_numbers`); otherwise the answer is kept but marked unverified.
"""
import json
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from assistant.chat.offline import answer_offline
from assistant.chat.question import Question
from assistant.chat.tools import ReportTools
from assistant.chat.verify import unverified_numbers
from assistant.errors import LLMUnavailable
from assistant.llm.calls import LLMSession, run_sync
from assistant.llm.prompts import load_prompt
from assistant.llm.settings import LLMSettings, load_settings
from assistant.review.grounding import printed_numbers
from schemas import Answer, Evidence

PROMPT = "chat_answer"
MAX_STEPS = 5
MAX_CALLS = 4  # tools run per step
HISTORY_TURNS = 4


class ToolRequest(BaseModel):
    tool: Literal["lookup", "search", "calculate", "findings", "tables"]
    arguments: dict = Field(default_factory=dict)


class ChatStep(BaseModel):
    """One move of the model: the tools to run next, or the final answer."""

    tool_calls: list[ToolRequest] = Field(default_factory=list, description="要运行的工具；给出最终答案时为空")
    answer: str | None = Field(None, description="最终答案；请求工具时为空")
    value: float | None = Field(None, description="答案的数值，没有时为 null")
    unit: str | None = None

    @model_validator(mode="after")
    def tools_or_answer(self) -> "ChatStep":
        if not self.tool_calls and not (self.answer or "").strip():
            raise ValueError("tool_calls 和 answer 不能都为空")
        return self


@dataclass
class ToolResult:
    tool: str
    arguments: dict
    output: dict


def material(question: Question, history: list[Answer], results: list[ToolResult]) -> str:
    """What the model sees: the question, recent turns, and every tool result so far."""
    asked = question.text if question.resolved == question.text else f"{question.text}（即：{question.resolved}）"
    lines = [f"<question>{asked}</question>"]
    if history:
        lines += ["<conversation>"] + [f"问：{a.question}\n答：{a.answer}" for a in history[-HISTORY_TURNS:]] \
            + ["</conversation>"]
    lines.append("<results>")
    lines += [f"[{i}] {r.tool} {json.dumps(r.arguments, ensure_ascii=False)} → "
              f"{json.dumps(r.output, ensure_ascii=False)}" for i, r in enumerate(results, 1)]
    lines.append("</results>")
    return "\n".join(lines)


def rules_result(offline: Answer) -> ToolResult:
    return ToolResult("rules", {}, {"answer": offline.answer, "value": offline.value, "unit": offline.unit,
                                   "evidence": [e.model_dump() for e in offline.evidence]})


async def converse(settings: LLMSettings, tools: ReportTools, question: Question, history: list[Answer],
                   offline: Answer) -> tuple[ChatStep | None, list[ToolResult], str | None]:
    """Run the loop: (the final move or None, every tool result, why there is no move)."""
    prompt = load_prompt(PROMPT)
    results = [rules_result(offline)]
    async with LLMSession(settings) as session:
        for step in range(MAX_STEPS):
            reply = await session.ask(prompt, material(question, history, results), f"chat:{step}", ChatStep)
            if reply.data is None:
                return None, results, reply.error
            move = ChatStep.model_validate(reply.data)
            if not move.tool_calls:
                return move, results, None
            results += [ToolResult(c.tool, c.arguments, tools.call(c.tool, c.arguments))
                        for c in move.tool_calls[:MAX_CALLS]]
    return None, results, f"{MAX_STEPS}步内未给出答案"


def cited(results: list[ToolResult], move: ChatStep) -> list[Evidence]:
    """The quotes (with lines) of tool results that hold a number the answer states."""
    stated = {float(n) for n in printed_numbers(move.answer or "")}
    if move.value is not None:
        stated.add(move.value)
    items: dict[tuple, Evidence] = {}

    def walk(item) -> None:
        if isinstance(item, dict):
            quote, line = item.get("quote"), item.get("line")
            numbers = {float(n) for n in printed_numbers(str(quote or ""))} | (
                {float(item["value"])} if isinstance(item.get("value"), (int, float)) else set())
            if isinstance(quote, str) and quote and numbers & stated:
                items.setdefault((quote, line), Evidence(quote=quote, line=line if isinstance(line, int) else None))
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk([r.output for r in results])
    return list(items.values())


def answer_with_llm(tools: ReportTools, question: Question, history: list[Answer],
                    settings: LLMSettings | None = None) -> Answer:
    """The model's answer, verified; the offline answer (saying so) when the model gives none.
    Raises LLMUnavailable (exit 3) when no endpoint is configured or it cannot be used."""
    settings = settings or load_settings()
    if not settings.configured:
        raise LLMUnavailable("未配置 LLM 端点：请设置 SELFEVAL_LLM_BASE_URL（及 SELFEVAL_LLM_API_KEY、"
                             "SELFEVAL_LLM_MODEL），或改用 --mode offline。")
    offline = answer_offline(tools, question)
    move, results, error = run_sync(converse(settings, tools, question, history, offline))
    if move is None:
        return offline.model_copy(update={"answer": f"{offline.answer}（模型未给出有效答案：{error}；以上为离线规则的答案。）"})
    unverified = unverified_numbers(move.answer, move.value, question.resolved, [r.output for r in results])
    text = move.answer.strip()
    if unverified:
        text += f"【未核实：{'、'.join(unverified)} 未见于工具结果】"
    return Answer(question=question.text, answer=text, value=move.value, unit=move.unit,
                  evidence=cited(results, move) or offline.evidence, mode="llm",
                  verified=not unverified, unverified_numbers=unverified)
