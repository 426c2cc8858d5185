"""A scripted OpenAI-compatible chat-completions server on loopback, for the LLM tests.

It answers each chunk from an oracle — a sample's gold labels, restricted to what the chunk
shows; for the wording judge's questions (notes, indicator/figure pairings) a `WordingOracle` the
test wrote from reading the report — in whatever structured mode the request asks for (a forced tool call, JSON mode, a
```json block), and injects faults from a script, one per request in order:

  "429"        Too Many Requests with Retry-After: 0        "500"  an internal error
  "timeout"    answers after the client has given up          "slow" answers late but in time
  "malformed"  a tool call whose arguments are cut-off JSON   "missing" an answer without its required fields
  "invent"     a correct answer plus numbers and figures the chunk does not contain
  "ok"         the oracle's answer                         "bad_parameter" a 400 refusing max_tokens, as OpenAI
                                                            answers for its reasoning models

`default` is the fault for requests after the script; `refuse_tools` makes it reject any
request with tools (400), as servers without tool support do. Every request body is kept.
Each answer reports 100 prompt and 10 completion tokens.
"""
import hashlib
import json
import os
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self

import pytest

from assistant.values import normalize_text
from schemas.gold import GoldReport

PROMPT_TOKENS, COMPLETION_TOKENS = 100, 10
INVENTED = 4321.77


KINDS = {"table": "table", "text": "section", "notes": "notes", "figures": "figures"}
NOTE = re.compile(r"说明(\d+)：(.*)")
INDICATOR = re.compile(r"指标(\d+)：(.*)")
CANDIDATE = re.compile(r"\s*候选(\d+)：(.*)")


CHUNK = re.compile(r"<(table|text|notes|figures)-(\w+)>\n(.*)\n</\1-\2>", re.S)
REWORDED = "经复核，"


def chunk_of(body: dict) -> tuple[str, str]:
    """("table" | "section" | "notes" | "figures", the chunk text) of a request: the user message's delimited text."""
    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    match = CHUNK.search(user)
    return KINDS[match.group(1)], match.group(3)


@dataclass
class WordingOracle:
    """A faithful wording judge, written by a test from reading the report: `causes` maps words of a deviation
    note to the cause it states, quoted from it (every other note states none); `names` maps an indicator's
    name to the words the narrative calls it by before the figure."""

    causes: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def answer(self, kind: str, chunk: str) -> dict:
        if kind == "notes":
            verdicts = []
            for number, note in (NOTE.match(line).groups() for line in chunk.splitlines()):
                cause = next((cause for words, cause in self.causes.items() if words in note), None)
                verdicts.append({"note": int(number), "states_cause": cause is not None, "cause": cause})
            return {"verdicts": verdicts}
        choices, called = [], None
        for line in chunk.splitlines():
            if indicator := INDICATOR.match(line):
                choices.append({"indicator": int(indicator.group(1)), "figures": []})
                called = self.names.get(indicator.group(2))
            elif (candidate := CANDIDATE.match(line)) and called and called in candidate.group(2).split("【")[0]:
                choices[-1]["figures"].append(int(candidate.group(1)))
        return {"choices": choices}


def unfounded(kind: str, chunk: str) -> dict:
    """A wording judge no answer of which may be believed: every note "states a cause" it does not contain,
    plus a verdict on a note that was not asked; every indicator is paired with the candidates listed under
    the others and with one that does not exist."""
    if kind == "notes":
        numbers = [int(NOTE.match(line).group(1)) for line in chunk.splitlines()]
        return {"verdicts": [{"note": n, "states_cause": True, "cause": "因上级资金未及时拨付"} for n in numbers]
                + [{"note": len(numbers) + 1, "states_cause": False, "cause": None}]}
    listed: dict[int, list[int]] = {}
    for line in chunk.splitlines():
        if indicator := INDICATOR.match(line):
            current = listed.setdefault(int(indicator.group(1)), [])
        elif candidate := CANDIDATE.match(line):
            current.append(int(candidate.group(1)))
    every = [n for numbers in listed.values() for n in numbers]
    return {"choices": [{"indicator": i, "figures": [n for n in every if n not in own] + [len(every) + 1]}
                        for i, own in listed.items()]}


def shown(text, chunk: str) -> bool:
    return bool(text) and normalize_text(str(text)) in normalize_text(chunk)


def shown_or_none(text, chunk: str):
    return text if shown(text, chunk) else None


def fund_answer(line: dict | None, chunk: str) -> dict | None:
    if not line or not shown(line["label"], chunk):
        return None
    return {key: line[key] for key in ("label", "initial_budget", "full_year_budget", "executed", "weight",
                                       "execution_rate", "score")}


def table_answer(gold: dict, chunk: str) -> dict:
    """The gold table this chunk shows most of, limited to the rows it shows; {"kind": "other"} for none."""
    def overlap(table: dict) -> int:
        return (10 * shown(table["name"], chunk) + sum(shown(i["level3"], chunk) and shown(i["actual"], chunk)
                                                       for i in table["indicators"])
                + sum(len(r["label"]) > 1 and shown(r["label"], chunk) for r in table["rows"]))

    table = max(gold["tables"], key=overlap, default=None)
    if table is None or not overlap(table):
        return {"kind": "other"}
    return {
        "kind": table["kind"], "title": shown_or_none(table["title"], chunk),
        "name": shown_or_none(table["name"], chunk),
        "funds_total": fund_answer(table["funds_total"], chunk),
        "fund_lines": [f for f in (fund_answer(line, chunk) for line in table["fund_lines"]) if f],
        "breakdown": [{"label": k, "value": v} for k, v in table["breakdown"].items() if shown(k, chunk)],
        "expected_goal": shown_or_none(table["goals"]["expected"], chunk),
        "achieved_goal": shown_or_none(table["goals"]["achieved"], chunk),
        "indicators": [{**{k: i[k] for k in ("level3", "target", "actual", "weight", "score", "deviation_note")},
                        "level1": shown_or_none(i["level1"], chunk), "level2": shown_or_none(i["level2"], chunk)}
                       for i in table["indicators"] if all(shown(i[k], chunk) for k in ("level3", "target", "actual")
                                                           if i[k])],
        "rows": [{"label": r["label"], "values": r["values"]} for r in table["rows"] if shown(r["label"], chunk)],
        "total_weight": table["total_weight"] if "总分" in chunk else None,
        "total_score": table["total_score"] if "总分" in chunk else None,
    }


def section_answer(gold: dict, chunk: str) -> dict:
    return {"unit_name": shown_or_none(gold["unit_name"], chunk),
            "year": gold["year"] if shown(f"{gold['year']}年", chunk) else None,
            "figures": [{k: f[k] for k in ("label", "value", "unit", "quote")}
                        for f in gold["figures"] if shown(f["quote"], chunk)]}


def invented(kind: str, answer: dict) -> dict:
    """The answer with made-up values: a score and a whole indicator, or a figure and a quote."""
    if kind == "table" and answer["kind"] != "other":
        indicators = [dict(i) for i in answer.get("indicators", [])]
        if indicators:
            indicators[0]["score"] = INVENTED
        indicators.append({"level3": "凭空捏造的指标", "target": "≥99%", "actual": "99%", "weight": 5, "score": 5})
        return {**answer, "indicators": indicators, "total_score": INVENTED}
    figures = list(answer.get("figures", []))
    figures.append({"label": "捏造支出", "value": INVENTED, "unit": "万元", "quote": f"捏造支出{INVENTED}万元"})
    if figures[0] is not figures[-1]:
        figures[0] = {**figures[0], "value": INVENTED}
    return {**answer, "figures": figures}


class LoopbackServer:
    """An OpenAI-compatible endpoint on a free loopback port, served from a thread inside `with`; a subclass says
    how it answers (`_handler`)."""

    def __init__(self) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> Self:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()


class ScriptedLLM(LoopbackServer):
    """Start with `with ScriptedLLM(gold) as server:`; point SELFEVAL_LLM_BASE_URL at `server.url`."""

    def __init__(self, gold: dict, script: list[str] | None = None, default: str = "ok",
                 refuse_tools: bool = False, delay: float = 2.0, wording: WordingOracle | None = None):
        self.gold = GoldReport.model_validate(gold).model_dump()
        self.wording = wording or WordingOracle()
        self.script = list(script or [])
        self.default = default
        self.refuse_tools = refuse_tools
        self.delay = delay  # how long "timeout" and "slow" make the client wait
        self.requests: list[dict] = []
        self.faults: list[str] = []
        self.in_flight = self.most_in_flight = 0
        self._lock = threading.Lock()
        super().__init__()

    def next_fault(self, body: dict) -> str:
        with self._lock:
            self.requests.append(body)
            fault = self.script.pop(0) if self.script else self.default
            self.faults.append(fault)
            return fault

    def record(self, body: dict) -> str:
        """Keep a request that no scripted fault is aimed at; it gets the oracle's answer."""
        with self._lock:
            self.requests.append(body)
            self.faults.append("ok")
            return "ok"

    def answer(self, kind: str, chunk: str) -> dict:
        """The oracle's answer to one chunk."""
        if kind == "table":
            return table_answer(self.gold, chunk)
        if kind == "section":
            return section_answer(self.gold, chunk)
        return self.wording.answer(kind, chunk)

    def count_in_flight(self, change: int) -> None:
        with self._lock:
            self.in_flight += change
            self.most_in_flight = max(self.most_in_flight, self.in_flight)

    def reply(self, body: dict) -> tuple[int, dict, dict]:
        """(status, headers, JSON body) for one request."""
        fault = self.next_fault(body)
        if self.refuse_tools and "tools" in body:
            return 400, {}, {"error": {"message": "tools are not supported by this model", "type": "invalid_request"}}
        if fault == "429":
            return 429, {"Retry-After": "0"}, {"error": {"message": "rate limited", "type": "rate_limit"}}
        if fault == "500":
            return 500, {}, {"error": {"message": "internal error", "type": "server_error"}}
        if fault == "bad_parameter":
            return 400, {}, {"error": {"message": "Unsupported parameter: 'max_tokens' is not supported with this "
                                                  "model. Use 'max_completion_tokens' instead.",
                                       "type": "invalid_request_error", "param": "max_tokens"}}
        if fault in ("timeout", "slow"):
            time.sleep(self.delay)
        kind, chunk = chunk_of(body)
        answer = self.answer(kind, chunk)
        if fault == "invent":
            answer = invented(kind, answer)
        if fault == "missing":
            answer = {"indicators": [{"level3": 1}]} if kind == "table" else {"figures": [{"value": 1}]}
        arguments = json.dumps(answer, ensure_ascii=False)
        if fault == "malformed":
            arguments = arguments[: len(arguments) // 2]
        return 200, {}, completion(body, arguments)

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.count_in_flight(+1)
                try:
                    status, headers, payload = server.reply(body)
                finally:
                    server.count_in_flight(-1)
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                try:
                    self.send_response(status)
                    for name, value in {**headers, "Content-Type": "application/json",
                                        "Content-Length": str(len(data))}.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting ("timeout")

            def log_message(self, *args) -> None:
                pass

        return Handler


class ScriptedReviewer(ScriptedLLM):
    """Answers a review_draft request by rewording the material's template draft; faults as in ScriptedLLM,
    and "invent" adds a number the report does not print. Drafts are sent concurrently, so a fault is
    aimed by content: `aim` is texts that together occur in the one material the script applies to (None:
    the script applies in arrival order). Extraction and wording requests get ScriptedLLM's answers."""

    aim: tuple[str, ...] | None = None

    def reply(self, body: dict) -> tuple[int, dict, dict]:
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        if CHUNK.search(user):
            return super().reply(body)  # a table, a section or a wording question: the oracle answers it
        fault = self.next_fault(body) if self.aim is None or all(part in user for part in self.aim) else self.record(body)
        if fault == "500":
            return 500, {}, {"error": {"message": "internal error", "type": "server_error"}}
        cause = re.search(r"^偏差原因分析：(.*)$", user, re.M).group(1)
        improvement = re.search(r"^改进措施：(.*)$", user, re.M).group(1)
        answer = {"deviation_cause": REWORDED + cause, "improvement": improvement}
        if fault == "invent":
            answer["deviation_cause"] += f"另经测算，相关损失约{INVENTED}万元。"
        if fault == "missing":
            answer = {"deviation_cause": "无"}
        return 200, {}, completion(body, json.dumps(answer, ensure_ascii=False))



def completion(body: dict, arguments: str) -> dict:
    """A chat completion carrying `arguments` as the request's mode expects them."""
    if "tools" in body:
        name = body["tools"][0]["function"]["name"]
        message = {"role": "assistant", "content": None,
                   "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": name, "arguments": arguments}}]}
    elif body.get("response_format"):
        message = {"role": "assistant", "content": arguments}
    else:
        message = {"role": "assistant", "content": f"```json\n{arguments}\n```"}
    return {
        "id": "chatcmpl-scripted", "object": "chat.completion", "created": int(time.time()), "model": body["model"],
        "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls" if "tools" in body else "stop"}],
        "usage": {"prompt_tokens": PROMPT_TOKENS, "completion_tokens": COMPLETION_TOKENS,
                  "total_tokens": PROMPT_TOKENS + COMPLETION_TOKENS},
    }


@pytest.fixture
def llm_env(tmp_path, monkeypatch):
    """An LLM configuration of the test's own: no inherited endpoint, cache and log under tmp_path,
    quick retries. Returns a function pointing the configuration at a server URL."""
    for name in list(os.environ):
        if name.startswith(("SELFEVAL_LLM_", "OPENAI_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SELFEVAL_LLM_CONFIG", str(tmp_path / "llm.toml"))
    monkeypatch.setenv("SELFEVAL_LLM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SELFEVAL_LLM_LOG", str(tmp_path / "llm-log.sqlite3"))
    monkeypatch.setenv("SELFEVAL_LLM_BACKOFF", "0.01")
    monkeypatch.setenv("SELFEVAL_LLM_MODEL", "scripted")

    def point_at(url: str) -> None:
        monkeypatch.setenv("SELFEVAL_LLM_BASE_URL", url)

    return point_at


def swapped(record: dict, pairs) -> dict:
    """The record with each pair of fields exchanged (a value put in its neighbour's column)."""
    record = dict(record)
    for a, b in pairs:
        record[a], record[b] = record.get(b), record.get(a)
    return record


FUND_SWAPS = (("initial_budget", "executed"), ("weight", "score"))
INDICATOR_SWAPS = (("target", "actual"), ("weight", "score"))
WRONG_KIND = {"project": "department_overall", "department_overall": "project", "basic_data": "project"}


def misplaced(kind: str, answer: dict) -> dict:
    """The faithful answer with every value put where it does not belong: columns swapped, the table kind
    wrong, 总分 weight and score exchanged, breakdown amounts moved to the next label, basic-data values
    reversed, an invented indicator; in a section, each figure's label and number shifted to the next."""
    if kind == "section":
        figures = answer["figures"]
        return {**answer, "figures": [{**f, "label": figures[i - 1]["label"], "value": figures[i - 1]["value"]}
                                      for i, f in enumerate(figures)] if len(figures) > 1 else figures}
    if answer["kind"] == "other":
        return answer
    breakdown = answer["breakdown"]
    return {
        **swapped(answer, (("total_weight", "total_score"),)),
        "kind": WRONG_KIND[answer["kind"]],
        "funds_total": swapped(answer["funds_total"], FUND_SWAPS) if answer["funds_total"] else None,
        "fund_lines": [swapped(line, FUND_SWAPS) for line in answer["fund_lines"]],
        "breakdown": [{**item, "value": breakdown[i - 1]["value"]} for i, item in enumerate(breakdown)]
        if len(breakdown) > 1 else breakdown,
        "indicators": [swapped(i, INDICATOR_SWAPS) for i in answer["indicators"]]
        + [{"level3": "凭空捏造的指标", "target": "≥99%", "actual": "99%", "weight": 5, "score": 5}],
        "rows": [{**row, "values": row["values"][::-1]} for row in answer["rows"]],
    }


class AdversarialLLM(ScriptedLLM):
    """A model that answers every chunk in a schema-valid but misplaced way (see `misplaced`; the wording
    judge's questions: `unfounded`), wrapped in
    the quirks real endpoints show, chosen by the chunk's content so concurrent requests get the same
    treatment in any order: a tool call followed by a second one, JSON in a ``` fence after <think> text
    holding another JSON, or — on the first ask only — JSON cut off mid-way (then re-asked)."""

    QUIRKS = ("two_tool_calls", "think_and_fence", "truncated")

    def reply(self, body: dict) -> tuple[int, dict, dict]:
        self.next_fault(body)
        kind, chunk = chunk_of(body)
        wrong = misplaced(kind, self.answer(kind, chunk)) if kind in ("table", "section") else unfounded(kind, chunk)
        arguments = json.dumps(wrong, ensure_ascii=False)
        quirk = self.QUIRKS[int(hashlib.sha256(chunk.encode("utf-8")).hexdigest(), 16) % len(self.QUIRKS)]
        reasked = len(body["messages"]) > 2
        if quirk == "truncated" and not reasked:
            return 200, {}, completion(body, arguments[: len(arguments) // 2])
        reply = completion(body, arguments)
        message = reply["choices"][0]["message"]
        if quirk == "two_tool_calls" and "tools" in body:
            second = json.loads(json.dumps(message["tool_calls"][0]))
            second["id"] = "call_2"
            message["tool_calls"].append(second)
        elif quirk == "think_and_fence" and "tools" not in body:
            message["content"] = f'<think>先写 {{"kind": "other"}} 试试</think>\n```json\n{arguments}\n```'
        return 200, {}, reply
