"""How answers read: Chinese sentences naming each figure, its table or clause, and its line."""
import re

from assistant.chat.compute import POINTS, Result, number
from assistant.chat.facts import Fact
from schemas import Evidence

TREND = {"增加": "增长", "减少": "下降"}
GROUNDS_SHOWN = 6  # figures named after a formula; the evidence lists them all
LONG_SUM = 12  # terms a sum shows in full
AMOUNT = re.compile(r"\d++(?:\.\d++)?(?![\d.]{0,8}年)")  # a figure of a clause, not its year


def evidence(facts: list[Fact]) -> list[Evidence]:
    """Each fact's quote and line, once."""
    items: dict[tuple[str, int | None], Evidence] = {}
    for fact in facts:
        items.setdefault((fact.quote, fact.line), Evidence(quote=fact.quote, line=fact.line))
    return list(items.values())


def where(fact: Fact) -> str:
    return f"第{fact.line}行" if fact.line else ""


def printed(fact: Fact) -> str:
    """A figure as the answer shows it: a target or completion as the table prints it ("≧95%", not "95%")."""
    if fact.value is None or fact.kind == "indicator" and fact.column in ("target", "actual"):
        return fact.text
    return f"{number(fact.value)}{fact.unit or ''}"


def fact_sentence(fact: Fact) -> str:
    """"药品监管专项·年度资金总额·全年执行数为2万元（第469行）。", or the clause of a narrative figure."""
    if fact.source == "narrative" and len(AMOUNT.findall(fact.quote)) > 1:  # "案件1119起（其中信访171起…）": which
        return f"报告正文{where(fact)}：“{fact.quote}”，即{printed(fact)}。"
    if fact.source == "narrative":
        return f"报告正文{where(fact)}：“{fact.quote}”。"
    return f"{fact.describe()}为{printed(fact)}（{where(fact)}）。"


def derived_sentence(result: Result) -> str:
    """The formula and its value: "1824.18−884.86=939.32万元（增加939.32万元）。"."""
    unit = result.unit or ""
    sentence = f"{shortened(result.formula)}={number(result.value)}{unit}"
    if result.direction in ("增加", "减少") and unit == POINTS:  # one rate above another: 高/低 so many points
        sentence += f"（{'高' if result.direction == '增加' else '低'}{number(result.value)}{unit}）"
    elif result.direction in ("增加", "减少"):  # over years said both ways a reviewer asks: 增加/增长, 减少/下降
        years = len({f.year for f in result.facts if f.year}) > 1
        sentence += f"（{result.direction}{number(result.value)}{unit}{f'，即{TREND[result.direction]}' if years else ''}）"
    return sentence + "。"


def grounds(facts: list[Fact]) -> str:
    """"依据：…" naming each figure a derived value used, with its table or clause and line."""
    distinct = list({id(f): f for f in facts}.values())
    if not distinct:
        return ""
    more = "等" if len(distinct) > GROUNDS_SHOWN else ""
    return "依据：" + "；".join(ground(f) for f in distinct[:GROUNDS_SHOWN]) + more + "。"


def ground(fact: Fact) -> str:
    if fact.source == "narrative":
        return f"正文“{fact.quote}”（{where(fact)}）"
    return f"{fact.describe()}{printed(fact)}（{where(fact)}）"


def shortened(formula: str) -> str:
    """A long sum as "a+b+c+…+y+z（共N项）"; the value is still that of the whole formula."""
    terms = formula.split("+")
    if len(terms) <= LONG_SUM or any(c in formula for c in "()−÷×"):
        return formula
    return "+".join(terms[:3]) + "+…+" + "+".join(terms[-2:]) + f"（共{len(terms)}项）"
