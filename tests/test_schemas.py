"""The exported JSON Schema in schemas/json/ matches the pydantic models (the contract)."""
from schemas.export import DIRECTORY, schema_texts


def test_exported_json_schema_is_in_sync():
    for name, text in schema_texts().items():
        assert (DIRECTORY / name).read_text(encoding="utf-8") == text, f"run `python -m schemas.export` ({name})"
