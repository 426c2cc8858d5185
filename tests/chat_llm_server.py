"""A loopback OpenAI-compatible server playing a model that answers questions with the chat tools.

It reads the tool results in the request's material and moves like a careful model would:
first a `lookup` for the question's words, then an answer built from the first lookup
result. Its `behaviour` changes the answer:

  "honest"   the looked-up value, with its line           "invent"  a made-up number instead
  "silent"   never answers, only asks for more lookups    "broken"  answers that are not valid JSON

Every request body is kept, so tests can see what the model was shown.
"""
import json
import re
from http.server import BaseHTTPRequestHandler

from tests.llm_server import LoopbackServer, completion

INVENTED = 4321.77
RESULT = re.compile(r"^\[\d+\] (?P<tool>\w+) (?P<arguments>\{.*?\}) → (?P<output>\{.*\})$", re.M)


def material(body: dict) -> str:
    return next(m["content"] for m in body["messages"] if m["role"] == "user")


def question_of(text: str) -> str:
    return re.search(r"<question>(.*?)</question>", text, re.S).group(1)


def tool_results(text: str) -> list[tuple[str, dict]]:
    return [(m.group("tool"), json.loads(m.group("output"))) for m in RESULT.finditer(text)]


class ScriptedChatModel(LoopbackServer):
    """Start with `with ScriptedChatModel("honest") as server:`; point SELFEVAL_LLM_BASE_URL at `server.url`."""

    def __init__(self, behaviour: str = "honest"):
        self.behaviour = behaviour
        self.requests: list[dict] = []
        super().__init__()

    def move(self, text: str) -> dict:
        """The model's next step, as ChatStep JSON."""
        lookups = [output for tool, output in tool_results(text) if tool == "lookup"]
        if self.behaviour == "silent" or not lookups:
            return {"tool_calls": [{"tool": "lookup", "arguments": {"name": question_of(text)}}]}
        best = (lookups[0].get("results") or [{}])[0]
        if self.behaviour == "invent":
            return {"tool_calls": [], "answer": f"该数字为{INVENTED}万元。", "value": INVENTED, "unit": "万元"}
        return {"tool_calls": [], "answer": f"{best.get('name')}为{best.get('value')}{best.get('unit') or ''}"
                                            f"（第{best.get('line')}行）。", "value": best.get("value"),
                "unit": best.get("unit")}

    def reply(self, body: dict) -> dict:
        self.requests.append(body)
        arguments = json.dumps(self.move(material(body)), ensure_ascii=False)
        if self.behaviour == "broken":
            arguments = arguments[: len(arguments) // 2]
        return completion(body, arguments)

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                data = json.dumps(server.reply(body), ensure_ascii=False).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        return Handler
