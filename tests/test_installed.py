"""An installed copy (`pip install .`, not editable): `eval` and `bench` need the samples' path and say so."""
import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import GOLD, ROOT, SAMPLE_FILES

PACKAGE_FILES = ("pyproject.toml", "README.md", "assistant", "schemas", "prompts")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """selfeval built from a copy of the source and installed into a directory of its own; returns run(ARGS)."""
    root = tmp_path_factory.mktemp("installed")
    source, site, elsewhere = root / "source", root / "site", root / "elsewhere"
    # Built from a copy: pip writes build/ and *.egg-info next to the sources it builds.
    source.mkdir()
    for name in PACKAGE_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, source / name)
    built = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                            "--target", str(site), str(source)], capture_output=True, timeout=600)
    assert built.returncode == 0, built.stderr.decode()[-3000:]
    elsewhere.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess:
        # The installed copy comes first on the path; the dependencies are this interpreter's.
        return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, timeout=600,
                              cwd=elsewhere, env={**os.environ, "PYTHONPATH": str(site)})

    run.site = site
    return run


def test_the_installed_copy_is_the_one_that_runs(installed):
    where = subprocess.run([sys.executable, "-c", "import assistant; print(assistant.__file__)"], capture_output=True,
                           cwd=installed.site.parent, env={**os.environ, "PYTHONPATH": str(installed.site)})
    assert where.stdout.decode().startswith(str(installed.site))


@pytest.mark.parametrize("verb", ["eval", "bench"])
def test_eval_and_bench_without_the_source_tree_name_the_option(installed, verb):
    result = installed(verb)
    message = "".join(result.stderr.decode().split())  # the terminal may wrap it
    assert result.returncode == 2, message
    assert "安装的selfeval不带样例报告和金标准" in message and "--samples" in message
    assert "Traceback" not in message


def test_eval_and_bench_run_on_directories_given(installed, tmp_path):
    samples = tmp_path / "samples"
    samples.mkdir()
    for sample in (SAMPLE_FILES[0], SAMPLE_FILES[3]):
        shutil.copy(sample, samples / sample.name)
    evaluation = installed("eval", "--samples", str(samples), "--gold", str(GOLD), "--format", "json")
    assert evaluation.returncode == 0, evaluation.stderr.decode()[-2000:]
    assert set(json.loads(evaluation.stdout)["samples"]) == {SAMPLE_FILES[0].name, SAMPLE_FILES[3].name}
    bench = installed("bench", "--json", "--samples", str(samples), "--sizes", "1", "--repeat", "1")
    assert bench.returncode == 0, bench.stderr.decode()[-2000:]
    assert json.loads(bench.stdout)["measurements"]["extract_docx"]["ms"] > 0
    saved = installed("bench", "--save", "--samples", str(samples), "--sizes", "1", "--repeat", "1")
    assert saved.returncode == 2 and "请在源码目录中运行" in "".join(saved.stderr.decode().split())
    assert not (installed.site / "evals").exists()


def test_the_selfeval_script_runs_a_command_to_its_exit_code(installed, tmp_path):
    script = installed.site / "bin" / "selfeval"
    env = {**os.environ, "PYTHONPATH": str(installed.site)}
    extracted = subprocess.run([str(script), "extract", "--format", "json", "--extractor", "rules",
                                str(SAMPLE_FILES[0])], capture_output=True, timeout=120, env=env)
    assert extracted.returncode == 0, extracted.stderr.decode()[-2000:]
    assert json.loads(extracted.stdout)["source"]["name"] == SAMPLE_FILES[0].name  # the whole output, flushed
    missing = subprocess.run([str(script), "extract", str(tmp_path / "none.docx")], capture_output=True, timeout=120,
                             env=env)
    assert missing.returncode == 2 and "找不到文件" in missing.stderr.decode()
