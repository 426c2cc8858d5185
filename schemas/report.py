"""The extract object: a report's tables, narrative figures and provenance."""
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    """Base: extra fields allowed (the contract permits additions)."""

    model_config = ConfigDict(extra="allow")


class Location(Model):
    """Where a reviewer finds a value in the original file (all 1-based; unknown parts null)."""

    page: int | None = None
    sheet: str | None = None
    cell: str | None = Field(None, description='a spreadsheet cell address such as "D14"')
    table: int | None = None
    row: int | None = None
    col: int | None = None


class Evidence(Model):
    quote: str
    line: int | None = None
    location: Location | None = None


SourceFormat = Literal["txt", "docx", "doc", "wps", "xlsx", "xls", "et", "html", "pdf", "pdf-ocr", "image", "stdin"]


class Source(Model):
    name: str
    sha256: str
    format: SourceFormat


class FundLine(Model):
    """One row of a funds block: 年度资金总额, 当年财政拨款, 上年结转资金 …"""

    label: str
    initial_budget: float | None = None
    full_year_budget: float | None = None
    executed: float | None = None
    weight: float | None = None
    execution_rate: float | None = Field(None, description="percent: 100% -> 100")
    score: float | None = None
    line: int | None = None


class Goals(Model):
    expected: str | None = None
    achieved: str | None = None


class Indicator(Model):
    level1: str | None = None
    level2: str | None = None
    level3: str | None = None
    target: str | None = None
    actual: str | None = None
    weight: float | None = None
    score: float | None = None
    deviation_note: str | None = None
    line: int | None = None


class TableRow(Model):
    """A row of a basic-data table: its label and the printed cells after it."""

    label: str
    values: list[str | None] = []
    line: int | None = None


class Table(Model):
    kind: Literal["department_overall", "project", "basic_data"]
    title: str | None = None
    name: str | None = None
    funds_total: FundLine | None = None
    fund_lines: list[FundLine] = []
    breakdown: dict[str, float] = {}
    goals: Goals = Goals()
    indicators: list[Indicator] = []
    rows: list[TableRow] = []
    total_weight: float | None = None
    total_score: float | None = None
    line: int | None = None
    location: Location | None = None
    confidence: float = Field(1.0, ge=0, le=1, description="how much of the table the reader could explain")
    level1_weights: dict[str, float] = Field(
        {}, description="weights printed in 一级指标 headers: 产出指标(50分) -> {'产出指标': 50}")
    money_unit: str = Field("万元", description="the unit the table prints amounts in: 万元 (usual), 元 or 亿元")


class Figure(Model):
    label: str
    value: float
    unit: str | None = None
    quote: str
    line: int | None = None


class Report(Model):
    schema_version: str = "1"
    source: Source
    extractor: Literal["rules", "llm", "hybrid"] = "rules"
    unit_name: str | None = None
    year: int | None = None
    tables: list[Table] = []
    figures: list[Figure] = []
    warnings: list[str] = []
