"""`selfeval eval`: extraction, findings, Q&A and review drafts measured against the gold set.

Writes evals/reports/eval-<extractor>.json and .md with the difference against the previous
run of the same extractor, so a regression shows.
"""
import json
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

from assistant import api
from assistant.evaluate.extraction import Tally, compare_table, field_directories, score_extraction, score_field_set
from assistant.evaluate.findings import FindingScore, score_field_split, score_findings
from assistant.values import normalize_text, to_ascii
from schemas import Answer, CheckedReport, ReviewedReport
from schemas.gold import GoldReport, HeldoutQuestion, QAPair

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "evals" / "samples"
GOLD = ROOT / "evals" / "gold"
REPORTS = ROOT / "evals" / "reports"
NOT_FOUND = re.compile(r"未找到|没有找到|未提及|未载明|无法回答|不包含|未涉及|无相关")
NOTHING_FOUND = re.compile(NOT_FOUND.pattern + r"|没有|未发现|不存在")
# The tool's own results are compared within rounding of a printed score.
CHECK_TOLERANCE = 0.011


@dataclass
class QAScore:
    correct: int = 0
    total: int = 0
    with_evidence: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass
class ReviewScore:
    deviations: int = 0
    covered: int = 0
    drafts: int = 0
    grounded: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.covered / self.deviations if self.deviations else 1.0

    @property
    def grounding(self) -> float:
        return self.grounded / self.drafts if self.drafts else 1.0


def value_matches(expected: float, answer: Answer) -> bool:
    return answer.value is not None and abs(answer.value - expected) <= max(0.011, abs(expected) * 0.005)


def answer_correct(pair: QAPair, answer: Answer) -> bool:
    if pair.kind == "not_found":
        return answer.value is None and bool(NOT_FOUND.search(answer.answer))
    if pair.value is not None:
        return value_matches(pair.value, answer)
    expected = re.sub(r"\s", "", pair.answer)
    return bool(expected) and (expected in re.sub(r"\s", "", answer.answer))


def canonical(text: str) -> str:
    """Text as an answer is searched: no whitespace, half-width, decimals as values (56.70 → 56.7, 100.00 → 100)."""
    return re.sub(r"\d+\.\d+", lambda m: f"{Decimal(m.group()).normalize():f}", to_ascii(normalize_text(text)))


def mentions_all(text: str, items: list[str]) -> bool:
    said = canonical(text)
    return all(canonical(item) in said for item in items)


def check_facts(question: HeldoutQuestion, checked: CheckedReport) -> tuple[list[float], list[str]]:
    """The numbers and finding rows a correct answer to a question about the tool's own results gives."""
    scores = [s for s in checked.scores if question.table is None or s.table == question.table]
    if question.field == "recomputed_score":
        return [s.recomputed_score for s in scores if s.recomputed_score is not None], []
    if question.field == "score_difference":
        return [abs(s.self_score - s.recomputed_score) for s in scores
                if s.self_score is not None and s.recomputed_score is not None], []
    severity = "error" if question.field == "error_count" else question.severity
    findings = [f for f in checked.findings if (question.table is None or f.table == question.table)
                and (question.rule is None or f.rule == question.rule) and (severity is None or f.severity == severity)]
    if question.field == "error_count":
        return [float(len(findings))], []
    return [], sorted({f.row for f in findings if f.row})


def check_answer_correct(question: HeldoutQuestion, answer: Answer, checked: CheckedReport) -> bool:
    """One number: the answer's value; several (a score per table): every one printed in the answer; rows: all named."""
    numbers, rows = check_facts(question, checked)
    if question.field == "finding_rows":
        return mentions_all(answer.answer, rows) if rows else bool(NOTHING_FOUND.search(answer.answer))
    if not numbers:
        return answer.value is None and bool(NOTHING_FOUND.search(answer.answer))
    if len(numbers) == 1:
        # "差多少" asks for the size of a difference, whichever way it is signed.
        return answer.value is not None and abs(abs(answer.value) - numbers[0]) <= CHECK_TOLERANCE
    printed = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", to_ascii(answer.answer))]
    return all(any(abs(p - n) <= CHECK_TOLERANCE for p in printed) for n in numbers)


def heldout_question_correct(question: HeldoutQuestion, answer: Answer, checked: CheckedReport) -> bool:
    if question.expected_from == "check":
        return check_answer_correct(question, answer, checked)
    if question.must_mention:
        return mentions_all(answer.answer, question.must_mention) and (
            question.value is None or value_matches(question.value, answer))
    return answer_correct(question, answer)


def heldout_pairs(gold_dir: Path) -> dict[str, list[QAPair]]:
    """Questions written apart from the development set (evals/gold/heldout/qa.json), by sample.

    Only their accuracy is reported, never which ones failed: seeing them would make them training data.
    """
    path = gold_dir / "heldout" / "qa.json"
    pairs: dict[str, list[QAPair]] = {}
    for item in json.loads(path.read_text(encoding="utf-8")) if path.exists() else []:
        pairs.setdefault(item["source"], []).append(QAPair.model_validate({k: v for k, v in item.items() if k != "source"}))
    return pairs


def heldout_questions(gold_dir: Path) -> dict[str, list[HeldoutQuestion]]:
    """The second held-out set (evals/gold/heldout/qa2.json), by sample; like the first, never listed when wrong."""
    path = gold_dir / "heldout" / "qa2.json"
    questions: dict[str, list[HeldoutQuestion]] = {}
    for item in json.loads(path.read_text(encoding="utf-8")) if path.exists() else []:
        question = HeldoutQuestion.model_validate(item)
        questions.setdefault(question.source, []).append(question)
    return questions


def ask_in_chat(checked: CheckedReport, document, question: HeldoutQuestion) -> Answer:
    """Ask the chat's earlier questions in order, then the labelled one with their answers as its history."""
    from assistant.chat import answer_question

    history: list[Answer] = []
    for earlier in question.history:
        history.append(answer_question(checked, document, earlier, list(history), "offline"))
    return answer_question(checked, document, question.question, history, "offline")


def score_heldout_questions(questions: list[HeldoutQuestion], checked: CheckedReport, document) -> dict[str, QAScore]:
    """Correct and total per category; which questions failed is never recorded."""
    by_category: dict[str, QAScore] = {}
    for question in questions:
        answer = ask_in_chat(checked, document, question)
        score = by_category.setdefault(question.category, QAScore())
        score.total += 1
        score.correct += heldout_question_correct(question, answer, checked)
        score.with_evidence += bool(answer.evidence)
    return by_category


def score_qa(source: str, pairs: list[QAPair], checked: CheckedReport, document) -> QAScore:
    from assistant.chat import answer_question

    score = QAScore(total=len(pairs))
    for pair in pairs:
        answer = answer_question(checked, document, pair.question, [], "offline")
        if answer_correct(pair, answer):
            score.correct += 1
        else:
            score.wrong.append(f"{source[:3]} {pair.question} → {answer.answer[:60]} (gold {pair.answer[:40]})")
        score.with_evidence += bool(answer.evidence)
    return score


def deviations(reviewed: ReviewedReport) -> set[tuple[int, str | None]]:
    """Every (table, row) the review must draft for: missed target, 得分 < 分值, 执行率 < 100%, errors."""
    from assistant.check.assess import assess
    from assistant.check.funds import computed_rate

    wanted: set[tuple[int, str | None]] = set()
    for index, table in enumerate(reviewed.tables):
        for indicator in table.indicators:
            below = indicator.score is not None and indicator.weight is not None and indicator.score < indicator.weight
            if below or assess(indicator).status == "missed":
                wanted.add((index, indicator.level3))
        total = table.funds_total
        rate = computed_rate(total) if total else None
        if rate is not None and rate < 100 - 0.011:
            wanted.add((index, total.label))
    wanted |= {(f.table, f.row) for f in reviewed.findings if f.severity == "error" and f.table is not None}
    return wanted


def score_review(checked: CheckedReport, document) -> ReviewScore:
    from assistant.review import review_report
    from assistant.review.grounding import ungrounded_in_draft

    reviewed = review_report(checked, document)
    wanted = deviations(reviewed)
    drafted = {(d.table, d.row) for d in reviewed.drafts}
    score = ReviewScore(deviations=len(wanted), covered=len(wanted & drafted), drafts=len(reviewed.drafts))
    score.problems += [f"no draft for table {t} row {r}" for t, r in sorted(wanted - drafted, key=str)]
    for draft in reviewed.drafts:
        loose = ungrounded_in_draft(draft, reviewed, document)
        if loose:
            score.problems.append(f"ungrounded {sorted(loose)} in draft for table {draft.table} row {draft.row}")
        else:
            score.grounded += 1
    return score


def run_evaluation(samples: Path = SAMPLES, gold_dir: Path = GOLD, extractor: str = "rules") -> dict:
    """Measure every gold-labelled sample in `samples`, and extraction and findings on the field set's dev and
    test splits (evals/field, or SELFEVAL_FIELD) when it holds any; returns the metrics dictionary."""
    from assistant.llm.usage import current_usage, reset_usage

    reset_usage()
    extraction, findings, qa, heldout, review = Tally(), FindingScore(), QAScore(), QAScore(), ReviewScore()
    heldout_first, heldout_second = heldout_pairs(gold_dir), heldout_questions(gold_dir)
    heldout2, by_category = QAScore(), {}  # the second held-out set in total and per question category
    per_sample = {}
    started = time.perf_counter()
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = GoldReport.model_validate_json(gold_path.read_text(encoding="utf-8"))
        if not (samples / gold.source).exists():
            continue
        document = api.load(samples / gold.source)
        report = api.extract(document, extractor)
        checked = api.check_extracted(report, document)
        sample_extraction, table_map = score_extraction(gold, report)
        sample_findings = score_findings(checked.findings, gold.defects, table_map)
        # Q&A and drafts are offline features on the rules extraction: check it once, not once per question.
        offline = checked if extractor == "rules" else api.check(document, "rules")
        sample_qa = score_qa(gold.source, gold.qa, offline, document)
        sample_heldout = score_qa(gold.source, heldout_first.get(gold.source, []), offline, document)
        sample_heldout2 = score_heldout_questions(heldout_second.get(gold.source, []), offline, document)
        sample_review = score_review(offline, document)
        extraction.add(sample_extraction)
        findings.add(sample_findings)
        tallies = [(qa, sample_qa), (heldout, sample_heldout), (review, sample_review)]
        tallies += [(heldout2, part) for part in sample_heldout2.values()]
        tallies += [(by_category.setdefault(name, QAScore()), part) for name, part in sample_heldout2.items()]
        for total, part in tallies:
            for name, value in vars(part).items():
                setattr(total, name, getattr(total, name) + value)
        per_sample[gold.source] = {
            "tables": table_scores(gold, report, table_map),
            "extraction": sample_extraction.as_dict(), "findings": sample_findings.as_dict(),
            "qa": {"accuracy": round(sample_qa.accuracy, 4), "total": sample_qa.total},
            "review": {"coverage": round(sample_review.coverage, 4), "grounding": round(sample_review.grounding, 4)},
        }
    field = {f"field_{split}": scores for split, scores in score_field_set(field_directories(), extractor).items()}
    field_findings = {}
    for split in ("dev", "test"):
        directories = [base / split for base in field_directories()]
        if any(any(directory.glob("*.json")) for directory in directories):
            field_findings[split] = score_field_split(directories, extractor)
    return {
        **field,
        **{f"findings_field_{split}": score.as_dict() for split, score in field_findings.items()},
        "extractor": extractor,
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 2),
        "extraction": extraction.as_dict(),
        "findings": findings.as_dict(),
        "qa": {"accuracy": round(qa.accuracy, 4), "correct": qa.correct, "total": qa.total,
               "with_evidence": qa.with_evidence, "heldout_accuracy": round(heldout.accuracy, 4),
               "heldout_total": heldout.total,
               "heldout2_accuracy": round(heldout2.accuracy, 4), "heldout2_total": heldout2.total,
               "heldout2_categories": {name: {"correct": c.correct, "total": c.total}
                                       for name, c in sorted(by_category.items())}},
        "review": {"coverage": round(review.coverage, 4), "grounding": round(review.grounding, 4),
                   "deviations": review.deviations, "drafts": review.drafts},
        "llm": llm_record(extractor, current_usage().as_dict()),
        "samples": per_sample,
        "details": {"extraction_errors": extraction.errors[:200], "missed_defects": findings.missed,
                    "unmatched_findings": findings.unmatched, "qa_wrong": qa.wrong,
                    "review_problems": review.problems[:200],
                    # Only the dev split's misses are shown: seeing the test split's would make them training data.
                    "field_dev_missed": field_findings["dev"].missed if "dev" in field_findings else [],
                    "field_dev_unmatched": field_findings["dev"].unmatched if "dev" in field_findings else []},
    }


def llm_record(extractor: str, usage: dict) -> dict | None:
    """Model, prompt versions and usage of an LLM run (None for the rules extractor)."""
    if extractor == "rules":
        return None
    from assistant.llm.prompts import load_prompt
    from assistant.llm.settings import load_settings
    from assistant.llm.usage import token_cost

    settings = load_settings()
    return {"model": settings.model, "endpoint": settings.endpoint if settings.configured else None,
            "prompts": [load_prompt(name).id for name in ("extract_table", "extract_narrative")],
            "cost": token_cost(usage["prompt_tokens"], usage["completion_tokens"], settings.prompt_price,
                               settings.completion_price), **usage}


def table_scores(gold: GoldReport, report, table_map: dict[int, int]) -> list[dict]:
    """Field F1 of each gold table against the table it was matched with."""
    scores = []
    for index, table in enumerate(gold.tables):
        tally, matched = Tally(), table_map.get(index)
        compare_table(tally, f"tables[{index}]", table, report.tables[matched] if matched is not None else None)
        scores.append({"table": index, "kind": table.kind, "name": table.name, "f1": round(tally.f1, 4)})
    return scores


HEADLINE = [("extraction", "f1"), ("extraction", "precision"), ("extraction", "recall"), ("findings", "precision"),
            ("findings", "recall"), ("qa", "accuracy"), ("qa", "heldout_accuracy"), ("qa", "heldout2_accuracy"),
            ("review", "coverage"), ("review", "grounding"), ("field_dev", "precision"), ("field_dev", "recall"),
            ("field_test", "precision"), ("field_test", "recall")]


def headline(result: dict) -> dict[str, float]:
    """The headline metrics a run has (a report saved by an older version may lack the newer ones, a run without
    the field set has none of its figures)."""
    return {f"{group}.{name}": result[group][name] for group, name in HEADLINE if name in result.get(group, {})}


def write_reports(result: dict, directory: Path = REPORTS) -> dict[str, float]:
    """Save JSON + Markdown; return the change of each headline metric since the previous run."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"eval-{result['extractor']}.json"
    previous = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    change = {k: round(v - headline(previous).get(k, 0), 4) for k, v in headline(result).items()} if previous else {}
    result = {**result, "change_since_previous": change}
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (directory / f"eval-{result['extractor']}.md").write_text(markdown(result), encoding="utf-8")
    return change


def markdown(result: dict) -> str:
    change = result.get("change_since_previous", {})
    lines = [f"# selfeval eval — extractor `{result['extractor']}`", "", f"Run {result['time']}, {result['seconds']} s.", "",
             "| metric | value | change |", "|---|---|---|"]
    for key, value in headline(result).items():
        delta = change.get(key)
        lines.append(f"| {key} | {value:.4f} | {'' if delta is None else f'{delta:+.4f}'} |")
    lines += ["", "## Per sample", "", "| sample | extraction F1 | findings P | findings R | Q&A | review coverage |",
              "|---|---|---|---|---|---|"]
    for name, sample in result["samples"].items():
        lines.append(f"| {name} | {sample['extraction']['f1']:.4f} | {sample['findings']['precision']:.4f} | "
                     f"{sample['findings']['recall']:.4f} | {sample['qa']['accuracy']:.4f} | {sample['review']['coverage']:.4f} |")
    categories = result["qa"].get("heldout2_categories", {})
    if categories:
        lines += ["", "## Held-out set 2 by question category", "", "| category | correct | total |", "|---|---|---|"]
        lines += [f"| {name} | {c['correct']} | {c['total']} |" for name, c in categories.items()]
    for split in ("dev", "test"):
        if f"field_{split}" in result:
            figures = result[f"field_{split}"]
            families = ", ".join(f"{name} {f1:.4f}" for name, f1 in figures["families"].items())
            lines += ["", f"## Field set `{split}` ({figures['files']} files)", "",
                      f"extraction F1 {figures['f1']:.4f} (P {figures['precision']:.4f}, R {figures['recall']:.4f}); "
                      f"by family: {families}"]
    if "field_dev" in result:
        lines += ["", "### Field `dev` extraction errors", ""] + [f"- {e}" for e in result["field_dev"]["errors"][:300]]
    if result.get("llm"):
        llm = result["llm"]
        lines += ["", "## LLM", "", f"Model `{llm['model']}` at {llm['endpoint']}, prompts {', '.join(llm['prompts'])}: "
                  f"{llm['calls']} calls ({llm['requests']} requests, {llm['cache_hits']} from the cache, "
                  f"{llm['failures']} failed), {llm['total_tokens']} tokens, cost {llm['cost']}; "
                  f"{llm['dropped_values']} values dropped by grounding.", "",
                  "| sample | table | kind | name | F1 |", "|---|---|---|---|---|"]
        lines += [f"| {name} | {t['table']} | {t['kind']} | {t['name'] or ''} | {t['f1']:.4f} |"
                  for name, sample in result["samples"].items() for t in sample["tables"]]
    for title, key in (("Missed defects", "missed_defects"), ("Findings not in the gold", "unmatched_findings"),
                       ("Q&A answered wrongly", "qa_wrong"), ("Review problems", "review_problems"),
                       ("Field set (dev): missed defects", "field_dev_missed"),
                       ("Field set (dev): findings not in the gold", "field_dev_unmatched")):
        items = result["details"].get(key, [])
        lines += ["", f"## {title} ({len(items)})", ""] + [f"- {item}" for item in items]
    return "\n".join(lines) + "\n"
