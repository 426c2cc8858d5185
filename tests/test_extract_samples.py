"""The rules extractor on the five real samples: every table and indicator row, as the gold has them."""
import os

import pytest

from assistant import api
from assistant.evaluate.extraction import score_extraction
from schemas import CheckedReport, Report
from schemas.gold import GoldReport
from tests.conftest import gold_for


def test_sample_extracts_like_its_gold(sample):
    gold = GoldReport.model_validate(gold_for(sample))
    report = api.extract(sample)
    tally, table_map = score_extraction(gold, report)
    assert len(report.tables) == len(gold.tables)
    assert sorted(table_map) == list(range(len(gold.tables)))
    for gold_index, table in enumerate(gold.tables):
        assert len(report.tables[table_map[gold_index]].indicators) == len(table.indicators)
    assert tally.f1 >= 0.98, tally.errors[:20]


@pytest.mark.parametrize("command", ["extract", "check"])
def test_cli_formats(sample, command):
    """Each output format carries the report's content: the JSON is the contract, the table and Markdown name every
    table and indicator the JSON holds."""
    from tests.conftest import run_cli

    as_json = run_cli(command, str(sample), "--format", "json")
    assert as_json.returncode == 0, as_json.stderr.decode()
    report = (CheckedReport if command == "check" else Report).model_validate_json(as_json.stdout)
    gold = GoldReport.model_validate(gold_for(sample))
    assert len(report.tables) == len(gold.tables) and report.unit_name == gold.unit_name
    for fmt in ("table", "md"):
        result = run_cli(command, str(sample), "--format", fmt, env={**os.environ, "COLUMNS": "200"})
        assert result.returncode == 0, result.stderr.decode()
        text = "".join(result.stdout.decode().split())
        for index, table in enumerate(report.tables):
            assert f"表{index + 1}" in text
            if command == "extract":
                assert all(i.level3 in text for i in table.indicators if i.level3)
        if command == "check":
            assert all(f.message.replace(" ", "")[:20] in text.replace("\\", "") for f in report.findings)
