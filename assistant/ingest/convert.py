"""Old Word and Excel files (.doc, .wps, .xls-era .et) through LibreOffice headless into .docx/.xlsx.

Each conversion runs with its own throwaway profile (parallel conversions do not share a lock), a time
limit, and no proxy configured, in a temporary directory removed afterwards.
"""
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from assistant.errors import BadInput

TIME_LIMIT = 120  # seconds per file; a hostile file must not hold a worker longer
INSTALL = "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
NAMES = {"doc": "Word 97-2003 文档（.doc）", "wps": "WPS 文字文档（.wps）", "et": "WPS 表格（.et）"}


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise BadInput(f"读取 .doc/.wps/.et 文件需要 LibreOffice，本机未安装。请先安装：{INSTALL}")
    return found


def convert(data: bytes, kind: str, target: str) -> bytes:
    """The file converted to `target` ("docx" or "xlsx"); BadInput when LibreOffice is missing, fails or stalls."""
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="selfeval-convert-") as work:
        folder = Path(work)
        source = folder / f"report.{kind}"
        source.write_bytes(data)
        environment = {key: value for key, value in os.environ.items() if "proxy" not in key.lower()}
        command = [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
                   "--nolockcheck", "--convert-to", target, "--outdir", str(folder / "out"), str(source)]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment,
                                   cwd=work, start_new_session=True)
        try:
            process.wait(timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired as error:
            os.killpg(process.pid, signal.SIGKILL)  # soffice starts soffice.bin: end the whole group
            process.wait()
            raise BadInput(f"{NAMES.get(kind, kind)}转换超时（超过 {TIME_LIMIT} 秒），已放弃；请另存为 .{target} 后再审核。") from error
        converted = folder / "out" / f"report.{target}"
        if not converted.exists():
            raise BadInput(f"{NAMES.get(kind, kind)}无法转换（文件可能已损坏）；请用 Word 或 WPS 另存为 .{target} 后再审核。")
        return converted.read_bytes()
