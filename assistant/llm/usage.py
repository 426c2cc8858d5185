"""What the LLM cost in this process: calls, HTTP requests, tokens, latency, cache hits.

`current_usage()` is what `selfeval eval` reports; every LLM call adds to it, and a call
served from the response cache counts as a cache hit, never as a call. Values the model
returned that grounding refused are counted too.
"""
import threading
from dataclasses import asdict, dataclass


@dataclass
class Usage:
    calls: int = 0  # calls that reached the endpoint (one per chunk, however many requests it took)
    requests: int = 0  # HTTP requests sent, retries and re-asks included
    cache_hits: int = 0
    failures: int = 0  # calls that ended without a valid answer
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_seconds: float = 0.0  # summed over calls, waiting for the endpoint
    dropped_values: int = 0  # values the model returned that are not printed in their place

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def as_dict(self) -> dict:
        return {**asdict(self), "total_tokens": self.total_tokens,
                "latency_seconds": round(self.latency_seconds, 3)}


_lock = threading.Lock()
_usage = Usage()


def record_call(requests: int, prompt_tokens: int, completion_tokens: int, latency_seconds: float,
                failed: bool) -> None:
    with _lock:
        _usage.calls += 1
        _usage.requests += requests
        _usage.prompt_tokens += prompt_tokens
        _usage.completion_tokens += completion_tokens
        _usage.latency_seconds += latency_seconds
        _usage.failures += int(failed)


def token_cost(prompt_tokens: int, completion_tokens: int, prompt_price: float, completion_price: float) -> float:
    """What tokens cost at the given prices per million prompt / completion tokens."""
    return round((prompt_tokens * prompt_price + completion_tokens * completion_price) / 1e6, 6)


def record_dropped(count: int) -> None:
    with _lock:
        _usage.dropped_values += count


def record_cache_hit() -> None:
    with _lock:
        _usage.cache_hits += 1


def current_usage() -> Usage:
    """A copy of this process's LLM usage so far."""
    with _lock:
        return Usage(**asdict(_usage))


def reset_usage() -> None:
    """Start counting afresh (an evaluation run measures its own usage)."""
    global _usage
    with _lock:
        _usage = Usage()
