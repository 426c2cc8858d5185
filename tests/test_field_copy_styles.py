"""The field set's dev texts as other copies of the same page print them: a cell a line (a browser's copy of a table
whose cells are blocks), cells apart by single spaces (a page's text with its empty cells gone), each row one line with
its separators removed (a PDF's or a document-sharing site's text). Every expected value is read off the source line
quoted beside it, never copied from the reader's output."""
import re

from assistant import api
from tests.conftest import ROOT

DEV = ROOT / "evals" / "field" / "dev"


def cells_of(line: str) -> list[str]:
    """A source line's filled cells: apart by bars where it prints them, else by spaces."""
    parts = line.strip().strip("|").split("|") if "|" in line else line.split()
    return [part.strip() for part in parts if part.strip()]


def copied(name: str, tmp_path, style: str):
    """The dev text `name` with its body rewritten in `style`: "cell_a_line", "spaced" or "rows_joined"."""
    source = (DEV / f"{name}.txt").read_text(encoding="utf-8")
    first, _, rest = source.partition("\n")
    lines = rest.splitlines()
    if style == "cell_a_line":
        body = [cell for line in lines for cell in cells_of(line)]
    elif style == "spaced":
        body = [" ".join(cells_of(line)) for line in lines]
    else:
        body = [re.sub(r"[\s|]+", "", line) for line in lines]
    copy = tmp_path / f"{name}_{style}.txt"
    copy.write_text(first + "\n" + "\n".join(body), encoding="utf-8")
    return copy


def indicators(path) -> dict[str, tuple]:
    report = api.extract(api.load(path), "rules")
    return {i.level3: (i.level1, i.level2, i.target, i.actual, i.weight, i.score)
            for t in report.tables for i in t.indicators}


def test_a_form_type_box_printed_an_option_a_line_stays_between_the_title_and_its_table(tmp_path):
    # sichuan_suining_2021 lines 5-7: "2021年中央对地方专项转移支付区域绩效目标自评表", "填报类型:整体□  区域√  项目□",
    # "单位名称 遂宁市市场监督管理局经开区分局 …". A cell a line, the box's options are lines of their own ("区域√",
    # "项目□"): they are the form's box, not the end of the title's place, and 整体 is no kind the table is.
    report = api.extract(api.load(copied("sichuan_suining_2021_liangpinyixie", tmp_path, "cell_a_line")), "rules")
    [table] = report.tables
    assert (table.kind, table.title) == ("project", "2021年中央对地方专项转移支付区域绩效目标自评表")
    # line 38: "数量指标 指标1.药品抽验品种 ≥3 4"
    first = table.indicators[0]
    assert (first.level2, first.level3, first.target, first.actual) == ("数量指标", "指标1.药品抽验品种", "≥3", "4")


def test_a_header_printed_over_two_rows_a_cell_a_line_joins_each_upper_half_to_its_lower_half(tmp_path):
    # hubei_ezhou_2019 lines 20-27: "一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施" over
    # "指标值 完成值"; "产出指标 数量指标 服务对象人数 100人次 100人次 15 15" (line 24); "成本指标 计划完成率 90% 60%
    # 20 10 部分项目延续至下年" (line 27). A cell a line, "实际" is followed by "分值": still the upper half of 实际完成值, not a 实际分值.
    rows = indicators(copied("hubei_ezhou_2019_caizhengju", tmp_path, "cell_a_line"))
    assert rows["服务对象人数"] == ("产出指标", "数量指标", "100人次", "100人次", 15, 15)
    assert rows["计划完成率"] == ("产出指标", "成本指标", "90%", "60%", 20, 10)


def test_a_level_cell_spaced_out_a_character_at_a_time_is_one_name_in_a_spaced_copy(tmp_path):
    # anhui_xiaoxian_2023 lines 15-16: "产 出 指 标 (50分) |", "数量指标 | ★补助各类瓜果蔬菜种植面积 | 20 | 29.5亩 |
    # 29.5亩 | 20 |"; lines 30-33: "效 益 指 标 (30分) |", …, "经济效益指标 |", …, "特色产业带动增加受益农户收入(总收入) |
    # 20 | ≥11.376万元 | 12万元 | 20 |". Cells apart by single spaces, each letter-spaced merged cell is still its stage.
    rows = indicators(copied("anhui_xiaoxian_2023_tesezhongyang", tmp_path, "spaced"))
    assert rows["★补助各类瓜果蔬菜种植面积"] == ("产出指标", "数量指标", "29.5亩", "29.5亩", 20, 20)
    assert rows["特色产业带动增加受益农户收入(总收入)"] == ("效益指标", "经济效益指标", "≥11.376万元", "12万元", 20, 20)


def test_scored_rows_a_line_each_run_together_are_read_where_every_stage_adds_up_to_its_points(tmp_path):
    # anhui_huoqiu_2022 lines 18-22: "产出指标(50分) 数量指标 开展县域结对交流活动 ≥3次 3 10 10", "质量指标 科技特派员
    # 创业能力提升 创业能力提升 达成预期指标 20 20", …, "效益指标(30分) 经济效益指标 带动农民增收 农民增收 达成预期指标
    # 10 10". Each row one line, its separators gone ("…开展县域结对交流活动≥3次31010"): 10 + 20 + 10 + 10 make 产出指标's
    # 50 points and 10 + 10 + 10 效益指标's 30 only as the form prints them.
    copy = copied("anhui_huoqiu_2022_kejitepaiyuan", tmp_path, "rows_joined")
    rows = indicators(copy)
    assert rows["开展县域结对交流活动"] == ("产出指标", "数量指标", "≥3次", "3", 10, 10)
    assert rows["科技特派员创业能力提升"][1:] == ("质量指标", "创业能力提升", "达成预期指标", 20, 20)
    assert rows["带动农民增收"][1:] == ("经济效益指标", "农民增收", "达成预期指标", 10, 10)
    # line 25 "生态效益指标         0": a level with no row of its own, its one number in no telling column — an empty
    # level, and the rows after it read on: line 26 "满意度指标(10分) 满意度指标 群众创业热情高涨 创业热情高涨 达成预期指标
    # 10 10", line 27 "总分   100 100.00".
    assert rows["群众创业热情高涨"] == ("满意度指标", "满意度指标", "创业热情高涨", "达成预期指标", 10, 10)
    # lines 12-13, "其中:本年财政拨款 25 25 25" and "上年结转资金 0 0 0" run together ("252525", "000"): each amount no
    # more than the total's (line 11, "年度资金总额: 25 25 25 10 100.00% 10.00").
    [table, *_] = api.extract(api.load(copy), "rules").tables
    parts = {line.label: (line.initial_budget, line.full_year_budget, line.executed) for line in table.fund_lines}
    assert parts["本年财政拨款"] == (25, 25, 25) and parts["上年结转资金"] == (0, 0, 0)
    assert (table.total_weight, table.total_score) == (100, 100)


def test_scored_rows_a_line_each_whose_points_no_stage_prints_are_not_read_by_guess(tmp_path):
    # hubei_ezhou_2019 prints no stage's points ("产出指标 数量指标 服务对象人数 100人次 100人次 15 15", line 24): run
    # together a line each, "100人次100人次1515" is 15, 15 or 1, 515 … by nothing the table prints — no value is read.
    rows = indicators(copied("hubei_ezhou_2019_caizhengju", tmp_path, "rows_joined"))
    assert all(values[2:] == (None, None, None, None) for values in rows.values())


def test_a_keys_bracketed_remark_in_a_spaced_copy_stays_with_the_key_not_the_unit(tmp_path):
    # sichuan_daying_2022_zhifafuzhuang line 20: "主管部门 | 大英县文化广播电视和旅游局部门 | 实施单位 (盖章) |
    # 大英县文化广播电视和旅游局 |". Cells apart by single spaces, "(盖章)" asks for the seal: the unit is the cell after it.
    report = api.extract(api.load(copied("sichuan_daying_2022_zhifafuzhuang", tmp_path, "spaced")), "rules")
    assert report.unit_name == "大英县文化广播电视和旅游局"


def test_a_funds_row_apart_by_spaces_ending_in_its_scoring_rule_keeps_each_amount_a_cell(tmp_path):
    # guizhou_suiyang lines 5-6: "部门(单位)总体 资金(万元) | 资 金 来 源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 |
    # 得分计算方法", "年度资金总额: | 1172.55 | 1268.72 | 10 | 10 | 执行率*该指标分值,最高不得超过分值上限。". Apart by
    # single spaces, the row's text cell made it read as a run-together line: its amounts ran into one number,
    # 1172.551268.721010.
    report = api.extract(api.load(copied("guizhou_suiyang_nd_taibaizhen", tmp_path, "spaced")), "rules")
    total = report.tables[0].funds_total
    assert (total.initial_budget, total.executed, total.weight, total.score) == (1172.55, 1268.72, 10, 10)
