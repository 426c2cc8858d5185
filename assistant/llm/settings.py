"""Where the LLM endpoint and its limits come from: environment, then a config file, then defaults.

Environment variables win over the config file (`SELFEVAL_LLM_CONFIG`, default
`~/.config/selfeval/llm.toml`, keys under `[llm]`); `SELFEVAL_LLM_BASE_URL` / `_API_KEY`
fall back to the OpenAI SDK's own `OPENAI_BASE_URL` / `OPENAI_API_KEY`.
"""
import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import BadInput

MODES = ("auto", "tools", "json", "md_json", "json_schema")
TOKEN_PARAMETERS = ("auto", "max_tokens", "max_completion_tokens")
# OpenAI's reasoning models take max_completion_tokens and only the default temperature
REASONING_MODELS = ("o1", "o3", "o4", "gpt-5")
MAY_BE_ZERO = ("reasks", "backoff", "confidence", "prompt_price", "completion_price")


def _home(variable: str, fallback: str) -> Path:
    return Path(os.environ.get(variable) or Path.home() / fallback)


def default_cache_dir() -> Path:
    return _home("XDG_CACHE_HOME", ".cache") / "selfeval" / "llm"


def default_log_path() -> Path:
    return _home("XDG_DATA_HOME", ".local/share") / "selfeval" / "llm-log.sqlite3"


@dataclass(frozen=True)
class LLMSettings:
    """One endpoint and how hard to try it; `configured` says whether there is one at all."""

    base_url: str | None = None
    api_key: str | None = None
    model: str = "gpt-4o-mini"
    mode: str = "auto"  # the instructor mode, or "auto": the first the endpoint accepts
    timeout: float = 120.0  # seconds per HTTP request
    attempts: int = 4  # HTTP attempts per call on timeouts, 429 and 5xx
    backoff: float = 1.0  # first wait between attempts, doubled each time
    reasks: int = 2  # extra requests with the validation error when the output is invalid
    concurrency: int = 4
    max_tokens: int = 4096
    token_parameter: str = "auto"  # how max_tokens is sent; "auto": max_completion_tokens for reasoning models
    extra_body: dict = field(default_factory=dict)  # provider settings sent as is, e.g. {"enable_thinking": false}
    chunk_chars: int = 1500  # a chunk's size in characters of report text
    confidence: float = 0.8  # hybrid: rules tables scoring below this go to the LLM (one signal of four missing)
    prompt_price: float = 0.0  # per million prompt tokens, for the cost `selfeval eval` reports
    completion_price: float = 0.0  # per million completion tokens
    cache_dir: Path = field(default_factory=default_cache_dir)
    log_path: Path = field(default_factory=default_log_path)

    @property
    def configured(self) -> bool:
        return bool(self.base_url or self.api_key)

    @property
    def endpoint(self) -> str:
        return self.base_url or "https://api.openai.com/v1"

    @property
    def reasoning_model(self) -> bool:
        name = self.model.rsplit("/", 1)[-1].lower()
        return any(name == prefix or name.startswith(prefix + "-") for prefix in REASONING_MODELS)

    def sampling(self) -> dict:
        """The request's length limit and temperature, in the parameters this model takes."""
        parameter = self.token_parameter
        if parameter == "auto":
            parameter = "max_completion_tokens" if self.reasoning_model else "max_tokens"
        options = {parameter: self.max_tokens}
        if not self.reasoning_model:
            options["temperature"] = 0
        if self.extra_body:
            options["extra_body"] = dict(self.extra_body)
        return options


# setting → (its type, the environment variables that set it, first set wins)
ENVIRONMENT: dict[str, tuple[type, tuple[str, ...]]] = {
    "base_url": (str, ("SELFEVAL_LLM_BASE_URL", "OPENAI_BASE_URL")),
    "api_key": (str, ("SELFEVAL_LLM_API_KEY", "OPENAI_API_KEY")),
    "model": (str, ("SELFEVAL_LLM_MODEL",)),
    "mode": (str, ("SELFEVAL_LLM_MODE",)),
    "timeout": (float, ("SELFEVAL_LLM_TIMEOUT",)),
    "attempts": (int, ("SELFEVAL_LLM_ATTEMPTS",)),
    "backoff": (float, ("SELFEVAL_LLM_BACKOFF",)),
    "reasks": (int, ("SELFEVAL_LLM_REASKS",)),
    "concurrency": (int, ("SELFEVAL_LLM_CONCURRENCY",)),
    "max_tokens": (int, ("SELFEVAL_LLM_MAX_TOKENS",)),
    "token_parameter": (str, ("SELFEVAL_LLM_TOKEN_PARAMETER",)),
    "extra_body": (dict, ("SELFEVAL_LLM_EXTRA_BODY",)),
    "chunk_chars": (int, ("SELFEVAL_LLM_CHUNK_CHARS",)),
    "confidence": (float, ("SELFEVAL_LLM_CONFIDENCE",)),
    "prompt_price": (float, ("SELFEVAL_LLM_PROMPT_PRICE",)),
    "completion_price": (float, ("SELFEVAL_LLM_COMPLETION_PRICE",)),
    "cache_dir": (Path, ("SELFEVAL_LLM_CACHE_DIR",)),
    "log_path": (Path, ("SELFEVAL_LLM_LOG",)),
}


def config_path() -> Path:
    return Path(os.environ.get("SELFEVAL_LLM_CONFIG") or _home("XDG_CONFIG_HOME", ".config") / "selfeval" / "llm.toml")


def read_config_file(path: Path) -> dict:
    """The `[llm]` table of the config file; {} when the file does not exist."""
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")).get("llm", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise BadInput(f"LLM 配置文件 {path} 无法解析：{error}") from error


def json_object(value) -> dict:
    """A JSON object given as a TOML table or as JSON text (`SELFEVAL_LLM_EXTRA_BODY='{"enable_thinking": false}'`)."""
    parsed = json.loads(value) if isinstance(value, str) else value
    if not isinstance(parsed, dict):
        raise ValueError("not a JSON object")
    return parsed


def converted(name: str, value) -> object:
    kind = ENVIRONMENT[name][0]
    if kind is dict:
        kind = json_object
    try:
        result = kind(value)
    except (TypeError, ValueError) as error:
        raise BadInput(f"LLM 设置 {name} 的值「{value}」无效。") from error
    if kind in (int, float) and (result < 0 or (result == 0 and name not in MAY_BE_ZERO)):
        raise BadInput(f"LLM 设置 {name} 的值「{value}」超出范围。")
    return result


def load_settings() -> LLMSettings:
    """The settings in force now (read afresh on every call, so tests and users can change them)."""
    values = {key: value for key, value in read_config_file(config_path()).items() if value not in (None, "")}
    unknown = set(values) - set(ENVIRONMENT)
    if unknown:
        raise BadInput(f"LLM 配置文件含未知的设置：{', '.join(sorted(unknown))}。")
    for name, (_, variables) in ENVIRONMENT.items():
        found = next((os.environ[v] for v in variables if os.environ.get(v)), None)
        if found is not None:
            values[name] = found
    settings = LLMSettings(**{name: converted(name, value) for name, value in values.items()})
    if settings.mode not in MODES:
        raise BadInput(f"SELFEVAL_LLM_MODE 只能是 {' | '.join(MODES)}，而不是「{settings.mode}」。")
    if settings.token_parameter not in TOKEN_PARAMETERS:
        raise BadInput(f"SELFEVAL_LLM_TOKEN_PARAMETER 只能是 {' | '.join(TOKEN_PARAMETERS)}，"
                       f"而不是「{settings.token_parameter}」。")
    return settings
