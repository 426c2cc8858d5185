"""Table titles and head keys of the field set's dev texts as they were found: every expected value is read off
the source lines by eye, never copied from the reader's output."""
from assistant import api
from tests.conftest import ROOT

DEV = ROOT / "evals" / "field" / "dev"


def test_the_publishers_note_between_a_title_and_its_table_is_passed_over():
    # Lines 4-8: "2023年福彩中心绩效项目支出自评表" "详情见附件" "(注:以下内容为附件图片识别,个别文字可能不准确,请以附件为准)"
    # "专项(项目)名称…": the title names the table below the two notes.
    [table] = api.extract(api.load(DEV / "ningxia_shengji_2023_fucaiapp.txt"), "rules").tables
    assert table.title == "2023年福彩中心绩效项目支出自评表"


def test_a_key_with_the_seal_remark_takes_the_value_printed_under_it():
    # Lines 13-14, one cell a line: "实施单位 (盖章) |" "青神县发展和改革局 |": "(盖章)" asks for the seal, the unit is
    # on the line below.
    report = api.extract(api.load(DEV / "sichuan_qingshen_2023_gongzi.txt"), "rules")
    assert report.unit_name == "青神县发展和改革局"


def test_ningxias_project_total_score_printed_in_the_head_after_the_title():
    # Line 3: "马铃薯冲薯繁育示范推广项目绩效目标自评表(2022年度)项目总得分99分项目名称碟令薯樽轴示施…": 项目总得分 is a head key
    # (the table's 总分), and the title ends before it.
    [table] = api.extract(api.load(DEV / "ningxia_yuanzhou_2022_malingshu.txt"), "rules").tables
    assert (table.title, table.total_score) == ("马铃薯冲薯繁育示范推广项目绩效目标自评表", 99)


def test_a_label_cell_shared_by_the_unit_and_the_person_gives_the_unit_its_part_of_the_value():
    # Line 3: "…项目实施单位/项目负责人原州区农技中心/杨勃兴自治区主管部门农业农村厅…": one label cell for two values
    # printed "unit/person"; the unit is 原州区农技中心, not "/" nor the person's name.
    report = api.extract(api.load(DEV / "ningxia_yuanzhou_2022_malingshu.txt"), "rules")
    assert report.unit_name == "原州区农技中心"


def test_a_title_naming_the_units_project_funds_names_the_unit():
    # hebei_longyao l.5 "隆尧县市场监督管理局2019年度项目资金绩效自评报告"; l.11 repeats the title cut to "尧县市场监督管理局".
    report = api.extract(api.load(DEV / "hebei_longyao_2019_shipinyaopin.txt"), "rules")
    assert report.unit_name == "隆尧县市场监督管理局"


def test_a_suffix_inside_a_longer_word_ends_no_unit_name():
    # unknown_nd_nd_xiangcunzhenxing l.32 "用途均按照央、省衔接资金管理办法": 办 begins 办法, no unit is named anywhere.
    report = api.extract(api.load(DEV / "unknown_nd_nd_xiangcunzhenxing.txt"), "rules")
    assert report.unit_name is None


def test_a_government_pages_publisher_names_the_unit_when_the_forms_unit_cells_are_empty():
    # hubei_ezhou_2021 line 3, the 政务公开 page's own head above the form: "发文单位: | 鄂州市行政审批局 | 发布日期: | …";
    # the form's 主管部门 and 实施单位 cells (lines 12-15) are empty.
    assert api.extract(api.load(DEV / "hubei_ezhou_2021_shiminzhongxin.txt"), "rules").unit_name == "鄂州市行政审批局"


def test_the_publishers_note_on_the_titles_own_line_is_passed_over():
    # sichuan_nanchong l.2: "详情见附件(注:以下内容为附件图片识别,个别文字可能不准确,请以附件为准)部门预算项目支出绩效自评表(2023年度) | | …":
    # the bid site's note, run into the title's line, is no part of the title; the year after it neither.
    [table] = api.extract(api.load(DEV / "sichuan_nanchong_2023_tuigenghuanlin.txt"), "rules").tables
    assert table.title == "部门预算项目支出绩效自评表"


def test_the_forms_seal_and_date_lines_between_its_attachment_label_and_its_table_are_passed_over():
    # Lines 3-7: "附表2", "2022年度共享工程项目自评表", "项目单位(盖章):黄石市图书馆 主要领导签字:", "填报日期:2023.6.28",
    # "项目名称 | 共享工程 | …": the title is the label and the title above the lines to sign and date.
    [table] = api.extract(api.load(DEV / "hubei_huangshi_2022_gongxianggongcheng.txt"), "rules").tables
    assert table.title == "附表2 2022年度共享工程项目自评表"
