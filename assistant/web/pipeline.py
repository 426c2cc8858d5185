"""Running the review pipeline for the web: now (in the request) or later (in a background thread),
the analysis itself always in a limited child process (`worker.Worker`).

An upload is stored before it is reviewed, so a review cut short by a crash or restart is
resumed when the server starts again; one that overran its CPU or memory limit is stored as
failed and never resumed. While a review runs, `progress` says which stage it is in and for
how long, for the page to show.
"""
import logging
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

from assistant import api
from assistant.errors import SelfevalError
from assistant.store import Store, StoredReport, User
from assistant.web.source import SourceView, source_view
from assistant.web.worker import Limits, Worker
from schemas import Answer, ReviewedReport

log = logging.getLogger("selfeval.web")

STAGES = {"queued": "排队等待处理", "reviewing": "抽取、复核并起草审核意见"}
# Source views kept for the source pane, by size: a few huge reports cannot pin the server's memory.
SOURCE_CACHE_BYTES = 128 * 2**20


def read_source(data: bytes, name: str) -> SourceView:
    return source_view(api.load(data, name))


def review_upload(data: bytes, name: str, mode: str) -> ReviewedReport:
    """An upload reviewed offline ("template"), or with the configured LLM endpoint ("llm"): then the LLM also helps
    read the tables and judges the wording the rules can only approximate, as `selfeval check --extractor auto`."""
    return api.review(api.load(data, name), mode, extractor="auto" if mode == "llm" else "rules")


def answer_question(data: bytes, name: str, question: str, history: list[Answer], mode: str) -> Answer:
    return api.ask(api.load(data, name), question, history, mode)


class SourceCache:
    """Source views by report id, least recently used dropped first once they pass `limit` bytes."""

    def __init__(self, limit: int = SOURCE_CACHE_BYTES) -> None:
        self.limit = limit
        self.lock = threading.Lock()
        self.entries: OrderedDict[str, SourceView] = OrderedDict()
        self.size = 0

    def get(self, report_id: str) -> SourceView | None:
        with self.lock:
            if report_id not in self.entries:
                return None
            self.entries.move_to_end(report_id)
            return self.entries[report_id]

    def put(self, report_id: str, view: SourceView) -> None:
        with self.lock:
            self._drop(report_id)
            if view.size > self.limit:
                return
            self.entries[report_id] = view
            self.size += view.size
            while self.size > self.limit:
                self._drop(next(iter(self.entries)))

    def discard(self, report_id: str) -> None:
        with self.lock:
            self._drop(report_id)

    def _drop(self, report_id: str) -> None:
        view = self.entries.pop(report_id, None)
        self.size -= view.size if view else 0


class Pipeline:
    """Reviews stored uploads and answers questions about them, keeping source views at hand."""

    def __init__(self, store: Store, workers: int = 2, limits: Limits = Limits()) -> None:
        self.store = store
        self.worker = Worker(limits)
        self.executor = ThreadPoolExecutor(workers, thread_name_prefix="selfeval-review")
        self.lock = threading.Lock()
        self.stages: dict[str, str] = {}
        self.sources = SourceCache()

    def source(self, record: StoredReport) -> SourceView:
        """The source pane's view of a stored review (read once, then cached)."""
        view = self.sources.get(record.id)
        if view is None:
            view = self.worker.run(read_source, record.data, record.name)
            self.sources.put(record.id, view)
        return view

    def accept(self, data: bytes, name: str, mode: str, owner: User | None = None,
               idempotency_key: str | None = None) -> tuple[str, bool]:
        """Parse an upload (raising BadInput at once if it is unusable), store it: (its id, True).

        A retry with the same `idempotency_key` gives (the first upload's id, False) and stores nothing new.
        """
        owner_id = owner.id if owner else None
        if idempotency_key and (earlier := self.store.by_idempotency_key(owner_id, idempotency_key)):
            return earlier, False
        view = self.worker.run(read_source, data, name)
        report_id = self.store.start_report(data, name, mode, owner_id, idempotency_key)
        self.sources.put(report_id, view)
        with self.lock:
            self.stages.setdefault(report_id, "queued")
        return report_id, True

    def review_now(self, report_id: str) -> None:
        """Review a stored upload and store the outcome; a user error is stored, then raised."""
        self._set_stage(report_id, "reviewing")
        try:
            record = self.store.get(report_id)
            self.store.complete(report_id, self.worker.run(review_upload, record.data, record.name, record.mode))
        except SelfevalError as error:
            self.store.fail(report_id, str(error))
            raise
        except Exception:  # a bug: keep the server up and the upload stored, say so plainly
            log.exception("review %s failed", report_id)
            self.store.fail(report_id, "审核过程中发生内部错误，已记录日志。")
            raise
        finally:
            with self.lock:
                self.stages.pop(report_id, None)

    def _review_in_background(self, report_id: str) -> None:
        try:
            self.review_now(report_id)
        except Exception:  # already stored as the review's failure, for its page to show
            pass

    def review_later(self, report_id: str) -> None:
        with self.lock:
            self.stages.setdefault(report_id, "queued")
        self.executor.submit(self._review_in_background, report_id)

    def resume(self) -> list[str]:
        """Queue every review a previous process left unfinished; returns their ids."""
        unfinished = self.store.running()
        for report_id in unfinished:
            self.review_later(report_id)
        return unfinished

    def progress(self, record: StoredReport) -> dict | None:
        """How far a running review got: its stage and the seconds since upload; None once it is over."""
        if record.status != "running":
            return None
        with self.lock:
            stage = self.stages.get(record.id, "queued")
        elapsed = datetime.now(timezone.utc) - datetime.fromisoformat(record.created_at)
        return {"stage": stage, "stage_label": STAGES[stage], "elapsed_seconds": round(elapsed.total_seconds(), 1)}

    def ask(self, record: StoredReport, question: str, mode: str) -> Answer:
        """Answer a question with the review's chat so far as context, and keep it in the chat."""
        answer = self.worker.run(answer_question, record.data, record.name, question, self.store.chat(record.id), mode)
        self.store.add_answer(record.id, answer)
        return answer

    def delete(self, report_id: str) -> None:
        """Forget a review: its bytes, result, drafts and chat in the store, and its source view here."""
        self.store.delete(report_id)
        self.sources.discard(report_id)

    def _set_stage(self, report_id: str, stage: str) -> None:
        with self.lock:
            self.stages[report_id] = stage

    def start(self) -> None:
        """Resume unfinished reviews, and start the worker's forkserver now rather than at the first upload."""
        self.executor.submit(self.worker.warm_up)
        self.resume()

    def shutdown(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)

