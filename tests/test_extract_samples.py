"""The rules extractor on the five real samples: every table and indicator row, as the gold has them."""
import pytest

from assistant import api
from assistant.evaluate.extraction import score_extraction
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
    from tests.conftest import run_cli

    for fmt in ("table", "json", "md"):
        result = run_cli(command, str(sample), "--format", fmt)
        assert result.returncode == 0, result.stderr.decode()
        assert result.stdout.strip()
