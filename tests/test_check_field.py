"""Checks on real published tables and reports of the field set's dev split (evals/field/dev): each test reads
the source text a reviewer read and asserts the finding the source line shows."""
from assistant import api
from assistant.review.memo import opinion as memo_opinion
from tests.conftest import ROOT, SAMPLES

FIELD_DEV = ROOT / "evals" / "field" / "dev"


def findings(name: str, rule: str) -> list:
    return [f for f in api.check(FIELD_DEV / f"{name}.txt", "rules").findings if f.rule == rule]


def test_an_adjusted_budget_whose_reason_cell_holds_only_the_forms_instructions_lacks_its_reason():
    # sichuan_daying_2023 l.16: "总额 | 0.00 | 3.36 | 3.36 | 100.00% | 10 | 10 | 1.预算执行率=…;2.年中发生预算调整的
    # (追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款. |"; the first table (no funds block) has none.
    [daying] = findings("sichuan_daying_2023_sifaju", "missing_deviation_note")
    assert (daying.table, daying.row, daying.severity) == (1, "总额", "warning")
    assert [e.line for e in daying.evidence][0] == 16
    # sichuan_qingshen l.32-39: the same row printed one cell per line, 238.93 → 251.89, the reason cell the same text
    [qingshen] = [f for f in findings("sichuan_qingshen_2023_gongzi", "missing_deviation_note") if f.row == "总额"]
    assert "238.93" in qingshen.message and "251.89" in qingshen.message


def test_a_table_published_as_the_blank_form_is_reported_unfilled():
    # sichuan_qingshen l.20 "对照年度目标,说明相关任务目标的完成情况(100字以内)"; l.81-99: 发放(缴纳)覆盖率 = 100 % | | 60 | |,
    # 足额保障率(参保率) = 100 % | | 30 | | (完成值 and 得分 blank), 合计 | 100 with no score.
    [unfilled] = findings("sichuan_qingshen_2023_gongzi", "missing_section")
    assert unfilled.table == 0 and unfilled.severity == "warning"
    assert 20 in [e.line for e in unfilled.evidence]
    # unknown_nd_yusuankaoping is a scoring standard (考核指标 / 评分标准 / 权数 / 考评得分): no result column is blank
    assert findings("unknown_nd_nd_yusuankaoping", "missing_section") == []
    # sichuan_dyrmt l.2, copied from below its header: "足额保障率=100% 22.5 科目调整次数≤10次 22.5 … 合计100 评价结论及时、
    # 足额缴纳。": four targets and weights, no result and no score, yet a 评价结论 written under them
    [dyrmt] = findings("sichuan_dyrmt_nd_gongzi", "missing_section")
    assert (dyrmt.table, dyrmt.severity, dyrmt.evidence[-1].line) == (0, "warning", 2)


def test_a_count_built_from_the_years_start_and_its_additions_adds_up_to_its_total():
    # yunnan_honghe l.10: "实施项目共15个(含…5个),年初批复预算8个项目985万元(…),…,年中增加8个项目(含…5个)": 8 + 8 = 16
    [composed] = findings("yunnan_honghe_2024_shujuzhongxin", "narrative_arithmetic")
    assert (composed.expected, composed.actual, composed.evidence[0].line) == ("16", "15", 10)


def test_a_total_in_yuan_whose_parts_in_wan_add_up_to_it_lost_its_wan():
    # unknown_nd_2024 l.7 (traditional characters with pinyin glosses): "項目資金全年預(yù)算數(shù)2089元:其中中央轉(zhuǎn)移
    # 支付財政資金預(yù)算資金合計1777萬元,占比85.06 %;省級配套農(nóng)機(jī)購置補貼資金312萬元" — 1777 + 312 = 2089;
    # l.4 "年中調(diào)減中央財政資金300萬," prints 万 without 元.
    found = {f.evidence[0].line: f for f in findings("unknown_nd_2024_nongjigouzhi", "unit_missing")}
    assert (found[7].expected, found[7].actual) == ("2089万元", "2089元")
    assert found[4].actual == "300万"


def test_a_satisfaction_row_is_judged_upward_whatever_level_name_was_carried_onto_it():
    # hubei_qu l.5 (OCR): "…时效指标…服务对象满意度退捕渔民抽样调查满意度90%290%40…" — the reader carries 时效指标 onto
    # the satisfaction row; 满意度 is never a ceiling, so 290% (≥90% misread) is no missed target.
    assert [f.row for f in findings("hubei_qu_2020_changjiangjinbu", "missing_deviation_note")
            if "满意度" in (f.row or "")] == []


def test_a_bound_in_words_reported_as_achieved_is_a_qualitative_result():
    # hubei_xiangyang l.21 "成本控制不超过预算不超过预算10": a qualitative target stated as met, as samples 002
    # l.394-395 "控制在标准以内 | 控制在标准以内"; only a numeric bound copied ("≥95%") is unit_mismatch.
    assert findings("hubei_xiangyang_2021_dongjin", "unit_mismatch") == []


def test_a_spending_split_with_one_half_not_read_is_not_summed():
    # guizhou_suiyang l.6-9: "年度资金总额: | 1172.55 | 1268.72 | 10 | 10 |", "基本支出 | 985.19 | 914.97 |" whose
    # "10 | 10 |" wraps onto l.8, "项目支出 | 187.36 | 353.75 | 10 | 10 |": 项目支出 alone is no breakdown of the total.
    assert findings("guizhou_suiyang_nd_taibaizhen", "sum_mismatch") == []


def test_a_form_printing_no_full_year_budget_rates_its_spending_against_its_initial_budget():
    # guizhou_suiyang l.5 "… | 资 金 来 源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 | 得分计算方法 |", l.6 "年度资金总额: |
    # 1172.55 | 1268.72 | 10 | 10 | 执行率*该指标分值,最高不得超过分值上限。", l.7-8 "基本支出 | 985.19 | 914.97 |" "10 | 10 |":
    # 914.97 ÷ 985.19 = 92.87%, so 10 × 92.87% = 9.29 points, not 10; the total and 项目支出 spent over 100%: full points.
    [basic] = findings("guizhou_suiyang_nd_taibaizhen", "execution_score_mismatch")
    assert (basic.row, round(float(basic.expected), 2), float(basic.actual)) == ("基本支出", 9.29, 10)


def test_a_goal_due_by_a_deadline_in_an_earlier_year_is_an_earlier_years_goal():
    # xinjiang_fukang_2023 l.14 "(2023年度)", l.26 "1.根据《关于拨付国家统计局昌吉调查队专项经费的通知》在
    # 2022年12月31日前至少给120人发放以36.66元每月的记账户补贴费。…" — the 2023 goal is due within 2022.
    [stale] = findings("xinjiang_fukang_2023_diaochadui", "date_inconsistency")
    assert (stale.table, stale.severity, stale.expected, stale.actual) == (0, "warning", "2023年", "2022年")
    assert [e.line for e in stale.evidence] == [26]
    # a goal whose deadline is the year evaluated is none: Daying 2022's "2022年年度内,计划使用财政资金3.75万元…"
    assert findings("sichuan_daying_2022_zhifafuzhuang", "date_inconsistency") == []


def test_a_measure_with_a_stray_letter_is_a_unit_slip_against_the_same_figure_elsewhere():
    # sichuan_lushan l.14 "…保土耕作412.83hm,经果林32.49hmm。" vs l.11 "…保土耕作412.83hm,经果林32.49hm。"
    [slip] = findings("sichuan_lushan_nd_xichuanhe", "unit_mismatch")
    assert (slip.row, slip.expected, slip.actual) == ("经果林", "32.49hm", "32.49hmm")
    assert [e.line for e in slip.evidence] == [14, 11]


def test_an_amount_paid_in_full_and_a_smaller_sum_paid_of_the_same_amount_disagree():
    # henan_xiping l.12 "乡村振兴衔接资金2179万元目前已全部拨付" vs l.13 "项目资金共2179万元,截止2022年12月8日,
    # 已完成拨付2113.63万元,执行率97%"
    [paid] = findings("henan_xiping_2022_nongcungonglu", "narrative_inconsistency")
    assert (paid.expected, paid.actual) == ("2113.63万元", "2179万元")
    assert [e.line for e in paid.evidence] == [12, 13]


def test_a_funds_block_whose_total_is_named_by_a_header_fragment_is_not_checked():
    # hubei_xiangyang l.21 runs the header into the row: "执行率(B/A1得分(20分*执行率)年度财政 资金总额10001000100%20";
    # a total row read as "(B/A" names no row a reviewer could correct.
    assert [f for f in api.check(FIELD_DEV / "hubei_xiangyang_2021_dongjin.txt").findings if "(B/A" in (f.row or "")] == []


def test_proportional_scores_are_checked_to_the_precision_the_table_scores_in():
    # shanxi_jishan l.3 (a sheet scored to one decimal): "指标15:老年人体检数 5662人 4044人 2 1.4" — 2×4044/5662 = 1.43,
    # 1.4 is that rounded; "指标14:早孕建册数 120人 69人 2 1" — 1.15 given as 1, under-scored (W);
    # "指标16:高血压规范管理数 3807人 3224人 2 1.9" — 1.69 given as 1.9, over-scored (E).
    found = {f.row: f for f in findings("shanxi_jishan_2021_gonggongweisheng", "score_not_proportional")}
    assert "指标15:老年人体检数" not in found
    assert (found["指标14:早孕建册数"].severity, found["指标14:早孕建册数"].expected) == ("warning", "1.15")
    assert found["指标16:高血压规范管理数"].severity == "error"


def test_progress_reported_done_meets_a_qualitative_target():
    # sichuan_daying_2020_shuangxin l.17-19: 创建质量 | 按质按量完成 | 已完成100% under the template's 实施进度 column:
    # done is what a qualitative target asks; no unit mismatch.
    rows = [f.row for f in findings("sichuan_daying_2020_shuangxin", "unit_mismatch")]
    assert "创建质量" not in rows and "提升全县消费者维权意识" not in rows
    # l.12-14: 宣传次数 | 至少全年完成2次宣传 | 已完成100% — a count asked, progress given; 群众满意度 | 90% | 已完成100% —
    # progress is no survey's satisfaction rate (l.40-42).
    assert {"宣传次数", "群众满意度"} <= set(rows)


def test_a_rate_printed_with_its_decimals_is_held_to_them():
    """ningxia_shengji_2023_fucaiapp l.12-13: "50万元47.6895.00%" — 47.68 ÷ 50 = 95.36%, printed 95.00% (not a whole
    number rounded to 95)."""
    found = findings("ningxia_shengji_2023_fucaiapp", "execution_rate_mismatch")
    assert [(f.row, f.expected, f.actual) for f in found] == [("年度资金总额", "95.36", "95"), ("中央财政补助", "95.36", "95")]


def test_a_stated_execution_rate_against_the_budget_and_spending_of_its_sentence():
    """hubei_hbust_2021_zhuxuejin l.8: "实际下达预算2596万元,全年度实际总支出2595.6208 万元,项目预算执行率99%" —
    2595.6208 ÷ 2596 = 99.99%, not 99%."""
    [found] = findings("hubei_hbust_2021_zhuxuejin", "narrative_arithmetic")
    assert (found.expected, found.actual, found.evidence[0].line) == ("99.99", "99", 8)


def test_amounts_filled_in_yuan_under_a_wan_yuan_head():
    # fujian_ningde_2018 l.18 "(万元)", l.38 "合 计 2537695 213722.82 0 2751417.82 2546673.98 93% …": a 方志研究室
    # spending 254亿元 is 254.67万元 filled in 元
    [scale] = findings("fujian_ningde_2018_fangzhiwei", "unit_mismatch")
    assert (scale.row, scale.severity, scale.expected, scale.actual) == ("合计", "warning", "254.67万元", "2546673.98万元")
    # a 元 table that says so (yunnan_yongde_2022, 公开14表 in 元) is no mismatch
    assert findings("yunnan_yongde_2022_yingyanggaishan", "unit_mismatch") == []


def test_a_payment_rate_is_of_what_was_paid_and_what_was_left():
    # unknown_nd_nd_xiangcunzhenxing l.28 "资金支付18501.096万元,未支703万元,支付率95%": 18501.096 ÷ (18501.096 + 703)
    # = 96.34%, as l.22's "安排资金19204.096万" confirms.
    [rate] = findings("unknown_nd_nd_xiangcunzhenxing", "narrative_arithmetic")
    assert (rate.expected, rate.actual, rate.evidence[0].line) == ("96.34", "95", 28)


def test_a_copy_cut_off_in_its_last_short_line_lacks_no_section():
    # neimenggu_linhe l.16 stops inside a title it opened ("項目補助資金要嚴格按照《內"); unknown_nd_nd_xiangcunzhenxing
    # l.36 after a clause comma ("公益岗位补助,用于开发农村"): what follows was cut off, not left out.
    assert findings("neimenggu_linhe_2023_fangzaijianzai", "missing_section") == []
    assert findings("unknown_nd_nd_xiangcunzhenxing", "missing_section") == []


def test_a_cut_off_dating_the_disasters_toll_is_background_not_a_result():
    # chongqing_tongliang_2022 l.5 "截至2022年8月31日,全区农业受灾面积128014.98亩,成灾面积…,造成经济损失9121.6919万元":
    # the drought the 救灾资金 answer, counted when it struck — not the funds' result dated before the year's end.
    assert findings("chongqing_tongliang_2022_jiuzai", "date_inconsistency") == []


def test_a_recomputed_rate_shows_its_figures_as_printed():
    # unknown_nd_nd_xiangcunzhenxing l.28 "资金支付18501.096万元,未支703万元,支付率95%": not "18501.1÷19204.1"
    [rate] = findings("unknown_nd_nd_xiangcunzhenxing", "narrative_arithmetic")
    assert "18501.096÷19204.096=96.34%" in rate.message


def test_a_copy_that_stops_on_a_numbered_heading_lacks_no_section():
    # yunnan_shidian_2021 l.55 "1.产出指标完成情况分析" is the copy's last line: what stood under it was cut off, so
    # 存在的问题, 改进措施 and 自评结果应用 are not missing from the report.
    assert findings("yunnan_shidian_2021_tangliaozhe", "missing_section") == []
    # sample 004 ends on "附件：1.部门整体支出绩效评价基础数据表 / 2.部门整体支出绩效评价指标评分表": an attachment listed
    # last is no heading, and the report still lacks what it lacks
    [sample] = SAMPLES.glob("004_*.txt")
    assert [f for f in api.check(sample, "rules").findings if f.rule == "missing_section"]


def test_a_report_closing_on_its_unit_and_date_is_not_cut_off():
    # sample 004 signed after its attachments list, unit and date on one short line: the report is whole, and still
    # lacks what it lacks — unlike unknown_nd_nd_xiangcunzhenxing's "公益岗位补助,用于开发农村"
    def lacks(text: bytes) -> list[str]:
        return [f.message for f in api.check(text, "rules").findings if f.rule == "missing_section"]

    [sample] = SAMPLES.glob("004_*.txt")
    unsigned = lacks(sample.read_bytes())
    assert any("自评得分" in message for message in unsigned)
    for closing in ("某县财政局，2023年12月31日", "某县财政局，二〇二三年十二月"):
        assert lacks(sample.read_bytes() + f"\n{closing}\n".encode()) == unsigned, closing


def test_a_bare_ten_thousand_shared_out_lacks_its_yuan():
    # anhui_xuanzhou_2022 l.14 "區(qū)應急局黨委會會議研究70萬分配方案" among "7萬元" amounts: 70萬 lacks 元; l.14's
    # "2022年8月31日,…會議研究" dates a meeting, and l.12 "截止2022年12月31日" is the year's end: no date finding
    [bare] = findings("anhui_xuanzhou_2022_hanzaijiuzai", "unit_missing")
    assert (bare.evidence[0].line, bare.expected, bare.actual) == (14, "70万元", "70万")
    assert findings("anhui_xuanzhou_2022_hanzaijiuzai", "date_inconsistency") == []


def test_a_completion_rate_under_a_cost_heading_is_still_met_from_below():
    # hubei_ezhou l.27: "成本指标 计划完成率 90% 60% 20 10 部分项目延续至下年" — a completion rate: 60% misses 90%, so the
    # score follows 20×60/90 = 13.33, and the note names its cause (the work went on into the next year).
    [missed] = [f for f in findings("hubei_ezhou_2019_caizhengju", "score_not_proportional") if f.table == 0]
    assert (missed.row, missed.expected) == ("计划完成率", "13.33")
    assert findings("hubei_ezhou_2019_caizhengju", "met_but_deducted") == []
    assert [f.row for f in findings("hubei_ezhou_2019_caizhengju", "missing_deviation_note")
            if f.row != "年度资金总额"] == []


def test_weights_are_summed_when_the_total_rows_weight_is_read_though_its_score_is_wrong():
    # hubei_ezhou l.14 "年度资金总额 287 287 171 10 60% 6", l.24-30 分值 15+20+15+20+15+15 = 100, l.32 "总分 100 90"
    # (the scores give 6 + 90 = 96): the 总分 row's 100 is the rows' weights alone, 110 with the 执行率's 10.
    [weights] = findings("hubei_ezhou_2019_caizhengju", "subtotal_weight_mismatch")
    assert (weights.table, weights.severity, weights.actual) == (0, "error", "110")


def test_a_table_of_targets_and_results_only_has_no_recomputed_score():
    """fujian_ningde_2023 l.2 prints 绩效目标值 / 实际完成值 / 累计完成率 and no 分值 or 得分 column: its 复核得分 is not
    0 but none, as its 自评得分 is; a sample's scored table keeps its recomputed score."""
    [fujian] = api.check(FIELD_DEV / "fujian_ningde_2023_rencaiyizhan.txt").scores
    assert "分值" not in (FIELD_DEV / "fujian_ningde_2023_rencaiyizhan.txt").read_text("utf-8")
    assert fujian.self_score is None and fujian.recomputed_score is None
    sample = api.check(SAMPLES / "000_9f4ecd25e267d59e.txt").scores
    assert all(score.recomputed_score is not None for score in sample)
    memo = api.review(FIELD_DEV / "fujian_ningde_2023_rencaiyizhan.txt")
    assert any("未列分值和得分，无法对自评得分进行复核" in paragraph for paragraph in memo_opinion(memo))


def test_a_copy_cut_inside_its_self_evaluation_table_lacks_no_self_score():
    # sichuan_zitong: the report lists "附件:1.人大代表之家建设项目绩效目标自评表" "2.2023年度…支出绩效评价得分表" (l.22-23); the
    # stored copy stops in the first one's funds block at "总体" (l.68), before any 总分 or 得分表 could give the score.
    assert findings("sichuan_zitong_2023_rendadaibiao", "missing_section") == []


def test_a_note_that_the_money_went_straight_past_the_unit_states_a_cause():
    # hainan_shengji_2023_xueshengshiwu l.17: 资助困难教师及学生 52 → 10, 3.85 of 20, "滋慧计划由中央直接拨付到个人银行账户。"
    # (the central government paid the students directly): a cause, not a note that states none.
    notes = findings("hainan_shengji_2023_xueshengshiwu", "missing_deviation_note")
    assert not [f for f in notes if f.row in ("资助困难教师及学生", "困难教师")]


def test_a_satisfaction_target_whose_sign_ocr_read_as_a_2_raises_no_finding():
    # hunan_hengshan_2020_chubeiliang line 6 "…市民满意度调查290%100%…": the target "290%" is "≥90%" with its ≥ read as a
    # 2 (a 满意度 target never passes 100%); 100% meets it, so no missing_deviation_note is claimed for the row — the
    # copy's damage is no defect of the unit's. A result so printed still meets any target (hubei_qu line 5: 90% then
    # "290%", no finding).
    assert [f for f in api.check(FIELD_DEV / "hunan_hengshan_2020_chubeiliang.txt").findings
            if f.row == "市民满意度调查"] == []
    assert [f for f in api.check(FIELD_DEV / "hubei_qu_2020_changjiangjinbu.txt").findings
            if "退捕渔民抽样调查满意度" in (f.row or "")] == []


def test_a_result_still_under_way_misses_its_target_and_wants_its_reason_not_a_figure():
    # sichuan_chaotian_2023 l.28 "数量指标 | 新建全民健身中心数量 | 1 | 建设中 | |||": the centre is still being built, so the
    # target of one is missed and the empty 未完成原因和改进措施 cell is the defect; 建设中 is no figure of another unit.
    [missing] = findings("sichuan_chaotian_2023_quanminjianshen", "missing_deviation_note")
    assert (missing.row, missing.severity, missing.evidence[0].line) == ("新建全民健身中心数量", "error", 28)
    assert findings("sichuan_chaotian_2023_quanminjianshen", "unit_mismatch") == []


def test_a_target_listing_numbered_items_is_words_not_a_figure():
    # jiangsu_yixing l.151-153 "3.项目管理情况" "|" "(1)成立管理组织;(2)季度督导、半年度考核、年度考核;(3)季度通报": the
    # (1) (2) (3) number the things to do; the result "有组织制度、考核制度、通报" is compared with no figure.
    assert not [f for f in findings("jiangsu_yixing_nd_jibengonggongweisheng", "unit_mismatch")
                if f.row == "3.项目管理情况"]


def test_a_growth_rate_met_more_than_one_and_a_half_times_over_was_set_low():
    # chongqing_dazu_2021 l.105 "三级指标 指标权重 计量单位 指标值 全年实际完成值 …", l.110 "消费品零售额 25 % 9.5 25.6": a
    # growth of 9.5% planned, 25.6% reached (2.69 times); a rate is no reason to let that pass.
    [low] = [f for f in findings("chongqing_dazu_2021_shangwuwei", "target_set_low") if f.row == "消费品零售额"]
    assert low.severity == "warning" and "2.69倍" in low.message


def test_a_total_in_the_goals_cell_that_lost_its_wan_is_found_by_its_parts():
    # sichuan_wangcang_2021 l.18, the 全年实际完成情况 cell: "…其中完成村卫生室实施基本药物制度补助471.23元,其中中央补助
    # 189.63万元,地方财政补助281.6万元": 189.63 + 281.6 = 471.23, so the total is 471.23万元 — a table's goals are prose too.
    [short] = [f for f in findings("sichuan_wangcang_2021_jibenyaowu", "unit_missing") if f.actual == "471.23元"]
    assert (short.table, short.expected, short.evidence[0].line) == (0, "471.23万元", 18)
