"""The LLM's judge of wording (see assistant/check/wording.py): the checkers' own questions, asked in batches.

1. The checkers run once with a `Recorder`, the rules' judge noting what it is asked: the notes of the rows
   that deviate, and for each indicator the narrative figures of a compatible unit that the rules did not
   pair with it but whose words share a word with its name. The checkers' conditions choose the questions,
   so none is asked that no checker needs.
2. The questions go to the endpoint in a few batched calls (prompts/judge_notes.md, prompts/judge_figures.md),
   cached, retried and re-asked as the extraction calls are (assistant/llm/calls.py).
3. Every answer is grounded before a checker sees it: "this note states a cause" needs the cause quoted
   verbatim from that note; a pairing may only choose among the numbered candidates listed under its own
   indicator, which the one narrative number reader found. The model never supplies a number, and the
   values are compared by the checkers as before. What fails is dropped and named in the warnings; a
   question left unanswered keeps the rules' answer, and so does every question when the endpoint is unusable.
"""
import asyncio
from dataclasses import dataclass, field

from assistant.check import run_checks
from assistant.check.narrative import GENERIC_BIGRAMS, bigrams
from assistant.check.wording import RulesWording, Wording
from assistant.document import Document
from assistant.errors import LLMUnavailable
from assistant.llm.answers import FigureChoices, NoteVerdicts
from assistant.llm.calls import LLMSession, run_sync
from assistant.llm.prompts import load_prompt
from assistant.llm.settings import LLMSettings, load_settings
from assistant.values import normalize_text
from schemas import Report

NOTES_PER_CALL = 20
INDICATORS_PER_CALL = 6
CANDIDATES_PER_INDICATOR = 8
CONTEXT_BEFORE, CONTEXT_AFTER = 60, 30  # characters of the clause shown around a candidate figure
# Two-character words too common in indicator names to say two things are one.
GENERIC_WORDS = GENERIC_BIGRAMS | {"满意", "意度", "合格", "格率", "覆盖", "盖率", "成率"}

FigureKey = tuple[int, int]  # a narrative figure's line and offset


def words(text: str) -> set[str]:
    return bigrams(normalize_text(text)) - GENERIC_WORDS


def one_line(text: str) -> str:
    return " ".join(text.split())


def marked(figure, clause: str, paragraph: str) -> str:
    """The clause around a figure with the figure in 【】, cut to a few dozen characters either side."""
    start = paragraph.find(clause, max(0, figure.start - len(clause)))
    if 0 <= start <= figure.start and figure.end <= start + len(clause):
        at = figure.start - start
        text = f"{clause[:at]}【{figure.text}】{clause[at + len(figure.text):]}"
        text = text[max(0, at - CONTEXT_BEFORE):at + len(figure.text) + 2 + CONTEXT_AFTER]
    else:
        text = f"{clause[:CONTEXT_BEFORE + CONTEXT_AFTER]}（数字【{figure.text}】）"
    return one_line(text)


@dataclass
class Candidate:
    key: FigureKey
    shared: int  # two-character words shared with the indicator's name
    text: str  # the clause with the figure marked


class Recorder(RulesWording):
    """The rules' judge, noting every question the checkers ask it that a wording judge could answer otherwise."""

    def __init__(self) -> None:
        super().__init__()
        self.notes: dict[str, None] = {}  # in the order asked, once each
        self.candidates: dict[str, dict[FigureKey, Candidate]] = {}

    def states_cause(self, note: str) -> bool:
        self.notes.setdefault(note)
        return super().states_cause(note)

    def speaks_of(self, indicator: str, figure, clause: str, paragraph: str) -> bool:
        paired = super().speaks_of(indicator, figure, clause, paragraph)
        shared = len(words(indicator) & words(figure.before + figure.after))
        if not paired and shared:
            key = (figure.line, figure.start)
            self.candidates.setdefault(indicator, {})[key] = Candidate(key, shared, marked(figure, clause, paragraph))
        return paired

    def figure_questions(self) -> list[tuple[str, list[Candidate]]]:
        """Each indicator with its candidates, those sharing most words with its name first."""
        return [(name, sorted(found.values(), key=lambda c: (-c.shared, c.key))[:CANDIDATES_PER_INDICATOR])
                for name, found in self.candidates.items()]


class LLMWording(RulesWording):
    """The model's grounded answers; the rules' answer where it gave none. A pairing the model makes adds to
    the rules' pairings, it never removes one."""

    def __init__(self, causes: dict[str, bool], pairs: set[tuple[str, FigureKey]], warnings: list[str]) -> None:
        super().__init__()
        self.causes, self.pairs, self.warnings = causes, pairs, warnings

    def states_cause(self, note: str) -> bool:
        return self.causes[note] if note in self.causes else super().states_cause(note)

    def speaks_of(self, indicator: str, figure, clause: str, paragraph: str) -> bool:
        return (indicator, (figure.line, figure.start)) in self.pairs \
            or super().speaks_of(indicator, figure, clause, paragraph)


@dataclass
class Verdicts:
    causes: dict[str, bool] = field(default_factory=dict)
    pairs: set[tuple[str, FigureKey]] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    def drop(self, where: str, dropped: list[str]) -> None:
        """One warning for the answers of a call that had nothing to stand on."""
        if dropped:
            self.warnings.append(f"LLM 判断（{where}）有 {len(dropped)} 个回答没有依据，已弃用，按规则判断："
                                 f"{'；'.join(dropped[:5])}{'等' if len(dropped) > 5 else ''}。")


def quoted(cause: str | None, note: str) -> bool:
    """Whether `cause` is words of `note`, copied (whitespace and width aside)."""
    words_of_cause = normalize_text(cause)
    return len(words_of_cause) >= 2 and words_of_cause in normalize_text(note)


async def ask_judge(session: LLMSession, prompt: str, chunk: str, where: str, shape):
    """(the parsed answer or None, the verdicts to fill): a call with no usable answer leaves the rules to judge."""
    answer = await session.ask(load_prompt(prompt), chunk, where, shape)
    found = Verdicts()
    if answer.data is None:
        found.warnings.append(f"LLM 判断（{where}）未得到合格回答，按规则判断：{answer.error}")
        return None, found
    return shape.model_validate(answer.data), found


async def judge_notes(session: LLMSession, notes: list[str], first: int) -> Verdicts:
    where = f"偏差说明 {first + 1}–{first + len(notes)}"
    chunk = "\n".join(f"说明{n}：{one_line(note)}" for n, note in enumerate(notes, 1))
    answer, found = await ask_judge(session, "judge_notes", chunk, where, NoteVerdicts)
    if answer is None:
        return found
    dropped = []
    for verdict in answer.verdicts:
        if not 1 <= verdict.note <= len(notes):
            dropped.append(f"不存在的说明{verdict.note}")
            continue
        note = notes[verdict.note - 1]
        if note in found.causes:
            continue
        if verdict.states_cause and not quoted(verdict.cause, note):
            dropped.append(f"称说明“{note}”讲了原因“{verdict.cause or ''}”，说明中并无此原话")
            continue
        found.causes[note] = verdict.states_cause
    found.drop(where, dropped)
    return found


async def judge_figures(session: LLMSession, questions: list[tuple[str, list[Candidate]]], first: int) -> Verdicts:
    where = f"指标与正文数字 {first + 1}–{first + len(questions)}"
    lines, numbered, mine = [], {}, {}
    for index, (name, candidates) in enumerate(questions, 1):
        lines.append(f"指标{index}：{one_line(name)}")
        for candidate in candidates:
            number = len(numbered) + 1
            numbered[number] = candidate
            mine.setdefault(index, set()).add(number)
            lines.append(f"  候选{number}：{candidate.text}")
    answer, found = await ask_judge(session, "judge_figures", "\n".join(lines), where, FigureChoices)
    if answer is None:
        return found
    dropped = []
    for choice in answer.choices:
        if not 1 <= choice.indicator <= len(questions):
            dropped.append(f"不存在的指标{choice.indicator}")
            continue
        name = questions[choice.indicator - 1][0]
        for number in choice.figures:
            if number in mine[choice.indicator]:
                found.pairs.add((name, numbered[number].key))
            else:
                dropped.append(f"指标“{name}”配对候选{number}，它不在此指标的候选数字中")
    found.drop(where, dropped)
    return found


async def ask_questions(settings: LLMSettings, recorder: Recorder) -> LLMWording:
    notes = list(recorder.notes)
    figures = recorder.figure_questions()
    async with LLMSession(settings) as session:
        try:  # at the first sign that the endpoint cannot be used, the other calls are cancelled
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(judge_notes(session, notes[i:i + NOTES_PER_CALL], i))
                         for i in range(0, len(notes), NOTES_PER_CALL)]
                tasks += [group.create_task(judge_figures(session, figures[i:i + INDICATORS_PER_CALL], i))
                          for i in range(0, len(figures), INDICATORS_PER_CALL)]
        except* LLMUnavailable as failures:
            raise failures.exceptions[0] from None
    verdicts = Verdicts()
    for found in (task.result() for task in tasks):
        verdicts.causes.update(found.causes)
        verdicts.pairs |= found.pairs
        verdicts.warnings += found.warnings
    return LLMWording(verdicts.causes, verdicts.pairs, verdicts.warnings)


def judge_wording(report: Report, document: Document, settings: LLMSettings | None = None) -> Wording:
    """The LLM's judge for this report's questions; the rules' judge, with a warning, when the endpoint is unusable."""
    recorder = Recorder()
    run_checks(report, document, recorder)
    if not recorder.notes and not recorder.candidates:
        return RulesWording()
    try:
        return run_sync(ask_questions(settings or load_settings(), recorder))
    except LLMUnavailable as error:
        rules = RulesWording()
        rules.warnings.append(f"{error}偏差说明与正文措辞仅按规则判断。")
        return rules
