"""Benchmark of the offline pipeline (ingest → extract → check → template review).

It times each sample report, then synthetic reports grown from the samples' tables
(`assistant.synthetic`) to check that cost grows linearly with the indicator rows:
`scaling_ratio` is the time per indicator row at the largest size ÷ at 1×. All timings run
in this one process, on one core, and count its CPU time, so other work on a shared machine
does not inflate them (wall-clock p50 and the load average are recorded beside them);
peak memory is this process's peak RSS.
With an LLM endpoint configured, one more pass over the samples with LLM extraction
reports calls, tokens and cache hits per report (not part of the offline targets).
"""
import io
import os
import platform
import resource
import statistics
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from time import perf_counter, process_time

from assistant import api
from assistant.errors import LLMUnavailable
from assistant.synthetic import synthetic_report

SIZES = (1, 10, 100)
TARGETS = {"p50_ms_per_report": 50.0, "scaling_ratio": 1.2, "peak_memory_mb": 200.0}


@dataclass
class Timing:
    """One pipeline run: which report, at which size, how long, over how many indicator rows."""

    sample: str
    size: int
    ms: float  # CPU time of this process
    indicator_rows: int
    wall_ms: float = 0.0


def time_review(data: bytes, name: str, size: int) -> Timing:
    """Run the whole offline pipeline on one report's bytes and time it."""
    start, wall = process_time(), perf_counter()
    reviewed = api.review(api.load(data, name), mode="template")
    ms, wall_ms = (process_time() - start) * 1000, (perf_counter() - wall) * 1000
    return Timing(name, size, ms, sum(len(table.indicators) for table in reviewed.tables), wall_ms)


def percentile(values: list[float], percent: float) -> float:
    """Linear-interpolated percentile (p50 is the median)."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * percent / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def peak_memory_mb() -> float:
    """Peak resident memory of this process (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if platform.system() == "Darwin" else peak / 1024


def per_row_ms(timings: list[Timing]) -> float | None:
    rows = sum(t.indicator_rows for t in timings)
    return sum(t.ms for t in timings) / rows if rows else None


def size_summary(size: int, timings: list[Timing]) -> dict:
    return {"size": size, "reports": len(timings), "indicator_rows": sum(t.indicator_rows for t in timings),
            "ms_per_report": round(statistics.fmean(t.ms for t in timings), 2),
            "ms_per_indicator_row": round(per_row_ms(timings), 4) if per_row_ms(timings) else None}


def sample_timings(samples: list[Path], repeat: int) -> list[Timing]:
    """Each sample `repeat` times after one untimed warm-up pass (imports, regex compilation)."""
    reports = [(path.read_bytes(), path.name) for path in samples]
    for data, name in reports:
        time_review(data, name, 1)
    return [time_review(data, name, 1) for _ in range(repeat) for data, name in reports]


def median_per_sample(timings: list[Timing]) -> list[Timing]:
    """One timing per sample: the median of its repeats."""
    by_sample: dict[str, list[Timing]] = {}
    for timing in timings:
        by_sample.setdefault(timing.sample, []).append(timing)
    return [Timing(name, 1, statistics.median(t.ms for t in runs), runs[0].indicator_rows)
            for name, runs in by_sample.items()]


def grown_timings(samples: list[Path], size: int) -> list[Timing]:
    """Synthetic reports `size`× the samples' tables × indicator rows, one run each."""
    timings = []
    for path in samples:
        text = synthetic_report(path.read_text(encoding="utf-8"), size)
        timings.append(time_review(text.encode("utf-8"), path.name, size))
    return timings


def llm_usage(samples: list[Path]) -> dict | None:
    """With an LLM endpoint configured: calls, tokens and cache hits per report of LLM extraction; else None."""
    from assistant.llm.settings import load_settings
    from assistant.llm.usage import current_usage, reset_usage

    if not load_settings().configured:
        return None
    reset_usage()
    start = perf_counter()
    try:
        for path in samples:
            api.review(api.load(path.read_bytes(), path.name), mode="template", extractor="llm")
    except LLMUnavailable as error:
        return {"extractor": "llm", "error": str(error)}
    usage, reports = current_usage(), len(samples)
    asked = usage.calls + usage.cache_hits
    return {"extractor": "llm", "reports": reports,
            "ms_per_report": round((perf_counter() - start) * 1000 / reports, 1),
            "calls_per_report": round(usage.calls / reports, 2),
            "requests_per_report": round(usage.requests / reports, 2),
            "tokens_per_report": round(usage.total_tokens / reports, 1),
            "cache_hit_rate": round(usage.cache_hits / asked, 3) if asked else None}


def machine() -> dict:
    return {"python": platform.python_version(), "platform": platform.platform(), "processor": cpu_name(),
            "cores": os.cpu_count(), "load_average": [round(load, 2) for load in os.getloadavg()],
            "calibration_ms": calibration_ms()}


def calibration_ms() -> float:
    """CPU ms of a fixed pure-Python loop: how fast this machine runs Python right now, to read the timings by."""
    start = process_time()
    sum(i * i for i in range(1_000_000))
    return round((process_time() - start) * 1000, 1)


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def run_bench(samples: list[Path], sizes: tuple[int, ...] = SIZES, repeat: int = 5) -> dict:
    """The benchmark result (the shape of evals/reports/bench.json)."""
    runs = sample_timings(samples, repeat)
    ms = [t.ms for t in runs]
    base = median_per_sample(runs)
    rows = {t.sample: t.indicator_rows for t in base}
    # Growth is in tables and indicator rows, so only samples that have them are grown.
    with_tables = [path for path in samples if rows[path.name]]
    by_size = {1: [t for t in base if t.indicator_rows]} if with_tables else {}
    for size in sizes:
        if size > 1 and with_tables:
            by_size[size] = grown_timings(with_tables, size)
    largest = max(by_size, default=1)
    scaling = (per_row_ms(by_size[largest]) / per_row_ms(by_size[1])
               if largest > 1 and per_row_ms(by_size[1]) else None)
    result = {
        "p50_ms_per_report": round(percentile(ms, 50), 2),
        "p95_ms_per_report": round(percentile(ms, 95), 2),
        "mean_ms_per_report": round(statistics.fmean(ms), 2),
        "reports_per_s_per_core": round(1000 / statistics.fmean(ms), 2),
        "p50_wall_ms_per_report": round(percentile([t.wall_ms for t in runs], 50), 2),
        "clock": "process CPU time, one core",
        "scaling_ratio": round(scaling, 3) if scaling is not None else None,
        "scaling_sizes": [1, largest],
        "peak_memory_mb": round(peak_memory_mb(), 1),
        "samples": [{"name": t.sample, "ms_p50": round(t.ms, 2), "indicator_rows": t.indicator_rows} for t in base],
        "sizes": [size_summary(size, timings) for size, timings in sorted(by_size.items())],
        "repeat": repeat,
        "llm": llm_usage(samples),
        "targets": TARGETS,
        "machine": machine(),
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    result["meets_targets"] = meets_targets(result)
    result["formats"] = format_timings(samples[0])  # after peak_memory_mb: the OCR models are not the pipeline's
    return result


def format_timings(sample: Path) -> dict:
    """Seconds per LibreOffice conversion (reading a .doc) and per OCR page (a page of the sample's PDF),
    wall clock and CPU, with the peak memory after OCR; a missing tool gives its reason instead."""
    import docx

    from assistant.document import TableBlock
    from assistant.errors import BadInput
    from assistant.ingest import read_bytes
    from assistant.ingest.convert import convert
    from assistant.ingest.ocr import read_page_image, render_pdf_page
    from assistant.ingest.pages import Flow

    document = docx.Document()
    for block in api.load(sample.read_bytes(), sample.name).blocks:
        if isinstance(block, TableBlock):
            width = max(len(row.cells) for row in block.rows)
            table = document.add_table(rows=len(block.rows), cols=width)
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row.cells):
                    table.cell(r, c).text = cell.text
        else:
            document.add_paragraph(block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        doc, pdf = convert(buffer.getvalue(), "docx", "doc"), convert(buffer.getvalue(), "docx", "pdf")
        wall, cpu = perf_counter(), process_time()
        read_bytes(doc, "bench.doc")
        result = {"conversion_s_per_file": round(perf_counter() - wall, 2),
                  "conversion_cpu_s_per_file": round(process_time() - cpu, 2)}
        wall, cpu = perf_counter(), process_time()
        read_page_image(Flow(), render_pdf_page(pdf, 1), 1)
        return result | {"ocr_s_per_page": round(perf_counter() - wall, 2),
                         "ocr_cpu_s_per_page": round(process_time() - cpu, 2),
                         "peak_memory_mb_with_ocr": round(peak_memory_mb(), 1)}
    except BadInput as error:
        return {"error": str(error)}


def meets_targets(result: dict) -> dict[str, bool]:
    return {key: result[key] is not None and result[key] <= limit for key, limit in TARGETS.items()}
