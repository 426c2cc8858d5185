"""Whether two figures speak of the same thing with the same value.

Figures come from `assistant.extract.figures`; two are about the same subject when the words right
next to their numbers agree ("净增市场主体8584家" in a table cell and in the narrative).
"""
from assistant.extract.figures import NarrativeFigure


def shared_subject(a: NarrativeFigure, b: NarrativeFigure, minimum: int = 4) -> str | None:
    """The words two mentions share right next to their numbers, if at least `minimum` characters."""
    # Each way of sharing `minimum` characters needs its first (or last) `minimum` of them to match:
    # most pairs share nothing, and are done without computing the four overlaps.
    before_a, before_b = a.subject, b.subject  # a quoted label (“个转企”145家) is the words before the number
    if (a.quoted or b.quoted) and before_a == before_b:
        return before_a  # a quoted label names its subject exactly, however short
    if not (len(before_a) >= minimum and before_a[-minimum:] == before_b[-minimum:]
            or len(a.after) >= minimum and (a.after[:minimum] == b.after[:minimum] or a.after[:minimum] in before_b)
            or len(b.after) >= minimum and b.after[:minimum] in before_a):
        return None
    candidates = [common_suffix(before_a, before_b), common_prefix(a.after, b.after),
                  joined_edge(a.after, before_b), joined_edge(b.after, before_a)]
    best = max(candidates, key=len)
    return best if len(best) >= minimum else None


def common_suffix(x: str, y: str) -> str:
    size = 0
    while size < min(len(x), len(y)) and x[-1 - size] == y[-1 - size]:
        size += 1
    return x[len(x) - size:]


def common_prefix(x: str, y: str) -> str:
    size = 0
    while size < min(len(x), len(y)) and x[size] == y[size]:
        size += 1
    return x[:size]


def joined_edge(after: str, before: str) -> str:
    """The longest words that follow one number and precede another ("53起违法案件" / "违法案件138起")."""
    if not after:
        return ""
    # Only where `before` has after's first character can an overlap start; the first such place is the longest.
    start = before.find(after[0], max(0, len(before) - len(after)))
    while start != -1:
        if after[:len(before) - start] == before[start:]:
            return before[start:]
        start = before.find(after[0], start + 1)
    return ""


def same_basis(a: NarrativeFigure, b: NarrativeFigure, year: int | None) -> bool:
    """Both figures speak of one period and one budget scope: the same part-year cut-off (or none), the same year, an
    undated figure being of the report's `year` ("2021年度…支出2450.6万元" and "2022年度…支出2702.8万元" are two
    years), and the same funding source (一般公共预算 is not all sources)."""
    own = str(year) if year else None
    return a.period == b.period and (a.year or own) == (b.year or own) and a.scope == b.scope


def of_year(figure: NarrativeFigure, year: int | None) -> bool:
    """The figure is of the evaluated `year`, as the tables are: the text dates it to no other year (上年…, 2021年…)."""
    return figure.year is None or year is None or figure.year == str(year)


def same_value(a: NarrativeFigure, b: NarrativeFigure) -> bool:
    if a.family != b.family and a.unit != b.unit:
        return False
    x, y = (a.amount, b.amount) if a.family == "money" else (a.value, b.value)
    if a.approximate and not b.approximate:
        return x <= y <= x * 1.2  # "220余件" is more than 220, a little more
    if b.approximate and not a.approximate:
        return y <= x <= y * 1.2
    return abs(x - y) <= 0.011
