"""The client factory: an OpenAI-compatible endpoint behind instructor, in a mode the endpoint accepts.

Endpoints differ in how they take a response schema: OpenAI, DeepSeek, DashScope/Qwen, vLLM
and llama.cpp servers take a forced tool call (TOOLS); llama-cpp-python's server rejects the
`json_schema` response format; some Ollama models have no tool support but honour JSON mode.
With mode "auto" the first mode the endpoint does not reject is used and remembered per
endpoint and model for the rest of the process. Provider quirks stay in this module:
reasoning text (`<think>…</think>`, Qwen3 and DeepSeek-R1 print it before the answer) is
removed and a ```json fence opened before instructor parses the answer, and a 400 that names a request parameter
(max_tokens, temperature, an extra_body setting) is told apart from a 400 refusing the mode.
"""
import re

import instructor
import openai

from assistant.llm.settings import LLMSettings

INSTRUCTOR_MODES = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
    "json_schema": instructor.Mode.JSON_SCHEMA,
}
AUTO_ORDER = ("tools", "json", "md_json")

_accepted: dict[tuple[str, str], str] = {}


def candidate_modes(settings: LLMSettings) -> tuple[str, ...]:
    """The modes to try in order: the configured one, or for "auto" the one known to work first."""
    if settings.mode != "auto":
        return (settings.mode,)
    known = _accepted.get((settings.endpoint, settings.model))
    return (known,) + tuple(m for m in AUTO_ORDER if m != known) if known else AUTO_ORDER


def mode_known(settings: LLMSettings, mode: str) -> bool:
    """Whether this mode has already worked for this endpoint (then a refusal is about the request, not the mode)."""
    return _accepted.get((settings.endpoint, settings.model)) == mode


def remember_mode(settings: LLMSettings, mode: str) -> None:
    _accepted[(settings.endpoint, settings.model)] = mode


THINKING = re.compile(r"<think>.*?</think>", re.S)
FENCED = re.compile(r"\A```[a-zA-Z]*\s*\n(.*?)\n?```\s*\Z", re.S)
# words of a 400 about the structured-output mode itself …
MODE_WORDS = ("tool", "function", "response_format", "json_schema", "json_object", "grammar")
# … and of one about another parameter of the request
PARAMETER_WORDS = ("max_tokens", "max_completion_tokens", "temperature", "unsupported parameter",
                   "unknown parameter", "unrecognized request argument", "extra_body", "enable_thinking")


def error_text(error: Exception) -> str:
    body = getattr(error, "body", None)
    return f"{error} {body if body is not None else ''}".lower()


def refuses_request(error: Exception) -> bool:
    """Whether the server refused the request itself: a 400/422, or a 500 that is its own request
    validation failing (llama-cpp-python's server answers an unsupported response_format so).
    Such a refusal is answered the same way every time, so it is never retried."""
    if isinstance(error, (openai.BadRequestError, openai.UnprocessableEntityError)):
        return True
    text = error_text(error)
    return isinstance(error, openai.InternalServerError) and "validation error" in text and "body" in text


def rejects_mode(error: Exception) -> bool:
    """Whether an error means "this endpoint does not take requests in this mode".

    A refused request (see `refuses_request`) is what servers answer to an unknown `tools` or
    `response_format`, unless the message names another parameter (see `rejects_parameter`).
    """
    if not refuses_request(error):
        return False
    text = error_text(error)
    return any(word in text for word in MODE_WORDS) or not rejects_parameter(error)


def rejects_parameter(error: Exception) -> bool:
    """Whether a refused request names a parameter other than the mode (so no other mode would help)."""
    if not refuses_request(error):
        return False
    text = error_text(error)
    return any(word in text for word in PARAMETER_WORDS) and not any(word in text for word in MODE_WORDS)


def plain_content(response) -> None:
    """Reasoning text removed from an answer's content and a ```json fence around it opened, before
    instructor reads the JSON (its JSON mode takes bare JSON only)."""
    for choice in getattr(response, "choices", None) or []:
        content = getattr(choice.message, "content", None)
        if not content:
            continue
        content = THINKING.sub("", content).strip()
        fenced = FENCED.match(content)
        choice.message.content = fenced.group(1) if fenced else content


def make_client(settings: LLMSettings, mode: str, http_client) -> instructor.AsyncInstructor:
    """An instructor client on `settings`' endpoint; HTTP retries are ours (tenacity), not the SDK's."""
    client = openai.AsyncOpenAI(
        base_url=settings.endpoint,
        api_key=settings.api_key or "not-needed",  # local servers take any key; the SDK insists on one
        timeout=settings.timeout,
        max_retries=0,
        http_client=http_client,
    )
    patched = instructor.from_openai(client, mode=INSTRUCTOR_MODES[mode])
    patched.on("completion:response", plain_content)
    return patched
