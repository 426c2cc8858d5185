"""Indicator and table names the reader must keep, whatever character they start with. The text is a real
sample report with one name edited as other units print it; every expected value is read off that text by eye."""
from assistant import api
from tests.conftest import SAMPLES

SAMPLE_000 = SAMPLES / "000_9f4ecd25e267d59e.txt"


def test_an_indicator_name_starting_with_a_comparator_stays_the_name(tmp_path):
    # Sample 000, lines 117-124 under 产出指标: "\t质量" "指标" "\t监管覆盖率\u3000" "\t100%" "\t100%" "\t12.5"
    # "\t\u300012.5", printed here as "<监管覆盖率": a "<" before words is part of a name, not a target's comparator.
    text = SAMPLE_000.read_text(encoding="utf-8").replace("\t监管覆盖率\u3000\n", "\t<监管覆盖率\u3000\n", 1)
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    table = api.extract(api.load(path), "rules").tables[0]
    rows = [(i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in table.indicators[1:3]]
    assert rows == [("产出指标", "质量指标", "<监管覆盖率", "100%", "100%", 12.5, 12.5),
                    ("产出指标", "时效指标", "任务完成时间", "2022年12月31日前", "2022年12月", 12.5, 12.5)]


def test_a_table_titled_a_transfer_payments_keeps_its_units_name_when_it_prints_no_project_name(tmp_path):
    # Sample 000, line 4 "部门整体支出绩效自评表" printed as a transfer payment's ("…（含转移支付资金）…"), line 8-9
    # "\t预算部门名称" "\t石鼓区市场监督管理局": the table is read as a project's, and with no 项目名称 its unit names it —
    # only a 区域绩效 form leaves its name to the transfer payment's own label.
    text = SAMPLE_000.read_text(encoding="utf-8").replace("部门整体支出绩效自评表", "部门整体支出（含转移支付资金）绩效自评表", 1)
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    table = api.extract(api.load(path), "rules").tables[0]
    assert "转移支付" in table.title
    assert table.name == "石鼓区市场监督管理局"
