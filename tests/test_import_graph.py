"""The package's import graph has no cycle — imports inside functions included, since a cycle hidden in a
function still ties two modules together — and the pipeline's direction holds."""
import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGES = ("assistant", "schemas")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(tree: ast.AST, module: str, is_package: bool, known: set[str]) -> set[str]:
    """The project modules `module` imports anywhere in its body (from X import Y counts X.Y when it is a module)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            names = [source] + [f"{source}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    files = [path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))]
    known = {module_name(path) for path in files}
    edges = {}
    for path in files:
        name = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges[name] = imported(tree, name, path.name == "__init__.py", known)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_graph_is_read_from_real_imports_and_a_cycle_is_seen():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    edges = graph()
    assert "assistant.extract.tables" in edges["assistant.extract.rules"]
    assert "assistant.layout_dump" in edges["assistant.layout"]  # imported inside parse_text


def test_no_module_imports_itself_back():
    assert cycles(graph()) == []


def test_the_pipeline_points_one_way():
    """Reading never depends on checking, reviewing, chatting or the web; the LLM client never on extraction."""
    edges = graph()
    later = ("assistant.check", "assistant.review", "assistant.chat", "assistant.web")
    for module, targets in edges.items():
        if module.startswith(("assistant.ingest", "assistant.extract", "assistant.layout", "schemas")):
            assert not [t for t in targets if t.startswith(later)], module
        if module.startswith("assistant.llm"):
            assert not [t for t in targets if t.startswith("assistant.extract")], module
