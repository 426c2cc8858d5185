"""What a reviewer reads in a terminal of any width: a summary first, nothing cut off, tables numbered from 1."""
import json
import os

from tests.conftest import SAMPLES, run_cli

SAMPLE = SAMPLES / "000_9f4ecd25e267d59e.txt"


def at_width(columns: int, *args: str) -> str:
    result = run_cli(*args, env={**os.environ, "COLUMNS": str(columns)})
    assert result.returncode == 0, result.stderr.decode("utf-8")
    return result.stdout.decode("utf-8")


def test_check_at_80_columns_shows_both_scores_of_every_table():
    checked = json.loads(run_cli("check", str(SAMPLE), "--format", "json").stdout)
    text = "".join(at_width(80, "check", str(SAMPLE)).split())  # lines wrap; read them joined
    assert checked["scores"]
    for score in checked["scores"]:
        table = score["table"]
        self_score = f"{score['self_score']:.2f}".rstrip("0").rstrip(".")
        recomputed = f"{score['recomputed_score']:.2f}".rstrip("0").rstrip(".")
        assert f"表{table + 1}" in text
        assert f"自评{self_score}→复核{recomputed}" in text
    assert "…" not in text


def test_summary_comes_before_the_details():
    text = at_width(80, "check", str(SAMPLE))
    assert text.index("复核得分：") < text.index("问题 ") < text.index("正文")


def test_extract_at_80_columns_cuts_no_indicator_name():
    report = json.loads(run_cli("extract", str(SAMPLE), "--format", "json").stdout)
    text = "".join(at_width(80, "extract", str(SAMPLE)).split())
    assert "…" not in text
    for table in report["tables"]:
        for indicator in table["indicators"]:
            if indicator["level3"]:
                assert indicator["level3"] in text


def test_tables_are_numbered_from_one_for_people_and_from_zero_in_json():
    checked = json.loads(run_cli("check", str(SAMPLE), "--format", "json").stdout)
    assert min(f["table"] for f in checked["findings"] if f["table"] is not None) == 0
    text = at_width(200, "check", str(SAMPLE))
    assert "表0" not in text and "表1 " in text
    markdown = run_cli("check", str(SAMPLE), "--format", "md").stdout.decode("utf-8")
    assert "表0" not in markdown and "## 表1 " in markdown


def test_key_figures_are_shown_as_printed():
    # unknown_nd_nd_xiangcunzhenxing l.22 "…安排资金19204.096万", l.28 "…资金支付18501.096万元": not 19204.1, 18501.1
    from assistant import api
    from assistant.render import report_markdown
    from tests.conftest import ROOT

    report = api.check(ROOT / "evals" / "field" / "dev" / "unknown_nd_nd_xiangcunzhenxing.txt", "rules")
    shown = report_markdown(report)
    assert "：19204.096万（" in shown and "：18501.096万元（" in shown
