"""How fast and how heavy a report's page is, for `selfeval bench`: the page of a reviewed report served
by the real app (in process), at each size of the synthetic reports."""
import asyncio
import statistics
import tempfile
from pathlib import Path
from time import perf_counter

import httpx

from assistant import api
from assistant.store import Store
from assistant.synthetic import synthetic_report

REPEAT = 3


def page_timing(text: str, size: int) -> dict:
    """Server time (median wall ms of REPEAT requests after a first one) and bytes of the report page."""
    from assistant.web.app import create_app

    data = (text if size == 1 else synthetic_report(text, size)).encode("utf-8")
    with tempfile.TemporaryDirectory() as directory:
        store = Store(Path(directory) / "reviews.db")
        report_id = store.save_report(api.review(api.load(data, "report.txt"), "template"), data, "report.txt")
        times, page_bytes = asyncio.run(serve_page(create_app(store), f"/reports/{report_id}"))
    return {"size": size, "page_ms_p50": round(statistics.median(times), 1), "page_bytes": page_bytes,
            "report_bytes": len(data)}


async def serve_page(app, path: str) -> tuple[list[float], int]:
    """The app answering GET `path` in process: wall ms of REPEAT requests after a first one, and the bytes."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        await client.get(path)
        times = []
        for _ in range(REPEAT):
            started = perf_counter()
            response = await client.get(path)
            times.append((perf_counter() - started) * 1000)
            response.raise_for_status()
    return times, len(response.content)


def page_timings(sample: Path, sizes: tuple[int, ...]) -> list[dict]:
    text = sample.read_text(encoding="utf-8")
    return [page_timing(text, size) for size in sizes]
