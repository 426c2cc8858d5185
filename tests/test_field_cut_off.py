"""Copies cut off inside a table (the field set's `truncated` texts, dev split, as they were found): what is printed
is read; every expected value is read off the source lines by eye, never copied from the reader's output."""
from assistant import api
from tests.conftest import ROOT

DEV = ROOT / "evals" / "field" / "dev"


def test_the_last_row_cut_off_before_its_values_keeps_its_names():
    # Lines 250-260, one cell a line: "产出成本" "3" "3" "项目效益" "40" "经济", and the copy ends: 经济 is a row under
    # 项目效益 (its 分值 40 printed after it) with no values yet.
    [table] = api.extract(api.load(DEV / "hainan_shengji_fuwumaoyi.txt"), "rules").tables
    last = table.indicators[-1]
    assert (last.level1, last.level2, last.level3, last.weight, last.score, last.line) == \
        ("项目绩效", "项目效益", "经济", None, None, 260)
    assert (table.indicators[-2].level3, table.indicators[-2].weight) == ("产出成本", 3)
