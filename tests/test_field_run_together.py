"""Run-together indicator rows of the field set's dev texts as they were found (OCR of document viewers): every
expected value is read off the source line by eye, never copied from the reader's output."""
from assistant import api
from assistant.extract.run_rows import unscrambled_stages
from tests.conftest import ROOT

DEV = ROOT / "evals" / "field" / "dev"


def test_a_stage_name_ocr_read_out_of_order_before_a_level_2_name_is_put_back():
    # Line 4: "…年初目标值(A)实际完成值(B)得分出标产指数量指标补贴渔船数6620质量指标渔船补贴发放率100%100%10时效指标…":
    # "出标产指" is 产出指标 printed in a vertical cell, read out of order; the rows under it are 产出指标's.
    [table] = api.extract(api.load(DEV / "hubei_qu_2020_changjiangjinbu.txt"), "rules").tables
    rows = [(i.level1, i.level2, i.level3) for i in table.indicators]
    assert ("产出指标", "数量指标", "补贴渔船数") in rows
    assert ("产出指标", "质量指标", "渔船补贴发放率") in rows
    # A name that only shares the characters, with no 二级 name after it, stays as printed.
    assert unscrambled_stages("益标效指意指斥满度打服务对象满意度") == "益标效指意指斥满度打服务对象满意度"
