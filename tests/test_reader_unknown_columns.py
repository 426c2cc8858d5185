"""A header with a column word no list here knows (a province's own 情况说明, 佐证材料): its column is read, named by no
role, and the columns around it keep their roles. The tables are field dev tables printed a cell a line
(evals/tools/paste.py style b, from the gold labels) with one header word renamed or one added; every expected value
is read off the source line quoted beside it."""
from assistant import api
from assistant.ingest import read_bytes
from tests.conftest import ROOT, eval_tool


def cell_a_line(name: str) -> list[str]:
    paste = eval_tool("paste")
    [(_, _, sheet, _)] = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                                        only=name)
    return paste.pasted(sheet, "b").splitlines()


def indicators(lines: list[str]) -> dict[str, tuple]:
    report = api.extract(read_bytes("\n".join(lines).encode("utf-8"), "pasted.txt"), "rules")
    return {i.level3: (i.level1, i.level2, i.target, i.weight, i.score) for t in report.tables for i in t.indicators}


def test_a_last_column_word_no_list_knows_is_a_column_before_the_first_row():
    # sichuan_dyrmt_nd_gongzi l.2: "产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 …" in Sichuan's 2023 form
    # (… | 完成值 | 权重 | 得分 | 未完成原因分析). With its last column word renamed "情况说明", a word no list knows, the
    # header still ends before the first row's 产出指标 (0.69 before: the rows were read without a header's columns).
    lines = ["情况说明" if line == "未完成原因分析" else line for line in cell_a_line("sichuan_dyrmt_nd_gongzi")]
    rows = indicators(lines)
    assert rows["足额保障率"] == ("产出指标", "数量指标", "=100%", 22.5, None)
    assert rows["科目调整次数"] == ("产出指标", "数量指标", "≤10次", 22.5, None)


def test_a_column_word_no_list_knows_between_known_words_keeps_their_columns():
    # beijing_haidian_2016 l.22: "…是否完成绩效目标申报表中申报的数量12.512.5…" under 三级指标 | 分值 | 年度指标值(A) | 全年
    # 实际值(B) | 得分计算方法 | 得分 | 未完成原因分析. With "佐证材料" added after 得分 (a column no row fills), the words
    # after it are still the header's (0.72 before).
    lines = cell_a_line("beijing_haidian")
    at = lines.index("得分", lines.index("三级指标")) + 1
    rows = indicators(lines[:at] + ["佐证材料"] + lines[at:])
    assert rows["是否完成绩效目标申报表中申报的数量"] == ("产出指标", "数量指标", None, 12.5, 12.5)
