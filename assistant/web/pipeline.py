"""Running the review pipeline for the web: now (in the request) or later (in a worker thread).

An upload is stored before it is reviewed, so a review cut short by a crash or restart is
resumed when the server starts again. While a review runs, `progress` says which stage it
is in and for how long, for the page to show.
"""
import logging
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

from assistant import api
from assistant.document import Document
from assistant.errors import SelfevalError
from assistant.store import Store, StoredReport
from schemas import Answer

log = logging.getLogger("selfeval.web")

STAGES = {"queued": "排队等待处理", "reading": "读取文件", "reviewing": "抽取、复核并起草审核意见"}
DOCUMENT_CACHE_SIZE = 16


class Pipeline:
    """Reviews stored uploads and answers questions about them, keeping parsed documents at hand."""

    def __init__(self, store: Store, workers: int = 2) -> None:
        self.store = store
        self.executor = ThreadPoolExecutor(workers, thread_name_prefix="selfeval-review")
        self.lock = threading.Lock()
        self.stages: dict[str, str] = {}
        self.documents: OrderedDict[str, Document] = OrderedDict()

    def document(self, record: StoredReport) -> Document:
        """The parsed source of a stored review (parsed once, then cached)."""
        with self.lock:
            if record.id in self.documents:
                self.documents.move_to_end(record.id)
                return self.documents[record.id]
        return self._remember(record.id, api.load(record.data, record.name))

    def _remember(self, report_id: str, document: Document) -> Document:
        with self.lock:
            self.documents[report_id] = document
            while len(self.documents) > DOCUMENT_CACHE_SIZE:
                self.documents.popitem(last=False)
        return document

    def accept(self, data: bytes, name: str, mode: str) -> str:
        """Parse an upload (raising BadInput at once if it is unusable), store it, return its id."""
        document = api.load(data, name)
        report_id = self.store.start_report(data, name, mode)
        self._remember(report_id, document)
        with self.lock:
            self.stages[report_id] = "queued"
        return report_id

    def review_now(self, report_id: str) -> None:
        """Review a stored upload in this thread and store the outcome; a user error is stored, then raised."""
        self._set_stage(report_id, "reading")
        try:
            record = self.store.get(report_id)
            document = self.document(record)
            self._set_stage(report_id, "reviewing")
            self.store.complete(report_id, api.review(document, record.mode))
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
        answer = api.ask(self.document(record), question, self.store.chat(record.id), mode)
        self.store.add_answer(record.id, answer)
        return answer

    def _set_stage(self, report_id: str, stage: str) -> None:
        with self.lock:
            self.stages[report_id] = stage

    def shutdown(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)

