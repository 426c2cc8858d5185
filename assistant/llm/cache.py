"""The response cache: the same model + prompt version + chunk is answered from disk.

Entries hold the model's validated answer, or the error that remained after every
re-ask (a deterministic endpoint would fail the same way again), never a transport failure.
"""
import hashlib
import json
from pathlib import Path

import diskcache

from assistant.llm.prompts import Prompt


def cache_key(model: str, prompt: Prompt, chunk: str) -> str:
    return hashlib.sha256(json.dumps([model, prompt.name, prompt.version, chunk],
                                     ensure_ascii=False).encode("utf-8")).hexdigest()


class ResponseCache:
    def __init__(self, directory: Path):
        self.directory = directory
        self._cache = diskcache.Cache(str(directory))

    def get(self, key: str) -> dict | None:
        """{"answer": {...}} or {"error": "..."}; None when the chunk was never answered."""
        return self._cache.get(key)

    def put_answer(self, key: str, answer: dict) -> None:
        self._cache.set(key, {"answer": answer})

    def put_error(self, key: str, error: str) -> None:
        self._cache.set(key, {"error": error})

    def stats(self) -> dict:
        return {"directory": str(self.directory), "entries": len(self._cache), "bytes": self._cache.volume()}

    def clear(self) -> int:
        """Remove every entry; returns how many there were."""
        return self._cache.clear()

    def close(self) -> None:
        self._cache.close()
