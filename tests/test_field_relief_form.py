"""Suixi's 临时救助 form (a real dev table, one cell a line): a form whose head names only its 主管部门, a
relief standard whose name prints its own upper bound, and a count whose note says the roll is managed
dynamically."""
from assistant import api
from assistant.check.wording import note_states_cause
from assistant.ingest import read_bytes, read_path
from tests.conftest import ROOT

SUIXI = ROOT / "evals" / "field" / "dev" / "anhui_suixi_2019_linshijiuzhu.txt"


def test_a_form_naming_only_its_supervising_department_is_that_department_s():
    """主管部门 "[155]濉溪县民政局" (its budget code in brackets) and no title naming a unit: before, no unit."""
    assert api.extract(read_path(SUIXI), "rules").unit_name == "濉溪县民政局"


def test_a_unit_a_title_names_comes_before_the_supervising_department():
    text = ("某县农业农村局2023年度项目支出绩效自评报告\n项目支出绩效自评表\n项目名称 | 耕地保护 | 主管部门 | 某县人民政府 |\n"
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "产出指标 | 数量指标 | 耕地面积 | ≥100亩 | 100亩 | 10 | 10 |\n")
    assert api.extract(read_bytes(text.encode("utf-8"), "r.txt"), "rules").unit_name == "某县农业农村局"


def test_a_name_printing_its_own_upper_bound_is_no_backwards_target():
    """扶贫临时救助标准(<**元/户·年)——一户年最高5300元, target <=5300元/户: the bound is meant (a false alarm before);
    the row's real defect, 5830元/户 scored full marks, is still found."""
    findings = api.check(read_path(SUIXI)).findings
    relief = [f.rule for f in findings if f.row and f.row.startswith("扶贫临时救助标准")]
    assert "target_direction_suspect" not in relief and "target_not_met_full_score" in relief


def test_an_upper_bound_on_a_count_whose_name_states_none_is_still_suspect():
    text = ("项目支出绩效自评表\n一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "产出指标 | 数量指标 | 培训人数 | ≤100人 | 100人 | 10 | 10 |\n")
    findings = api.check(read_bytes(text.encode("utf-8"), "r.txt")).findings
    assert [f.rule for f in findings if f.rule == "target_direction_suspect"] == ["target_direction_suspect"]


def test_a_roll_managed_dynamically_is_a_cause_of_its_count_moving():
    """特困人员救助供养人数 ≥4754 with 4604, note "特困人员实行动态管理": a cause, so no "note states no cause"."""
    assert note_states_cause("特困人员实行动态管理") and not note_states_cause("加大宣传力度")
    findings = api.check(read_path(SUIXI)).findings
    supported = [f.rule for f in findings if f.row and "特困人员救助供养人数" in f.row]
    assert "missing_deviation_note" not in supported and "target_not_met_full_score" in supported
