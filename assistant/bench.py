"""Benchmark of the offline pipeline (ingest → extract → check → template review).

It times each sample report, then synthetic reports grown from the samples' tables
(`assistant.synthetic`) to check that cost grows linearly with the indicator rows:
`scaling_ratio` is the time per indicator row at the largest size ÷ at 1×. All timings run
in this one process, on one core, and count its CPU time, so other work on a shared machine
does not inflate them (wall-clock p50 and the load average are recorded beside them);
peak memory is this process's peak RSS.
With an LLM endpoint configured, one more pass over the samples with LLM extraction
reports calls, tokens and cache hits per report (not part of the offline targets).

What a user waits for beyond the analysis is in `measurements`, each beside its floor:
CLI start-up against a bare interpreter, `selfeval extract` on a one-table Word file against
python-docx opening it (whole processes, median of `repeat` runs, taken in turn so the
machine's load weighs on both alike), each export of the 1×…100× reports, and the pasted copies of the field set's
dev split (and evals/bench's slow ones) read one by one.
"""
import contextlib
import io
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from time import perf_counter, process_time

import docx

from assistant import api
from assistant.document import TableBlock
from assistant.errors import BadInput, LLMUnavailable
from assistant.extract.tables import is_indicator_header
from assistant.ingest import lines_of
from assistant.layout import parse_text
from assistant.review.export import export_review
from assistant.synthetic import synthetic_report, table_spans

EXPORT_FORMATS = ("docx", "xlsx", "md")
SLOW_COPIES = Path(__file__).resolve().parents[1] / "evals" / "bench"  # pasted copies that once took minutes to read
# Limits on figures of the result; a dotted key reaches into `measurements`.
TARGETS = {"p50_ms_per_report": 50.0, "scaling_ratio": 1.2, "peak_memory_mb": 200.0,
           "measurements.startup.ratio": 5.0, "measurements.extract_docx.ratio": 2.0}


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


@dataclass
class BenchInput:
    """What every measurement may use: the samples, the sizes, the repeat count and a scratch directory."""

    samples: list[Path]
    sizes: tuple[int, ...]
    repeat: int
    workdir: Path

    @cached_property
    def sample(self) -> Path | None:
        """The first sample with self-evaluation tables: the one grown into the 10×/100× reports."""
        return next((path for path in self.samples if table_spans(lines_of(path.read_text(encoding="utf-8")))), None)

    def grown_report(self, size: int) -> bytes:
        """That sample grown `size`× (1 is the sample itself), as report bytes."""
        return synthetic_report(self.sample.read_text(encoding="utf-8"), size).encode("utf-8")


def process_env(workdir: Path) -> dict[str, str]:
    """The environment of the timed processes: this checkout's code first on the path, and bytecode cached.

    An installed selfeval runs from the bytecode pip compiled, as python-docx (the floor) does; under
    PYTHONDONTWRITEBYTECODE a checkout would instead compile every module of ours in every timed run.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    code = str(Path(__file__).resolve().parents[1])  # `python -m assistant` runs this code, not another copy
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [code, env.get("PYTHONPATH")]))
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "bytecode")
    return env


def process_ms(commands: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, dict[str, float]]:
    """Whole-process wall and CPU ms of each command, median of `runs` after one untimed run (which writes the
    bytecode); the commands run in turn."""
    env = process_env(cwd)
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(runs + 1):
        for name, command in commands.items():
            before, start = resource.getrusage(resource.RUSAGE_CHILDREN), perf_counter()
            done = subprocess.run(command, cwd=cwd, capture_output=True, env=env)
            after, end = resource.getrusage(resource.RUSAGE_CHILDREN), perf_counter()
            if done.returncode != 0:
                raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.decode(errors='replace')[-500:]}")
            if run:
                wall[name].append((end - start) * 1000)
                cpu[name].append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    return {name: {"wall_ms": round(statistics.median(wall[name]), 1), "cpu_ms": round(statistics.median(cpu[name]), 1)}
            for name in commands}


def side_by_side(selfeval: list[str], floor: list[str], bench: BenchInput, libraries: list[str] | None = None) -> dict:
    """`selfeval ARGS` against a floor `python ARGS`: medians of both and their ratios (wall clock, CPU time).

    `libraries`, a third `python ARGS`, does only what the command cannot do without (its libraries' imports),
    so its ratio to the floor is the part of `ratio` that is not this project's code.
    """
    commands = {"command": [sys.executable, "-m", "assistant", *selfeval], "floor": [sys.executable, *floor]}
    if libraries:
        commands["libraries"] = [sys.executable, *libraries]
    timed = process_ms(commands, bench.repeat, bench.workdir)
    command, base = timed["command"], timed["floor"]
    result = {"command": " ".join(["selfeval", *selfeval]), "floor": " ".join(["python", *floor]),
              "ms": command["wall_ms"], "floor_ms": base["wall_ms"], "ratio": round(command["wall_ms"] / base["wall_ms"], 2),
              "cpu_ms": command["cpu_ms"], "floor_cpu_ms": base["cpu_ms"],
              "cpu_ratio": round(command["cpu_ms"] / base["cpu_ms"], 2) if base["cpu_ms"] else None, "runs": bench.repeat}
    if libraries:
        result |= {"libraries": " ".join(["python", *libraries]), "libraries_ms": timed["libraries"]["wall_ms"],
                   "libraries_ratio": round(timed["libraries"]["wall_ms"] / base["wall_ms"], 2)}
    return result


def startup(bench: BenchInput) -> dict:
    """`selfeval --help` against a bare `python -c pass`."""
    return side_by_side(["--help"], ["-c", "pass"], bench)


def one_table_docx(text: str) -> bytes:
    """A Word file holding the sample's first self-evaluation table (and its title), as Word would store it."""
    table = next(block for block in parse_text(lines_of(text))
                 if isinstance(block, TableBlock) and any(is_indicator_header(row) for row in block.rows))
    document = docx.Document()
    for title in table.title_lines:
        document.add_paragraph(title.text)
    width = max(len(row.cells) for row in table.rows)
    grid = document.add_table(rows=len(table.rows), cols=width)
    for row, source in zip(grid.rows, table.rows):
        cells = row.cells
        for cell, text_cell in zip(cells, source.cells):
            cell.text = text_cell.text
        if len(source.cells) < width:  # a short row's last cell spans the rest, as a merged Word cell
            cells[len(source.cells) - 1].merge(cells[-1])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# What `extract` cannot do without: typer and the pydantic adapters it runs a command through, the report's models
# and lxml, which reads the Word XML.
EXTRACT_LIBRARIES = "import typer, typer._adapters, schemas.report, lxml.etree"


def extract_docx(bench: BenchInput) -> dict | None:
    """`selfeval extract --format json` on a one-table Word file against python-docx alone opening it."""
    if bench.sample is None:
        return None
    path = bench.workdir / f"{bench.sample.stem}.docx"
    path.write_bytes(one_table_docx(bench.sample.read_text(encoding="utf-8")))
    result = side_by_side(["extract", "--format", "json", "--extractor", "rules", path.name],
                          ["-c", "import sys, docx; docx.Document(sys.argv[1])", path.name], bench,
                          ["-c", EXTRACT_LIBRARIES])
    return {**result, "file": f"the first self-evaluation table of {bench.sample.name} as a Word file"}


def exports(bench: BenchInput) -> dict | None:
    """Each export (docx, xlsx, md) of the reviewed 1×…100× report: ms, bytes, and ms per indicator row."""
    if bench.sample is None:
        return None
    by_format: dict[str, list[dict]] = {fmt: [] for fmt in EXPORT_FORMATS}
    for size in bench.sizes:
        reviewed = api.review(api.load(bench.grown_report(size), bench.sample.name), mode="template")
        rows = sum(len(table.indicators) for table in reviewed.tables)
        for fmt in EXPORT_FORMATS:
            if size == bench.sizes[0]:
                export_review(reviewed, fmt)  # untimed warm-up: the writer's imports
            start = perf_counter()
            data = export_review(reviewed, fmt)
            ms = (perf_counter() - start) * 1000
            by_format[fmt].append({"size": size, "indicator_rows": rows, "ms": round(ms, 1), "bytes": len(data),
                                   "ms_per_indicator_row": round(ms / rows, 4) if rows else None})
    result: dict = {"report": bench.sample.name, "clock": "wall clock, one run after a warm-up"}
    for fmt, runs in by_format.items():
        first, last = runs[0], runs[-1]
        growth = (last["ms_per_indicator_row"] / first["ms_per_indicator_row"]
                  if len(runs) > 1 and first["ms_per_indicator_row"] and last["ms_per_indicator_row"] else None)
        result[fmt] = {"sizes": runs, "scaling_ratio": round(growth, 3) if growth is not None else None}
    return result


def pasted_copies(bench: BenchInput) -> dict | None:
    """Reading the copies reviewers paste, ms of CPU each: every text of the field set's dev split as it was found
    (run together, one cell a line, web lines) and the copies in evals/bench that once took minutes to read; the p50,
    the slowest and which it is."""
    from assistant.evaluate.extraction import field_directories

    paths = [path for directory in field_directories() for path in sorted((directory / "dev").glob("*.txt"))]
    paths += sorted(SLOW_COPIES.glob("*.txt"))
    timings: dict[str, float] = {}
    for path in paths:
        data = path.read_bytes()
        start = process_time()
        with contextlib.suppress(BadInput):  # a copy refused as no report is timed all the same
            api.extract(api.load(data, path.name), "rules")
        timings[path.name] = (process_time() - start) * 1000
    if not timings:
        return None
    slowest = max(timings, key=timings.__getitem__)
    return {"copies": len(timings), "p50_ms": round(percentile(list(timings.values()), 50), 2),
            "max_ms": round(timings[slowest], 2), "slowest": slowest}


# Each measurement is one named entry: a function of the BenchInput returning its figures.
MEASUREMENTS: dict[str, Callable[[BenchInput], dict | None]] = {
    "startup": startup,
    "extract_docx": extract_docx,
    "exports": exports,
    "pasted_copies": pasted_copies,
}


def measurements(samples: list[Path], sizes: tuple[int, ...], repeat: int) -> dict[str, dict | None]:
    with tempfile.TemporaryDirectory(prefix="selfeval-bench-") as scratch:
        bench = BenchInput(samples, sizes, repeat, Path(scratch))
        return {name: measure(bench) for name, measure in MEASUREMENTS.items()}


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


def run_bench(samples: list[Path], sizes: tuple[int, ...], repeat: int = 5) -> dict:
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
    peak = peak_memory_mb()  # of the pipeline runs, before the exports below grow the process
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
        "peak_memory_mb": round(peak, 1),
        "samples": [{"name": t.sample, "ms_p50": round(t.ms, 2), "indicator_rows": t.indicator_rows} for t in base],
        "sizes": [size_summary(size, timings) for size, timings in sorted(by_size.items())],
        "repeat": repeat,
        "llm": llm_usage(samples),
        "measurements": measurements(samples, sizes, repeat),
        "targets": TARGETS,
        "machine": machine(),
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    if with_tables:  # after peak memory is taken: the web app is not part of the pipeline's budget
        from assistant.web.measure import page_timings

        result["web_pages"] = page_timings(with_tables[0], sizes)
    result["meets_targets"] = meets_targets(result)
    result["formats"] = format_timings(samples[0])  # after peak_memory_mb: the OCR models are not the pipeline's
    return result


def figure(result: dict, key: str) -> float | None:
    """The figure a TARGETS key names: a top-level key, or a dotted path into nested results."""
    value = result
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def format_timings(sample: Path) -> dict:
    """Seconds per LibreOffice conversion (reading a .doc) and per OCR page (a page of the sample's PDF),
    wall clock and CPU, with the peak memory after OCR; a missing tool gives its reason instead."""
    import docx

    from assistant.document import TableBlock
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
    return {key: figure(result, key) is not None and figure(result, key) <= limit for key, limit in TARGETS.items()}
