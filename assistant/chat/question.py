"""Question understanding: a reviewer's question → what to compute, over which named figures.

Pure parsing, no report needed: the first of the declarative `KINDS` that recognises the question
(its patterns, most specific first) builds a small tree of operations
(`Lookup`, `Sum`, `Difference`, `Ratio`, `Deduction` …) whose leaves are `Operand`s —
the words naming a figure plus the column, year, place and units they point at. Operands
that leave out what an earlier one said ("全年预算比年初预算增加了多少") inherit it, and a
follow-up ("那它的得分呢？") is rewritten against the previous question first. A new kind of
question is one more `Kind` entry; questions about the review's own results are `results.py`'s.
"""
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

import cn2an

from assistant.retrieval import tokens
from assistant.chat.vocabulary import (COLUMN, COLUMN_OF, EXTREME, GROUP_LEVEL, LAST_YEAR, LEFT_OVER, LITERAL,
                                       MONEY_UNITS, NOT_FULL, QUOTED, RATE, TABLE_NUMBER, TEXT_ANSWER, YEAR,
                                       column_words, columns_asked, columns_in, expected_units, scope_of,
                                       strip_columns, strip_scope, whole_spending_named, year_in)
from assistant.values import normalize_text

ASKING = re.compile(r"百分之(?:多少|几)|(?:多少|几)(?:%|个百分点)|(?:是|为|有|共|一共|总共|等于)?(?:多少|几)(?:个|项|名|人次|户次|家次|台次|人|辆|件|批次|户|家|分|万元|亿元|元|钱|条|起|次|台|份|例|笔|处|宗)?"
                    r"|(?:是|为|在)?(?:什么时候|什么|哪个|哪些|哪家|哪一个|哪一天|哪天|何时|谁)|分别|请问|呢|吗|[？?。！!]")
# Two requests in one question, in clauses apart ("执行率是多少，扣了几分？"); each clause asks something on its own
REQUEST_SPLIT = re.compile(r"[，,；;]")
REQUESTS = re.compile(r"多少|几|哪|什么|为什么|为何|是否|吗|说明|列出|解释|原因|谁|何时")
# "…合计是多少，是否等于…", "…？与报告是否一致？": a check of the figure asked, one request
CHECKS_BEFORE = re.compile(r"(?:(?:与|和|同|跟)[^，,？?是]{1,10})?(?:是否|是不是|能否)")
# "哪些指标扣了分，分别扣了多少", "A和B是多少，分别占C多少": of the things before, each (one request)
EACH_OF_THEM = re.compile(r"^(?:分别|各自)")
JOINED = re.compile(r"^(?:并且|并|且|同时|以及|另外)")  # "…，并说明原因": the word joining a later request
# "说明原因", "解释一下理由": the reason asked of what the request before named
REASON_ASKED = re.compile(r"^(?:请)?(?:说明|解释|给出|指出|分析)(?:一下)?(?:其|它的|扣分的?)?(?:原因|理由)$")
PRONOUN = re.compile(r"^(?:那么|那)?(?:它|其|该项|该指标|该项目|这一?项|这个|那个|此项)")
FOLLOW_UP_START = re.compile(r"^(?:那么|那|还有|另外|再问)")
BOTH = re.compile(r"这两者|两者|二者|这两个数|这两项|两个数|两项")  # the figures of the last two questions
# "差多少？", "两者相差几分", "下降了多少？" (after this year's figure and last year's): asked right after two figures,
# how far apart the last two answers are
BARE_GAP = re.compile(r"(?:那么?)?(?:这两者|两者|二者|它们|这两个数?|两个)?(?:之间)?(?:相|还)?"
                      r"(?:差|多|高|少|低|下降|减少|降低|增加|增长|上升|提高)(?:了|出|距|额|值)?(?:是|有|为)?"
                      r"(?:多少|几|多大)?(?:分|万元|元|个百分点)?")
BARE_TOTAL = re.compile(r"(?:那么?)?(?:这两者|两者|二者|它们|这两项|两项)?(?:的)?(?:合计|一共|总共|加起来|共计|总计|之和|相加)"
                        r"(?:是|为|有)?(?:多少|几)?(?:万元|元)?")
# "项目支出有哪些？", "…主要用于哪些方面", "…的构成": what the sentence giving the figure lists after it
INCLUDES = re.compile(r"(?:主要)?(?:包括|包含|用于|用在|有|由)(?:了)?(?:哪些|什么|哪几|哪[两二三四五六七八九十\d]+)(?:个|项)?(?:方面|项目|内容|部分|构成|组成)?"
                      r"|的?(?:构成|组成|明细)(?:情况)?(?:是什么|有哪些|如何)?$")
# "哪个高？", "谁更多？": asked right after two figures, which of the last two answers is larger (or smaller)
BARE_WHICH = re.compile(r"(?:那么?)?(?:哪个|哪一个|哪项|哪一项|谁)(?:的)?(?:更|比较|较)?(?P<way>高|低|多|少|大|小)(?:一些|些|一点)?")
RELATION_FIRST = re.compile(r"^(?:占|相当于|是.{1,12}的(?:几|多少)倍)")  # a follow-up opening with its relation
WHOLE_NAME = 0.8  # a follow-up's words are a name when that name is nearly all of them
# Words that ask for something of the previous subject even without naming one ("那扣了多少分？").
ASKS_FOR = re.compile(r"扣|占|比|合计|之和|率|为什么|原因|得分|分值|应得|哪些|哪个|最高|最低|指标值|完成|预算|执行|决算|剩")
AGREE = re.compile(r"^(?P<a>.+?)(?:与|和|同|跟)(?P<b>.+?)(?:是否|是不是)(?:一致|相等|相同|相符|吻合|一样)$")
CORRECT = re.compile(r"(?:计算)?(?:正确|准确|无误|有误|对|算对了?)")  # "执行率是否正确": is the printed figure right
SHARE_ASKED = re.compile(r"的?(?:比例|比率|百分比|幅度)$")
RELATION = re.compile(r"^(?:超过|超出|大于|高于|多于|低于|小于|少于|不足|达到|等于)")  # how a compared figure stands
COMPARE = re.compile(r"[，,？?；;]?(?:是否|是不是|能否)(?:等于|与|和|同)?(?P<other>.*?)(?:一致|相等|相同|相符|吻合|一样)?[？?]?$")

FINDINGS = re.compile(r"(?:哪些|什么|多少(?:个|条|处)?|几个|几条|几处|列出|有无|有没有|所有|全部)(?:的)?(?:问题|错误|疑点|发现|警告|提示)"
                      r"|有(?:错误|问题)吗|算错|计算错误"
                      r"|(?:哪些|哪几个?|哪个|哪一个|哪张|几个|几张|多少个|多少张)(?:自评)?(?:表|项目|专项)的?(?:有|存在|发现了?)?"
                      r"(?:错误|警告|提示|问题)|(?:错误|警告|提示|问题)(?:最多|最少)的(?:自评)?(?:表|项目|专项)"
                      r"|(?:问题|错误|疑点|发现)(?:有哪些|有多少|有几)")
# "存在的主要问题有哪些", "下一步改进措施有哪些": what the report itself lists under such a heading (not the review's
# findings, asked with 复核/审核/发现)
# "年度总体目标有哪些", "绩效目标的完成情况如何", "目标3是什么": the goals a self-evaluation table sets
GOALS = re.compile(r"(?:年度总体|总体|年度|绩效|预期)目标(?P<done>的?(?:实际)?完成情况)?|目标(?P<number>\d+|[一二三四五六七八九十]+)")
GOALS_ASKED = re.compile(r"哪些|哪几|什么|是啥|列出|包括|分别|几个|多少个|几项|如何|怎样|怎么样|内容")
SECTION = re.compile(r"存在的(?:主要)?问题|(?:改进|整改)(?:措施|建议)|下一步(?:工作)?(?:计划|打算|措施|工作)")
ORDINAL = re.compile(r"第(?P<n>[一二三四五六七八九十\d]+)(?:条|项|点|个)")  # "第二条": one item of a list
SECTION_ASKED = re.compile(r"^(?!.*(?:复核|审核|发现|错误|算错)).*(?:哪些|哪几|什么|列出|包括|有几)")
WHY = re.compile(r"为什么|为何|什么原因|原因是什么|原因何在")
WHY_TAIL = re.compile(r"(?:会|却)?(?:不是|没有|没|未|不到|达不到|低于|高于|超过|这么|那么|偏低|偏高|较低|较高|只有|仅|不一样|不同"
                      r"|不一致|有差异|有差别|比.{0,6}(?:高|低|多|少)).*$")
DEDUCTION = re.compile(r"(?:一共|总共|共|合计|累计)?(?:被)?扣(?:除|减)?(?:了)?(?:多少|几)分?|扣分(?:是|为)?(?:多少)?"
                       r"|少得(?:了)?(?:多少|几)分|(?<!损)失分(?:多少)?")  # not the 损失 of "挽回损失分别是多少"
PROPORTIONAL = re.compile(r"按(?:完成)?(?:比例|进度|完成率|完成程度)|应(?:该)?得(?:多少|几)?分|应为(?:多少|几)分"
                          r"|得分应(?:该)?(?:为|是)(?:多少|几)")
SHARE = re.compile(r"^(?P<part>.+?)(?:占(?!比)|相当于)(?P<whole>.+?)(?:的)?(?:比例|比重|百分比|份额|多少)?$")
# "A中B占多少比例", "B在A中的比重": the whole comes first
SHARE_WITHIN = re.compile(r"^(?P<whole>.+?)(?:中|里面|里|之中|当中)(?P<part>[^中]+?)占(?:了)?(?:的)?(?:比例|比重|百分比|份额|比)?$"
                          r"|^(?P<part2>.+?)在(?P<whole2>.+?)(?:中|里面|里|之中|当中)的?(?:比例|比重|占比|份额|百分比)$"
                          # "基本支出中人员经费和公用经费的比例分别是多少": a sum of money, then its parts' shares
                          r"|^(?P<whole3>[^中]{1,30}?(?:支出|经费|资金|总额|收入))(?:中|之中|当中)(?P<part3>[^中占]{1,30}?)"
                          r"的?(?:比例|比重|占比)(?:分别|各自|各)?$")
RECOMPUTE = re.compile(r"重新计算|重算|按.{0,14}计算|以.{0,14}(?:为基数|为分母|计算)|核算|复核|实际执行率|应为|应是")
# "按实际在职人数除以编制数重新计算控制率": the rate as the division the question spells out
DIVIDED = re.compile(r"(?:按|用|以|由)(?:照)?(?P<a>[^，,]+?)除以(?P<b>[^，,]+?)(?:重新|来|进行)?(?:计算|算|得出|求)")
RECOMPUTE_PREFIX = re.compile(r"^按.{0,12}?(?:重算|重新计算|计算)[，,]?")
# How a comparison asks for the change from one side to the other: 增加, 多出, 超支, 的变化情况 …
CHANGE_WORD = r"(?:增加|减少|多出|多|少|高出|高|低|增长|下降|上升|降低|节约|超出|超支|超|差|的?(?:变化|变动|增减)(?:情况)?)"
MORE_LESS = re.compile(rf"^(?P<a>.+?)(?:(?<!相)比|较之|较|相较于|相比于)(?P<b>.+?)(?:，)?{CHANGE_WORD}(?:了)?"
                       r"(?P<what>[\u4e00-\u9fa5]{0,6})$"
                       rf"|^(?P<a2>.+?)(?:与|和|同|跟)(?P<b2>.+?)相比(?:[，,](?P<measure>[^，,]{{1,12}}?)?)?{CHANGE_WORD}(?:了)?"
                       r"(?P<what2>[\u4e00-\u9fa5]{0,6})$")
# a side ending in a sum ("年初预算与追加合计与实际支出相差多少") keeps its own 与: the sides part after the sum
APART = re.compile(r"^(?P<a>.+?(?:合计|之和|总和|相加|加起来|共计|总计)(?=与|和|同|跟)|.+?)(?:与|(?<![之总])和|同|跟)"
                   r"(?P<b>.+?)(?:相差|差额|之差|差距|差值|差)(?:了)?$")
# "决算数超出预算数多少", "编制数减去实际在职人数"
BEYOND = re.compile(r"^(?P<a>.+?)(?:超出|超过|高出|多出|低于|少于)(?P<b>.+?)$")
MINUS = re.compile(r"^(?P<a>.+?)(?:减去|减掉|扣除|(?<![缩削递增])减(?![少去掉免税]))(?P<b>.+?)$")
OVERSPENT = re.compile(r"超支了?|超出预算|超预算")  # spending beyond its budget, the reverse of 结余
UNSPENT = re.compile(r"未执行|少执行|没有?执行|未使用|没有?用(?:完|掉)?|未支出|没有?支出|未花|没有?花(?:完|掉)?|节约|节省"
                     r"|还剩(?:下)?|剩下")
# "为企业节省多少钱", "节约了多少": a saving the prose reports unless the question speaks of a budget and its spending
SAVED = re.compile(r"节约|节省")
BUDGET_WORDS = re.compile(r"预算|执行|结余|资金|经费|支出")
# "资金结余率", "节约率": what is left of the budget (预算数 − 执行数) as a share of the budget
LEFT_OVER_RATE = re.compile(rf"(?:{LEFT_OVER.pattern})(?:资金)?(?:率|比例|比率|百分比)$")
# "增长了百分之多少", "降幅": a change relative to the earlier figure, in percent
RELATIVE = re.compile(r"百分之|百分比|(?<![\d.])%|幅度|增幅|降幅|增长率|下降率|变化率|增减率")  # not "比100%低多少"
TIMES = re.compile(r"^(?P<a>.+?)是(?P<b>.+?)的(?:多少|几)倍|^(?P<a2>.+?)(?:与|和|同)(?P<b2>.+?)的?(?:比值|之比)"
                   r"|^(?P<a3>.+?)除以(?P<b3>.+?)(?:等于|是|为)?(?:多少|几)"
                   # "人员经费与公用经费（之间）的比例": A ÷ B, as 之比 is; not a share of a whole named in it ("占", "中")
                   r"|^(?P<a4>[^占中与和同]{1,40})(?:与|和|同)(?P<b4>[^占中与和同]{1,40}?)(?:之间)?的?比例(?:关系)?(?:是|为)?(?:多少|几|如何|怎样)?$")
# "A是B的百分之几", "A为B的多少%": a share put the other way round
SHARE_OF = re.compile(r"^(?P<a>.+?)(?:是|为|约为|相当于|(?P<done>完成了?|达到了?))(?P<b>.+?)的(?:百分之(?:多少|几)|(?:多少|几)(?:%|成)|比例|比重)")
# "一共多少", "合计为多少": asking words that add up (the asking words themselves are stripped)
ADDS_UP = re.compile(r"(?:一共|总共|共计|合计|总计|加起来|加在一起)[\u4e00-\u9fa5]{0,4}?(?:是|为|有)?(?:多少|几)")
RESPECTIVELY = re.compile(r"分别|各自|各(?:是|为|有|(?=多少|几|占))|各$")  # "A和B分别是多少": each of the named figures
AVERAGE = re.compile(r"平均(?:每(?:个|项|家|人)?)?")
MONEY_ASKED = re.compile(r"(?:多少|几)(元|万元|亿元)")
PER_HEAD = re.compile(r"(?:(?:在职|实有|在编)(?:人员)?的?)?(?:人均|平均每人|每人平均)")  # "在职人员人均基本支出"
HEADCOUNT = "实际在职人数"  # what 人均 divides by
# "是增长还是下降", "增加了还是减少了": the direction of a change is asked — the change itself answers it
RISE = r"(?:增长|增加|上升|提高|升高|变多|多)"
FALL = r"(?:下降|减少|降低|下滑|变少|少)"
RISE_OR_FALL = re.compile(rf"(?:是)?(?:{RISE}了?还是{FALL}|{FALL}了?还是{RISE})了?")
# "下降幅度", "增长率", "降幅": how much a figure changed, as a percent of what it was
CHANGE_SIZE = re.compile(r"(?:增长|增加|上升|下降|减少|降低|变化|变动)(?:了)?的?(?:幅度|率|百分比|百分之(?:几|多少)|多少%)"
                         r"|增幅|降幅|涨幅|变化率|增减率")
CHANGED = re.compile(r"(?:增长|增加|下降|减少|降低|上升|提高)了?$")  # a name's change ("企业数减少了")
CHANGE_ASKED = re.compile(r"(?:增长|增加|下降|减少|降低|上升)(?:了)?(?:多少|几)")  # "下降了多少": how far it moved
# Words naming a measure of money and nothing else ("追加了", "实际支出"): a follow-up saying only them asks of the
# thing before
MEASURE_WORDS = re.compile(r"(?:年初|实际|全年|调整)?(?:预算|追加|支出|收入|结余|拨款)(?:金额|数)?了?")
MEASURE_ONLY = re.compile(rf"(?:{MEASURE_WORDS.pattern})+")
GROWN = re.compile(r"(?:净增|新增|净减|新设)(?:了)?")  # a follow-up asking only how many were added
SINCE = re.compile(r"比|较|与|和|同|跟")  # a change said against something; else against last year
# "X同比增长了多少": this year's X against last year's
SAME_PERIOD = re.compile(r"^(?P<a>.+?)同比(?:增长|增加|下降|减少|上升|降低|变化|变动)(?:了)?")
SCORE_RATE = re.compile(r"得分率")
RULE_WORDS = re.compile(r"按(?:照)?(?:评分)?(?:规则|规定|标准|办法)(?:计算)?")  # "按规则应得多少分": the rules are ours
PARTS_OF = re.compile(r"(?:的)?各(?:个|项)?(?:资金)?(?:来源|分项|组成部分|组成|构成|部分|明细)(?:之和|合计|相加|加总|总和)?$")
SUM_WORD = re.compile(r"(?:合计|之和|总和|加起来|一共|共计|总计|相加|加总)(?:数|金额)?$")
SUM_SPLIT = re.compile(r"与|(?<![之总])和|加上|(?<![增追])加(?!强|大|快)|、|以及|及|\+|＋")
LISTED = re.compile(r"^(?P<head>.{0,200}?)[（(](?P<items>[^）)]{0,200}[、，,][^）)]{0,200})[）)](?P<tail>.*)$")
EACH_INDICATOR = re.compile(r"各(?:个|项)?(?:三级)?指标|所有(?:三级)?指标|全部(?:三级)?指标|各三级指标")
EACH_TABLE = re.compile(r"(?<![\d一二两三四五六七八九十])[\d一二两三四五六七八九十]+个(?:市级|省级|本级|中央)?(?:专项资金|专项|项目)"
                        r"|各个?(?:专项资金|专项|项目)|(?:所有|全部|其他|其余|另外)(?:的)?(?:专项|项目)")
SEVERAL_TABLES = re.compile(r"(?<![\d一二两三四五六七八九十])[\d两三四五六七八九十]+个(?:市级|省级|本级|中央)?(?:专项资金|专项|项目)")
# "A比其他四个专项之和还多吗": the tables added up are all but the one the other side names
OTHERS = re.compile(r"其他|其余|另外")
PART_OF = re.compile(r"^(?P<x>.+?)(?:的)?(?:比例|占比|比率|百分比)$")
RATE_WORD = re.compile(r"^(?P<x>.*?)(?P<rate>[\u4e00-\u9fa5]{1,4}率)$")
WHICH = re.compile(r"(?:哪些|哪几个?|哪个|哪一个|多少个|几个|几项|几张|多少张|多少项|多少条|是否有|每个|每一个|各个?)"
                   r"(?:的)?(?:一级|二级|三级|定性|定量)?(?:指标|项目|专项|自评表|表)"
                   r"|(?:哪些|哪几个?|多少个|几个)[\u4e00-\u9fa5]{1,6}?指标"  # "哪些满意度指标"
                   r"|(?:列出|列举|罗列|所有|全部)[^，,。？?]{0,10}?(?:指标|项目|专项|自评表)"
                   r"|(?:指标|项目|专项(?:资金)?|自评表)(?:有|共有|一共有|分别有|是|分别是)?(?:哪些|哪几个?|哪几项|多少个|几个|几张|多少)"
                   # "五个专项中得分低于95分的有几个": the rows counted after their condition
                   r"|(?:指标|项目|专项|自评表)中[^，,。？?]{1,16}的(?:有|是)(?:哪些|哪几个|几个|多少个)"
                   # "有没有执行率不到100%的专项", "是否存在得分低于90分的指标": whether any row is so, and which
                   r"|(?:有没有|是否存在|是否有|有无|存在)[^，,。？?]{0,16}的(?:一级|二级|三级)?(?:指标|项目|专项|自评表)")
# "资金来源有哪些", "按支出性质分各是多少", "年度资金总额由哪些部分组成": the table's split of its 年度资金总额
FUND_PARTS = re.compile(r"(?:资金|收入)来源|(?:按)?(?:(?P<spending>支出)|收入)性质分?|资金(?:的)?(?:构成|组成|结构)"
                        r"|年度资金总额(?:的)?(?:构成|组成|由哪|包括|分别)")
# "各项目预算占比分别是多少", "各项目执行数占合计的比例": each table's figure as a share of their sum
EACH_SHARE = re.compile(r"占比|比例|比重|百分比|份额")
TOTAL_FIRST = re.compile(r"(?:合计|之和|总和|加起来|总计|平均)[^占]*占")  # "各项目执行数合计占…": the sum's share
# "三公经费中哪项最多", "公用经费里哪一项最少", "三公经费各项分别是多少", "项目支出的各组成部分从高到低排列": the parts
# of the whole named first
PARTS = re.compile(r"^(?P<whole>.+?)(?:中|里|当中|之中|(?P<each>的?各(?:项|个?(?:组成)?部分|分项)))(?P<rest>.*)$")
ASKS_PARTS = re.compile(r"哪项|哪一项|哪个|哪一个|哪些|哪几项|分别|各(?:是|为|有)|排序|排名|排列|包括|组成|构成")
RANK = re.compile(r"(?P<up>(?:从|由)(?:低到高|小到大|少到多)|升序)|排名|排序|排列|排行|(?:从|由)(?:高到低|大到小|多到少)|降序")
# how far the highest stands from the lowest ("…最高和最低的差多少", "最高的比最低的高多少")
SPREAD = re.compile(r"相差|差距|差值|差额|差多少|差几|之差|极差|(?:高|低|多|少)(?:了|出)?(?:多少|几)")
LISTED_THINGS = re.compile(r"指标|项目|专项|自评表|哪一?张表|哪个表")
RATE_NAMED = re.compile("执行率")
NOT_OVERSPENT = re.compile(r"(?:没有?|未|不)超支")  # "哪些项目没有超支" is no amount overspent
MISSED = re.compile(r"未完成|未达标|没有?完成|未达到|没有?达到|未实现|没有?达标|未达成|没有?实现"
                    r"|(?:低于|小于|不到|未达)(?:年度)?(?:指标值|目标值?)")
# "哪个项目的指标最多", "指标个数最少的专项", "各项目分别有多少个指标": a count of each table's indicators
INDICATOR_COUNT = re.compile(r"(?:项目|专项|表)的?(?:三级)?指标(?:数|个数|数量)?(?:最多|最少|排)|指标(?:数|个数|数量)?(?:最多|最少)的"
                             r"|(?:各|每个)(?:项目|专项|表).{0,4}(?:多少|几)个(?:三级)?指标")
# "哪些经费决算数超过预算数", "哪些项目的全年执行数低于全年预算数": the rows whose one figure stands beyond another of theirs
BEYOND_COLUMN = re.compile(rf"(?P<a>{COLUMN.pattern}|预算|决算|实际支出|执行)(?:都|均)?(?:(?P<op>超过|超出|高于|大于|多于|低于|小于|少于"
                           rf"|不足|不到|等于|未达到)(?:了)?(?P<b>{COLUMN.pattern}|预算|决算)"
                           rf"|(?:比|较)(?P<than>{COLUMN.pattern}|预算|决算)(?P<way>少|低|多|高))")  # "决算数比预算数少"
YEARS_BEYOND = re.compile(rf"(?P<y1>20\d{{2}})年(?:的)?(?P<c1>{COLUMN.pattern}|预算|决算)?(?:(?:比|较)(?P<y2>20\d{{2}})年"
                          rf"(?:的)?(?P<c2>{COLUMN.pattern}|预算|决算)?(?:有所|都|均)?(?P<way>少|多|低|高|下降|减少|降低|增长|增加|上升)"
                          rf"|(?P<way2>低于|少于|小于|高于|多于|大于|超过)(?P<y3>20\d{{2}})年(?:的)?(?P<c3>{COLUMN.pattern}|预算|决算)?)")
# the basic-data table's rows: "哪些经费…", "基础数据表中预算数为0的有哪些"
BASIC_ROWS_ASKED = re.compile(r"(?:哪些|哪几项|哪几个)(?:经费|费用|支出项目|科目)"
                              r"|基础数据表(?:中|里)[^，,。？?]{1,16}的(?:有|是)(?:哪些|哪几项|哪几个)")
ROWS_ASKED = re.compile(r"哪些|哪几|列出|有几|几个|多少个")
BEYOND_WAYS = {"超过": "above", "超出": "above", "高于": "above", "大于": "above", "多于": "above", "等于": "equal"}
# "满意度指标的完成值分别是多少": a column of every indicator in a group
GROUP_EACH = re.compile(r"指标(?:的|中)?(?:各(?:个|项)?(?:三级)?指标的?)?(?:实际完成值|完成值|年度指标值|指标值|分值|得分)")
# "完成值与指标值完全相同", "实际完成值等于年度指标值": the target met exactly
AT_TARGET = re.compile(r"(?:实际)?完成值?(?:与|和|同|跟)?(?:年度)?(?:指标值|目标值?)(?:完全|刚好|正好)?(?:相同|一致|相等|一样)"
                       r"|(?:实际)?完成值?(?:刚好|正好|恰好)?等于(?:年度)?(?:指标值|目标值?)|(?:刚好|正好|恰好)完成")
# "完成值超过了年度指标值", "超额完成": beyond the target in its direction
EXCEEDED = re.compile(r"(?:超过|超出|高于|大于|优于)(?:了)?(?:年度)?(?:指标值|目标值?)|超额完成")
# "哪些指标没有填指标值", "哪些指标没有评分", "分值为空的指标": rows that leave a cell of theirs blank
BLANK = re.compile(r"(?:没有?|未|无|缺少?)(?:填写?|填报|给出|设置?|设定|列出|打|计|进行)?(?:年度)?"
                   r"(?P<what>实际完成值|完成值|年度指标值|指标值|目标值|分值|得分|评分|打分|计分)"
                   r"|(?P<what2>实际完成值|完成值|年度指标值|指标值|目标值|分值|得分)(?:都|均)?"
                   r"(?:为空|空白|未填|没填|缺失|是空的|没有?填(?:写|报)?|未填(?:写|报)|没有?给出|未给出)")
BLANK_COLUMN = {"实际完成值": "actual", "完成值": "actual", "年度指标值": "target", "指标值": "target", "目标值": "target",
                "分值": "weight", "得分": "score", "评分": "score", "打分": "score", "计分": "score"}
FULL = re.compile(r"(?:得|拿|获得|取得)(?:了)?满分|满分的")
OVER_WEIGHT = re.compile(r"得分(?:超过|超出|高于|大于|多于)(?:了)?(?:其)?(?:分值|满分|权重)")  # "得分超过分值的指标"
QUALITATIVE = re.compile(r"定性")
QUANTITATIVE = re.compile(r"定量")
IN_PERCENT = re.compile(r"(?:是|为|用|以)(?:百分比|百分数|百分率|%)")  # "哪些指标的年度指标值是百分比"
# "执行率不到100%", "得分低于90分": rows whose figure stands below (or above) a number the question gives
THRESHOLD_OPS = r"不到|低于|小于|不足|少于|未达到|没有?达到|未满|高于|超过|大于|多于|不低于|达到|在|是|为|等于"
THRESHOLD = re.compile(rf"(?P<op>{THRESHOLD_OPS})(?P<value>\d+(?:\.\d+)?)(?P<unit>%|分|万元|元)?")
# "哪些工作完成率达到100%", "正文中哪些比例低于50%": the prose's rates against a number
RATES_BEYOND = re.compile(rf"哪些(?P<what>[^，,？?]*?(?:率|比例|占比))(?:都|均)?(?:已经?)?(?P<op>{THRESHOLD_OPS})了?"
                          r"(?P<value>\d+(?:\.\d+)?)%")
# "开展抽检产商品批次还差多少没完成", "…距年度指标值还差多少": the row's 年度指标值 less its 实际完成值
SHORT_OF = re.compile(r"(?:还)?差(?:多少|几)\S{0,3}?(?:才能|没有?|未)?完成|(?:距离?|离)(?:年度)?(?:指标值|目标值?)(?:还)?差(?:多少|几)")
RATE_OF_ROW = re.compile(r"完成率|得分率|执行率|完成比例")  # a row's rate a follow-up asks by its word alone
COMPLETION = re.compile(r"(?:指标的?)?完成率")  # "哪些完成率低于100%": the indicators' 完成率, computed or printed
LEADING = re.compile(r"(?P<end>前|后)(?P<n>[\d两三四五六七八九十])(?:名|位|个|项)?(?![\d年天月日])")  # "排名前三"
TOP = re.compile(r"(?:前)?(?P<n>[两二三四五六七八九2-9])(?:个|项|张)")  # "最高的两个", "前三个最低的"
# "执行率第二高的项目", "得分排第三的专项": the table at that place; "运行维护费的得分在各项目中排第几": the place of
# the one named, among the ranked tables
PLACE = re.compile(r"第(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})(?P<way>高|低|多|少|大|小)"
                   r"|排(?:名|在)?第(?P<n2>\d{1,2}|[一二两三四五六七八九十]{1,3})(?:名|位)?")
PLACE_ASKED = re.compile(r"排(?:名|在)?第几(?P<low>低|少|小)?|第几(?:名|位|(?P<low2>低|少|小)|高|多|大)")
# a list's conditions that pick or order tables
LISTED_ALONE = ("highest", "lowest", "rank", "rank_up", "place_of", "place_of_low", "spread")
BELOW_OR_ABOVE = re.compile(r"以下|之下|以内|以上|之上")  # after a threshold: "10万元以下", "95分以上"
WAYS = {"不到": "below", "低于": "below", "小于": "below", "不足": "below", "少于": "below", "未达到": "below",
        "没达到": "below", "没有达到": "below", "未满": "below", "不低于": "at_least", "达到": "at_least", "在": "at_least",
        "是": "equal", "为": "equal", "等于": "equal"}
# "各项目执行率分别是多少", "每个专项的得分": one figure of every project table
EACH = re.compile(r"各(?:个|项)?(?:项目|专项|自评表|表)|每(?:个|一个|张)(?:项目|专项|自评表|表)|(?:项目|专项)(?:各自|分别)")
# "A和B哪个得分高", "A、B、C中谁扣分最多", "A比B得分高吗", "A是否高于B", "A多还是B多": the larger (or smaller)
# of named figures
WAY = r"(?P<way>高|低|多|少|大|小)"
HELD_IN = re.compile(r"^(?P<what>[^在]{2,}?)在(?P<place>.{2,})$")  # "X在A和B中哪个…": X of A and of B
# "在A和B中哪个…" opens with a 在 of place; "在职人数", "在编人数", "在建项目" are names that begin with 在
WHICH_OF = re.compile(r"^(?:在(?!职|岗|编|册|建|用|途|库|线))?(?P<items>.+?)(?:相比|比较|两者|二者|三者|之间|中|里|当中|之中)?[，,]?"
                      rf"(?:哪个|哪一个|哪项|哪一项|哪张|哪一?年|谁)的?(?P<what>.*?)(?:更|比较|较|最)?{WAY}")
HOW_FAR = re.compile(r"(?:多|高|少|低|相差|差|大|小)(?:了|出)?(?:多少|几)")
JOINER = re.compile(r"和|与|及|跟|同|、")  # words that join two things, or stand inside one name ("水费、电费、差旅费")
ITEM_SPLIT = re.compile(r"、|和|与|跟|同|还是")  # not 及: names hold it ("市场及食品药品监管专项")
A_THAN_B = re.compile(rf"^(?P<a>.+?)比(?P<b>.+?)(?:更|还)?{WAY}(?:吗|么|不|没有)$"
                      rf"|^(?P<a2>.+?)(?:是否|有没有)(?P<way2>高|低|多|少|大|小)于(?P<b2>.+?)$"
                      rf"|^(?P<a3>.+?)(?P<way3>高|低|多|少|大|小)还是(?P<b3>.+?)(?:高|低|多|少|大|小)$"
                      rf"|^(?P<a4>.+?)(?P<way4>高|低|多|少|大|小)于(?P<b4>.+?)(?:吗|么)$"
                      rf"|^(?P<a5>.+?)比(?P<b5>.+?)(?P<way5>高|多|大)还是(?:低|少|小)$")  # "表2的得分比表3高还是低"
# "比较A和B的执行率", "A与B相比，执行率更高的是哪个": the larger of the named figures, said the other way round
COMPARED = re.compile(r"^(?:请)?(?:比较|对比)(?:一下)?(?P<items>.+?)$"
                      rf"|^(?P<items2>.+?)(?:相比|比较|对比)[，,]?(?P<what>[^，,]*?)(?:更|较|比较)?{WAY}的(?:是|为)"
                      r"(?:哪个|哪一个|哪项|哪一项|谁)$"
                      r"|^(?P<items3>.+?)(?:相比|比较|对比)(?:起来)?(?:如何|怎么样|怎样|情况如何)$")  # "A与B的得分相比如何"
# "A和B的执行率相同吗", "A与B是否一样": both stated, and whether they are the same
SAME_ASKED = re.compile(r"^(?P<items>.+?)(?:的(?P<what>[^的]+?))?(?:是否|是不是)?(?:相同|一样|相等|一致)(?:吗|么|不)?$")


@dataclass(frozen=True)
class Operand:
    """Words naming one figure, and the column, year, place and units they point at."""

    text: str
    column: str | None = None
    year: int | None = None
    source: str | None = None
    units: frozenset[str] | None = None
    numeric: bool = True

    @property
    def subject(self) -> str:
        """The words naming the thing itself, without column, place, year and asking words."""
        return subject_of(self.text)


@dataclass(frozen=True)
class Lookup:
    """One figure; `columns` when the question asks for several cells of its row at once."""

    operand: Operand
    columns: tuple[str, ...] = ()
    unit: str | None = None  # the sum of money the question asks the answer in ("新增多少万元": 4.3亿元 as 万元)


@dataclass(frozen=True)
class Sum:
    """Figures added up ("基本支出与项目支出合计"); their mean when `average` ("人员经费和公用经费的平均数")."""

    items: tuple
    average: bool = False


@dataclass(frozen=True)
class Components:
    """The parts a sentence lists after a figure ("共有A万元，其中B万元，C万元"), added up."""

    subject: "Operand"


@dataclass(frozen=True)
class Difference:
    """How far apart two figures are ("A比B增加了多少", "A与B相差多少"), as a magnitude."""

    left: object
    right: object
    directed: bool = False  # "A比B…": say whether A is above or below B
    relative: bool = False  # "增长了百分之多少": the change as a percent of B
    signed: bool = False  # A − B as it falls, below zero when B is larger (a 结余 below zero is an overspend)


@dataclass(frozen=True)
class Ratio:
    """part ÷ whole in percent ("A占B的比例", a recomputed 执行率), or as a multiple ("A是B的几倍")."""

    part: object
    whole: object
    times: bool = False
    per: str | None = None  # "人均": part per one of this (the result's unit is part's unit per it)
    money: str | None = None  # "人均…多少元": the part in this money unit before it is divided


@dataclass(frozen=True)
class Deduction:
    """分值 − 得分 of an indicator, a fund line, a table, or all indicators of a group."""

    subject: Operand


@dataclass(frozen=True)
class ScoreShare:
    """得分率: 得分 ÷ 分值 of an indicator, a fund line, a table or a group of indicators."""

    subject: Operand


@dataclass(frozen=True)
class ProportionalScore:
    """The score a missed target earns by its completion ratio ("按完成比例应得多少分")."""

    subject: Operand


@dataclass(frozen=True)
class PartOfWhole:
    """A share the question names without its whole ("投诉已办结的比例", "抽检计划完成率")."""

    subject: Operand
    rate: str | None = None
    recompute: bool = False


@dataclass(frozen=True)
class IndicatorTotal:
    """Σ of one column over the indicators under a 一级/二级 name ("产出指标下各三级指标分值合计")."""

    subject: Operand
    column: str


@dataclass(frozen=True)
class TablesTotal:
    """Σ of one fund column over the project tables ("五个专项资金的全年执行数合计"), or of one figure
    over the numbered items of the narrative when there are no tables; their mean when `average`."""

    subject: Operand
    column: str
    count: int | None = None  # "六个项目": how many items the question counts
    average: bool = False
    excluding: tuple[str, ...] = ()  # the words naming the tables left out ("其他四个专项": all but the one compared)


@dataclass(frozen=True)
class Listing:
    """"Which / how many" over indicators, tables or findings."""

    subject: Operand
    over: str  # indicators | tables | findings | narrative | basic (the basic-data table's rows)
    # not_full | over_weight | missed | qualitative | quantitative | below | above | each | error | warning | highest
    # | lowest | rank | rank_up | place_of | place_of_low (the place of the table named) | spread
    condition: str | None = None
    column: str | None = None  # what highest / lowest / below / above compares; "lost" is 分值 − 得分
    threshold: float | None = None  # the number "below" / "above" compares with
    also: tuple[str, ...] = ()  # columns asked before `column` ("执行率和得分分别是多少": execution_rate)
    count: int | None = None  # highest / lowest: how many ("得分最高的两个专项")
    place: int | None = None  # highest / lowest: the one at this place ("执行率第二高的项目")
    years: tuple[int, ...] = ()  # *_column of one column in two years ("哪些经费2023年决算数比2022年少"): theirs


@dataclass(frozen=True)
class Larger:
    """Which of named figures is the largest (or, `lowest`, the smallest): "A和B哪个得分高"."""

    items: tuple  # the operation each side asks for
    names: tuple[str, ...]
    lowest: bool = False
    wording: str = "较高"  # "得分较高", "扣分较多": how the answer says which won
    gap: bool = False  # the question also asks by how much ("哪个多？多多少？"): the value is the gap
    # the same comparison with each side in its own words, when a side borrowed the other's ("年初预算和调整追加": two
    # measures of the report's own, where borrowing makes both sides one figure)
    plain: "Larger | None" = None


@dataclass(frozen=True)
class Several:
    """Named figures asked for at once ("基本支出和项目支出分别是多少"): each stated with its line."""

    items: tuple  # the operation each name asks for
    names: tuple[str, ...]


@dataclass(frozen=True)
class Either:
    """`first`, or `second` when a figure `first` needs is not in the report ("同比增长多少": computed
    from two years' figures, else the growth the report prints)."""

    first: object
    second: object


@dataclass(frozen=True)
class Contents:
    """What the report says a figure is made of or spent on ("项目支出有哪些", "业务工作经费主要用于哪些方面")."""

    subject: Operand


@dataclass(frozen=True)
class Parts:
    """The parts a table shows a whole is made of (三公经费: 公务用车购置和维护经费, 出国经费, 公务接待): the largest
    or smallest, ranked, or each, with its share of the whole."""

    whole: Operand
    condition: str  # highest | lowest | rank | rank_up | each | sum
    share: bool = False  # the share of the whole is asked ("占比最大的是哪项"), not the amount
    nature: str | None = None  # of a 年度资金总额: its parts by 收入 (sources) or by 支出 (基本支出, 项目支出)


@dataclass(frozen=True)
class Section:
    """What the report lists under one of its own headings ("存在的主要问题", "改进措施"): the items, as printed."""

    words: tuple[str, ...]  # the words the heading holds ("问题",), ("改进", "措施") …
    number: int | None = None  # "存在的主要问题第二条是什么": that item alone


@dataclass(frozen=True)
class Goals:
    """A table's 年度总体目标 (or their 实际完成情况), item by item ("目标1∶…", "1、…"); one of them when numbered."""

    column: str  # expected_goal | achieved_goal
    number: int | None
    subject: Operand  # the words naming the table, if any


@dataclass(frozen=True)
class Why:
    """The figures, findings and passages behind a deviation ("执行率为什么不是100%")."""

    subject: Operand


@dataclass(frozen=True)
class Compared:
    """What a "是否等于 / 是否超过…" part holds the answer against: a figure, a number, or figures added up ("三个项目全年
    执行数之和"), and the relation asked ("" for 等于)."""

    figure: object
    relation: str = ""


@dataclass(frozen=True)
class Question:
    """A question as asked, as resolved against the conversation, and the operation it asks for."""

    text: str
    resolved: str
    node: object
    compare: Compared | None = None  # "是否等于…", "是否超过…": what the result is compared with
    subject: str = ""  # the words naming what the question is about, for follow-ups
    whole: str = ""  # the question resolved, when `resolved` and `subject` name what its answer picked out


STATED_UNIT = re.compile(r"(?:多少|几)(?:万元|亿元|元|分|人次|户次|家次|台次|人|名|辆|件|批次|户|家|起|个|次|份|台|项|条|例|笔|本)")
# A bare word standing for a column when it is all an operand says ("决算比预算少多少").
BARE_COLUMN = {"预算": "budget", "执行": "executed", "实际执行": "executed", "实际支出": "executed", "决算": "final"}
# A side naming only the plan ("食品抽检实际完成比计划多多少"): the plan of what the other side names, its 指标值.
PLAN_WORDS = frozenset({"计划", "计划数", "预计", "预期", "目标"})


def bare_column(subject: str) -> str | None:
    """The column a phrase names by a bare word: all of it ("预算"), or its last verb ("食品监管专项执行")."""
    subject = subject.removesuffix("了")
    return BARE_COLUMN.get(subject) or ("executed" if subject.endswith("执行") else None)



def clean(text: str) -> str:
    return normalize_text(text).strip("，,。；;：:")


def subject_of(text: str) -> str:
    """The naming words of a phrase: no columns, place words, years or asking words."""
    text = ASKING.sub("", strip_columns(strip_scope(text)))
    text = LAST_YEAR.sub("", YEAR.sub("", text))
    return re.sub(r"^(?:那么|那|的|中|之)+|(?:的|中|之|是|为|下|了)+$", "", text.replace(" ", "")).strip()


def operand(text: str, inherit: Operand | None = None, with_column: bool = True) -> Operand:
    """An operand from its words; what it leaves out (name, column, year, place) comes from `inherit`
    (the column only `with_column`, or when the operand names nothing of its own)."""
    raw = clean(text)
    if LITERAL.match(raw):  # "与100%相差多少": a number, not a name
        return Operand(raw)
    columns = columns_in(raw)
    column = columns[-1] if columns else bare_column(subject_of(ASKING.sub("", raw)))
    year, source = year_in(raw), scope_of(raw)
    text = clean(ASKING.sub("", raw))
    if inherit is not None:
        quoted = QUOTED.search(inherit.text)
        bare = subject_of(text)
        own_subject = tokens(bare) if bare not in BARE_COLUMN and bare not in PLAN_WORDS else []
        if not own_subject:
            text = f"{inherit.subject} {text}"
        elif quoted and quoted.group(0) not in text and tokens(subject_of(inherit.text.replace(quoted.group(0), ""))):
            text = f"{quoted.group(0)} {text}"  # "“A”的年初预算和追加": the quoted owner of both (not "“A”和B")
        planned = "target" if bare in PLAN_WORDS else None
        column = column or planned or (inherit.column if with_column or not own_subject else None)
        source = source or inherit.source
        if year is None and not columns:
            year = inherit.year
    units = expected_units(f"{text} {raw}", [column] if column else [])
    return Operand(text, column, year, source, units, not TEXT_ANSWER.search(raw))


def inherit_all(texts: list[str], first: Operand | None = None) -> list[Operand]:
    """Operands of one operation; each later one inherits from the first."""
    operands: list[Operand] = []
    for text in texts:
        operands.append(operand(text, operands[0] if operands else first))
    return operands


def split_outside_quotes(text: str, joiners: re.Pattern = SUM_SPLIT) -> list[str]:
    """`text` split at 与/和/加/、/及 (or other `joiners`), never inside a quoted name."""
    names = QUOTED.findall(text)
    for index, name in enumerate(names):
        text = text.replace(name, f"§{index}§", 1)
    parts = []
    for part in joiners.split(text):
        for index, name in enumerate(names):
            part = part.replace(f"§{index}§", name)
        parts.append(part)
    return [p for p in parts if clean(p)]


def expression(text: str, inherit: Operand | None = None, units: frozenset[str] | None = None,
               with_column: bool = True):
    """An operand, or a Sum when the words add things up ("基本支出与项目支出合计", "人员经费加公用经费").

    `units`, when the whole question fixes them ("合计多少名"), overrides what each item's words suggest.
    """
    if PARTS_OF.search(clean(text)):
        return Components(operand(PARTS_OF.sub("", clean(text)), inherit))
    # "五个专项合计", "各专项的平均得分": the projects' total (or mean) of the column ("五个专项合计的全年预算数" too)
    text = sum_said_last(text)
    if EACH_TABLE.search(text) and (SUM_WORD.search(clean(text)) or AVERAGE.search(text)):
        total = parse_aggregate(clean(text), units)
        if isinstance(total, TablesTotal):
            named = columns_in(text) or inherit is None or inherit.column is None
            return total if named else replace(total, column=inherit.column)
    stripped = SUM_WORD.sub("", clean(text))
    listed = LISTED.match(stripped)
    if listed and SUM_WORD.search(clean(text)):
        head = operand(listed.group("head") + listed.group("tail"), inherit)
        items = [i for i in re.split(r"[、，,]", listed.group("items")) if i]
        return Sum(tuple(with_units(operand(f"{scope_words(head.text)}{i}"), units) for i in items))
    if SUM_WORD.search(clean(text)) or re.search(r"[^增追]加(?!强|大|快)", stripped):
        parts = split_outside_quotes(stripped)
        if len(parts) >= 2:
            prefix = ""
            if "，" in parts[0] or "," in parts[0]:
                prefix, parts[0] = re.split(r"[，,]", parts[0], maxsplit=1)
            parts = measure_shared(parts)  # "A和B的全年预算数合计": the 全年预算数 of both
            items = inherit_all([f"{prefix} {p}" if prefix else p for p in parts], inherit)
            return Sum(tuple(with_units(i, units) for i in items))
    return with_units(operand(text, inherit, with_column), units)


def stated_units(text: str) -> frozenset[str] | None:
    """The units a question states outright ("多少万元", "多少名"), else None."""
    return expected_units(text, []) if STATED_UNIT.search(text) else None


def with_units(item: Operand, units: frozenset[str] | None) -> Operand:
    return replace(item, units=units) if units is not None else item


def scope_words(text: str) -> str:
    """Only the place words of a text ("正文所述"), which list items share."""
    return "正文 " if scope_of(text) == "narrative" else ""


def parse(text: str) -> tuple[object, "Compared | None"]:
    """The operation a (resolved) question asks for, and what a "是否等于 / 是否超过…" part compares it with."""
    main, compare = split_compare(text)
    node = parse_main(main)
    if isinstance(node, Larger) and HOW_FAR.search(text[len(main):]):  # "哪个多？多多少？": the gap is the value
        node = replace(node, gap=True)
    pieces = [piece for piece in re.split(r"[？?]", text) if clean(piece)]
    way = asks_which(pieces[-1]) if len(pieces) > 1 else None
    if isinstance(node, Several) and way:  # "A和B分别是多少？哪个多？": the larger of the two, both stated
        node = Larger(node.items, node.names, way in ("低", "少", "小"), f"较{way}")
    if not compare:
        return node, None
    recomputed = parse_main(f"按公式重新计算，{main}") if CORRECT.fullmatch(compare) else None
    if recomputed is not None and not isinstance(recomputed, Lookup):  # "执行率是否正确": recomputed, against the printed
        return Either(recomputed, node), Compared(operand(main))  # the printed one alone when nothing recomputes it
    first = main_operand(node)  # "政府采购金额预算和决算是否一致": 决算 of what the question names first
    relation = RELATION.match(compare)
    words = compare[relation.end():] if relation else compare
    if LITERAL.match(clean(strip_scope(words))):  # "是否与报告所述91.21%一致": the number the report states
        words = clean(strip_scope(words))
    # "三公经费决算数是否超过预算数": the 预算数 of what the question names, unless the words name a thing of their own
    inherit = first if AGREE.match(clean(re.sub(r"[？?]", "", text))) or relation and not LITERAL.match(words) \
        or not tokens(subject_of(words)) else None  # "是否与报告所述一致": what the report says of the same thing
    return node, Compared(expression(words, inherit), relation.group() if relation else "")


def split_compare(text: str) -> tuple[str, str | None]:
    """The first question of the text, and the figure a "是否等于…" part names (None without one)."""
    agree = AGREE.match(clean(re.sub(r"[？?]", "", text)))
    # "A和B的执行率是否一样": a measure said once, after the second name, of both — the two sides compared (SAME)
    # … unless both sides name one thing in two places ("正文中的公用经费与基础数据表的公用经费决算数")
    shared = agree is not None and column_words(agree.group("b")) and not column_words(agree.group("a")) \
        and tokens(subject_of(agree.group("b"))) and tokens(subject_of(agree.group("b"))) != tokens(
            subject_of(agree.group("a")))
    if agree and not shared:
        return clean(agree.group("a")), clean(agree.group("b"))
    pieces = [p for p in re.split(r"[？?]", text) if clean(p)]
    main = pieces[0] if pieces else text
    later = "".join(pieces[1:])
    for candidate in (main, later):
        match = COMPARE.search(candidate)
        # "A是否高于B" compares two named figures (A_THAN_B); "是否高于100%" compares one with a number
        if match and clean(match.group("other")) and not re.match(r"(?:高|低|多|少|大|小)于\D", match.group("other")) \
                and not WHICH.search(candidate[match.start():]):  # "是否存在得分低于90分的专项": which ones, if any
            if candidate is main:
                main = main[:match.start()]
            return clean(main), clean(match.group("other"))
    return clean(main), None


@dataclass(frozen=True)
class Kind:
    """A kind of question: `asks` recognises it — every pattern found in the question (`on` "body": as asked;
    "asked": without asking words) — and `build` turns the first pattern's match into the operation to compute
    (None: the question is of a later kind). How an operation is computed and worded lives with its node type
    (`compute.py`, `listing.py`, `wording.py`)."""

    name: str
    asks: tuple[re.Pattern, ...]  # empty: `build` decides alone
    build: Callable[[re.Match | None, str, str], object]
    on: str = "body"
    anchored: bool = False  # the first pattern must match at the start (re.match), not anywhere


def goals(match: re.Match, body: str, asked: str) -> Goals | None:
    if "指标" in body:  # "哪些指标没有完成年度目标": indicators against their 指标值
        return None
    number = match.group("number")
    done = match.group("done") or re.search(r"完成|实现|达成", body)
    return Goals("achieved_goal" if done else "expected_goal", int(cn2an.cn2an(number, "smart")) if number else None,
                 operand(body))


def section(match: re.Match, body: str, asked: str) -> Section:
    words = ("问题",) if "问题" in match.group() else tuple(w for w in ("改进", "整改", "措施", "建议", "计划", "下一步")
                                                          if w in match.group())
    ordinal = ORDINAL.search(body)
    return Section(words, int(cn2an.cn2an(ordinal.group("n"), "smart")) if ordinal else None)


def findings(_, body: str, asked: str) -> Listing:
    """The review's findings (of one severity when asked); "哪些表有警告", "哪个项目问题最多": counted by table."""
    condition = "error" if re.search("错误|算错", body) else "warning" if "警告" in body else "info" if "提示" in body \
        else None
    by_table = re.search(r"(?:哪|几|多少).{0,3}(?:表|项目|专项)|(?:最多|最少)的(?:自评)?(?:表|项目|专项)", body)
    extreme = EXTREME.search(body)
    way = ("lowest" if extreme.group() in ("最低", "最少", "最小") else "highest") if extreme else None
    return Listing(operand(body), "findings", condition, "table" if by_table else None, also=(way,) if way else ())


def times(match: re.Match, body: str, asked: str) -> Ratio | None:
    if match.group("a3") and "率" in body:  # "执行率按执行数除以预算数计算": a rate
        return None
    if match.group("a4") and RESPECTIVELY.search(body):  # "A和B的比例分别是多少": each one's share
        return None
    groups = {k[0]: v for k, v in match.groupdict().items() if v is not None}
    part, whole = measure_shared([groups["a"], groups["b"]]) if match.group("a2") or match.group("a4") \
        else (groups["a"], groups["b"])
    said = column_words(part)
    if match.group("a") and said and not column_words(whole) and tokens(subject_of(whole)):
        whole += said[-1]  # "A全年执行数是B的多少倍": B's 全年执行数 too
    return replace(share_of(part, whole), times=True)  # "A与B的全年执行数之比": the 全年执行数 of both


def same_period(match: re.Match, body: str, asked: str) -> Either:
    left = operand(match.group("a"))
    change = Difference(left, operand("上年", left), directed=True, relative=bool(RELATIVE.search(body)))
    return Either(change, Lookup(replace(operand(body), units=frozenset({"%"}))))  # the growth as printed


def share_within(match: re.Match, body: str, asked: str) -> Ratio | Several:
    """"B中A占多少", "基本支出中人员经费和公用经费各占多少": each part's share of the whole named first."""
    return shares(match.group("part") or match.group("part2") or match.group("part3"),
                  match.group("whole") or match.group("whole2") or match.group("whole3"), body)


def share(match: re.Match, body: str, asked: str) -> Ratio | Several | Either | None:
    if not (match.group("part") and match.group("whole")):
        return None
    part = match.group("part")
    spared = UNSPENT.search(part) or LEFT_OVER.search(part)
    if spared and "预算" in match.group("whole"):  # "运行维护费未执行的资金占全年预算的比例": its 结余率
        first, second = left_over(part[:spared.start()] + part[spared.end():])
        return Either(Ratio(first, first.left), Ratio(second, second.left))
    asked_shares = shares(part, match.group("whole"), body)
    if isinstance(asked_shares, Ratio):  # a whole the report gives no amount of: the share as printed ("占全市的51%")
        return Either(asked_shares, Lookup(replace(operand(body), units=frozenset({"%"}))))
    return asked_shares


def shares(part_text: str, whole_text: str, body: str) -> Ratio | Several:
    """"A占B的比例"; "A和C分别占B的多少": each named part's share of the one whole."""
    parts = split_outside_quotes(clean(RESPECTIVELY.sub("", part_text)), ITEM_SPLIT) \
        if RESPECTIVELY.search(body) else []
    if len(parts) >= 2:
        return Several(tuple(share_of(part, whole_text) for part in parts), tuple(f"{unquoted(p)}占比" for p in parts))
    return share_of(part_text, whole_text)


def divided(match: re.Match, body: str, asked: str) -> Ratio:
    """"按实际在职人数除以编制数计算控制率": the division the question spells out, of what the rest of it names."""
    rest = re.sub(r"[\u4e00-\u9fa5]{1,3}率.*$", "", body[:match.start()] + body[match.end():])
    owner = subject_of(rest)
    return Ratio(operand(f"{owner} {match.group('a')}"), operand(f"{owner} {match.group('b')}"))


def recomputed_rate(_, body: str, asked: str) -> Either:
    """执行率 recomputed: 全年执行数 ÷ 全年预算数 of a self-evaluation table, else 决算数 ÷ 预算数 of a basic-data row."""
    subject = operand(re.sub(r"(?:预算)?执行率", "", DIVIDED.sub("", RECOMPUTE.sub("", asked)))).subject
    return Either(Ratio(operand(f"{subject} 全年执行数"), operand(f"{subject} 全年预算数")),
                  Ratio(operand(f"{subject} 决算数"), operand(f"{subject} 预算数")))


def difference(directed: bool) -> Callable[[re.Match, str, str], Difference | Either]:
    """"A比B多多少" (directed: say which is larger), "A与B相差多少", "A减去B"."""
    def build(match: re.Match, body: str, asked: str) -> Difference:
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        what = groups.get("what") or groups.get("what2") or ""  # "多执行多少": the measure both sides share
        what = re.sub(r"^的?(?:幅度|百分比|比例|比率)$", "", what)  # "下降的幅度": how far relative to B, no measure
        units = stated_units(body)
        second = re.sub(r"的$", "", groups.get("b") or groups["b2"])  # "A和B执行数的差额"
        share = SHARE_ASKED.search(second)  # "决算数超出预算数的比例": the gap as a share of the second
        first, second = measure_shared([groups.get("a") or groups["a2"], second[:share.start()] if share else second])
        if groups.get("measure"):  # "A与B相比，全年预算数多多少", "…，人数多多少": the measure said after both names
            first, second = (f"{side}的{groups['measure']}" for side in (first, second))
        first = column_after_both(first, second)
        left = expression(first + what, units=None if share else units)
        right = expression(second + what, main_operand(left), units=None if share else units)
        change = Difference(left, right, directed=directed, relative=bool(directed and RELATIVE.search(body) or share))
        if directed and LAST_YEAR.fullmatch(re.sub(r"(?:年底|年末|同期)$", "", second)) \
                and units in (None, frozenset({"%"})):  # "存量较去年年底增长了多少", not "…增长多少户"
            # else the growth as printed, a figure of the report's own year
            return Either(change, Lookup(replace(operand(body), units=frozenset({"%"}), year=None)))
        return change
    return build


def column_after_both(first: str, second: str) -> str:
    """"药品监管专项比食品监管专项得分高多少": a column said after the second name only is of the first too."""
    said = re.search(rf"(?:{COLUMN.pattern})$", second)
    if said is None or column_words(first) or not tokens(subject_of(second[:said.start()])):
        return first
    return f"{first}{said.group()}"


def unspent(_, body: str, asked: str) -> Either | None:
    """What a budget left unspent. 结余 is that when the question speaks of a budget; else it is first what the report
    states as 结余 ("结余结转0万元"), then, when it states none, the budget less the spending."""
    said = LEFT_OVER.search(asked)
    match = UNSPENT.search(asked) or (said if "预算" in asked or not (EACH.search(body) or WHICH.search(body)) else None)
    if match is None or not (stated_units(body) or MONEY_UNITS) <= MONEY_UNITS:
        return None
    first, second = left_over(asked[:match.start()] + asked[match.end():])
    if match is said and "预算" not in asked or SAVED.fullmatch(match.group()) and not BUDGET_WORDS.search(asked):
        return Either(Lookup(operand(body)), Either(first, second))  # "为企业节省多少钱": what the prose says was saved
    return Either(first, second)


def left_over(rest: str) -> tuple[Difference, Difference]:
    """预算数 − 执行数 of what the words name: the budget not spent, below zero when spending passed it — a
    self-evaluation table's 全年预算数 − 全年执行数, else (a basic-data row: 三公经费) its 预算数 − 决算数."""
    subject = re.sub(r"(?:中?的?(?:金额|资金|数额|额|部分|预算|(?:实际)?执行了?))+$", "", operand(rest).subject)
    if EACH_TABLE.search(subject):  # "三个项目共结余多少": the tables' budgets added up, less their spending
        tables = re.sub(r"(?:合计|一共|总共|共计|共|总计)+$", "", subject)
        return tuple(Difference(expression(f"{tables}{budget}合计"), expression(f"{tables}{spent}合计"), signed=True)
                     for budget, spent in (("全年预算数", "全年执行数"), ("预算数", "决算数")))
    return tuple(Difference(operand(f"{subject} {budget}"), operand(f"{subject} {spent}"), signed=True)
                 for budget, spent in (("全年预算数", "全年执行数"), ("预算数", "决算数")))


def overspent(rest: str) -> Either:
    """What spending passed the budget by ("编外用工人员经费超支多少"): 执行数 − 预算数 of what the words name, below
    zero when it did not."""
    first, second = left_over(rest)
    return Either(*(Difference(side.right, side.left, signed=True) for side in (first, second)))


def left_over_rate(match: re.Match, body: str, asked: str) -> Either:
    """结余率 = (预算数 − 执行数) ÷ 预算数 of the table, project or basic-data row named."""
    first, second = (Ratio(spared, spared.left) for spared in left_over(asked[:match.start()]))
    return Either(first, second)


def part_of_whole(match: re.Match, body: str, asked: str) -> PartOfWhole | None:
    if len(set(columns_asked(body))) > 1:  # "全年预算数、全年执行数和执行率分别是多少": cells of one row
        return None
    return PartOfWhole(operand(match.group("x")), None, bool(RECOMPUTE.search(body)))


def rate(match: re.Match, body: str, asked: str) -> PartOfWhole | None:
    if len(set(columns_asked(body))) > 1:
        return None
    return PartOfWhole(operand(asked), match.group("rate"), bool(RECOMPUTE.search(body)))


def lookup(_, body: str, asked: str) -> Lookup:
    columns = tuple(dict.fromkeys(columns_in(body)))
    money = money_asked(body)  # "多少万元" of 4.3亿元, "多少元" of 8876.29万元
    return Lookup(operand(body), columns if len(columns) > 1 else (), money)


def money_asked(body: str) -> str | None:
    """The money unit a question asks its answer in ("是多少元", "多少万元")."""
    money = MONEY_ASKED.search(body)
    return money.group(1) if money else None


def several(_, body: str, asked: str) -> Several | None:
    """"基本支出和项目支出分别是多少", "A的年初预算和追加分别是多少", "A和B的得分各是多少": each name, the words one
    side shares ("A的…" before the first, "…的得分" after the last) given to the others."""
    sides = [clean(side) for side in split_outside_quotes(clean(RESPECTIVELY.sub("", asked)), ITEM_SPLIT)]
    if len(sides) < 2 or len(set(columns_asked(body))) > 1:  # several columns of one row are a lookup's
        return None
    if "的" in sides[0] and not any("的" in side for side in sides[1:]):
        owner = sides[0].rsplit("的", 1)[0]
        sides = sides[:1] + [f"{owner}的{side}" for side in sides[1:]]
    else:
        sides = measure_shared(sides)
    sides = year_shared(change_shared(sides))
    return Several(tuple(parse_main(side) for side in sides), tuple(unquoted(side) for side in sides))


def change_shared(sides: list[str]) -> list[str]:
    """"检查人次数和企业数分别减少了多少": a change said once, after the last name, is of every name."""
    said = CHANGED.search(sides[-1])
    if said is None or any(CHANGED.search(side) for side in sides[:-1]):
        return sides
    return [f"{side}{said.group()}" for side in sides[:-1]] + sides[-1:]


def unquoted(name: str) -> str:
    """A side of a comparison as an answer names it: a name held in quotes ("“市场及食品药品监管专项”") without them."""
    return QUOTED.sub(r"\1", name)


def year_shared(sides: list[str]) -> list[str]:
    """"上年基本支出和项目支出": a year said once, before the first name or after the last, is of every name."""
    said = [side for side in sides if YEAR.search(side) or LAST_YEAR.search(side)]
    if len(said) != 1 or said[0] not in (sides[0], sides[-1]):
        return sides
    year = (YEAR.search(said[0]) or LAST_YEAR.search(said[0])).group()
    if not (said[0].startswith(year) or said[0].endswith(year)):
        return sides
    return [side if side is said[0] else f"{year}{side}" for side in sides]


def measure_shared(sides: list[str]) -> list[str]:
    """"A和B的执行率": the measure after the last name ("…的执行率") is asked of every name; "A的执行率与B相比",
    "A的得分和B的": the measure after the first name, of the others naming none."""
    if "的" in sides[-1] and not any("的" in side for side in sides[:-1]):
        measure = sides[-1].split("的", 1)[1]
        return [f"{side}的{measure}" for side in sides[:-1]] + sides[-1:] if measure else sides
    measure = sides[0].split("的", 1)[1] if "的" in sides[0] else ""
    if column_words(measure) and all(not column_words(side) and tokens(subject_of(side)) and not LITERAL.match(side)
                                     for side in sides[1:]):
        return sides[:1] + [f"{side.rstrip('的')}的{measure}" for side in sides[1:]]
    return sides


def parts(match: re.Match, body: str) -> Either | None:
    """"三公经费中哪项最多": the parts of the whole the table shows; when the report shows none, what the question
    asks read as another kind would ("产出指标中哪个指标得分最低": indicators)."""
    rest = body[body.find(match.group("whole")) + len(match.group("whole")):]
    if not (match.group("each") or ASKS_PARTS.search(rest)) or not tokens(subject_of(match.group("whole"))):
        return None
    if GROUP_LEVEL.search(rest) and re.search(r"自评表|评分表|表\s*\d", match.group("whole")):
        return None  # "部门整体支出绩效自评表中哪个一级指标扣分最多": the table's groups, not a row's parts
    inside = re.sub(r"^(?:中|里|当中|之中)", "", rest)
    named = WHICH_OF.match(inside)  # "本级专项资金中A和B哪个多": the two parts named, compared
    if named and len(split_outside_quotes(named.group("items"), ITEM_SPLIT)) >= 2:
        return parse_main(inside)
    measure = "".join(column_words(rest))  # "三公经费中哪项预算数最多": the whole's row in that column
    whole = operand(f"{match.group('whole')}{measure}")
    shown = Parts(replace(whole, units=whole.units if whole.units != frozenset({"%"}) else None),
                  parts_condition(rest), bool(RATE.search(rest)))
    return Either(shown, parse_main(body, after="A中哪项最多"))


# "三公经费中哪项多", "哪个专项决算数少": one part asked for, the largest (or smallest), with no 最
WHICH_MORE = re.compile(r"哪(?:个|项|一个|一项)[^，,？?]*?(?:更|较|比较)?(?P<way>多|高|大|少|低|小)[？?]?$")


def parts_condition(rest: str) -> str:
    """What is asked of the parts: the largest or smallest, ranked, added up, or each."""
    extreme, rank, which = EXTREME.search(rest), RANK.search(rest), WHICH_MORE.search(clean(rest))
    return ("highest" if extreme.group() in ("最高", "最多", "最大") else "lowest") if extreme \
        else ("rank_up" if rank.group("up") else "rank") if rank else "sum" if SUM_WORD.search(ADDS_UP.sub("合计", rest)) \
        else ("highest" if which.group("way") in "多高大" else "lowest") if which else "each"


def fund_parts(match: re.Match, body: str, asked: str) -> Parts:
    """"资金来源有哪些", "按支出性质分哪项最多": the parts a table splits its 年度资金总额 into, by source (按收入性质分)
    or by what it is spent on (按支出性质分: 基本支出, 项目支出)."""
    rest = body[match.end():]
    whole = operand(f"{body[:match.start()]}年度资金总额全年预算数")
    return Parts(whole, parts_condition(rest), bool(RATE.search(rest)), "支出" if match.group("spending") else "收入")


def larger(match: re.Match, body: str, asked: str) -> Larger | None:
    """"A和B哪个得分高", "产出指标和效益指标哪个扣分多": each side is the question the measure asks of it; a side that
    names only a year ("2024年和2023年三公经费决算数哪个多") takes the other side's words."""
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    way = groups.get("way") or groups.get("way2") or groups.get("way3") or groups.get("way4") or groups.get("way5")
    if "items" in groups:  # "A和B的执行率相比哪个高": the measure after the last name is asked of every name
        sides, what = year_shared(measure_shared(held_in_each([clean(side) for side in split_outside_quotes(
            groups["items"], ITEM_SPLIT)]))), groups["what"]
    else:
        sides = [clean(groups.get(k) or "") for k in ("a", "b", "a2", "b2", "a3", "b3", "a4", "b4", "a5", "b5")
                 if groups.get(k)]
        words = column_words(sides[0]) or column_words(sides[1])  # "A比B得分高吗": the measure either side names
        what = words[-1] if words else ""
        sides = [re.sub(r"的$", "", strip_columns(side).strip()) for side in sides]
    if len(sides) < 2:
        return None
    what = re.sub(r"得$", "", what)  # "哪个执行得多": the amount spent, 执行数
    what = "执行数" if what == "执行" else what
    named = max(sides, key=lambda side: len(tokens(subject_of(side))))
    words = subject_of(named)  # what a side naming only a year or a column ("决算数") is about
    own = sides
    sides = [side if tokens(subject_of(side)) else f"{words}{side}" for side in sides]
    if re.fullmatch(r"(?:三级)?指标(?:数|个数|数量)?", what or ""):  # "A和B哪个指标多": how many indicators each has
        return Larger(tuple(parse_main(f"{side}有多少个指标") for side in sides), tuple(unquoted(s) for s in sides),
                      way in ("低", "少", "小"), f"指标较{way}")
    plain = Larger(tuple(parse_main(f"{side}{what}") for side in own), tuple(unquoted(side) for side in own),
                   way in ("低", "少", "小"), f"{what}较{way}") if own != sides else None
    return Larger(tuple(parse_main(f"{side}{what}") for side in sides), tuple(unquoted(side) for side in sides),
                  way in ("低", "少", "小"), f"{what}较{way}", plain=plain)


def one_share_of_all(asked: str) -> bool:
    """"知识产权培育资助专项的全年预算数占全部专项的比例": one table's share of all the tables' total, not each one's."""
    share = SHARE.match(asked)
    return bool(share) and not EACH_TABLE.search(share.group("part")) and bool(EACH_TABLE.search(share.group("whole")))


def held_in_each(sides: list[str]) -> list[str]:
    """"社会公众满意度在部门整体和食品监管专项中": the thing named before 在 is asked of each place after it."""
    held = HELD_IN.match(sides[0])
    if held is None or not tokens(subject_of(held.group("what"))):
        return sides
    return [f"{side}的{held.group('what')}" for side in [held.group("place"), *sides[1:]]]


def years_beyond(match: re.Match, body: str) -> Listing | None:
    """"哪些经费2023年决算数比2022年少": the basic-data rows whose figure in one column stands below / above / at
    their figure of another year."""
    other = match.group("c2") or match.group("c3")  # "比2022年预算数少", "低于2022年预算数"
    first, second = (COLUMN_OF.get(word or "") or BARE_COLUMN.get(word or "")
                     for word in (match.group("c1") or other, other or match.group("c1")))
    if first is None:
        return None
    way = "below" if (match.group("way") or match.group("way2")) in ("少", "低", "下降", "减少", "降低", "低于", "少于",
                                                                     "小于") else "above"
    return Listing(operand(body), "tables", f"{way}_column", first, also=(second,),  # "2023年决算数比2022年预算数少"
                   years=(int(match.group("y1")), int(match.group("y2") or match.group("y3"))))


def basic_rows(match: re.Match, body: str, asked: str) -> Listing | None:
    """"哪些经费2023年决算数为0": the basic-data rows whose figure in a column (of a year) stands at, below or above a
    number; None when no column is named."""
    columns = columns_in(body) or [BARE_COLUMN[w] for w in re.findall("|".join(BARE_COLUMN), body)]
    threshold = THRESHOLD.search(body)
    if not columns:
        return None
    side = BELOW_OR_ABOVE.match(body, threshold.end())
    way = ("below" if side.group() in ("以下", "之下", "以内") else "at_least") if side else \
        WAYS.get(threshold.group("op"), "above")
    return Listing(operand(body), "basic", way, columns[-1], float(threshold.group("value")))


def columns_beyond(match: re.Match, body: str) -> Listing | None:
    """"哪些经费决算数超过预算数": the rows (of the basic-data table, or the project tables' funds) whose figure in one
    column stands above, below or at their figure in another; None for indicators (against their 指标值: MISSED)."""
    other = match.group("b") or match.group("than")
    first, second = (COLUMN_OF.get(word) or BARE_COLUMN.get(word) for word in (match.group("a"), other))
    if first is None or second is None or first == second or "指标" in body:
        return None
    way = BEYOND_WAYS.get(match.group("op") or ("高于" if match.group("way") in ("多", "高") else ""), "below")
    return Listing(operand(body), "tables", f"{way}_column", first, also=(second,))


def compared(match: re.Match) -> Larger | None:
    """"比较A和B的执行率" (the higher first), "A与B相比，执行率更低的是哪个": each side's figure of the measure."""
    items = match.group("items") or match.group("items2") or match.group("items3")
    sides = [clean(side) for side in split_outside_quotes(clean(items), ITEM_SPLIT)]
    if len(sides) < 2:
        return None
    what = match.group("what") or ""
    sides = year_shared(measure_shared([f"{side}{what}" for side in sides] if what else sides))
    way = match.group("way") or "高"
    return Larger(tuple(parse_main(side) for side in sides), tuple(unquoted(side) for side in sides),
                  way in ("低", "少", "小"), f"较{way}")


def same(match: re.Match) -> Larger | None:
    """"业务工作经费和编外用工人员经费的执行率相同吗": each side's figure of the measure, the answer saying whether they
    are the same (else which is higher); None when the words name fewer than two things."""
    sides = [clean(side) for side in split_outside_quotes(match.group("items"), ITEM_SPLIT)]
    if len(sides) < 2 or not all(tokens(subject_of(side)) or column_words(side) for side in sides):
        return None
    said = column_words(sides[-1])  # "A与B执行率一样吗": the measure the last side names is of every side
    what = match.group("what") or ("".join(said) if said and not any(column_words(x) for x in sides[:-1]) else "")
    sides = [f"{side}的{what}" if what and i < len(sides) - 1 else side for i, side in enumerate(sides)]
    sides = year_shared(sides[:-1] + [f"{sides[-1]}的{what}" if match.group("what") else sides[-1]])
    return Larger(tuple(parse_main(side) for side in sides), tuple(unquoted(side) for side in sides),
                  wording="较高（二者不同）")


# The kinds of question, from the most specific (findings, why, 扣分) to a plain lookup: the first that
# recognises a question and builds an operation answers it.
KINDS = (
    Kind("年度总体目标", (GOALS, GOALS_ASKED), goals),
    Kind("报告所列", (SECTION, SECTION_ASKED), section),
    Kind("问题清单", (FINDINGS,), findings),
    Kind("原因", (WHY,), lambda _, body, asked: Why(operand(WHY_TAIL.sub("", WHY.sub("", body))))),
    Kind("哪些…A超过B", (BEYOND_COLUMN, ROWS_ASKED), lambda m, body, asked: columns_beyond(m, body)),
    Kind("哪些…今年比上年少", (YEARS_BEYOND, ROWS_ASKED), lambda m, body, asked: years_beyond(m, body)),
    Kind("资金的构成", (FUND_PARTS, ASKS_PARTS), fund_parts),
    Kind("A中哪项最多", (PARTS,), lambda m, body, asked: parts(m, body), on="asked", anchored=True),
    Kind("A和B哪个高", (WHICH_OF,), larger, anchored=True),
    Kind("比较A和B", (COMPARED,), lambda m, body, asked: compared(m), anchored=True),
    Kind("A和B是否相同", (SAME_ASKED,), lambda m, body, asked: None if WHICH.search(body) else same(m), on="asked",
         anchored=True),
    Kind("A比B高吗", (A_THAN_B,), larger, anchored=True),
    Kind("最高/最低", (EXTREME, LISTED_THINGS), lambda _, body, asked: parse_listing(body)),
    Kind("第几名", (re.compile(f"{PLACE.pattern}|{PLACE_ASKED.pattern}"), LISTED_THINGS),
         lambda _, body, asked: parse_listing(body)),
    Kind("各项占比", (EACH_TABLE, EACH_SHARE), lambda _, body, asked: replace(listing, condition="share")
         if not TOTAL_FIRST.search(body) and not one_share_of_all(asked)
         and (listing := parse_listing(body)) is not None and listing.over == "tables" else None),
    Kind("哪些…未填", (BLANK, WHICH), lambda _, body, asked: parse_listing(body)),
    Kind("哪些…超过分值", (OVER_WEIGHT, WHICH), lambda _, body, asked: parse_listing(body)),
    Kind("哪些经费…N", (BASIC_ROWS_ASKED, THRESHOLD), basic_rows),
    Kind("哪些…低于N", (THRESHOLD, WHICH), lambda _, body, asked: parse_listing(body)),
    Kind("哪些…未完成", (MISSED, WHICH), lambda _, body, asked: parse_listing(body)),
    Kind("扣分", (DEDUCTION,),
         lambda _, body, asked: None if EACH.search(body) or WHICH.search(body) else
         Deduction(operand(DEDUCTION.sub("", body)))),
    Kind("按比例得分", (PROPORTIONAL,), lambda _, body, asked: ProportionalScore(operand(PROPORTIONAL.sub("", body)))),
    Kind("倍数", (TIMES,), times, anchored=True),
    Kind("人均", (PER_HEAD,),
         lambda _, body, asked: Ratio(operand(PER_HEAD.sub("", body)), operand(HEADCOUNT), times=True, per="人",
                                      money=money_asked(body))),
    Kind("同比", (SAME_PERIOD,), same_period, anchored=True),
    Kind("占…的百分之几", (SHARE_OF,),  # "A完成了指标值的百分之多少": A's 实际完成值 ÷ its 指标值
         lambda m, body, asked: shares(m.group("a") + ("实际完成值" if m.group("done") and not columns_in(m.group("a"))
                                                       else ""), m.group("b"), body), anchored=True),
    Kind("得分率", (SCORE_RATE,), lambda _, body, asked: ScoreShare(operand(SCORE_RATE.sub("", asked))), on="asked"),
    Kind("A中B占比", (SHARE_WITHIN,), share_within, on="asked", anchored=True),
    Kind("A占B", (SHARE,), share, on="asked", anchored=True),
    Kind("重算执行率", (RECOMPUTE, RATE_NAMED), recomputed_rate),
    Kind("按A除以B算率", (DIVIDED, re.compile("率")), divided),
    Kind("结余率", (LEFT_OVER_RATE,), left_over_rate, on="asked"),
    Kind("A比B", (MORE_LESS,), difference(directed=True), on="asked", anchored=True),
    Kind("A超出B", (BEYOND,), lambda m, body, asked: None if WHICH.search(body) or RATES_BEYOND.search(body)
         else difference(directed=True)(m, body, asked),
         on="asked", anchored=True),
    Kind("还差多少完成", (SHORT_OF,), lambda m, body, asked: Difference(
        operand(f"{body[:m.start()]}年度指标值"), operand(f"{body[:m.start()]}实际完成值")) if body[:m.start()] else None),
    Kind("A与B相差", (APART,), difference(directed=False), on="asked", anchored=True),
    Kind("A减B", (MINUS,), difference(directed=False), on="asked", anchored=True),
    Kind("超支", (OVERSPENT,), lambda m, body, asked: None if WHICH.search(body) or NOT_OVERSPENT.search(body)
         else overspent(asked[:m.start()] + asked[m.end():]), on="asked"),
    Kind("未执行", (), unspent),
    Kind("合计/平均", (),
         lambda _, body, asked: parse_aggregate(asked + ("合计" if ADDS_UP.search(body) else ""), stated_units(body))),
    Kind("哪些/几个", (), lambda _, body, asked: listed_in_prose(body, parse_listing(body))),
    Kind("包括哪些", (INCLUDES,), lambda m, body, asked: Either(Contents(operand(body[:m.start()])),
                                                                 Parts(operand(body[:m.start()]), "each"))
         if tokens(subject_of(body[:m.start()])) else None),
    Kind("A和B分别", (RESPECTIVELY,), several),
    Kind("某组指标的某列分别", (GROUP_EACH, RESPECTIVELY),
         lambda m, body, asked: None if QUOTED.search(body) or len(set(columns_asked(body))) > 1  # one row's cells
         else Listing(operand(body), "indicators", "each", columns_in(body)[-1])),
    Kind("比例", (PART_OF,), part_of_whole, on="asked", anchored=True),
    Kind("某某率", (RATE_WORD,), rate, on="asked", anchored=True),
    Kind("哪些…率达到N", (RATES_BEYOND,), lambda m, body, asked: Listing(
        operand(m.group("what")), *(("indicators", WAYS.get(m.group("op"), "above"), "completion")
                                    if COMPLETION.fullmatch(m.group("what")) else
                                    ("narrative", WAYS.get(m.group("op"), "above"), "rate")), float(m.group("value")))),
    Kind("查数", (), lookup),
)


def parse_main(text: str, after: str | None = None):
    """The operation of one question: that of the first kind (`KINDS`), or the first after the one named `after`,
    that recognises it."""
    body = direction_asked(clean(RULE_WORDS.sub("", text)))
    asked = clean(RECOMPUTE_PREFIX.sub("", ASKING.sub("", body)))
    start = next((i + 1 for i, kind in enumerate(KINDS) if kind.name == after), 0)
    for kind in KINDS[start:]:
        words = asked if kind.on == "asked" else body
        first = (kind.asks[0].match(words) if kind.anchored else kind.asks[0].search(words)) if kind.asks else None
        if kind.asks and (first is None or not all(pattern.search(words) for pattern in kind.asks[1:])):
            continue
        node = kind.build(first, body, asked)
        if node is not None:
            return node
    raise AssertionError("the last kind, a lookup, answers every question")


def direction_asked(body: str) -> str:
    """"三公经费比上年增长还是下降" asks the change ("三公经费比上年增长了多少"), whose answer says which way it
    went; with nothing to compare against ("三公经费是增长还是下降"), the change since last year — in percent when
    its size is asked ("三公经费下降幅度是多少", "降幅呢")."""
    match = RISE_OR_FALL.search(body)
    spread = CHANGE_SIZE.search(body)
    if match is None and spread is not None and not SINCE.search(body[:spread.start()]) and "同比" not in body:
        return f"{body[:spread.start()]}同比增长了百分之多少"
    change = CHANGE_ASKED.search(body)
    if change is not None and RESPECTIVELY.search(body[:change.start()]):
        return body  # "A、B分别减少了多少": each name's change, asked of it when the names are parted (`several`)
    if match is None and change is not None and not SINCE.search(body[:change.start()]) and "同比" not in body:
        return f"{body[:change.start()]}同比{body[change.start():]}"  # "三公经费下降了多少": since last year
    if match is None:
        return body
    before = body[:match.start()]
    if not SINCE.search(before):
        return f"{before}同比增长了多少"
    before = re.sub(r"(?:相比)?[，,]?$", "", before)
    return f"{before}{'相比' if re.search(r'(?:与|和|同|跟)[^比较]+$', before) else ''}增长了多少"


def share_of(part_text: str, whole_text: str) -> Ratio:
    """"A占B": whichever side names no thing of its own takes the other side's name (not its column:
    in "人员经费占基本支出决算数" the 决算数 is the whole's alone); a whole naming all the tables ("占全部专项") is
    their total."""
    if EACH_TABLE.search(whole_text) and not SUM_WORD.search(whole_text) and not AVERAGE.search(whole_text):
        whole_text += "合计"
    if SEVERAL_TABLES.search(part_text) and not SUM_WORD.search(part_text) and not AVERAGE.search(part_text):
        part_text += "合计"  # "五个专项全年执行数占部门整体…": the projects' total
    whole = expression(whole_text)
    part = expression(part_text, whole if isinstance(whole, Operand) else None, with_column=False)
    if isinstance(whole, Operand) and isinstance(part, Operand) and not tokens(whole.subject) \
            or isinstance(whole, TablesTotal) and isinstance(part, Operand) and not columns_in(whole_text):
        whole = expression(whole_text, part)  # "占五个专项合计": the projects' total of the part's column
    if isinstance(whole, TablesTotal) and isinstance(part, Operand) and part.column is None and columns_in(whole_text):
        part = replace(part, column=whole.column)  # "A占五个专项全年执行数的比重": A's 全年执行数
    if isinstance(part, TablesTotal) and isinstance(whole, Operand) and whole.column is None and column_words(part_text):
        whole = expression(whole_text + column_words(part_text)[-1])  # "三个项目全年执行数合计占部门整体": its 全年执行数
    return Ratio(part, whole)


def sum_said_last(text: str) -> str:
    """"五个专项合计的全年预算数": the tables' sum said before its column, as "五个专项全年预算数合计"."""
    if not EACH_TABLE.search(text):
        return text
    return re.sub(rf"(合计|之和|总和|总计)的?({COLUMN.pattern})$", r"\2\1", clean(text))


def parse_aggregate(asked: str, units: frozenset[str] | None):
    """Σ over indicators or tables, or a Sum of named figures, when the words add up."""
    asked = sum_said_last(asked)
    average = AVERAGE.search(asked)
    if not SUM_WORD.search(asked) and not re.search(r"[^增追]加(?!强|大|快)", asked) and not average:
        return None
    columns = columns_in(asked)
    each = EACH_TABLE.search(asked)
    named = expression(re.sub(r"的?平均(?:数|值)?|(?:取|求)?平均", "", asked) + "合计", units=units) \
        if average and not each else None
    if isinstance(named, Sum):  # "A和B的平均数": the mean of the figures named
        return replace(named, average=True)
    if each or average:
        count = re.match(r"[\d一二两三四五六七八九十]+", each.group()) if each else None
        subject = re.sub(r"[\d一二两三四五六七八九十]+个(?:市级|省级|本级|中央)?|各个?|所有", "", AVERAGE.sub("", asked))
        column = columns[-1] if columns else next((c for w, c in BARE_COLUMN.items() if w in subject), "executed")
        return TablesTotal(operand(subject), column,
                           count_of(count.group()) if count else None, bool(average))
    if columns and columns[-1] in ("weight", "score") and (EACH_INDICATOR.search(asked) or "指标" in asked):
        return IndicatorTotal(operand(EACH_INDICATOR.sub("", asked)), columns[-1])
    node = expression(asked, units=units)
    return node if isinstance(node, Sum) else None


def listed_in_prose(body: str, listing: Listing | None) -> object:
    """"政府专项经费包括哪些项目", "业务工作经费主要用于哪些项目": what the prose lists after the figure named, before
    the projects of the report; the listing as it is for other questions."""
    includes = INCLUDES.search(body)
    if listing is None or listing.condition is not None or listing.column is not None or includes is None \
            or not tokens(subject_of(body[:includes.start()])):
        return listing
    whole = operand(body[:includes.start()])
    return Either(Contents(whole), Either(Parts(whole, "each"), listing))


def count_of(numeral: str) -> int:
    """"6", "六" or "两" → 6, 6, 2."""
    return int(cn2an.cn2an(numeral, "smart"))


# The condition a "which / how many" question puts on its rows: the first whose words it uses.
CONDITIONS = ((OVER_WEIGHT, "over_weight"), (THRESHOLD, None), (NOT_FULL, "not_full"), (FULL, "full"),
              (AT_TARGET, "at_target"), (MISSED, "missed"),
              (EXCEEDED, "exceeded"), (QUALITATIVE, "qualitative"), (QUANTITATIVE, "quantitative"),
              (IN_PERCENT, "in_percent"), (EACH, "each"))


def parse_listing(body: str) -> Listing | None:
    """"哪些指标…", "几个项目", "哪个…最高", "各项目执行率分别是多少": which rows, under which condition;
    None for other questions."""
    extreme = EXTREME.search(body) if LISTED_THINGS.search(body) else None
    rank = (RANK.search(body) or PLACE_ASKED.search(body)) if LISTED_THINGS.search(body) else None
    place = PLACE.search(body) if LISTED_THINGS.search(body) else None
    if not (WHICH.search(body) or EACH.search(body)) and not extreme and not rank and not place:
        return None
    columns = [c for c in columns_in(FULL.sub("", body)) if c != "total_weight"] or \
        [BARE_COLUMN[w] for w in re.findall("|".join(BARE_COLUMN), body)]
    over = "tables" if re.search(r"项目|专项|表", body) and "指标" not in body else "indicators"
    lost = extreme and NOT_FULL.search(body) or DEDUCTION.search(body)
    column = "lost" if lost else (columns[-1] if columns else None)
    if INDICATOR_COUNT.search(body):  # "哪个项目的指标最多": how many indicators each table has
        over, column = "tables", "count"
    if "复核" in body and column in (None, "score", "total_score"):  # "复核后哪个项目得分最低": the review's scores
        column = "recomputed_score"
    top = LEADING.search(body) if over == "tables" else None
    if top:  # "全年执行数排名前三的专项", "项目支出前三名是哪几个项目": the highest (or, 后, lowest) so many
        return Listing(operand(body), over, "highest" if top.group("end") == "前" else "lowest", column,
                       count=count_of(top.group("n")))
    if place and over == "tables":  # "执行率第二高的项目是哪个", "得分排名第三的专项"
        way = "lowest" if place.group("way") in ("低", "少", "小") else "highest"
        return Listing(operand(body), over, way, column, place=count_of(place.group("n") or place.group("n2")))
    asked_place = PLACE_ASKED.search(body)
    if asked_place and over == "tables":  # "运行维护费的得分排第几", "…排第几低": the place of the table named
        low = asked_place.group("low") or asked_place.group("low2")
        return Listing(operand(body), over, "place_of_low" if low else "place_of", column)
    if rank and over == "tables":  # "按执行率从高到低排列项目", "各专项的得分排名"
        return Listing(operand(body), over, "rank_up" if rank.groupdict().get("up") else "rank", column)
    if extreme and over == "tables" and len(set(EXTREME.findall(body))) > 1 and SPREAD.search(body):
        return Listing(operand(body), over, "spread", column)  # "执行率最高和最低的项目差多少"
    if extreme:
        way = "highest" if extreme.group() in ("最高", "最多", "最大") else "lowest"
        several = TOP.search(body[extreme.end():]) or TOP.search(body[:extreme.start()])  # "总分最高的两个专项"
        return Listing(operand(body), over, way, column, count=count_of(several.group("n")) if several else None)
    if column == "lost" and over == "tables" and EACH.search(body):  # "列出各专项的扣分": each table's points lost
        return Listing(operand(body), over, "each", column)
    blank = BLANK.search(body)
    if blank and over == "indicators":
        return Listing(operand(body), over, "blank", BLANK_COLUMN[blank.group("what") or blank.group("what2")])
    for pattern, condition in CONDITIONS:
        match = pattern.search(body)
        if match and pattern is THRESHOLD:
            way = WAYS.get(match.group("op"), "above")
            side = BELOW_OR_ABOVE.match(body, match.end())  # "在10万元以下": below it, whatever the verb
            way = ("below" if side.group() in ("以下", "之下", "以内") else "at_least") if side else way
            rated = over == "indicators" and SCORE_RATE.search(body)  # "得分率低于90%": 得分 ÷ 分值, not 得分
            completed = over == "indicators" and COMPLETION.search(body)  # "完成率低于100%": 完成值 ÷ 指标值
            column = "score_rate" if rated else "completion" if completed else column
            return Listing(operand(body), over, way, column, float(match.group("value")))
        if match:
            return Listing(operand(body), over, condition, column, also=tuple(columns[:-1]))
    return Listing(operand(body), over, None, column)


def resolve(text: str, previous: Question | None, names: list[list[str]] = ()) -> str:
    """A follow-up rewritten as a whole question, against the previous (resolved) question.

    "那它的得分呢？" puts the previous subject in place of 它; "那食品监管专项呢？" swaps the
    name it gives for the previous name of the same kind (`names`: the report's table names,
    indicator names …), or else for the whole previous subject.
    """
    text = clean(text)
    if previous is None:
        return text
    # Only a question that says it follows on ("它…", "那…", "…呢", "为什么？") or names no subject of its own but a
    # column of one ("执行了多少？", "扣了几分？") borrows from the one before; any other is a full question and starts
    # afresh ("总分是多少" after "为什么扣分": a table's 总分 needs no subject).
    why_only = WHY.search(text) and not tokens(subject_of(WHY_TAIL.sub("", WHY.sub("", text))))
    extreme_only = EXTREME.search(text) and not tokens(subject_of(EXTREME.sub("", text)))  # "哪个最低？"
    if WHY.search(text) and NOT_FULL.search(text) and previous.subject \
            and not tokens(subject_of(NOT_FULL.sub("", WHY_TAIL.sub("", WHY.sub("", text))))):
        return clean(f"{previous.subject}{text}")  # "专利许可交易金额完成率是多少？为什么扣分？": of that indicator
    if RISE_OR_FALL.search(text) and not tokens(subject_of(RISE_OR_FALL.sub("", text))):  # "增长还是下降？": of the
        return clean(f"{LAST_YEAR.sub('', YEAR.sub('', ASKING.sub('', previous.resolved)))}{text}")  # figure before
    if CHANGE_ASKED.search(text) and not tokens(subject_of(CHANGE_ASKED.sub("", text))) and previous.subject:
        return clean(f"{ASKING.sub('', previous.resolved)}{text}")  # "下降了多少？": the figure before, since last year
    if GROWN.fullmatch(clean(ASKING.sub("", text))) and previous.subject:  # "实有企业多少户？净增多少户？": of 企业
        return clean(f"{previous.subject}{text}")
    if CHANGE_SIZE.search(text) and not tokens(subject_of(CHANGE_SIZE.sub("", text))) and previous.subject:
        return clean(f"{previous.subject}{CHANGE_SIZE.search(text).group()}是多少")  # "降幅呢？": of the figure before
    if UNSPENT.search(text) and not tokens(subject_of(UNSPENT.sub("", text))) and previous.subject:  # "还剩多少？"
        return clean(f"{previous.subject}的{text}")
    thing = MEASURE_WORDS.sub("", previous.subject)
    if MEASURE_ONLY.fullmatch(subject_of(text)) and tokens(thing) and not MEASURE_ONLY.fullmatch(previous.subject):
        return clean(f"{thing}{re.sub(r'呢', '', text)}")  # "追加了多少？", "实际支出呢？": of the project before
    bare = clean(ASKING.sub("", text)) in BARE_FOLLOW_UP  # "复核后是多少？": the same table's 复核得分
    scoped = over_previous_scope(text, previous)
    if scoped:
        return scoped
    if not (PRONOUN.match(text) or FOLLOW_UP_START.match(text) or re.search(r"呢[？?！!。]*$", text) or why_only
            or extreme_only or asks_of_a_row(text) or bare or RELATION_FIRST.match(text)
            or text.startswith("比") and EXTREME.search(text)):  # "比最高的低多少？"
        return text
    asked = previous.whole or previous.resolved  # the question as a whole, not the row its answer picked
    picked = listing_of(previous.node)
    if text.startswith("比") and EXTREME.search(text) and picked is not None \
            and picked.condition in ("highest", "lowest"):  # "哪个专项得分最高，比最低的高多少？": the spread
        return clean(f"{ASKING.sub('', asked)}{text}")
    if extreme_only and EXTREME.search(asked):  # "最高的呢？" after "哪个项目执行率最低？": the other end
        return clean(EXTREME.sub(EXTREME.search(text).group(), asked, count=1))
    if extreme_only:
        return clean(f"{ASKING.sub('', asked)}{text}")
    body = FOLLOW_UP_START.sub("", PRONOUN.sub("", text))
    body = BARE_FOLLOW_UP.get(clean(ASKING.sub("", body)), body)
    swapped = other_side(asked, clean(ASKING.sub("", body))) or same_class_swapped(asked, clean(ASKING.sub("", body)))
    if swapped:  # "警告呢？" after "复核发现了几个错误？", "表4呢？" after "表3的复核得分是多少？"
        return swapped
    if picked is not None and picked.condition in ("highest", "lowest") and not picked.count and previous.subject \
            and re.search(r"多少|几", body) and not EXTREME.search(body):  # "得分最低的专项是哪个？扣了多少分？": of it
        return clean(f"{previous.subject}{body}")
    if not PRONOUN.match(text) and asks_a_measure(body) and isinstance(scope_node(previous.node), SCOPES_KEPT):
        return measure_swapped(asked, previous, body)  # "执行率呢？" after "A和B哪个得分高？": the same two, by 执行率
    if RELATION_FIRST.match(body) and previous.subject:  # "占总支出的比例呢？": the previous figure's share, of the
        measure = "".join(dict.fromkeys(column_words(previous.resolved)))  # column it was asked in ("得分合计…？占总分")
        return clean(f"{previous.subject}{measure}{body}")
    if WHY.search(body) and not tokens(subject_of(WHY_TAIL.sub("", WHY.sub("", body)))):
        return clean(f"为什么{previous.resolved}{clean(WHY.sub('', body))}")  # "为什么没有达到100%？": of the previous
    if asks_of_a_row(body) and previous.subject:
        return clean(f"{previous.subject}的{body}")
    if year_in(body) is not None and not tokens(subject_of(body)):  # "上年呢？": the same figure, another year
        return clean(f"{re.sub(r'呢?[？?！!。]*$', '', body)}{LAST_YEAR.sub('', YEAR.sub('', previous.resolved))}")
    own_subject = subject_of(body)
    if not tokens(own_subject) and not (columns_in(body) or ASKS_FOR.search(body)):
        return text  # nothing to carry over to: "？？？", "它呢"
    if PRONOUN.match(text) or not tokens(own_subject):  # "复核后呢？" after "表4的总分是多少": of 表4
        table = TABLE_NUMBER.search(previous.resolved)
        owner = previous.subject or (table.group() if table else "")
        return clean(f"{owner}的{body.lstrip('的')}")
    if RATE_OF_ROW.fullmatch(own_subject) and previous.subject:  # "完成率呢？" after a row's figures: that row's rate
        return clean(f"{previous.subject}{own_subject}是多少")
    for kind in names:
        given = [n for n in kind if n and (n in own_subject and len(n) >= WHOLE_NAME * len(own_subject)
                                           or own_subject in n)]
        earlier = [n for n in kind if n and n in previous.resolved and n not in given]
        if given and earlier:
            return previous.resolved.replace(max(earlier, key=len), max(given, key=len))
        if given and kind is names[0] and len(max(given, key=len)) >= WHOLE_NAME * len(own_subject):
            return clean(f"{max(given, key=len)}的{previous.resolved}")  # "那药品监管专项的呢？": the same, in that table
    if previous.subject and previous.subject in previous.resolved:
        return clean(previous.resolved.replace(previous.subject, own_subject, 1))
    return clean(f"{own_subject}{previous.resolved}")


# Follow-ups about what the previous question ran over: "都是哪些？" (list what was counted), "它们的预算合计是多少？"
# (the tables listed), "平均是多少？" (of the figure each had), "扣分最多的是哪个？" (of the things listed), "占比多少？"
# (of the part picked), "其中公务接待呢？" (a part of the figure before).
LIST_AGAIN = re.compile(r"(?:都|都是|分别|具体|各自)?(?:是|有)?(?:哪些|哪几个|哪几项|什么)(?:呢)?|(?:列出|列举|罗列)(?:来|一下)?")
LISTING_ASKED = re.compile(r"(?:有|共有|一共有|分别有|都有)?(?:哪些|哪几个?|多少个|几个)|列出|列举|罗列|所有|全部")
THEY = re.compile(r"^(?:它们|这些|上述|以上)(?:项目|专项)?的?")
AGGREGATE_ONLY = re.compile(r"^(?:那么?)?(?:平均|合计|总计|一共|总共|加起来)")


def over_previous_scope(text: str, previous: Question) -> str:
    """The follow-up asked over what the previous question ran over, as a whole question; "" for other follow-ups."""
    asked = previous.whole or previous.resolved
    listing = previous.node if isinstance(previous.node, Listing) else None
    if LIST_AGAIN.fullmatch(re.sub(r"[？?。！!，,\s]", "", text)):
        return asked
    own = re.sub(r"(?:的)?呢?[？?。！!，,\s]*$", "", FOLLOW_UP_START.sub("", text))
    if listing is not None and TABLE_NUMBER.fullmatch(own) and not TABLE_NUMBER.search(asked):
        return clean(f"{own}中{asked}")  # "哪些指标没有评分？" then "表3呢？": the same list, of that table
    they = THEY.match(text)
    if they and listing is not None and listing.over == "tables":
        return clean(f"各{'专项' if '专项' in asked else '项目'}{text[they.end():]}")
    if AGGREGATE_ONLY.match(text) and not tokens(subject_of(AVERAGE.sub("", ADDS_UP.sub("", text)))) \
            and listing is not None and listing.over == "tables":
        return clean(f"{ASKING.sub('', asked)}{text}")
    thing = LISTED_THINGS.search(asked)
    if EXTREME.search(text) and not LISTED_THINGS.search(text) and listing is not None and thing \
            and tokens(subject_of(EXTREME.sub("", text))):
        return clean(f"{text.rstrip('？?')}{thing.group()}")
    if listing is not None and listing.over == "indicators" and listing.condition in (None, "each") \
            and RESPECTIVELY.search(text) and asks_a_measure(text):  # "满意度指标有哪些？" then "得分分别是多少？"
        return clean(f"{clean(ASKING.sub('', LISTING_ASKED.sub('', asked)))}的{text}")
    if isinstance(scope_node(previous.node), Parts) and RATE.search(text) and not tokens(subject_of(RATE.sub("", text))):
        return clean(f"{ASKING.sub('', asked)}{text}")
    if "复核" in asked and "复核" not in text and EXTREME.search(text) and re.search(r"差|变|不同|不一样", text):
        return clean(f"自评与复核{text}")  # "哪个表差得最多？" after "复核得分是多少？": the widest gap
    if text.startswith("其中") and previous.subject:
        return clean(f"{previous.subject}中{re.sub(r'呢?[？?！!。]*$', '', text[2:])}")
    return ""


# Words of one class a follow-up swaps for the previous question's ("警告呢？" after "…几个错误？", "表4呢？" after "表3…").
WORD_CLASSES = (re.compile(r"错误|警告|提示"), TABLE_NUMBER)


SIDE = re.compile(r"(?P<side>复核|自评)(?:得分|后|的)?")  # the review's score or the table's own
SIDE_SAID = re.compile(r"复核后?的?|自评(?!表)的?")


def other_side(asked: str, own: str) -> str:
    """"自评呢？" after "表3的复核得分是多少？" (or "复核后呢？" after a 自评 question): the same question of the other
    side's score; "" for other follow-ups."""
    side = SIDE.fullmatch(own)
    said = SIDE_SAID.search(asked)
    if side is None or said is None or said.group().startswith(side.group("side")):
        return ""
    return clean(f"{asked[:said.start()]}{side.group('side')}{asked[said.end():]}")


def same_class_swapped(asked: str, own: str) -> str:
    """The previous question with its word of the class the follow-up's own words are ("警告", "表4") swapped for
    them; "" when the follow-up says more than such a word, or the previous question has none of its class."""
    for words in WORD_CLASSES:
        if words.fullmatch(own) and words.search(asked):
            return clean(words.sub(own, asked, count=1))
    return ""


# What a question is about when a follow-up asks another measure of it: named figures compared or given side by side,
# the tables or parts a list runs over ("执行率呢？" asks it of them, not of the first one named).
SCOPES_KEPT = (Larger, Several, Parts, Difference)


def listing_of(node) -> "Listing | None":
    """The list a question asks for, also when it is the reading tried after another ("五个专项中得分最低的是哪个":
    the parts of a whole, else the tables)."""
    if isinstance(node, Either):
        return listing_of(node.first) or listing_of(node.second)
    return node if isinstance(node, Listing) else None


def scope_node(node):
    """The node whose scope a follow-up keeps: a list over tables counts (not one over indicators or findings)."""
    if isinstance(node, Either):
        return scope_node(node.first)
    if isinstance(node, Listing):
        return Larger((), ()) if node.over == "tables" else None
    return node


WHICH_WORD = re.compile(r"哪一个|哪个|哪一项|哪项|谁")


def measure_swapped(asked: str, previous: Question, body: str) -> str:
    """The previous question asking the follow-up's measure instead of its own: "A和B哪个得分高" + "执行率" → "A和B哪个
    执行率高"; "哪些项目没拿满分" + "分别扣了几分" → "各项目分别扣了几分"; a question naming no measure gets it after
    its subject ("三公经费中哪项最多" + "预算数" → "三公经费预算数中哪项最多")."""
    measure = "".join(dict.fromkeys(column_words(body))) or ("扣分" if DEDUCTION.search(body) else "")
    if isinstance(previous.node, Listing) and previous.node.condition not in LISTED_ALONE and RESPECTIVELY.search(body):
        return clean(f"各{'专项' if '专项' in asked else '项目'}{body}")  # "分别…" of every table the list ran over
    said = column_words(asked)
    if said:
        return clean(asked.replace(said[-1], measure))
    if isinstance(previous.node, Larger) and WHICH_WORD.search(asked):  # "A和B哪个多" + "预算数": of each side
        return clean(WHICH_WORD.sub(lambda m: f"{m.group()}{measure}", asked, count=1))
    subject = previous.subject
    return clean(asked.replace(subject, f"{subject}{measure}", 1) if subject and subject in asked else f"{asked}{measure}")


# Bare words a follow-up uses for a figure ("复核后呢？": the 复核得分 of the same table).
BARE_FOLLOW_UP = {"复核后": "复核得分", "复核": "复核得分", "复核的": "复核得分", "自评": "自评得分", "自评的": "自评得分"}
# Columns a question may ask of the previous subject without naming it; a table's 总分 and 复核得分 stand alone.
ROW_COLUMNS = frozenset({"target", "actual", "weight", "score", "deviation_note", "initial_budget", "full_year_budget",
                         "budget", "executed", "final", "execution_rate"})


def asks_a_measure(text: str) -> bool:
    """"执行率呢？", "扣分呢？", "分别扣了几分？": a measure, with no subject of its own."""
    return asks_of_a_row(text) or bool(DEDUCTION.search(text)) and not tokens(subject_of(DEDUCTION.sub("", text)))


def asks_of_a_row(text: str) -> bool:
    """"执行了多少？", "扣了几分？", "分值呢": a column or measure of a row, with no subject of its own."""
    text = text.replace("了", "")
    subject = subject_of(text)
    if tokens(subject) and subject not in BARE_COLUMN:
        return False
    columns = columns_in(text) or ([bare_column(ASKING.sub("", text))] if bare_column(ASKING.sub("", text)) else [])
    return bool(columns) and all(c in ROW_COLUMNS for c in columns) or bool(DEDUCTION.search(text))


def pair_up(text: str, earlier: list[Question]) -> str:
    """"两者相差多少？" with the figures of the last two questions put in place of 两者."""
    if len(earlier) < 2 or not BOTH.search(text):
        return text
    first, second = (clean(ASKING.sub("", q.resolved)) for q in earlier[-2:])
    return BOTH.sub(f"{first}与{second}", text, count=1)


def main_operand(node) -> Operand | None:
    """The first figure an operation names (its subject, for follow-ups and inheritance)."""
    if isinstance(node, Operand):
        return node
    for name in ("operand", "subject", "part", "left", "first", "whole"):
        if hasattr(node, name):
            return main_operand(getattr(node, name))
    if isinstance(node, (Sum, Several, Larger)) and node.items:
        return main_operand(node.items[0])
    return None


def understand(text: str, earlier: list[Question] = (), names: list[list[str]] = ()) -> Question:
    """The question, resolved against the earlier ones of the conversation, as an operation to run."""
    paired = pair_up(text, list(earlier))
    resolved = paired if paired != text else resolve(text, earlier[-1] if earlier else None, names)
    node, compare = others_left_out(*parse(names_held(whole_spending_named(resolved), names)))
    first = main_operand(node)
    return Question(text, resolved, node, compare, first.subject if first and tokens(first.subject) else "")


def others_left_out(node, compare: Compared | None) -> tuple[object, Compared | None]:
    """"A比其他四个专项之和还多吗", "A是否超过其余专项的合计": the projects added up leave out the one named beside them."""
    if isinstance(node, Larger):
        items = tuple(rest_of(item, [n for n, other in zip(node.names, node.items) if other is not item])
                      if isinstance(item, TablesTotal) and OTHERS.search(item.subject.text) else item
                      for item in node.items)
        return replace(node, items=items), compare
    first = main_operand(node)
    total = compare.figure if compare is not None else None
    if first is not None and isinstance(total, TablesTotal) and OTHERS.search(total.subject.text):
        return node, replace(compare, figure=replace(total, excluding=(first.text,)))
    return node, compare


def rest_of(total: TablesTotal, named: list[str]) -> TablesTotal:
    """The projects' total leaving out those named on the other side, of the measure that side says when it says none
    ("A支出比其他五个项目之和还多吗": their 支出)."""
    said = [m.group() for side in named for m in MEASURE_WORDS.finditer(side)]
    subject = total.subject
    if said and not MEASURE_WORDS.search(subject.text):
        subject = replace(subject, text=SUM_WORD.sub(lambda sum_word: said[-1] + sum_word.group(), subject.text))
    return replace(total, subject=subject, excluding=tuple(named))


def names_held(text: str, names: list[list[str]]) -> str:
    """The question with the report's own names that hold 和/与/及 ("公务用车购置和维护经费") in quotes when it also
    joins things with those words, so "A和B哪个多" is split between the things, never inside a name."""
    held = sorted({n for kind in names for n in kind if n and JOINER.search(n)}, key=len, reverse=True)
    for name in held:
        quoted = QUOTED.findall(text)
        rest = text.replace(name, "")  # joined to something else: "和", or "加" of a sum ("…专项年初预算加追加")
        if name in text and not any(name in q for q in quoted) and (JOINER.search(rest) or SUM_SPLIT.search(rest)):
            text = text.replace(name, f"“{name}”")
    return text


def requests(text: str) -> list[str]:
    """The requests one question makes ("执行率是多少，扣了几分？", "列出扣分的指标，并说明原因"), each to answer in
    turn; one request when a clause asks nothing on its own ("按执行数除以预算数计算，执行率是多少") or only checks
    the figure before it ("合计是多少，是否等于项目支出总额")."""
    parts = [p for p in (clean(JOINED.sub("", clean(part))) for part in REQUEST_SPLIT.split(text.strip())) if p]
    if len(parts) < 2 or not all(REQUESTS.search(p) for p in parts) \
            or any(CHECKS_BEFORE.match(p) or EACH_OF_THEM.match(p) for p in parts[1:]):
        return [text]
    return [parts[0]] + ["原因是什么？" if REASON_ASKED.match(p) else p for p in parts[1:]]


def questions(text: str) -> list[str]:
    """The questions a text asks one after another, each ending in its question mark ("公用经费是多少？占基本支出多少？");
    the text whole when a later one only asks how far apart or which is larger ("哪个多？多多少？") or checks the figure
    before it ("合计是多少？是否等于项目支出？"): those are one question."""
    parts = [p.strip() for p in re.split(r"(?<=[？?])", text) if clean(p)]
    if len(parts) < 2 or any(asks_gap(p) or asks_which(p) or HOW_FAR.fullmatch(clean(ASKING.sub("", p)) + "多少")
                             or CHECKS_BEFORE.match(p) or not (REQUESTS.search(p) or re.search(r"呢[？?]$", p))
                             for p in parts[1:]):
        return [text]
    return parts


def asks_which(text: str) -> str | None:
    """The way ("高", "少" …) a question that only asks which of the two figures before it wins asks for; else None."""
    match = BARE_WHICH.fullmatch(re.sub(r"[？?！!。，,\s]", "", text))
    return match.group("way") if match else None


def asks_total(text: str) -> bool:
    """Whether a question only asks what the two figures before it add up to ("合计多少？", "两者加起来是多少？")."""
    return bool(BARE_TOTAL.fullmatch(re.sub(r"[？?！!。，,\s]", "", text)))


def asks_gap(text: str) -> bool:
    """Whether a question only asks how far apart the two figures before it are ("差多少？")."""
    return bool(BARE_GAP.fullmatch(re.sub(r"[？?！!。，,\s]", "", text)))
