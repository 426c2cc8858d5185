"""The reader on the layouts a code review (issue #14) found misread: each text is written as such pages print
it, and every expected value is read off that text by eye."""
import pytest

from assistant import api
from assistant.document import TableBlock
from assistant.extract.columns import fits, is_placeholder
from assistant.layout import parse_text
from assistant.titles import NAMED_TABLE


def extract(tmp_path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return api.extract(api.load(path), "rules")


UNSCORED_TABLE = """一级指标
二级指标
三级指标
年度指标值
实际完成值
偏差原因分析及改进措施
产出指标
数量指标
培训人数
≥100人
120人
完成"""


def test_a_level_group_of_full_rows_printed_one_cell_a_line_keeps_each_rows_note(tmp_path):
    text = "\n".join(("项目支出绩效自评表\n项目名称\n乡村技能培训\n" + UNSCORED_TABLE + """
培训场次
≥5场
6场
完成
效益指标
社会效益指标
学员满意度
≥90%
95%
达到
(三)存在的问题和原因
1、培训场地有待进一步改善。""").splitlines())
    [table] = extract(tmp_path, text).tables
    assert [(i.level1, i.level2, i.level3, i.target, i.actual, i.deviation_note) for i in table.indicators] == [
        ("产出指标", "数量指标", "培训人数", "≥100人", "120人", "完成"),
        ("产出指标", "数量指标", "培训场次", "≥5场", "6场", "完成"),
        ("效益指标", "社会效益指标", "学员满意度", "≥90%", "95%", "达到"),
    ]


HEADER_AND_ROW = """一级指标
二级指标
三级指标
年度指标值
实际完成值
产出指标
数量指标
培训人数
≥100人
120人"""


def test_a_key_run_together_with_its_value_leaves_the_colon_out(tmp_path):
    report = extract(tmp_path, f"项目支出绩效自评表\n单位名称：西平县交通运输局\n{HEADER_AND_ROW}")
    assert report.unit_name == "西平县交通运输局"


def test_a_project_name_ending_in_xiangmu_keeps_it_before_the_next_key(tmp_path):
    report = extract(tmp_path, f"项目支出绩效自评表\n项目名称：县乡村振兴项目实施单位：西平县乡村振兴服务中心\n{HEADER_AND_ROW}")
    [table] = report.tables
    assert (table.name, report.unit_name) == ("县乡村振兴项目", "西平县乡村振兴服务中心")


def test_a_key_after_the_project_name_keeps_its_level_of_government(tmp_path):
    report = extract(tmp_path, f"项目支出绩效自评表\n项目名称农村道路养护自治区主管部门交通运输厅\n{HEADER_AND_ROW}")
    [table] = report.tables
    assert table.name == "农村道路养护"


@pytest.mark.parametrize("line, names", [("附件2-1", True), ("附件：项目支出绩效自评表", True), ("附件", True),
                                         ("附件材料齐全", False), ("附件：佐证材料清单", False)])
def test_an_attachment_label_names_a_table_but_a_sentence_about_attachments_does_not(line, names):
    assert bool(NAMED_TABLE.match(line)) is names


def test_a_funds_rows_label_wrapped_over_two_lines_is_one_label_not_a_column_word(tmp_path):
    lines = ["项目支出绩效自评表", "项目名称", "乡村道路养护", "项目资金(万元)", "年初预算数", "全年预算数", "全年执行数",
             "分值", "执行率", "得分", "年度资金", "总额", "100", "120", "90", "10", "75%", "7.5", HEADER_AND_ROW]
    [table] = extract(tmp_path, "\n".join(lines)).tables
    total = table.funds_total
    assert (total.label, total.initial_budget, total.full_year_budget, total.executed, total.weight,
            total.execution_rate, total.score) == ("年度资金总额", 100, 120, 90, 10, 75, 7.5)
    assert table.fund_lines == []


def test_a_web_funds_header_ending_in_defen_keeps_it_when_the_row_below_is_all_values():
    lines = ["项目支出绩效自评表",
             "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
             "| 100 | 100 | 90 | 10 | 90% | 9 |"]
    table = next(block for block in parse_text(lines) if isinstance(block, TableBlock))
    assert [[cell.text for cell in row.cells if cell.text] for row in table.rows] == [
        ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["100", "100", "90", "10", "90%", "9"],
    ]


def test_the_unit_after_a_year_and_its_du_is_named_without_it(tmp_path):
    report = extract(tmp_path, "部门整体支出绩效自评报告\n2022年度西平县交通运输局认真落实预算绩效管理要求，全年支出1200万元。\n")
    assert report.unit_name == "西平县交通运输局"


def test_a_unit_after_its_label_keeps_its_whole_name_past_a_suffix_inside_it(tmp_path):
    # 社 is a unit's suffix (出版社), but 北京市社会科学院 runs on to 院.
    report = extract(tmp_path, "项目支出绩效自评报告\n本次自评由单位名称：北京市社会科学院组织开展，项目支出共计500万元。\n")
    assert report.unit_name == "北京市社会科学院"


def test_a_total_glued_after_a_note_whose_words_hold_a_chinese_numeral(tmp_path):
    # 三公经费控制良好 holds 三, a word and no figure: the row is still 总分 100 | 95.
    text = """项目支出绩效自评表
| 项目名称 | 乡村道路养护 | | | | | |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 养护道路里程 | ≥120公里 | 126公里 | 50 | 50 |
| 效益指标 | 社会效益指标 | 群众出行便利度 | 逐步提高 | 已提高 | 50 | 45 |
| 其他需要说明事项 | 三公经费控制良好 | 总分 | 100 | 95 | 优 |
"""
    [table] = extract(tmp_path, text).tables
    assert (table.total_weight, table.total_score) == (100, 95)
    assert [i.level3 for i in table.indicators] == ["养护道路里程", "群众出行便利度"]


def test_a_percentage_is_no_sum_of_money_but_may_be_a_weight():
    assert fits("execution_rate", "100%") > 0
    assert fits("executed", "100%") < 0
    assert fits("weight", "10%") >= 0  # a 权重 printed as a percentage


def test_a_templates_slot_is_an_ellipsis_or_a_bare_number_and_names_no_level():
    # The forms leave rows for more indicators as "……" (or "…", "......") or as their bare number, 指标2 or 指标12.
    assert all(is_placeholder(slot) for slot in ("……", "…", "......", "。。", "指标2", "指标12", "指标 12"))
    # One dot, nothing, or a numbered indicator with its name (指标1.药品抽验品种) is no slot.
    assert not any(is_placeholder(text) for text in ("", ".", "。", "指标1.药品抽验品种", "指标12:孕产妇7天访视数"))
    # A slot, named or not, is never a level's name.
    assert all(fits(level, text) < 0 for level in ("level1", "level2") for text in ("……", "指标12", "指标1.药品抽验品种"))


def test_traditional_prose_naming_core_indicators_but_holding_no_table_stays_as_printed():
    lines = ["項目支出績效自評報告", "本單位核心指標全部完成，預算執行率95%。"]
    assert [block.text for block in parse_text(lines)] == lines





def test_a_title_with_its_year_after_it_ends_the_rows_of_the_table_above(tmp_path):
    text = (f"项目支出绩效自评表\n项目名称\n乡村技能培训\n{UNSCORED_TABLE}\n"
            f"项目支出绩效自评表(2023年度)\n项目名称\n道路养护\n{UNSCORED_TABLE}")
    first, second = extract(tmp_path, text).tables
    assert [(i.level3, i.target, i.actual, i.deviation_note) for i in first.indicators] == \
        [("培训人数", "≥100人", "120人", "完成")]
    assert second.name == "道路养护"


def test_a_bare_fujian_line_above_a_dumped_head_names_the_table_and_is_no_head_label(tmp_path):
    lines = ["附件", "项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "年度资金总额",
             "100", "120", "90", "10", "75%", "7.5", UNSCORED_TABLE]
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    [table] = api.load(path).tables
    assert [p.text for p in table.title_lines] == ["附件"]
    assert not any("附件" in cell.text for row in table.rows for cell in row.cells)
