"""Chat-style questions about a report, answered with evidence (quote, line, and where it is in the original file).

    answer_question(report, document, "三公经费决算数是多少？", history=[])

Questions about the review's own results (复核得分, which indicators lost points and why …) are answered
from the review (`results.py`). Offline (default) other questions are understood by rules and answered by
the tools in `tools.py`; with mode "llm" a model drives the same tools and its numbers are verified
against what the tools returned.
"""
import re
from dataclasses import replace

from assistant.chat.offline import (answer_offline, answer_result, counterpart_gap, gap_answer, gap_share,
                                    total_answer, which_answer)
from assistant.chat.question import (RELATION_FIRST, Difference, Larger, Listing, Lookup, Question, Several, asks_gap,
                                     asks_total, asks_which, questions, requests, understand)
from assistant.chat.results import kind_of
from assistant.chat.tools import ReportTools
from assistant.chat.vocabulary import QUOTED, TABLE_NUMBER, column_words
from assistant.document import Document
from assistant.errors import BadInput
from assistant.values import printed_form
from schemas import Answer, CheckedReport

MODES = ("offline", "llm")
# A follow-up asking a difference again as a share of where it started ("增长率是多少？", "增幅呢？", "百分之几？")
RELATIVE_ONLY = re.compile(r"(?:那么?)?(?:增长|下降|增减|变化|变动)?(?:率|幅度?|百分比)(?:是|为)?(?:多少|几)?(?:呢)?"
                           r"|(?:增长|下降|增加|减少)?了?百分之(?:多少|几)(?:呢)?|增幅|降幅")
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
        picked = picked_out(understood, earlier, names)
        if picked:  # "哪个项目执行率最低？" then "它的预算呢？": 它 is the table the answer picked
            understood = replace(understood, subject=picked, resolved=picked + "".join(column_words(understood.resolved)),
                                 whole=understood.resolved)
        if understood.subject or kind_of(understood.resolved) or any(n and n in understood.resolved for n in names[0]) \
                or TABLE_NUMBER.search(understood.resolved):  # the review's results and a table are subjects too
            resolved.append(understood)
    return resolved


def picked_out(question: Question, answer: Answer, names: list[list[str]]) -> str:
    """The table and row a "which … is highest / lower / below 100%" answer chose, named as a question would
    ("药品监管专项的社会公众满意度"); "" for other questions, or when the answer names several."""
    if not isinstance(question.node, (Larger, Listing)) or isinstance(question.node, Listing) and \
            question.node.condition in (None, "each"):
        return ""
    head = answer.answer.split("\n")[0].split("：" if isinstance(question.node, Larger) else "\n")[0]
    chosen = []
    for kind in names[:2]:
        present = [n for n in kind if n and n in head]
        longest = max(present, key=len, default="")
        if longest and all(n in longest for n in present):
            chosen.append(longest)
    return "的".join(chosen)


def located(answer: Answer, document: Document) -> Answer:
    """The answer with its quotes and each piece of evidence as the lines print them (a traditional-character line in
    its own characters: the tools read the simplified copy), evidence placed in the original file (page, sheet cell,
    Word table row)."""
    items = [item.model_copy(update={"quote": printed_form(item.quote, document.line_text(item.line)),
                                     "location": item.location if item.location is not None
                                     else document.location_at(item.line)})
             for item in answer.evidence]
    lines = [document.line_text(item.line) for item in answer.evidence]
    return answer.model_copy(update={"evidence": items, "answer": QUOTED.sub(lambda quote: as_printed(quote, lines),
                                                                                  answer.answer)})


def as_printed(quote: re.Match, lines: list[str]) -> str:
    """A quote of the answer ("“补助资金总额118万元”") as the first of the evidence lines holding it prints it."""
    said = quote.group(1)
    printed = next((form for line in lines if (form := printed_form(said, line)) != said), said)
    return quote.group().replace(said, printed)


def answer_question(report: CheckedReport, document: Document, question: str, history: list[Answer],
                    mode: str = "offline") -> Answer:
    """Answer one question about a report; `history` (earlier answers, oldest first) resolves follow-ups.
    A question making several requests ("执行率是多少，扣了几分？") answers each, the later ones as follow-ups of
    the earlier; a part a later one restates ("列出扣分的指标，并说明原因": the list, then the list with reasons) is
    given once. Its value is that of the last request giving one. Questions asked one after another ("公用经费是多少？
    占基本支出多少？") are answered in turn, the value the first's: what follows asks more of it."""
    asked = questions(question or "")
    if len(asked) > 1:
        answers: list[Answer] = []
        for one in asked:
            answers.append(answer_question(report, document, one, history + answers, mode))
        return combined(question, answers, first=True)
    answers = []
    for request in requests(question or ""):
        answers.append(understood_answer(report, document, request, history + answers, mode))
    return located(answers[0], document) if len(answers) == 1 else located(combined(question, answers), document)


def combined(question: str, answers: list[Answer], first: bool = False) -> Answer:
    """One answer of several parts, a part a later one restates left out; its value the last part's giving one (the
    first's, `first`)."""
    shown = [a for i, a in enumerate(answers) if not any(restates(later, a) for later in answers[i + 1:])]
    valued = [a for a in answers if a.value is not None] or answers
    lines: list[str] = []
    for part in (a.answer.split("\n") for a in shown):  # a table a later part shows again is shown once
        lines += [line for line in part if not (line.startswith("|") and line in lines)]
    return (valued[0] if first else valued[-1]).model_copy(update={
        "question": question, "answer": "\n".join(lines),
        "evidence": list({(e.quote, e.line): e for a in shown for e in a.evidence}.values())})


def restates(later: Answer, earlier: Answer) -> bool:
    """Whether a later part of an answer stands on every piece of evidence an earlier part gave: it says that part
    again (a list, then the same list with reasons; a figure, then why it is so)."""
    ours = {(e.quote, e.line) for e in earlier.evidence}
    other_figure = None not in (earlier.value, later.value) and earlier.value != later.value  # 1119起, then its 171起
    return bool(ours) and ours <= {(e.quote, e.line) for e in later.evidence} and not other_figure


def understood_answer(report: CheckedReport, document: Document, question: str, history: list[Answer],
                      mode: str) -> Answer:
    """The answer, its evidence quoted by line."""
    if mode not in MODES:
        raise BadInput(f"未知的问答模式：{mode}（可选 offline、llm）。")
    if not question or not question.strip():
        raise BadInput("问题为空。")
    tools = tools_for(report, document)
    names = tools.names
    earlier = resolve_history(history, names)
    last = earlier[-1] if earlier and history and earlier[-1].text == history[-1].question else None
    if asks_gap(question) and last is not None and isinstance(last.node, Larger):  # "A和B哪个多？" then "差多少？"
        return answer_offline(tools, replace(last, text=question.strip(), node=replace(last.node, gap=True)))
    if asks_gap(question) and last is not None and isinstance(last.node, Several) and len(last.node.items) == 2:
        gap = Larger(last.node.items, last.node.names, wording="较多", gap=True)  # "A和B分别是多少？" then "差多少？"
        return answer_offline(tools, replace(last, text=question.strip(), node=gap))
    if asks_gap(question) and last is not None and isinstance(last.node, Lookup) and len(last.node.columns) == 2:
        first, second = (replace(last.node.operand, column=c, units=None) for c in last.node.columns)  # "…全年预算数和
        return answer_offline(tools, replace(last, text=question.strip(), node=Difference(first, second)))  # 执行数…？差多少
    gap = counterpart_gap(tools, question.strip(), last) if asks_gap(question) and last is not None \
        and isinstance(last.node, Lookup) and not last.node.columns else None
    if gap is not None:  # "开展抽检产商品批次完成了多少？" then "差多少？": against its 指标值
        return gap
    if last is not None and isinstance(last.node, Difference) and not last.node.relative \
            and RELATIVE_ONLY.fullmatch(re.sub(r"[？?。！!\s]", "", question)):  # "…增长了多少？增长率是多少？"
        return answer_offline(tools, replace(last, text=question.strip(), node=replace(last.node, relative=True)))
    share = gap_share(tools, question.strip(), last) if RELATION_FIRST.match(question.strip()) and last is not None \
        and isinstance(last.node, Difference) else None
    if share is not None:  # "…比预算数少多少？" then "占预算数的百分之几？": the gap's share of that figure
        return share
    if asks_gap(question) and len(history) >= 2 and all(a.value is not None for a in history[-2:]):
        return gap_answer(question, history[-2], history[-1])
    if asks_total(question) and len(history) >= 2 and all(a.value is not None and a.unit == history[-1].unit
                                                          for a in history[-2:]) \
            and last is not None and isinstance(last.node, Lookup):  # "基本支出是多少？项目支出呢？合计多少？"
        return total_answer(question, history[-2], history[-1])
    way = asks_which(question)
    if way and last is not None and isinstance(last.node, Several) and len(last.node.items) == 2:
        pick = Larger(last.node.items, last.node.names, way in ("低", "少", "小"), f"较{way}")  # "A和B分别…？" "哪个高？"
        return answer_offline(tools, replace(last, text=question.strip(), node=pick))
    if way and len(history) >= 2 and all(a.value is not None for a in history[-2:]):
        asked = [a.question for a in history[-2:]]
        named = [q.resolved for q in earlier[-2:]] if [q.text for q in earlier[-2:]] == asked else asked
        return which_answer(question, history[-2], history[-1], way, named)
    understood = understand(question.strip(), earlier, names)
    kind = kind_of(understood.text) or kind_of(understood.resolved)
    if kind is not None:  # the review's own results come from the review, whatever the mode
        return answer_result(tools, understood, kind)
    if mode == "llm":
        from assistant.chat.llm import answer_with_llm

        return answer_with_llm(tools, understood, history)
    return answer_offline(tools, understood)
