"""Table titles of the field set's dev texts as they were found: every expected value is read off the source lines by
eye, never copied from the reader's output."""
from assistant import api
from tests.conftest import ROOT

DEV = ROOT / "evals" / "field" / "dev"


def test_the_publishers_note_between_a_title_and_its_table_is_passed_over():
    # Lines 4-8: "2023年福彩中心绩效项目支出自评表" "详情见附件" "(注:以下内容为附件图片识别,个别文字可能不准确,请以附件为准)"
    # "专项(项目)名称…": the title names the table below the two notes.
    [table] = api.extract(api.load(DEV / "ningxia_shengji_2023_fucaiapp.txt"), "rules").tables
    assert table.title == "2023年福彩中心绩效项目支出自评表"
