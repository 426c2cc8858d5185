"""A web page's table copied with every cell closed by a bar on a line of its own ("春节走访慰问经费" then "|"), an
empty cell a bar right after a bar, a row ended by a line of bars ("||||"). Expected values are read off the source
lines by eye, never copied from the reader's output."""
import json

from assistant import api
from assistant.ingest import read_bytes
from tests.conftest import ROOT, run_cli

DEV = ROOT / "evals" / "field" / "dev"
BAOSHAN = DEV / "yunnan_baoshan_2022_chunjieweiwen.txt"


def test_a_yunnan_score_only_form_with_its_cells_closed_by_bar_lines_is_read_row_by_row_from_the_cli():
    # l.2-4 "附件1" "2022年度项目支出绩效自评表" "单位名称:保山市退役军人事务局 填报日期:2023年4月6日"; l.47-55
    # "年度财政资金总额" "|" "34.64" "|" "34.64" "|" "100%" "|" "20"; l.94-102 "时效指标" "|" "春节前完成走访慰问" "|"
    # "按时限完成" "|" "100%" "|" "20"; l.113-123 "效益指标(10分)" … "小于5次" "|" "无上访" "|" "10"; l.146-152
    # "总分(100分)" "|" "100" "|" "自评等级" "|" "优".
    result = run_cli("extract", "-f", "json", str(BAOSHAN))
    assert result.returncode == 0, result.stderr.decode()
    [table] = json.loads(result.stdout)["tables"]
    assert table["title"] == "附件1 2022年度项目支出绩效自评表"
    funds = table["funds_total"]
    assert (funds["full_year_budget"], funds["executed"], funds["execution_rate"], funds["score"]) == \
        (34.64, 34.64, 100, 20)
    rows = {row["level3"]: (row["level1"], row["level2"], row["target"], row["actual"], row["score"])
            for row in table["indicators"]}
    assert rows["春节前完成走访慰问"] == ("产出指标", "时效指标", "按时限完成", "100%", 20)
    assert rows["全市重点优抚对象、企业军转干部总体保持稳定,年内无群体性事件发生"] == \
        ("效益指标", "社会效益指标", "小于5次", "无上访", 10)
    assert len(rows) == 5  # the 总分, 偏差 and 改进措施 rows are no indicators
    assert (table["total_weight"], table["total_score"]) == (100, 100)  # 总分(100分) | 100


def test_the_checks_read_a_result_of_none_against_an_upper_bound_and_a_percent_against_a_worded_target():
    # 小于5次 → 无上访 is a count of none under its bound; 按时限完成 → 100% gives a percent for a target in words
    # (as the samples' independent gold labels 根据文件规定时间内进行公示 → 100%).
    document = api.load(BAOSHAN)
    findings = api.check_extracted(api.extract(document, "rules"), document).findings
    assert [(f.rule, f.row) for f in findings if f.rule == "unit_mismatch"] == [("unit_mismatch", "春节前完成走访慰问")]


def test_bar_lines_hold_empty_cells_and_a_paragraph_after_the_table_stays_a_paragraph():
    text = "\n".join([
        "项目支出绩效自评表",
        "一级指标", "|", "二级指标", "|", "三级指标", "|", "指标值", "|", "实际完成值", "|", "分值", "|", "得分", "|",
        "||",
        "产出指标", "|", "数量指标", "|", "培训人次", "|", "≥300人次", "|", "320人次", "|", "10", "|", "10", "|",
        "||",
        "|", "质量指标", "|", "培训合格率", "|", "≥95%", "|", "|", "10", "|", "8", "|",
        "|||",
        "说明:培训合格率未统计。",
    ])
    [table] = api.extract(read_bytes(text.encode(), "pasted.txt"), "rules").tables
    rows = [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators]
    assert rows == [("产出指标", "数量指标", "培训人次", "≥300人次", "320人次", 10, 10),
                    ("产出指标", "质量指标", "培训合格率", "≥95%", None, 10, 8)]


def test_goals_printed_twice_one_space_apart_are_the_expected_and_the_achieved_goal():
    # l.43 "新建道路 524m;硬化道路5719m;人行便道硬化 14.7km。 新建道路 524m;硬化道路5719m;人行便道硬化 14.7km。"
    # under l.42 "年度总体目标  年初设定目标  全年实际完成情况".
    report = api.extract(api.load(DEV / "chongqing_zhongxian_2021_longtancun.txt"), "rules")
    [table] = report.tables
    goal = "新建道路524m;硬化道路5719m;人行便道硬化14.7km。"
    assert (table.goals.expected.replace(" ", ""), table.goals.achieved.replace(" ", "")) == (goal, goal)
