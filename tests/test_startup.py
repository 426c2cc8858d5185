"""Start-up: each command loads only what it uses (which modules a real process imports, not how long it takes)."""
import json
import subprocess
import sys

import pytest
import typer

from assistant.bench import one_table_docx
from assistant.cli import app
from tests.conftest import ROOT, SAMPLE_FILES, gold_for

# What no command pays for unless it is the one that needs it.
HEAVY = ("jieba", "rjieba", "fastapi", "uvicorn", "openai", "instructor", "openpyxl", "pdfplumber", "diskcache",
         "assistant.chat", "assistant.web", "assistant.review", "assistant.store", "assistant.batch")
# `--help` needs none of the pipeline: no models, no readers, no rich.
PIPELINE = ("pydantic", "schemas", "rich", "docx", "lxml", "charset_normalizer", "assistant.api", "assistant.ingest",
            "assistant.extract", "assistant.check", "assistant.evaluate", "assistant.llm", "assistant.synthetic")
# What `extract --extractor rules` on a Word file does without.
EXTRACT_SKIPS = ("rich", "docx", "charset_normalizer", "olefile", "assistant.check", "assistant.evaluate",
                 "assistant.synthetic", "assistant.llm", "assistant.extract.hybrid", "assistant.layout_dump",
                 "schemas.findings", "schemas.review", "schemas.answer", "schemas.gold")
VERBS = sorted(typer.main.get_command(app).commands)  # every registered command, a new one included


# `python -m assistant ARGS` that writes, as it exits, the name of every module it imported (-X importtime misses
# the ones importlib.import_module loads, as the readers and the schemas are).
WITH_MODULES = ("import atexit, json, runpy, sys; "
                "atexit.register(lambda: sys.stderr.write('\\nMODULES ' + json.dumps(sorted(sys.modules)) + '\\n')); "
                "runpy.run_module('assistant', run_name='__main__', alter_sys=True)")


def imported_modules(*args: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    """Run `selfeval ARGS`; the names of every module the process imported."""
    result = subprocess.run([sys.executable, "-c", WITH_MODULES, *args], capture_output=True, cwd=ROOT, timeout=120)
    listed = [line for line in result.stderr.decode().splitlines() if line.startswith("MODULES ")]
    assert listed, result.stderr.decode()[-2000:]
    return result, set(json.loads(listed[-1].removeprefix("MODULES ")))


def loaded(modules: set[str], packages: tuple[str, ...]) -> set[str]:
    """Which of `packages` (a package counts when any of its modules is imported) are in `modules`."""
    return {package for package in packages if any(m == package or m.startswith(package + ".") for m in modules)}


def test_help_imports_no_pipeline_and_no_heavy_library():
    result, modules = imported_modules("--help")
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert "extract" in result.stdout.decode() and "typer" in modules
    assert loaded(modules, HEAVY + PIPELINE) == set()


@pytest.mark.parametrize("verb", VERBS)
def test_a_verbs_help_imports_no_pipeline(verb):
    result, modules = imported_modules(verb, "--help")
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    # Typer itself reads a command's parameters with pydantic; nothing of ours loads.
    assert loaded(modules, HEAVY + tuple(p for p in PIPELINE if p != "pydantic")) == set()


@pytest.fixture(scope="module")
def one_table_word_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "one_table.docx"
    path.write_bytes(one_table_docx(SAMPLE_FILES[0].read_text(encoding="utf-8")))
    return path


def first_table_indicators(report: dict) -> list[tuple]:
    return [(i["level3"], i["weight"], i["score"]) for i in report["tables"][0]["indicators"]]


def test_extract_json_on_a_word_table_loads_the_reader_and_models_only(one_table_word_file):
    result, modules = imported_modules("extract", "--format", "json", "--extractor", "rules", str(one_table_word_file))
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    report = json.loads(result.stdout)
    # The Word file holds sample 000's first table: its indicators are the gold ones.
    assert len(report["tables"]) == 1
    assert first_table_indicators(report) == first_table_indicators(gold_for(SAMPLE_FILES[0]))
    assert {"lxml.etree", "schemas.report", "assistant.ingest.docx", "assistant.extract.rules"} <= modules
    # The Word XML is read with lxml alone; no encoding detection, OLE reader, LLM path or model it does not print.
    assert loaded(modules, HEAVY + EXTRACT_SKIPS) == set()


def test_extract_table_output_loads_rich_but_nothing_heavy(one_table_word_file):
    result, modules = imported_modules("extract", "--extractor", "rules", str(one_table_word_file))
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert "石鼓区市场监督管理局" in result.stdout.decode()
    assert "rich" in modules
    assert loaded(modules, HEAVY) == set()
