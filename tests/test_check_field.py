"""Checks on real published tables and reports of the field set's dev split (evals/field/dev): each test reads
the source text a reviewer read and asserts the finding the source line shows."""
from assistant import api
from tests.conftest import ROOT

FIELD_DEV = ROOT / "evals" / "field" / "dev"


def findings(name: str, rule: str) -> list:
    return [f for f in api.check(FIELD_DEV / f"{name}.txt", "rules").findings if f.rule == rule]


def test_an_adjusted_budget_whose_reason_cell_holds_only_the_forms_instructions_lacks_its_reason():
    # sichuan_daying_2023 l.16: "总额 | 0.00 | 3.36 | 3.36 | 100.00% | 10 | 10 | 1.预算执行率=…;2.年中发生预算调整的
    # (追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款. |"; the first table (no funds block) has none.
    [daying] = findings("sichuan_daying_2023_sifaju", "missing_deviation_note")
    assert (daying.table, daying.row, daying.severity) == (1, "总额", "warning")
    assert [e.line for e in daying.evidence][0] == 16
    # sichuan_qingshen l.32-39: the same row printed one cell per line, 238.93 → 251.89, the reason cell the same text
    [qingshen] = [f for f in findings("sichuan_qingshen_2023_gongzi", "missing_deviation_note") if f.row == "总额"]
    assert "238.93" in qingshen.message and "251.89" in qingshen.message
