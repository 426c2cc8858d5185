"""A published report's tables copied out of a browser: a reviewer opens the page in chromium, selects all, copies
and pastes. The copy puts a TAB between a row's cells and a line break wherever a cell breaks (<br>, a header word
wrapped in its column: 年度 | 指标值, a vertical label one character a line: 绩 | 效 | 指 | 标), and prints a merged
cell once, in its first row. Each page is drawn by evals/tools/render.py's writers from a sample or a field dev
report, copied with real chromium (select all, copy, read the clipboard) and read back with the CLI; the figures a
reviewer reads are the gold's. A Word-made page (a <p> in every cell) copies without TABs: each cell a paragraph of
its own; its pages are drawn as the Word file render.py writes, saved as a web page by LibreOffice."""
import json

import pytest

from tests.conftest import GOLD, ROOT, SAMPLES, eval_tool, run_cli
from tests.test_web_browser import CHROMIUM, CHROMIUM_ARGS

DEV = ROOT / "evals" / "field" / "dev"
render = eval_tool("render")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not installed (apt-get install chromium; .ci/run does)")


@pytest.fixture(scope="module")
def clipboard_page():
    """A chromium page allowed to read the clipboard its own copy wrote."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = chromium.new_context()
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        yield context.new_page()
        chromium.close()


def copied(page, sheet, tmp_path) -> str:
    """The page `render.write_html` draws of `sheet`, as chromium copies it after select all."""
    html = tmp_path / "report.html"
    render.write_html(sheet, html)
    page.goto(html.resolve().as_uri())
    return render.copied(page)


def copied_word_page(page, sheet, tmp_path) -> str:
    """`sheet` drawn as a Word file and saved as a web page by LibreOffice Writer (a <p> in every cell, as Word saves
    one), as chromium copies it after select all."""
    docx = tmp_path / "report.docx"
    render.write_docx(sheet, docx)
    page.goto(render.soffice_convert(docx, "html", tmp_path).resolve().as_uri())
    return render.copied(page)


def extracted(text: str, tmp_path) -> dict:
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(text, encoding="utf-8")
    result = run_cli("extract", str(pasted), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def scored(indicators: list[dict]) -> dict:
    """Each indicator's name with what a reviewer checks: its target, result, 分值 and 得分."""
    return {indicator["level3"]: (indicator["target"], indicator["actual"], indicator["weight"], indicator["score"])
            for indicator in indicators}


def assert_reads_as_gold(report: dict, gold: dict) -> None:
    assert len(report["tables"]) == len(gold["tables"])
    for table, labelled in zip(report["tables"], gold["tables"]):
        if labelled.get("funds_total"):
            funds = {key: value for key, value in table["funds_total"].items() if key != "line"}
            assert funds == {key: value for key, value in labelled["funds_total"].items() if key != "line"}
        assert scored(table["indicators"]) == scored(labelled["indicators"])
        assert (table["total_weight"], table["total_score"]) == (labelled["total_weight"], labelled["total_score"])


@pytest.mark.parametrize("sample, breaks", [
    # 年初 | 预算数 and 偏差原因 | 分析及 | 改进措施 broken in the header, 数量 | 指标 and 产出指标 | (50分) in the level
    # names, 绩 | 效 | 指 | 标 down the first column, 任务完 | 成时间 in a name
    ("000_9f4ecd25e267d59e", ["年度\n指标值", "绩\n效\n指\n标", "数量\n指标", "任务完\n成时间"]),
    # 年度预 | 算申请 down the funds block, the goals numbered 1、 to 17、 one a line
    ("001_8744007de10ea853", ["年度预\n算申请", "\n2、制定食品抽检计划"]),
])
def test_a_sample_copied_out_of_chromium_reads_to_its_gold(clipboard_page, tmp_path, sample, breaks):
    sheet = render.sample_sheet((SAMPLES / f"{sample}.txt").read_text(encoding="utf-8"))
    text = copied(clipboard_page, sheet, tmp_path)
    assert all(broken in text for broken in breaks)  # the copy breaks the cells where the page does
    assert_reads_as_gold(extracted(text, tmp_path), json.loads((GOLD / f"{sample}.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("report", [
    "shanghai_putuo_2022_tiyu",  # rows of names and targets broken over lines
    "fujian_ningde_2023_rencaiyizhan",  # 评价内容 spans the 一级 and 二级 columns: copied once, with no empty cell
])
def test_a_field_report_copied_out_of_chromium_reads_to_its_gold(clipboard_page, tmp_path, report):
    gold = json.loads((DEV / f"{report}.json").read_text(encoding="utf-8"))
    text = copied(clipboard_page, render.field_sheet(gold), tmp_path)
    assert_reads_as_gold(extracted(text, tmp_path), gold)


@pytest.mark.parametrize("sample, broken", [
    ("000_9f4ecd25e267d59e", ["年初\n预算数", "绩\n效\n指\n标", "任务完\n成时间"]),  # cells broken by their <br>
])
def test_a_sample_copied_out_of_a_word_made_page_reads_to_its_gold(clipboard_page, tmp_path, sample, broken):
    """The copy holds no TAB: a blank line after every cell, row or paragraph, two more for an empty cell, a single
    line break where a cell breaks."""
    sheet = render.sample_sheet((SAMPLES / f"{sample}.txt").read_text(encoding="utf-8"))
    text = copied_word_page(clipboard_page, sheet, tmp_path)
    assert "\t" not in text and all(cell in text for cell in broken)
    assert_reads_as_gold(extracted(text, tmp_path), json.loads((GOLD / f"{sample}.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("report", [
    # 年度资金总额's 年初预算数 left empty (its figures one column to the right), the notes empty under 绩效指标
    "yunnan_yongde_2022_yingyanggaishan",
    "beijing_haidian_2016_baojie",  # 指标值, 完成值 and the method left empty; the copy cut off inside its last row
])
def test_a_field_report_copied_out_of_a_word_made_page_reads_to_its_gold(clipboard_page, tmp_path, report):
    gold = json.loads((DEV / f"{report}.json").read_text(encoding="utf-8"))
    text = copied_word_page(clipboard_page, render.field_sheet(gold), tmp_path)
    assert "\t" not in text and "\n\n\n\n" in text  # an empty cell: two blank lines more
    assert_reads_as_gold(extracted(text, tmp_path), gold)


def test_a_word_made_page_copy_keeps_a_level_printed_with_no_row_under_it_out_of_the_rows_below(clipboard_page,
                                                                                                  tmp_path):
    """阆中's form prints 成本指标 and 可持续影响指标 on rows of their own, every other cell empty, each above a "……"
    row, and no 一级 name but 满意度指标. The grid reads those rows as they are: 成本指标 is no 一级 carried onto the
    效益 rows below it."""
    gold = json.loads((DEV / "sichuan_langzhong_2021_chegoushui.json").read_text(encoding="utf-8"))
    text = copied_word_page(clipboard_page, render.field_sheet(gold), tmp_path)
    [table] = extracted(text, tmp_path)["tables"]
    [labelled] = gold["tables"]
    assert [(row["level1"], row["level2"], row["level3"], row["target"], row["actual"]) for row in table["indicators"]] \
        == [(row["level1"], row["level2"], row["level3"], row["target"], row["actual"]) for row in labelled["indicators"]]


def test_a_hand_typed_tab_copy_with_broken_header_words_level_names_and_cells(tmp_path):
    """A TAB copy typed as chromium prints one: 年度 | 指标值 and 偏差原因 | 分析及 | 改进措施 broken in the header,
    产出指标 | (50分), 数量 | 指标 and 质量 | 指标 in the level names; a cell merged down (绩效指标, 产出指标, 质量指标)
    is printed in its first row only, so the rows below it are short; a name and a note broken over two lines."""
    text = ("项目支出绩效自评表\n"
            "项目名称\t社区养老服务补助\n"
            "绩效指标\t一级指标\t二级指标\t三级指标\t年度\n指标值\t实际完成值\t分值\t得分\t偏差原因\n分析及\n改进措施\n"
            "产出指标\n(50分)\t数量\n指标\t服务老人人次\t≥1200人次\t1350人次\t25\t25\t\n"
            "质量\n指标\t服务合格率\t≥95%\t92%\t15\t13\t回访发现部分服务\n记录不全，下年加强抽查\n"
            "投诉办结\n及时率\t≥90%\t95%\t10\t10\t\n"
            "总分\t50\t48\t\n")
    [table] = extracted(text, tmp_path)["tables"]
    assert [(row["level1"], row["level2"]) for row in table["indicators"]] == [
        ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "质量指标")]
    assert table["level1_weights"] == {"产出指标": 50}
    assert scored(table["indicators"]) == {"服务老人人次": ("≥1200人次", "1350人次", 25, 25),
                                           "服务合格率": ("≥95%", "92%", 15, 13),
                                           "投诉办结及时率": ("≥90%", "95%", 10, 10)}
    assert table["indicators"][1]["deviation_note"] == "回访发现部分服务记录不全，下年加强抽查"
    assert (table["total_weight"], table["total_score"]) == (50, 48)


def test_numbered_goals_broken_over_lines_stay_in_their_cells(tmp_path):
    """The goals' items one a line (一、 then 二、): a line opening the next item goes on in the cell, a heading-like
    "二、" line inside a cell ends neither the row nor the table."""
    text = ("项目支出绩效自评表\n"
            "项目名称\t社区养老服务补助\n"
            "年度总体目标\t预期目标\t实际完成情况\n"
            "\t一、完善服务网点\n二、提高服务质量\t一、新建服务网点3个\n二、服务满意度95%\n"
            "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
            "产出指标\t数量指标\t服务老人人次\t≥1200人次\t1350人次\t25\t25\t\n"
            "总分\t25\t25\t\n")
    [table] = extracted(text, tmp_path)["tables"]
    assert table["goals"] == {"expected": "一、完善服务网点二、提高服务质量", "achieved": "一、新建服务网点3个二、服务满意度95%"}
    assert scored(table["indicators"]) == {"服务老人人次": ("≥1200人次", "1350人次", 25, 25)}


def test_a_hand_typed_word_page_copy_reads_each_cell_at_its_own_line(tmp_path):
    """A copy typed as chromium prints a Word-made page: a blank line after every cell, an empty cell (the 年初预算数
    of 年度资金总额, the first row's note) two blank lines more, 年度 | 指标值 and the second note broken by a single
    line break, 绩效指标 merged down the rows (printed once). Each indicator names the line it was read from."""
    cells = ["项目支出绩效自评表", "项目名称", "社区养老服务补助",
             "项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
             "年度资金总额", "", "50", "47.68", "10", "95.36%", "9.54",
             "绩效指标", "一级指标", "二级指标", "三级指标", "年度\n指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
             "产出指标", "数量指标", "服务老人人次", "≥1200人次", "1350人次", "25", "25", "",
             "产出指标", "质量指标", "服务合格率", "≥95%", "92%", "15", "13", "回访发现部分服务\n记录不全",
             "总分", "40", "38"]
    text = "\n\n".join(cells) + "\n"
    [table] = extracted(text, tmp_path)["tables"]
    assert table["name"] == "社区养老服务补助"
    assert {key: table["funds_total"][key] for key in ("initial_budget", "full_year_budget", "executed", "score")} == {
        "initial_budget": None, "full_year_budget": 50, "executed": 47.68, "score": 9.54}
    assert scored(table["indicators"]) == {"服务老人人次": ("≥1200人次", "1350人次", 25, 25),
                                           "服务合格率": ("≥95%", "92%", 15, 13)}
    assert [row["deviation_note"] for row in table["indicators"]] == [None, "回访发现部分服务记录不全"]
    assert (table["total_weight"], table["total_score"]) == (40, 38)
    lines = text.split("\n")
    assert [lines[row["line"] - 1] for row in table["indicators"]] == ["服务老人人次", "服务合格率"]


@pytest.mark.parametrize("goals_head, goals, read", [
    # Chongqing's head: 全年(调整)绩效目标 left empty between the two goals, the first numbered 1、 (no page number)
    (["当年绩效目标", "年初绩效目标", "全年(调整)绩效目标", "全年目标实际完成情况"],
     ["1、新建社区养老服务网点3个，为辖区内高龄、独居及失能老人提供助餐、助浴和上门照护服务。", "",
      "新建服务网点3个，服务老人1350人次。"],
     {"expected": "1、新建社区养老服务网点3个，为辖区内高龄、独居及失能老人提供助餐、助浴和上门照护服务。",
      "achieved": "新建服务网点3个，服务老人1350人次。"}),
    # Ningxia's head (总体目标 the expected one), its achieved goal left empty
    (["总体目标完成情况", "总体目标", "全年实际完成情况"], ["新建服务网点3个。", ""],
     {"expected": "新建服务网点3个。", "achieved": None}),
    # the expected goal left empty; the indicator block's label printed above its header is no goal
    (["年度总体目标", "预期目标", "实际完成情况"], ["", "新建服务网点3个。", "年度绩效指标完成情况"],
     {"expected": None, "achieved": "新建服务网点3个。"}),
])
def test_a_word_page_copy_reads_each_goal_in_the_column_its_line_gives(tmp_path, goals_head, goals, read):
    """In a Word-made page's copy an empty cell is a blank line of its own: the goals under their head are placed
    by their lines, the row's label merged down from the head (one cell fewer)."""
    cells = ["项目支出绩效自评表", "项目名称", "社区养老服务补助",
             "项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
             "年度资金总额", "50", "50", "47.68", "10", "95.36%", "9.54",
             *goals_head, *goals,
             "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
             "产出指标", "数量指标", "服务老人人次", "≥1200人次", "1350人次", "25", "25", "",
             "总分", "25", "25"]
    [table] = extracted("\n\n".join(cells) + "\n", tmp_path)["tables"]
    assert table["goals"] == read
    assert scored(table["indicators"]) == {"服务老人人次": ("≥1200人次", "1350人次", 25, 25)}


def test_a_tab_copy_row_under_a_merged_label_keeps_its_empty_last_cells(tmp_path):
    """年度绩效目标(80分) heads the rows' first column, merged down and printed once: each row is one cell short of the
    header. The last row leaves its 完成值 and 得分 empty (服务范围扩大 | | ): a row narrower than the header was not
    padded, its cells stay in their columns."""
    text = ("项目支出绩效自评表\n"
            "项目名称\t东津院区建设\n"
            "年度绩效目标(80分)\t一级指标\t二级指标\t三级指标\t年初目标值(A)\t实际完成值(B)\t得分\n"
            "产出指标\t数量指标\t成本控制\t不超过预算\t不超过预算\t10\n"
            "效益指标\t经济效益\t医院东津医疗收入\t5亿元\t6.47亿元\t10\n"
            "效益指标\t可持续性\t可持续为周边群众提供医疗服务\t服务范围扩大\t\t\n")
    [table] = extracted(text, tmp_path)["tables"]
    assert [(row["level1"], row["level2"], row["level3"], row["target"], row["actual"], row["score"])
            for row in table["indicators"]] == [
        ("产出指标", "数量指标", "成本控制", "不超过预算", "不超过预算", 10),
        ("效益指标", "经济效益", "医院东津医疗收入", "5亿元", "6.47亿元", 10),
        ("效益指标", "可持续性", "可持续为周边群众提供医疗服务", "服务范围扩大", None, None)]


@pytest.mark.parametrize("report", [
    "sichuan_shengji_2017_bumendefen",  # 项目决策 | 科学决策 | 必要性(政策依据); the 可选项 rows' 分值 and 得分 left empty
    "unknown_nd_nd_yusuankaoping",  # 一般公共预算支出管理 | 结转结余情况 over rows that leave 指标说明 and 评分标准 empty
])
def test_a_word_made_page_copy_reads_rows_under_level_names_of_the_tables_own_merged_down(clipboard_page, tmp_path,
                                                                                          report):
    """A table that names its levels in words of its own, no form's 一级 or 二级 name (项目决策, 科学决策), each merged
    down its rows and printed once: a row opens at its 一级, its 二级 or its 三级指标, whichever its cells fit, so
    可行性(政策完善) | 5 | 5 is a row under 项目决策 | 科学决策 and 绩效目标 | 明确性 | 5 | 5 a new 二级 group."""
    gold = json.loads((DEV / f"{report}.json").read_text(encoding="utf-8"))
    text = copied_word_page(clipboard_page, render.field_sheet(dict(gold, merged_levels=True)), tmp_path)
    labelled = gold["tables"][0]["indicators"]
    assert all(text.count(f"\n{name}\n") == 1 for name in {row["level1"] for row in labelled})  # printed once
    table = extracted(text, tmp_path)["tables"][0]
    assert [(row["level1"], row["level2"], row["level3"], row["target"], row["weight"], row["score"])
            for row in table["indicators"]] \
        == [(row["level1"], row["level2"], row["level3"], row["target"], row["weight"], row["score"]) for row in labelled]


def test_a_word_made_page_copy_of_an_unscored_table_keeps_its_own_stage_names_merged_down_apart_from_results(
        clipboard_page, tmp_path):
    """大英's form heads its rows with stages of its own (项目决策, 项目效益) over the forms' kinds of indicator (数量指标,
    社会效益指标), each merged down and printed once, every cell filled (no blank line for an empty one): 项目效益
    opens the 社会效益指标 row, and 已完成100% stays the 成本 row's 实施进度, no name of a row of its own."""
    gold = json.loads((DEV / "sichuan_daying_2020_shuangxin.json").read_text(encoding="utf-8"))
    text = copied_word_page(clipboard_page, render.field_sheet(dict(gold, merged_levels=True)), tmp_path)
    assert text.count("\n项目决策\n") == 1
    [table] = extracted(text, tmp_path)["tables"]
    [labelled] = gold["tables"]
    assert [(row["level1"], row["level2"], row["level3"], row["target"], row["actual"]) for row in table["indicators"]] \
        == [(row["level1"], row["level2"], row["level3"], row["target"], row["actual"]) for row in labelled["indicators"]]


@pytest.mark.parametrize("report, stage", [
    # Hubei's 2021 form: 二级 names printed without 指标 (经济效益, 社会效益, 环境效益) under 效益指标, merged down (its
    # 产出 rows hold a 三级指标 that reads as a value, 2022年全年, left aside here)
    ("hubei_huangshi_2022_gongxianggongcheng", "效益指标"),
    # Jiangxi's 整体支出 form: 二级 names in its own words (预算执行管理) under 管理指标, and 效果指标 for its 效益 stage
    ("jiangxi_nanchang_2021_canchaweishengyuan", None),
])
def test_a_word_made_page_copy_of_a_form_reads_second_levels_a_province_names_its_own_way(clipboard_page, tmp_path,
                                                                                          report, stage):
    """The report's gold drawn in the scored transfer-payment form (… | 分值 | 得分 | 未完成原因和改进措施), each
    level name merged down its rows and printed once, saved as a Word-made web page and copied out of chromium (a
    blank line for each empty cell, none for a merged one): a row that opens with a 二级 name no form prints — 社会效益
    without its 指标 under 效益指标, 预算执行管理 under 管理指标 — opens at its 二级, not at its 三级指标, and a 得分
    is points, never the row's 100%; every row (of `stage`, if given) is read as the gold has it."""
    drawn = render.in_template(json.loads((DEV / f"{report}.json").read_text(encoding="utf-8")),
                               "region-central-transfer-scored")
    text = copied_word_page(clipboard_page, render.field_sheet(dict(drawn, merged_levels=True)), tmp_path)
    labelled = drawn["tables"][0]["indicators"]
    assert all(text.count(f"\n{name}\n") == 1 for name in {row["level1"] for row in labelled})  # printed once
    table = extracted(text, tmp_path)["tables"][0]

    def rows(indicators):
        return [(row["level1"], row["level2"], row["level3"], row["target"], row["actual"], row["score"])
                for row in indicators if stage in (None, row["level1"])]

    assert len(rows(labelled)) >= 6
    assert rows(table["indicators"]) == rows(labelled)
