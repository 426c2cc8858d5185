"""Tables whose levels each carry their own 分值, and tables pasted one cell per line: the rows rebuilt from
the header's roles and the cells' types, merged level cells carried down. Each text is a short excerpt of a
published table, quoted as found; every expected value is read off that text by eye."""
from assistant import api


def extract(tmp_path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return api.extract(api.load(path), "rules")


def levels_of(table) -> list[tuple]:
    return [(i.level1, i.level2, i.level3, i.weight, i.score) for i in table.indicators]


# Hainan, 服务贸易项目绩效自评表, one cell per line as a document viewer copies it:
# https://m.bdocx.com/doc/30238812.html
HAINAN_ONE_PER_LINE = "\n\n".join("""服务贸易项目绩效自评表
项目实施单位
省商务厅服务贸易和商贸服务业处
二、绩效评价指标评分
一级指标
分值
二级指标
分值
三级指标
分值
得分
项目决策
20
项目目标
4
目标内容
4
4
决策过程
8
决策依据
3
3
决策程序
5
5
资金分配
8
分配办法
2
2
分配结果
6
6
项目管理
25
资金到位
5
到位率
3
3""".split("\n")) + "\n"


def test_each_level_with_its_own_score_one_cell_per_line(tmp_path):
    [table] = extract(tmp_path, HAINAN_ONE_PER_LINE).tables
    # A level's name and 分值 are printed on its group's first row only: the pairs fill the deepest levels.
    assert levels_of(table) == [
        ("项目决策", "项目目标", "目标内容", 4, 4),
        ("项目决策", "决策过程", "决策依据", 3, 3),
        ("项目决策", "决策过程", "决策程序", 5, 5),
        ("项目决策", "资金分配", "分配办法", 2, 2),
        ("项目决策", "资金分配", "分配结果", 6, 6),
        ("项目管理", "资金到位", "到位率", 3, 3),
    ]
    # The level's own 分值 is its weight, never the indicator's.
    assert table.level1_weights == {"项目决策": 20, "项目管理": 25}


def test_each_level_with_its_own_score_in_a_grid(tmp_path):
    # The same Hainan rows as a spreadsheet paste (TABs), merged cells left empty.
    text = """一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t得分
项目决策\t20\t项目目标\t4\t目标内容\t4\t4
\t\t决策过程\t8\t决策依据\t3\t3
\t\t\t\t决策程序\t5\t5
"""
    [table] = extract(tmp_path, text).tables
    assert levels_of(table) == [
        ("项目决策", "项目目标", "目标内容", 4, 4),
        ("项目决策", "决策过程", "决策依据", 3, 3),
        ("项目决策", "决策过程", "决策程序", 5, 5),
    ]
    assert table.level1_weights == {"项目决策": 20}
