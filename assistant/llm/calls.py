"""One structured LLM call per chunk: cache → bounded concurrency → retries → instructor → log.

`LLMSession.ask` returns the model's validated answer for a chunk, or the error left after
every re-ask; it raises `LLMUnavailable` when the endpoint cannot be used at all
(unreachable, refusing every mode, or still failing after the retries). Timeouts, 429 and
5xx are retried with exponential backoff (honouring Retry-After); invalid output is sent
back to the model with the validation error (instructor's re-ask). Every HTTP request's
tokens are counted, so a call's usage includes its retries and re-asks.
"""
import asyncio
import hashlib
import json
import time
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from dataclasses import dataclass

import httpx
import openai
from instructor.core import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

from assistant.errors import LLMUnavailable
from assistant.llm import usage
from assistant.llm.audit import AuditLog, CallRecord
from assistant.llm.cache import ResponseCache, cache_key
from assistant.llm.client import (candidate_modes, make_client, mode_known, refuses_request, rejects_mode,
                                  rejects_parameter, remember_mode)
from assistant.llm.prompts import Prompt
from assistant.llm.settings import LLMSettings

MAX_RETRY_AFTER = 60.0


@dataclass
class Meter:
    """HTTP requests and tokens of one call, filled in by the HTTP client's event hooks."""

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0


_meter: ContextVar[Meter | None] = ContextVar("llm_meter", default=None)


async def _count_request(request: httpx.Request) -> None:
    meter = _meter.get()
    if meter is not None:
        meter.requests += 1


async def _count_tokens(response: httpx.Response) -> None:
    meter = _meter.get()
    if meter is None or response.status_code != 200:
        return
    await response.aread()
    try:
        reported = json.loads(response.content).get("usage") or {}
    except (ValueError, AttributeError):
        return
    meter.prompt_tokens += int(reported.get("prompt_tokens") or 0)
    meter.completion_tokens += int(reported.get("completion_tokens") or 0)


class InvalidAnswer(Exception):
    """The endpoint answered, but not with a valid instance of the response model (after every re-ask)."""


class ModeRejected(Exception):
    """The endpoint refused the request's structured-output mode."""


@dataclass
class Answer:
    data: dict | None  # the validated answer (model_dump), None when the call failed
    error: str | None
    cache_hit: bool


def is_transient(error: BaseException) -> bool:
    return isinstance(error, (openai.APITimeoutError, openai.RateLimitError, openai.InternalServerError)) \
        and not refuses_request(error)


def unavailable_reason(error: BaseException) -> str:
    if isinstance(error, openai.APITimeoutError):
        return "请求多次超时"
    if isinstance(error, openai.APIConnectionError):
        return "无法连接"
    if isinstance(error, openai.RateLimitError):
        return "请求过于频繁（429），重试后仍被拒绝"
    if isinstance(error, openai.AuthenticationError):
        return "API 密钥无效（401）"
    if isinstance(error, openai.NotFoundError):
        return "地址或模型不存在（404）"
    if isinstance(error, openai.APIStatusError):
        return f"服务器返回错误（{error.status_code}）"
    return f"{type(error).__name__}: {error}"


def validation_summary(error: BaseException) -> str:
    cause = error.args[0] if error.args else error
    return " ".join(str(cause).split())[:500]


def transport_cause(error: InstructorRetryException) -> BaseException | None:
    """The transport or HTTP error that ended instructor's attempts, None when the last answer failed
    validation (instructor wraps both in InstructorRetryException)."""
    cause = error.__cause__
    return cause if isinstance(cause, (openai.APIError, httpx.HTTPError, IncompleteOutputException)) else None


class LLMSession:
    """One run's access to the endpoint: shares the HTTP client, cache, audit log and concurrency bound."""

    def __init__(self, settings: LLMSettings):
        if not settings.configured:
            raise LLMUnavailable("未配置 LLM 端点：请设置 SELFEVAL_LLM_BASE_URL（及 SELFEVAL_LLM_API_KEY、"
                                 "SELFEVAL_LLM_MODEL），或改用 --extractor rules。")
        self.settings = settings
        self.cache = ResponseCache(settings.cache_dir)
        self.log = AuditLog(settings.log_path)
        self.http = httpx.AsyncClient(event_hooks={"request": [_count_request], "response": [_count_tokens]})
        self.limit = asyncio.Semaphore(settings.concurrency)
        self.clients = {mode: make_client(settings, mode, self.http) for mode in candidate_modes(settings)}

    async def __aenter__(self) -> "LLMSession":
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self.http.aclose()
        self.cache.close()
        self.log.close()

    async def ask(self, prompt: Prompt, chunk: str, where: str, response_model: type[BaseModel]) -> Answer:
        """The model's answer for one chunk (from the cache when this endpoint, model, mode, schema and
        prompt version answered it before)."""
        key = cache_key(self.settings, prompt, response_model, chunk)
        cached = self.cache.get(key)
        if cached is not None:
            usage.record_cache_hit()
            self._log(prompt, chunk, where, None, Meter(), 0.0, True, "ok", None, cached)
            return Answer(cached, None, True)
        async with self.limit:
            return await self._call(key, prompt, chunk, where, response_model)

    async def _call(self, key: str, prompt: Prompt, chunk: str, where: str,
                    response_model: type[BaseModel]) -> Answer:
        meter = Meter()
        token = _meter.set(meter)
        started = time.monotonic()
        mode = None
        try:
            mode, result = await self._in_accepted_mode(prompt, chunk, response_model)
        except LLMUnavailable as error:
            self._finish(prompt, chunk, where, mode, meter, started, "unavailable", str(error), None)
            raise
        except InvalidAnswer as error:
            self._finish(prompt, chunk, where, mode, meter, started, "invalid", str(error), None)
            return Answer(None, str(error), False)
        finally:
            _meter.reset(token)
        data = result.model_dump(mode="json")
        self.cache.put(key, data)
        self._finish(prompt, chunk, where, mode, meter, started, "ok", None, data)
        return Answer(data, None, False)

    async def _in_accepted_mode(self, prompt: Prompt, chunk: str,
                                response_model: type[BaseModel]) -> tuple[str, BaseModel]:
        rejections = []
        for mode in candidate_modes(self.settings):
            try:
                result = await self._with_retries(mode, prompt, chunk, response_model)
            except ModeRejected as error:
                rejections.append(f"{mode}: {error}")
                continue
            except InvalidAnswer:
                remember_mode(self.settings, mode)  # the endpoint took the request; the model failed it
                raise
            remember_mode(self.settings, mode)
            return mode, result
        raise LLMUnavailable(f"LLM 端点 {self.settings.endpoint} 不接受任何结构化输出方式（"
                             f"{'；'.join(rejections)[:300]}）。可设置 SELFEVAL_LLM_MODE 指定方式。")

    async def _with_retries(self, mode: str, prompt: Prompt, chunk: str,
                            response_model: type[BaseModel]) -> BaseModel:
        """One mode: tenacity retries the transport (timeouts, 429, 5xx) around instructor's re-asks
        (an invalid answer goes back to the model with its validation error, `reasks` times)."""
        transport = AsyncRetrying(retry=retry_if_exception(is_transient), wait=self._wait,
                                  stop=stop_after_attempt(self.settings.attempts), reraise=True)
        try:
            async for attempt in transport:
                with attempt:
                    return await self._request(mode, prompt, chunk, response_model)
        except InstructorRetryException as error:
            raise InvalidAnswer(f"{error.n_attempts} 次回答均不合格：{validation_summary(error)}") from error
        except IncompleteOutputException as error:
            raise InvalidAnswer(f"回答超过 max_tokens（{self.settings.max_tokens}）被截断") from error
        except (openai.APIError, httpx.HTTPError) as error:
            if rejects_parameter(error):
                raise LLMUnavailable(f"LLM 端点 {self.settings.endpoint} 拒绝了请求参数：{validation_summary(error)}"
                                     "（可调整 SELFEVAL_LLM_TOKEN_PARAMETER 或 SELFEVAL_LLM_EXTRA_BODY）。") from error
            if not rejects_mode(error):
                raise LLMUnavailable(f"LLM 端点 {self.settings.endpoint} 不可用：{unavailable_reason(error)}。") from error
            if mode_known(self.settings, mode):  # this mode has worked here: the endpoint refused this request only
                raise InvalidAnswer(f"端点拒绝了该请求：{validation_summary(error)}") from error
            raise ModeRejected(validation_summary(error)) from error

    async def _request(self, mode: str, prompt: Prompt, chunk: str, response_model: type[BaseModel]) -> BaseModel:
        try:
            return await self.clients[mode].chat.completions.create(
                model=self.settings.model,
                response_model=response_model,
                messages=prompt.messages(chunk),
                max_retries=self.settings.reasks,
                strict=False,
                **self.settings.sampling(),
            )
        except InstructorRetryException as error:
            cause = transport_cause(error)
            if cause is None:
                raise
            raise cause from error

    def _wait(self, retry_state) -> float:
        """Exponential backoff from `settings.backoff`, or the server's Retry-After when it gives one."""
        error = retry_state.outcome.exception()
        response = getattr(error, "response", None)
        retry_after = response.headers.get("retry-after") if response is not None else None
        try:
            return min(float(retry_after), MAX_RETRY_AFTER)
        except (TypeError, ValueError):
            return self.settings.backoff * 2 ** (retry_state.attempt_number - 1)

    def _finish(self, prompt: Prompt, chunk: str, where: str, mode: str | None, meter: Meter, started: float,
                outcome: str, error: str | None, data: dict | None) -> None:
        latency = time.monotonic() - started
        usage.record_call(meter.requests, meter.prompt_tokens, meter.completion_tokens, latency, outcome != "ok")
        self._log(prompt, chunk, where, mode, meter, latency, False, outcome, error, data)

    def _log(self, prompt: Prompt, chunk: str, where: str, mode: str | None, meter: Meter, latency: float,
             cache_hit: bool, outcome: str, error: str | None, data: dict | None) -> None:
        self.log.write(CallRecord(
            endpoint=self.settings.endpoint, model=self.settings.model, mode=mode, prompt=prompt.name,
            prompt_version=prompt.version, chunk_where=where,
            chunk_sha256=hashlib.sha256(chunk.encode("utf-8")).hexdigest(), chunk=chunk,
            requests=meter.requests, prompt_tokens=meter.prompt_tokens, completion_tokens=meter.completion_tokens,
            latency_ms=round(latency * 1000, 1), cache_hit=cache_hit, outcome=outcome, error=error,
            response=json.dumps(data, ensure_ascii=False) if data is not None else None,
        ))


def run_sync(coroutine):
    """Run a coroutine to completion from sync code, also when called inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
