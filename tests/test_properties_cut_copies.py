"""Copies as they arrive cut and paged: every sample and real field text (dev), cut off part-way and flattened into a document
viewer's numbered pages, is checked, reviewed and asked about with no error but a clear refusal of what is no report
(BadInput). Each cut is fixed (a third and two thirds of the text; pages of 500 characters), so a failure names its
copy."""
import re

import pytest

from assistant import api
from assistant.errors import BadInput
from tests.conftest import ROOT, SAMPLE_FILES

TEXTS = SAMPLE_FILES + sorted((ROOT / "evals" / "field" / "dev").glob("*.txt"))
QUESTIONS = ("复核得分是多少？", "哪些指标没有完成？", "执行率是多少")
PAGE = 500  # characters a viewer's page holds


def copies(text: str) -> dict[str, str]:
    """The text cut at a third and at two thirds of its length, and flattened whole into numbered pages."""
    flat = re.sub(r"[\s|]+", "", text)
    return {"a third": text[:len(text) // 3], "two thirds": text[:2 * len(text) // 3],
            "pages": "\n".join(f"{page}、{flat[at:at + PAGE]}" for page, at in enumerate(range(0, len(flat), PAGE), 1))}


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.stem)
def test_a_cut_or_paged_copy_is_reviewed_and_answered_or_refused_clearly(path):
    for name, text in copies(path.read_text(encoding="utf-8")).items():
        try:
            document = api.load(text.encode(), f"{name}.txt")
        except BadInput:
            continue
        assert api.review(document).findings is not None, name
        for question in QUESTIONS:
            assert api.ask(document, question).answer, (name, question)
