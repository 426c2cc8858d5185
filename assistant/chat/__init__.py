"""Chat-style questions about a report, answered with evidence (quote + line).

    answer_question(report, document, "三公经费决算数是多少？", history=[])

Questions about the review's own results (复核得分, which indicators lost points and why …) are answered
from the review (`results.py`). Offline (default) other questions are understood by rules and answered by
the tools in `tools.py`; with mode "llm" a model drives the same tools and its numbers are verified
against what the tools returned.
"""
from assistant.chat.offline import answer_offline, answer_result
from assistant.chat.question import Question, understand
from assistant.chat.results import kind_of
from assistant.chat.tools import ReportTools
from assistant.document import Document
from assistant.errors import BadInput
from schemas import Answer, CheckedReport

MODES = ("offline", "llm")
# The tools of the last few reports asked about, so a conversation indexes its report once.
_recent: list[tuple[CheckedReport, Document, ReportTools]] = []


def tools_for(report: CheckedReport, document: Document) -> ReportTools:
    """The tools over this report, built once per document and report (an equal report, checked anew
    for the next question of a conversation, reuses them)."""
    for known_report, known_document, tools in _recent:
        if known_document is document and (known_report is report or known_report == report):
            return tools
    tools = ReportTools(report, document)
    _recent[:] = [(report, document, tools)] + _recent[:3]
    return tools


def resolve_history(history: list[Answer], names: list[list[str]]) -> list[Question]:
    """The conversation's questions, each resolved against those before it; a question about nothing
    ("？？？") is left out, so the subject stays what it was."""
    resolved: list[Question] = []
    for earlier in history:
        understood = understand(earlier.question, resolved, names)
        if understood.subject:
            resolved.append(understood)
    return resolved


def answer_question(report: CheckedReport, document: Document, question: str, history: list[Answer],
                    mode: str = "offline") -> Answer:
    """Answer one question about a report; `history` (earlier answers, oldest first) resolves follow-ups."""
    if mode not in MODES:
        raise BadInput(f"未知的问答模式：{mode}（可选 offline、llm）。")
    if not question or not question.strip():
        raise BadInput("问题为空。")
    tools = tools_for(report, document)
    names = tools.names()
    understood = understand(question.strip(), resolve_history(history, names), names)
    kind = kind_of(understood.text) or kind_of(understood.resolved)
    if kind is not None:  # the review's own results come from the review, whatever the mode
        return answer_result(tools, understood, kind)
    if mode == "llm":
        from assistant.chat.llm import answer_with_llm

        return answer_with_llm(tools, understood, history)
    return answer_offline(tools, understood)
