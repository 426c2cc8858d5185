"""`selfeval ask` and `selfeval chat` as a user runs them: JSON contract, readable output, the REPL
read from a pipe with follow-ups, and the exit codes of bad input."""
import json

from tests.conftest import SAMPLES, run_cli

SAMPLE = SAMPLES / "000_9f4ecd25e267d59e.txt"


def test_ask_prints_the_answer_contract_as_json():
    result = run_cli("ask", str(SAMPLE), "知识产权培育资助专项的全年执行数是多少？", "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    answer = json.loads(result.stdout)
    assert set(answer) >= {"question", "answer", "value", "unit", "evidence", "mode"}
    assert answer["value"] == 49.4 and answer["unit"] == "万元" and answer["mode"] == "offline"
    assert all(set(e) >= {"quote", "line"} for e in answer["evidence"]) and answer["evidence"]


def test_ask_reads_the_report_from_standard_input_and_prints_markdown():
    result = run_cli("ask", "-", "全年为消费者挽回损失多少？", "--format", "md", input=SAMPLE.read_bytes())
    text = result.stdout.decode()
    assert result.returncode == 0 and "413.26万元" in text and "| 1408 |" in text


def test_chat_reads_questions_line_by_line_resolves_follow_ups_and_keeps_going_when_it_cannot_answer():
    questions = ("特种设备监察专项“社会公众满意度”指标的分值是多少？\n\n那它的得分呢？\n那食品监管专项呢？\n"
                 "单位食堂有多少把椅子？\n部门整体支出绩效自评共扣了多少分？\nexit\n年初预算数是多少？\n")
    result = run_cli("chat", str(SAMPLE), input=questions.encode("utf-8"))
    text = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert text.count("问：") == 5 and text.count("答：") == 5
    assert "分值为10分" in text and "得分为8分" in text and "得分为7.5分" in text
    assert "报告中未找到" in text
    assert "100−98=2分" in text and "第218行" in text and "第219行" in text  # the evidence lines under it
    assert "884.86" not in text  # nothing after exit is answered


def test_bad_input_exits_2_without_a_traceback():
    empty = run_cli("ask", str(SAMPLE), "  ")
    missing = run_cli("ask", str(SAMPLES / "no_such_report.txt"), "总分是多少？")
    piped_report = run_cli("chat", "-", input=SAMPLE.read_bytes())
    bad_mode = run_cli("ask", str(SAMPLE), "总分是多少？", "--mode", "oracle")
    for result in (empty, missing, piped_report, bad_mode):
        assert result.returncode == 2, result.stderr.decode()
        assert b"Traceback" not in result.stderr


def test_llm_mode_without_an_endpoint_exits_3(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "SELFEVAL_LLM_CONFIG": str(tmp_path / "none.toml")}
    result = run_cli("ask", str(SAMPLE), "总分是多少？", "--mode", "llm", env=env)
    assert result.returncode == 3 and "LLM" in result.stderr.decode()
