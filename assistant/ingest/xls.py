"""Excel 97-2003 .xls (and WPS .et) with xlrd: every visible sheet, merged ranges as spans."""
import xlrd

from assistant.errors import BadInput
from assistant.ingest.grid import Grid
from assistant.ingest.sheets import hidden_sheet, number_text, write_sheet


def printed(book: xlrd.book.Book, sheet, row: int, col: int) -> str:
    cell = sheet.cell(row, col)
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        number_format = book.format_map.get(book.xf_list[cell.xf_index].format_key)
        return number_text(cell.value, number_format.format_str if number_format is not None else None)
    if cell.ctype == xlrd.XL_CELL_DATE:
        return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode).date().isoformat()
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "是" if cell.value else "否"
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return cell.value
    return ""


def read_xls(data: bytes) -> Grid:
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except xlrd.XLRDError as error:
        raise BadInput(f"Excel 文件已损坏，无法解析：{error}") from error
    except Exception as error:  # xlrd raises struct and index errors on truncated files
        raise BadInput(f"Excel 文件已损坏，无法解析：{type(error).__name__}") from error
    grid = Grid()
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        if sheet.visibility:  # 1 hidden, 2 very hidden
            grid.warnings.append(hidden_sheet(sheet.name))
            continue
        values = {(r, c): printed(book, sheet, r, c) for r in range(sheet.nrows) for c in range(sheet.ncols)}
        merges = [(r1, c1, r2 - 1, c2 - 1) for r1, r2, c1, c2 in sheet.merged_cells]
        write_sheet(grid, sheet.name, {key: text for key, text in values.items() if text}, merges)
    return grid.finish()
