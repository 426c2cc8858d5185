"""The reader on the layouts a code review (issue #14) found misread: each text is written as such pages print
it, and every expected value is read off that text by eye."""
from assistant import api


def extract(tmp_path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return api.extract(api.load(path), "rules")


def test_a_level_group_of_full_rows_printed_one_cell_a_line_keeps_each_rows_note(tmp_path):
    text = "\n".join("""项目支出绩效自评表
项目名称
乡村技能培训
一级指标
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
完成
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
1、培训场地有待进一步改善。""".splitlines())
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
