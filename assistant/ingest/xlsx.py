"""Excel .xlsx/.xlsm with openpyxl: every visible sheet, merged ranges as spans, the cached values of formulas."""
import io
from datetime import date, datetime

from assistant.errors import BadInput
from assistant.ingest.archive import open_package
from assistant.ingest.grid import Grid
from assistant.ingest.sheets import hidden_sheet, number_text, write_sheet


def printed(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return number_text(float(value), cell.number_format)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def read_xlsx(data: bytes) -> Grid:
    import openpyxl

    open_package(data, "Excel", ("xl/worksheets/", "xl/sharedStrings.xml"))
    try:
        # Not read_only: merged ranges are only known to a fully loaded sheet; the package limits bound its size.
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises many types on corrupt parts
        raise BadInput(f"Excel 文件已损坏，无法解析：{type(error).__name__}") from error
    grid = Grid()
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            grid.warnings.append(hidden_sheet(sheet.title))
            continue
        values = {(cell.row - 1, cell.column - 1): printed(cell)
                  for row in sheet.iter_rows() for cell in row if cell.value is not None}
        merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in sheet.merged_cells.ranges]
        write_sheet(grid, sheet.title, values, merges)
    return grid.finish()
