"""The reader on forms never seen (issue #14): gold tables of the samples and the field dev split drawn by
evals/tools/render.py in a variant of the scored national form (`in_variant_form`: indicator columns in a seeded
order under the words other forms print for them, the target split over 指标性质 | 指标值 | 度量单位 under a
年度指标值 head row, an unnamed 备注 column), pasted as a reviewer's copy pastes them (evals/tools/paste.py), and
read back to their labels."""
import pytest

from tests.conftest import ROOT, eval_tool


def drawn(seed: int, prefixes: tuple[str, ...]):
    paste = eval_tool("paste")
    items = paste.sources(ROOT / "evals" / "samples", ROOT / "evals" / "gold", ROOT / "evals" / "field",
                          variants=(seed,))
    return paste, [item for item in items if item[1].startswith(prefixes)]


@pytest.mark.parametrize("seed", (1, 2, 3))
def test_stacked_head_row_with_blank_span_cells_stays_one_row(seed):
    """Pipe rows of the variant form: the head row prints 年度指标值 then two blank cells its span covers, then more
    column words (… | 得分 | 年度指标值 |  |  | 权重 | 未完成原因分析 | 全年完成值 |) — one head row, not a row glued from
    a head and data cells, so its parts below (指标性质 | 指标值 | 度量单位) and every column after them are read
    in place: samples 001 and 002, Putuo's 体育 project (evals/field/dev/shanghai_putuo_2022_tiyu)."""
    paste, items = drawn(seed, ("001_", "002_", "shanghai_putuo"))
    assert len(items) == 3
    for _, name, sheet, gold in items:
        assert paste.score_paste(paste.pasted(sheet, "e"), gold).errors == [], name
