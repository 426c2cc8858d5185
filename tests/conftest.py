"""Shared test helpers: the sample reports, their gold labels, and running the real CLI."""
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "evals" / "samples"
GOLD = ROOT / "evals" / "gold"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def eval_tool(name: str):
    """A script of evals/tools (render, paste) loaded as a module: the tests draw their inputs with the same tools."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "evals" / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_cli(*args: str, input: bytes | None = None, env: dict | None = None, timeout: int = 120):
    """Run `selfeval ARGS` in a subprocess, as a user would."""
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=input, capture_output=True,
                          timeout=timeout, env=env, cwd=ROOT)


def extracted_tables(path: Path) -> list[dict]:
    """The tables `selfeval extract -f json PATH` prints, the command run as a user would; it must succeed."""
    result = run_cli("extract", "-f", "json", str(path))
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)["tables"]


def gold_for(sample: Path) -> dict:
    return json.loads((GOLD / f"{sample.stem}.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def no_inherited_llm_endpoint(monkeypatch):
    """Tests see no LLM endpoint from the machine's environment; LLM tests configure their own."""
    for name in list(os.environ):
        if name.startswith(("SELFEVAL_LLM_", "OPENAI_")):
            monkeypatch.delenv(name)


@pytest.fixture(params=SAMPLE_FILES, ids=lambda p: p.stem[:3])
def sample(request) -> Path:
    return request.param


def pytest_sessionfinish(session, exitstatus):
    """In CI every test must run: a skipped test (a tool CI should have installed) fails the run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") and skipped and exitstatus == 0:
        reporter.ensure_newline()
        reporter.write_line(f"CI: {len(skipped)} test(s) skipped — every test must run in CI (see the reasons above).",
                            red=True)
        session.exitstatus = 1
