"""Analysis in a child process with a CPU-time and memory limit, so no report can stall or exhaust the server.

Every parse, review and answer the web app runs goes through `Worker.run`: a fresh child (forked from a
forkserver that has the pipeline imported already, so a child starts in milliseconds) sets its own
RLIMIT_CPU and RLIMIT_AS, runs one function and sends back the pickled result. The server process
only waits on a pipe, so it keeps answering (`/healthz` included) while a hostile report is analysed;
a report that exceeds a limit ends as a `LimitExceeded` error a user can read.
"""
import logging
import multiprocessing
import os
import pickle
import resource
import signal
import threading
import traceback
from dataclasses import dataclass, replace

from assistant.errors import BadInput, SelfevalError

log = logging.getLogger("selfeval.web")

# Imported once in the forkserver, so each child has them already.
PRELOAD = ["assistant.web.pipeline", "assistant.api", "assistant.extract.hybrid", "assistant.check", "assistant.review", "assistant.chat"]


# OCR takes about 7 CPU seconds a page (`selfeval bench`), a turned, speckled scan more: a scan's reading gets this
# much more time for each page it OCRs.
OCR_SECONDS_PER_PAGE = 20

# How a child out of memory dies when it cannot raise MemoryError: a native allocator aborts, or the kernel kills it.
MEMORY_DEATHS = (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV, -signal.SIGBUS)


class LimitExceeded(BadInput):
    """A report that needed more CPU time or memory than a review may take."""


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 60
    memory_mb: int = 1536
    children: int = max(2, os.cpu_count() or 1)  # analyses at once; more wait, so memory stays bounded
    ocr_memory_mb: int = 3072  # the OCR engine (onnxruntime) maps about 2 GB of address space; with less it fails
    max_ocr_pages: int = 100  # a scan's pages one upload may put through OCR (at most 2,000 s of CPU at 20 s a page)

    def reading(self, ocr_pages: int) -> "Limits":
        """The limits for reading an upload whose scan has `ocr_pages` pages to OCR: its time grows with them, and
        the OCR engine gets the address space it maps. A scan of more pages than a review may OCR is refused."""
        if not ocr_pages:
            return self
        if ocr_pages > self.max_ocr_pages:
            raise BadInput(f"这份扫描件有 {ocr_pages} 页需要 OCR 识别，超过网页版每份 {self.max_ocr_pages} 页的上限："
                           "请拆分后上传，或用命令行 selfeval review 处理。")
        return replace(self, cpu_seconds=self.cpu_seconds + ocr_pages * OCR_SECONDS_PER_PAGE,
                       memory_mb=max(self.memory_mb, self.ocr_memory_mb))

    @property
    def wall_seconds(self) -> int:
        """Waiting on an LLM endpoint costs no CPU time; a review may wait this long in all."""
        return self.cpu_seconds * 10


def _child(connection, limits: Limits, function, args) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 5))
    memory = limits.memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        outcome = ("ok", function(*args))
    except SelfevalError as error:
        outcome = ("error", error)
    except MemoryError:
        outcome = ("memory", None)
    except ImportError as error:
        # A library first loaded under the memory limit cannot map its shared object (ENOMEM): the limit, not a bug.
        outcome = ("memory", None) if "failed to map segment" in str(error) else ("bug", traceback.format_exc())
    except Exception:  # a bug: the parent logs it
        outcome = ("bug", traceback.format_exc())
    try:
        connection.send_bytes(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    except MemoryError:
        connection.send_bytes(pickle.dumps(("memory", None)))
    connection.close()


class Worker:
    """Runs functions of the pipeline in limited child processes."""

    def __init__(self, limits: Limits = Limits()) -> None:
        self.limits = limits
        self.slots = threading.BoundedSemaphore(limits.children)
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(PRELOAD)

    def warm_up(self) -> None:
        """Start the forkserver (importing the pipeline once) by running one trivial child."""
        self.run(int)

    def run(self, function, *args, limits: Limits | None = None):
        """`function(*args)` in a child: its result, its SelfevalError re-raised, or LimitExceeded.
        At most `limits.children` children run at once; a call waits for a free slot. `limits` replaces the
        worker's own for this call (a scan's reading gets more time)."""
        with self.slots:
            return self._run(function, args, limits or self.limits)

    def _run(self, function, args, limits: Limits):
        receiving, sending = self.context.Pipe(duplex=False)
        child = self.context.Process(target=_child, args=(sending, limits, function, args), daemon=True)
        child.start()
        sending.close()
        try:
            finished = receiving.poll(limits.wall_seconds)
            outcome = self._receive(receiving) if finished else None
        finally:
            receiving.close()
            if child.is_alive():
                child.kill()
            child.join()
        if outcome is None:
            raise death(finished, child.exitcode, limits)
        status, value = pickle.loads(outcome)
        if status == "ok":
            return value
        if status == "error":
            raise value
        if status == "memory":
            raise LimitExceeded(memory_message(limits))
        log.error("analysis failed in the worker:\n%s", value)
        raise RuntimeError("analysis failed in the worker")

    @staticmethod
    def _receive(connection) -> bytes | None:
        """The child's pickled outcome, or None if it died without sending one."""
        try:
            return connection.recv_bytes()
        except EOFError:
            return None


def death(finished: bool, exitcode: int | None, limits: Limits) -> Exception:
    """Why a child sent nothing: out of CPU or wall-clock time, killed for memory, or a bug."""
    if not finished or exitcode == -signal.SIGXCPU:
        return LimitExceeded(f"这份报告的分析超过了时间上限（{limits.cpu_seconds} 秒 CPU 时间），已停止。"
                             "请检查文件是否异常（例如超长的数字串或表格），或拆分后再上传。")
    if exitcode in MEMORY_DEATHS:
        return LimitExceeded(memory_message(limits))
    log.error("the analysis child exited with code %s and no result", exitcode)
    return RuntimeError(f"analysis child exited with code {exitcode}")


def memory_message(limits: Limits) -> str:
    return (f"这份报告的分析需要超过 {limits.memory_mb} MB 内存，已停止。"
            "请检查文件是否异常（例如压缩炸弹或超大的文档），或拆分后再上传。")
