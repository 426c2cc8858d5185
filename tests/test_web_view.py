"""What the pages compute: where a value is in the original file, and how long lists are paged."""
from assistant import api
from assistant.web.view import evidence_label, location_label, paged, table_pages
from schemas import Evidence, Location
from tests.conftest import SAMPLE_FILES


def test_locations_read_as_a_reviewer_looks_for_them():
    assert location_label(None) is None and location_label(Location()) is None
    assert location_label(Location(page=3, table=2, row=4, col=5)) == "第3页 表2 第4行第5列"
    assert location_label(Location(sheet="附件2-1", cell="D14")) == "附件2-1!D14"
    assert location_label(Location(page=7)) == "第7页"
    assert location_label(Location(table=1, row=9)) == "表1 第9行"
    assert evidence_label(Evidence(quote="95", line=12)) == "第 12 行"
    assert evidence_label(Evidence(quote="95", line=12, location=Location(sheet="Sheet1", cell="B3"))) == "Sheet1!B3"


def test_pages_cover_every_item_once_and_clamp_the_page_number():
    items = list(range(250))
    pages = [paged(items, number, 100) for number in (1, 2, 3)]
    assert [p.items for p in pages] == [items[:100], items[100:200], items[200:]]
    assert {p.pages for p in pages} == {3} and {p.total for p in pages} == {250}
    assert paged(items, 99, 100).number == 3 and paged(items, -1, 100).number == 1
    assert paged([], 1, 100).pages == 1


def test_table_pages_keep_tables_whole_and_cover_them_all():
    report = api.review(api.load(SAMPLE_FILES[0].read_bytes(), SAMPLE_FILES[0].name), "template")
    pages = table_pages(report, 30)
    assert [t for page in pages for t in page] == list(range(len(report.tables)))
    assert len(pages) > 1 and all(len(page) >= 1 for page in pages)
    assert table_pages(report, 10_000) == [range(0, len(report.tables))]


def test_bench_measures_the_served_page(tmp_path):
    from assistant.web.measure import page_timings

    one, grown = page_timings(SAMPLE_FILES[0], (1, 3))
    assert (one["size"], grown["size"]) == (1, 3)
    assert one["report_bytes"] == len(SAMPLE_FILES[0].read_bytes()) < grown["report_bytes"]
    assert 10_000 < one["page_bytes"] < 2_000_000 and one["page_ms_p50"] > 0
