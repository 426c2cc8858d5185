"""Running the review pipeline for the web: now (in the request) or later (in a background thread),
the analysis itself always in a limited child process (`worker.Worker`).

An upload is stored before it is reviewed, so a review cut short by a crash or restart is
resumed when the server starts again; one that overran its CPU or memory limit is stored as
failed and never resumed. While a review runs, `progress` says which stage it is in and for
how long, for the page to show.

An upload is read once (a scan's OCR is the costly part, with a time limit grown by its pages) and the
Document kept, so its review and every question start from it instead of reading the file again.
"""
import logging
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone

from assistant import api
from assistant.document import Document
from assistant.errors import SelfevalError
from assistant.ingest import pages_to_ocr
from assistant.store import Store, StoredReport, User
from assistant.web.source import SourceView, source_view
from assistant.web.worker import Limits, Worker
from schemas import Answer, ReviewedReport

log = logging.getLogger("selfeval.web")

STAGES = {"queued": "排队等待处理", "reviewing": "抽取、复核并起草审核意见"}
# Uploads kept as read, by size: a few huge reports cannot pin the server's memory.
READ_CACHE_BYTES = 256 * 2**20


@dataclass(frozen=True)
class ReadUpload:
    """An upload as read: the Document its review and questions start from, and the source pane's view of it."""
    document: Document
    view: SourceView

    @property
    def size(self) -> int:
        """Roughly the bytes it holds: the Document carries the view's text again, as lines and as cells."""
        return 3 * self.view.size


def read_upload(data: bytes, name: str) -> ReadUpload:
    document = api.load(data, name)
    return ReadUpload(document, source_view(document))


def review_document(document: Document, mode: str) -> ReviewedReport:
    """An upload reviewed offline ("template"), or with the configured LLM endpoint ("llm"): then the LLM also helps
    read the tables and judges the wording the rules can only approximate, as `selfeval check --extractor auto`."""
    return api.review(document, mode, extractor="auto" if mode == "llm" else "rules")


def answer_question(document: Document, question: str, history: list[Answer], mode: str) -> Answer:
    return api.ask(document, question, history, mode)


class ReadCache:
    """Read uploads by report id, least recently used dropped first once they pass `limit` bytes."""

    def __init__(self, limit: int = READ_CACHE_BYTES) -> None:
        self.limit = limit
        self.lock = threading.Lock()
        self.entries: OrderedDict[str, ReadUpload] = OrderedDict()
        self.size = 0

    def get(self, report_id: str) -> ReadUpload | None:
        with self.lock:
            if report_id not in self.entries:
                return None
            self.entries.move_to_end(report_id)
            return self.entries[report_id]

    def put(self, report_id: str, upload: ReadUpload) -> None:
        with self.lock:
            self._drop(report_id)
            if upload.size > self.limit:
                return
            self.entries[report_id] = upload
            self.size += upload.size
            while self.size > self.limit:
                self._drop(next(iter(self.entries)))

    def discard(self, report_id: str) -> None:
        with self.lock:
            self._drop(report_id)

    def _drop(self, report_id: str) -> None:
        upload = self.entries.pop(report_id, None)
        self.size -= upload.size if upload else 0


class Pipeline:
    """Reviews stored uploads and answers questions about them, keeping what was read of them at hand."""

    def __init__(self, store: Store, workers: int = 2, limits: Limits = Limits()) -> None:
        self.store = store
        self.worker = Worker(limits)
        self.executor = ThreadPoolExecutor(workers, thread_name_prefix="selfeval-review")
        self.lock = threading.Lock()
        self.stages: dict[str, str] = {}
        self.uploads = ReadCache()
        self.reading: dict[str, threading.Lock] = {}  # one reading of a stored upload at a time

    def read(self, data: bytes, name: str) -> ReadUpload:
        """Read an upload in a child, with the time its scanned pages need for OCR (counted first, in a child)."""
        ocr_pages = self.worker.run(pages_to_ocr, data, name)
        return self.worker.run(read_upload, data, name, limits=self.worker.limits.reading(ocr_pages))

    def upload(self, record: StoredReport) -> ReadUpload:
        """A stored upload as read (read once, then cached): a resumed review and a question asked meanwhile wait for
        one reading rather than OCR the same scan twice."""
        with self.lock:
            reading = self.reading.setdefault(record.id, threading.Lock())
        with reading:
            upload = self.uploads.get(record.id)
            if upload is None:
                upload = self.read(record.data, record.name)
                self.uploads.put(record.id, upload)
            return upload

    def source(self, record: StoredReport) -> SourceView:
        """The source pane's view of a stored review."""
        return self.upload(record).view

    def accept(self, data: bytes, name: str, mode: str, owner: User | None = None,
               idempotency_key: str | None = None) -> tuple[str, bool]:
        """Parse an upload (raising BadInput at once if it is unusable), store it: (its id, True).

        A retry with the same `idempotency_key` gives (the first upload's id, False) and stores nothing new.
        """
        owner_id = owner.id if owner else None
        if idempotency_key and (earlier := self.store.by_idempotency_key(owner_id, idempotency_key)):
            return earlier, False
        upload = self.read(data, name)
        report_id = self.store.start_report(data, name, mode, owner_id, idempotency_key)
        self.uploads.put(report_id, upload)
        with self.lock:
            self.stages.setdefault(report_id, "queued")
        return report_id, True

    def review_now(self, report_id: str) -> None:
        """Review a stored upload and store the outcome; a user error is stored, then raised."""
        self._set_stage(report_id, "reviewing")
        try:
            record = self.store.get(report_id)
            document = self.upload(record).document
            self.store.complete(report_id, self.worker.run(review_document, document, record.mode))
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
        answer = self.worker.run(answer_question, self.upload(record).document, question, self.store.chat(record.id),
                                 mode)
        self.store.add_answer(record.id, answer)
        return answer

    def delete(self, report_id: str) -> None:
        """Forget a review: its bytes, result, drafts and chat in the store, and what was read of it here."""
        self.store.delete(report_id)
        self.uploads.discard(report_id)
        with self.lock:
            self.reading.pop(report_id, None)

    def _set_stage(self, report_id: str, stage: str) -> None:
        with self.lock:
            self.stages[report_id] = stage

    def start(self) -> None:
        """Resume unfinished reviews, and start the worker's forkserver now rather than at the first upload."""
        self.executor.submit(self.worker.warm_up)
        self.resume()

    def shutdown(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)

