"""How a line that names a table reads: 附件2, …自评表, …基础数据表, the year after it or not
(项目支出绩效自评表(2023年度))."""
import re

# The year a title prints after it, its opening bracket sometimes lost: （2022年度）, "2019年度)".
TITLE_YEAR = r"(?:[（(]\s*)?\d{4}\s*年度?\s*[)）]"
# What a table's own title ends in (not a row's name that ends in 表, 按时报送统计报表).
TABLE_WORD = r"(?:自评|评分|得分|评价|基础数据)表"
# A table's own title, the year after it or not.
TABLE_TITLE = re.compile(rf"^\s*.{{0,50}}{TABLE_WORD}\s*(?:{TITLE_YEAR})?\s*$")
# A line that names the table below it: its title (the year after it or not), or the 附件 label before the title
# (附件, 附件2-1, 附件：… 自评表, 附表2 — not 附件材料齐全).
ATTACHMENT = r"^\s*附(?:件|表(?=\s*[\d一二三四五六七八九十]))\s*(?:[\d一二三四五六七八九十][\d\-－.]*)?\s*[:：]?\s*(?:$|.{0,50}表)"
NAMED_TABLE = re.compile(rf"{ATTACHMENT}|{TABLE_TITLE.pattern}")
# A short line printed above a table that may name it: 附件2-1, 附表2, 表1:, any …表 (专项资金绩效自评表), the year alone.
TITLE_LINE = re.compile(rf"^\s*(?:附件|附表\s*[\d一二三四五六七八九十]|表\s*\d{{1,2}}\s*[:：]?\s*$|.{{0,50}}表\s*(?:{TITLE_YEAR})?\s*$|"
                        rf"{TITLE_YEAR}\s*$)")
# The year alone on its line under a title ("(2021年度)"), and a title that prints no 表 over it (Sichuan:
# "车辆购置税收入补助地方资金(普通省道公路建设)绩效目标自评" then "(2021年度)").
YEAR_LINE = re.compile(rf"^\s*{TITLE_YEAR}\s*$")
TITLE_OVER_YEAR = re.compile(r"^\s*.{0,50}自评\s*$")
# A site's remark printed before a title or a table's first row on its line ("详情见附件(注:以下内容为附件图片识别,…,请以
# 附件为准)部门预算…自评表", "…请以附件为准)一级指标 | 二级指标 | …").
SITE_REMARK = re.compile(r"^[^()（）]{0,20}[(（]注[:：][^()（）]{0,80}[)）]")
