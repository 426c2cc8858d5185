"""Words of a question and of a report: their weights, and how well a text covers them.

Matching is by substring, not by token identity, so "在职" in a question still finds
"其中在职85人" however jieba happens to cut the report's sentence (words come from `assistant.retrieval`).
"""
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from assistant.retrieval import cut_for_search, tokens

# Words a reviewer and a report use for the same thing (a one-character key also stands at a word's end).
SYNONYMS = {
    "每天": ("每日",), "每日": ("每天",), "开支": ("支出",), "花费": ("支出",), "使用": ("支出",),
    "资金": ("经费",), "经费": ("资金",), "收入": ("拨款",), "拨款": ("收入",), "人数": ("人员",),
    "人员": ("人数",), "执行": ("决算",), "比重": ("比例", "占比"), "占比": ("比例",),
    "快检": ("快速检测",), "计划": ("预计",), "立案": ("受案",), "抽检": ("抽查", "抽样检测"),
    "还剩": ("剩余",), "剩下": ("剩余",), "查办": ("查处",), "查处": ("查办",), "设立": ("设置", "建立"),
    "设置": ("设立",), "款": ("金额",), "钱": ("金额",), "总支出": ("整体支出", "全年支出", "支出"),
    "总收入": ("预算收入", "收入合计", "收入"), "达到": ("达",), "总数": ("共有", "共计", "总量", "总计"),
    "在职人员": ("在职人数", "在职"), "在职人数": ("在职人员", "在职"),  # "其中在职85人"
}
SYNONYM_CREDIT = 0.9
# Words placing a figure in time ("全年为消费者挽回损失"): a report often leaves them out, so they weigh little.
WHEN_WORDS = frozenset({"全年", "年度", "本年", "今年", "当年", "年内", "年末", "年底", "截至", "目前", "同比"})
WEAK = 0.3
MISSED_WORD = 0.08  # what coverage loses for each telling word of the query a name does not explain


@lru_cache(maxsize=4096)
def parts(token: str) -> tuple[str, ...]:
    """The shorter words jieba's search mode finds inside a long token ("在职人员" → 在职, 人员)."""
    return tuple(p for p in cut_for_search(token) if p != token and len(p) >= 2)


@dataclass(frozen=True)
class Weights:
    """Inverse document frequency of words over a report's passages; unseen words weigh most."""

    frequency: Counter
    passages: int

    @classmethod
    def of(cls, texts: list[str]) -> "Weights":
        frequency: Counter = Counter()
        for text in texts:
            frequency.update(set(tokens(text)))
        return cls(frequency, max(1, len(texts)))

    def weight(self, token: str) -> float:
        """The token's idf; a compound the passages never cut out whole ("全年预算数") weighs as its parts do."""
        known = [p for p in parts(token) if p in self.frequency] if token not in self.frequency else []
        frequency = sum(self.frequency[p] for p in known) / len(known) if known else self.frequency.get(token, 0)
        idf = math.log(1 + self.passages / (1 + frequency))
        return idf * WEAK if token in WHEN_WORDS else idf


def found(token: str, text: str) -> float:
    """1 if the token stands in the text; nearly 1 for a synonym ("每天" for 每日, "罚没款" for 罚没金额);
    else the share of its characters its parts, or the longest run it shares with the text, cover."""
    if token in text:
        return 1.0
    if any(alias in text for alias in aliases(token)):
        return SYNONYM_CREDIT
    run = common_run(token, text) if len(token) >= 3 else 0
    covered = max(sum(len(p) for p in parts(token) if p in text), run if run >= 2 else 0)
    return min(1.0, covered / len(token)) * 0.8


@lru_cache(maxsize=4096)
def aliases(token: str) -> tuple[str, ...]:
    """Other words for a token: listed synonyms, a synonym for its last character, or it without a final 数."""
    found_aliases = list(SYNONYMS.get(token, ()))
    found_aliases += [token[:-1] + alias for alias in SYNONYMS.get(token[-1], ()) if len(token) >= 3]
    if len(token) >= 3 and token.endswith("数"):
        found_aliases.append(token[:-1])
    return tuple(found_aliases)


def coverage(query: list[str], names: list[tuple[str, float]], weights: Weights) -> float:
    """How much of the query the weighted name texts explain, in [0, 1].

    Each name text carries a weight (1 for the words right at a figure, less for its
    surroundings); a query word counts by its idf times the best weight of a text holding it.
    """
    if not query:
        return 0.0
    weighted = [(weights.weight(t), max((found(t, text) * w for text, w in names), default=0.0)) for t in query]
    total = sum(weight for weight, _ in weighted)
    explained = sum(weight * share for weight, share in weighted)
    # a telling word (weighing at least the average) that nothing explains points to another figure
    average = total / len(weighted)
    missed = sum(1 for weight, share in weighted if share == 0.0 and weight >= average)
    return max(0.0, explained / total - MISSED_WORD * missed)


def common_run(a: str, b: str) -> int:
    """Length of the longest run of characters two texts share."""
    best = 0
    previous = [0] * (len(b) + 1)
    for char in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if char == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best
