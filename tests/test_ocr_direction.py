"""OCR of a turned, speckled scan keeps short numeric cells the right way up (real rapidocr, no mocks)."""

import pytest

from assistant.ingest.ocr import deskewed, recognise, render_pdf_page
from tests.conftest import SAMPLES, eval_tool

SAMPLE = "000_9f4ecd25e267d59e"
render = eval_tool("render")


@pytest.fixture(scope="module")
def turned_scan(tmp_path_factory) -> bytes:
    """Sample 000 as printed, every page turned 0.6° with speckle noise (evals/tools/render.py scan-rotated)."""
    out = tmp_path_factory.mktemp("turned")
    render.render(render.sample_sheet((SAMPLES / f"{SAMPLE}.txt").read_text(encoding="utf-8")), SAMPLE, out,
                  ("scan-rotated",))
    return (out / "scan-rotated" / f"{SAMPLE}.pdf").read_bytes()


def page_texts(data: bytes, page: int) -> list[str]:
    return [box.text for box in recognise(deskewed(render_pdf_page(data, page)))]


def test_short_numbers_on_a_turned_scan_are_not_read_upside_down(turned_scan):
    # Page 9 prints the 特种设备 table (实际完成值 90%), page 12 the 食品抽检 table (≤600批次), as the sample's text shows.
    on_page_9, on_page_12 = page_texts(turned_scan, 9), page_texts(turned_scan, 12)
    assert not [text for text in on_page_9 + on_page_12 if text.startswith("%")], (on_page_9, on_page_12)
    assert any(text.startswith("≤600") for text in on_page_12), on_page_12
