"""Review: a draft 偏差原因分析 / 改进措施 for every deviation and error finding, and the 审核意见 memo.

    deviation.py  which rows deviate, with their arithmetic
    passages.py   the report's own words on causes and measures (BM25 over its sentences)
    template.py   offline, deterministic drafts        llm.py  drafts by a model, grounded
    grounding.py  every number of a draft is in the source or derived from it
    memo.py       the memo's content; markdown.py, word.py, excel.py write it
"""
from assistant.review.drafts import review_report

__all__ = ["review_report"]
