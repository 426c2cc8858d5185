"""Field tables drawn in their own template, printed to PDF and scanned (evals/tools/render.py scan and
scan-rotated), read back by OCR (real rapidocr and LibreOffice, no mocks) and scored against their gold labels."""
import json

import pytest

from assistant.evaluate.formats import glyph_folded, score_file
from schemas.gold import GoldReport
from tests.conftest import ROOT, eval_tool

DEV = ROOT / "evals" / "field" / "dev"
render = eval_tool("render")


def scanned(tmp_path, report: str, kind: str):
    labels = json.loads((DEV / f"{report}.json").read_text(encoding="utf-8"))
    render.render(render.field_sheet(labels), report, tmp_path, (kind,))
    return score_file(tmp_path / kind / f"{report}.pdf", GoldReport.model_validate(labels))


def test_a_scan_is_scored_modulo_the_glyphs_ocr_cannot_tell_apart():
    # Yongde prints ≧735人次 and ═100%, and its goals with half-width commas; a scan shows ≥, = and ，alike.
    # Hebei's placeholder rows print ……, which a scan reads as five, six or seven dots.
    assert glyph_folded({"target": "≧735人次", "note": ["═100%", "改善学生体质,足额（参保率）"], "level3": "……"}) == \
        glyph_folded({"target": "≥735人次", "note": ["=100%", "改善学生体质，足额(参保率)"], "level3": "......."}) == \
        {"target": "≥735人次", "note": ["=100%", "改善学生体质,足额(参保率)"], "level3": "…"}


@pytest.mark.parametrize("report, kind, floor", [
    ("yunnan_yongde_2022_yingyanggaishan", "scan-rotated", 1.0),
    # The template's …… rows: dots too faint for the text detector, recognised from the cell's own ink.
    ("hebei_langfang_2019_nuantong", "scan", 0.94),
])
def test_a_scanned_field_table_reads_to_its_gold(tmp_path, report, kind, floor):
    tally, problem = scanned(tmp_path, report, kind)
    assert problem is None
    assert tally.f1 >= floor, tally.errors[:10]
