"""The response cache: a chunk asked again of the same endpoint, model, mode, schema and prompt is answered from disk.

Only validated answers are kept. An error — an invalid or truncated answer, a refusal, a
transport failure — is never cached: the next run asks again (a larger max_tokens, a fixed
endpoint or a better model may answer it).
"""
import functools
import hashlib
import json
from pathlib import Path

import diskcache
from pydantic import BaseModel

from assistant.llm.prompts import Prompt
from assistant.llm.settings import LLMSettings


@functools.cache
def schema_hash(response_model: type[BaseModel]) -> str:
    """A response model's JSON Schema, hashed: changing the answer's shape invalidates old entries."""
    schema = json.dumps(response_model.model_json_schema(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(schema.encode("utf-8")).hexdigest()


def cache_key(settings: LLMSettings, prompt: Prompt, response_model: type[BaseModel], chunk: str) -> str:
    """Endpoint + model + mode + response-schema hash + prompt version + max_tokens + chunk."""
    parts = [settings.endpoint, settings.model, settings.mode, schema_hash(response_model),
             prompt.name, prompt.version, settings.max_tokens, chunk]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


class ResponseCache:
    def __init__(self, directory: Path):
        self.directory = directory
        self._cache = diskcache.Cache(str(directory))

    def get(self, key: str) -> dict | None:
        """The validated answer stored for a key; None when there is none."""
        return self._cache.get(key)

    def put(self, key: str, answer: dict) -> None:
        self._cache.set(key, answer)

    def stats(self) -> dict:
        return {"directory": str(self.directory), "entries": len(self._cache), "bytes": self._cache.volume()}

    def clear(self) -> int:
        """Remove every entry; returns how many there were."""
        return self._cache.clear()

    def close(self) -> None:
        self._cache.close()
