"""`selfeval eval` scores findings on a field-set split: each <id>.txt beside its gold <id>.json."""
import json
import shutil

from assistant.evaluate.findings import score_field_split
from assistant.evaluate.run import headline
from tests.conftest import GOLD, SAMPLES


def test_a_split_is_scored_file_by_file_and_an_unreadable_file_misses_its_defects(tmp_path):
    sample = next(SAMPLES.glob("004_*.txt"))
    shutil.copy(sample, tmp_path / "hunan_004.txt")
    shutil.copy(GOLD / f"{sample.stem}.json", tmp_path / "hunan_004.json")
    gold = json.loads((GOLD / f"{sample.stem}.json").read_text(encoding="utf-8"))
    alone = score_field_split([tmp_path])
    assert alone.defects == len(gold["defects"]) and alone.recall >= 0.9 and alone.precision >= 0.9
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "empty.json").write_text(json.dumps({"source": "empty.txt", "defects": gold["defects"][:2]},
                                                    ensure_ascii=False), encoding="utf-8")
    both = score_field_split([tmp_path])
    assert (both.defects, both.matched_defects) == (alone.defects + 2, alone.matched_defects)
    assert (both.findings, both.matched_findings) == (alone.findings, alone.matched_findings)
    assert len(both.missed) == len(alone.missed) + 2


def test_the_headline_shows_the_field_set_only_when_it_was_measured():
    result = {group: {"f1": 1, "precision": 1, "recall": 1, "accuracy": 1, "heldout_accuracy": 1, "coverage": 1,
                      "grounding": 1} for group in ("extraction", "findings", "qa", "review")}
    assert "field_test.recall" not in headline(result)
    assert headline({**result, "field_test": {"precision": 0.5, "recall": 0.25}})["field_test.recall"] == 0.25
