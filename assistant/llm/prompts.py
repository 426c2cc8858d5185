"""Prompt files in `prompts/`: a front matter with name and version, a system part and a user part.

    ---
    name: extract_table
    version: 1
    ---
    === system ===
    …
    === user ===
    … <table-{fence}>
    {chunk}
    </table-{fence}> …

The version goes into every cache key and log line, so editing a prompt means bumping it.
Report text is data: it goes between tags whose name carries a fence derived from the text's
own hash, so no line of a report ("</table>", "</text>", a guessed fence) can close the data
block and speak as the prompt (issue 18, item 8).
"""
import functools
import hashlib
import re
from dataclasses import dataclass
from importlib import resources

FRONT_MATTER = re.compile(r"\A---\n(?P<head>.*?)\n---\n(?P<body>.*)\Z", re.S)
PART = re.compile(r"^=== (system|user) ===$", re.M)


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    system: str
    user: str  # contains "{chunk}" where the report text goes

    @property
    def id(self) -> str:
        return f"{self.name}@v{self.version}"

    def messages(self, chunk: str) -> list[dict]:
        """Chat messages for one chunk; the chunk is pasted in as data, never formatted as a template."""
        user = self.user.replace("{fence}", fence(chunk))
        return [{"role": "system", "content": self.system},
                {"role": "user", "content": user.replace("{chunk}", chunk)}]


def fence(chunk: str) -> str:
    """The data block's tag suffix: the chunk's own hash, which the chunk cannot contain."""
    return hashlib.sha256(chunk.encode("utf-8")).hexdigest()[:16]


def parse_prompt(text: str) -> Prompt:
    match = FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        raise ValueError("prompt file lacks its --- front matter ---")
    head = dict(line.split(":", 1) for line in match.group("head").splitlines() if ":" in line)
    pieces = PART.split(match.group("body"))
    parts = {pieces[i]: pieces[i + 1].strip() for i in range(1, len(pieces) - 1, 2)}
    if set(parts) != {"system", "user"} or "{chunk}" not in parts["user"] or "{fence}" not in parts["user"]:
        raise ValueError("prompt file needs a system part and a user part with {chunk} inside a {fence}d block")
    return Prompt(head["name"].strip(), head["version"].strip(), parts["system"], parts["user"])


@functools.cache
def load_prompt(name: str) -> Prompt:
    """The prompt `prompts/<name>.md`."""
    return parse_prompt(resources.files("prompts").joinpath(f"{name}.md").read_text(encoding="utf-8"))
