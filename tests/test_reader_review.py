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
