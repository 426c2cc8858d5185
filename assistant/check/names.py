"""Indicator names and units as reviewers read them: the name variants in synonyms.toml are one name.

"实有经营主体年增长率" and the table's "市场主体增长率", "按期办结率" and "按时办结率" are the same
indicator; 个 and 件 count the same things, 次 does not.
"""
import functools
import re
import tomllib
from pathlib import Path

SYNONYMS = tomllib.loads((Path(__file__).with_name("synonyms.toml")).read_text(encoding="utf-8"))
# Each group as one alternation, longest name first, so "按时办结率" is replaced before "按时办结".
VARIANTS = [(re.compile("|".join(map(re.escape, sorted(group, key=len, reverse=True)))), group[0])
            for group in SYNONYMS["variants"]]
NAMES = {group[0] for group in SYNONYMS["variants"]}
COUNT_SUFFIX = re.compile(r"(?:数量|数)$")  # "完成评查案卷数" counts 评查案卷


@functools.cache
def canonical(name: str) -> str:
    """The name with every variant replaced by its group's first name, place/time words and a closing 数 dropped."""
    for word in SYNONYMS["ignored"]:
        name = name.replace(word, "")
    for variants, first in VARIANTS:
        name = variants.sub(first, name)
    return COUNT_SUFFIX.sub("", name)


def same_indicator(indicator: str, subject: str, sentence: str, paragraph: str, minimum: int = 4) -> bool:
    """Whether a figure's subject names the indicator: their canonical names end alike over `minimum`
    characters and the indicator's remaining words are all in the sentence ("消费者投诉" for 按期办结率),
    or they end in one listed name ("抽检") and the indicator's other words stand in the paragraph ("食品安全")."""
    name, words = canonical(indicator), canonical(subject)
    size = 0
    while size < min(len(name), len(words)) and name[-1 - size] == words[-1 - size]:
        size += 1
    head = name[:len(name) - size]
    if size >= minimum:
        return set(head) <= set(sentence)
    return size >= 2 and name[len(name) - size:] in NAMES and len(head) >= 2 and head in paragraph


@functools.lru_cache(maxsize=4096)
def compatible_units(a: str | None, b: str | None) -> bool:
    """Two units of one quantity: equal, per-capita forms of one unit ("件/万人", "件"), or in one group."""
    a, b = (a or "").split("/")[0], (b or "").split("/")[0]
    return a == b or any(a in group and b in group for group in SYNONYMS["compatible_units"])
