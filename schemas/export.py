"""Export the contract's JSON Schema: `python -m schemas.export` rewrites schemas/json/."""
import json
from pathlib import Path

from schemas import Answer, CheckedReport, GoldReport, Report, ReviewedReport

MODELS = {"extract": Report, "check": CheckedReport, "review": ReviewedReport, "ask": Answer, "gold": GoldReport}
DIRECTORY = Path(__file__).parent / "json"


def schema_texts() -> dict[str, str]:
    return {f"{name}.json": json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
            for name, model in MODELS.items()}


def main() -> None:
    DIRECTORY.mkdir(exist_ok=True)
    for name, text in schema_texts().items():
        (DIRECTORY / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
