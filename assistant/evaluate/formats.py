"""Field F1 per source format: the same gold-labelled tables rendered into every format
(evals/tools/render.py), read back through ingest and the rules extractor, scored by the extraction scorer.

Samples (evals/gold) and field-set tables are reported apart: the field set shows the formats on other
provinces' layouts, the samples keep the formats honest on a layout the extractor already reads.
"""
import re
import unicodedata
from pathlib import Path

from assistant import api
from assistant.errors import BadInput
from assistant.evaluate.extraction import Tally, score_extraction
from assistant.ingest import read_path
from schemas import Report
from schemas.gold import GoldReport

FORMAT_ORDER = ("txt", "docx", "xlsx", "tsv", "html", "mhtml", "browser", "browser-word", "pdf", "pdftext", "doc", "scan", "scan-rotated")
TARGETS = {"docx": 0.97, "xlsx": 0.97, "tsv": 0.97, "html": 0.97, "mhtml": 0.97, "browser": 0.97, "browser-word": 0.97,
           "pdf": 0.95, "pdftext": 0.90, "doc": 0.95, "scan": 0.85, "scan-rotated": 0.85}


# Glyphs a scan cannot tell apart: a full-width colon or bracket from a half-width one (NFKC folds those),
# the comparator variants ≧/≥, ≦/≤, ═/=, and how many dots make a …… (a run of three or more is one ellipsis).
# The contract keeps what was printed, so the reader never rewrites them; only a report read by OCR is scored
# modulo these variants, both sides folded alike.
OCR_GLYPHS = str.maketrans({"≧": "≥", "≦": "≤", "═": "="})
DOT_RUN = re.compile(r"[.·•…]{3,}")
OCR_FORMATS = ("pdf-ocr", "image")


def glyph_folded(value):
    if isinstance(value, str):
        return DOT_RUN.sub("…", unicodedata.normalize("NFKC", value).translate(OCR_GLYPHS))
    if isinstance(value, dict):
        return {key: glyph_folded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [glyph_folded(item) for item in value]
    return value


def score_file(path: Path, gold: GoldReport) -> tuple[Tally, str | None]:
    try:
        report = api.extract(read_path(path), "rules")
    except BadInput as error:
        report, problem = Report(source={"name": path.name, "sha256": "", "format": "txt"}, extractor="rules"), str(error)
    else:
        problem = None
    return score_report(report, gold), problem


def score_report(report: Report, gold: GoldReport) -> Tally:
    # Tables only: narrative figures are matched by line, and every format renders its own lines.
    gold, report = gold.model_copy(update={"figures": []}), report.model_copy(update={"figures": []})
    if report.source.format in OCR_FORMATS:
        gold = GoldReport.model_validate(glyph_folded(gold.model_dump()))
        report = Report.model_validate(glyph_folded(report.model_dump()))
    tally, _ = score_extraction(gold, report)
    return tally


def score_formats(rendered: Path, sample_ids: set[str]) -> dict:
    """{group: {format: {f1, precision, recall, files, refused}}} for every format folder under `rendered`."""
    golds = {path.stem: GoldReport.model_validate_json(path.read_text(encoding="utf-8"))
             for path in sorted((rendered / "gold").glob("*.json"))}
    result: dict[str, dict] = {"samples": {}, "field": {}}
    for kind in [k for k in FORMAT_ORDER if (rendered / k).is_dir()]:
        tallies = {"samples": Tally(), "field": Tally()}
        files = {"samples": 0, "field": 0}
        refused: dict[str, list[str]] = {"samples": [], "field": []}
        for path in sorted((rendered / kind).iterdir()):
            if path.stem not in golds:
                continue
            group = "samples" if path.stem in sample_ids else "field"
            tally, problem = score_file(path, golds[path.stem])
            tallies[group].add(tally)
            files[group] += 1
            if problem:
                refused[group].append(f"{path.name}: {problem}")
        for group, tally in tallies.items():
            if files[group]:
                result[group][kind] = {**tally.as_dict(), "files": files[group], "refused": refused[group],
                                       "target": TARGETS.get(kind)}
    return result
