"""The import graph is the one docs/architecture.md draws: every package and top-level module
sits in one layer of its table, imports only from its own layer and the layers below, and no
two of them import each other, however indirectly."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import briefgen

ROOT = Path(briefgen.__file__).parent
DOC = Path(__file__).parent.parent / "docs" / "architecture.md"


def unit_of(module: str) -> str:
    """The package or top-level module ``briefgen.X…`` belongs to (``briefgen`` for the root)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "briefgen"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, name: str) -> set[str]:
    """The briefgen modules ``path`` (module ``name``) imports, anywhere in it (in functions,
    under TYPE_CHECKING), resolved to absolute names."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {m for m in found if m == "briefgen" or m.startswith("briefgen.")}


def units() -> set[str]:
    return {unit_of(module_name(p)) for p in ROOT.rglob("*.py")}


def unit_imports() -> dict[str, set[str]]:
    """Each unit → the other units it imports (``from briefgen import x`` names unit ``x``
    when ``x`` is one, else the root)."""
    known = units()
    graph: dict[str, set[str]] = {u: set() for u in known}
    for path in ROOT.rglob("*.py"):
        source = unit_of(module_name(path))
        for module in imported(path, module_name(path)):
            target = unit_of(module)
            if target not in known:  # ``from briefgen import __version__``
                target = "briefgen"
            if target != source:
                graph[source].add(target)
    return graph


def layers() -> list[tuple[str, set[str]]]:
    """The layer table of docs/architecture.md, top layer first: (name, its units)."""
    rows = []
    for line in DOC.read_text("utf-8").splitlines():
        match = re.match(r"\|\s*\*\*(\w+)\*\*\s*\|([^|]*)\|", line)
        if match:
            rows.append((match[1], set(re.findall(r"`([\w.]+)`", match[2]))))
    assert rows, "docs/architecture.md has no layer table"
    return rows


def test_every_package_and_module_has_one_layer():
    placed = [u for _, members in layers() for u in members]
    assert sorted(placed) == sorted(set(placed)), "a unit is in two layers"
    assert set(placed) == units(), "add the new package to docs/architecture.md's layer table"


def test_each_package_imports_only_its_own_layer_and_the_layers_below():
    rank = {u: i for i, (_, members) in enumerate(reversed(layers())) for u in members}
    name = {u: layer for layer, members in layers() for u in members}
    wrong = sorted(f"{source} ({name[source]}) imports {target} ({name[target]})"
                   for source, targets in unit_imports().items() for target in targets
                   if rank[target] > rank[source])
    assert wrong == []


def test_no_cycle_between_packages():
    graph = unit_imports()
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(unit: str) -> None:
        state[unit] = 1
        path.append(unit)
        for target in sorted(graph[unit]):
            if state.get(target) == 1:
                cycles.append(" → ".join([*path[path.index(target):], target]))
            elif target not in state:
                visit(target)
        path.pop()
        state[unit] = 2

    for unit in sorted(graph):
        if unit not in state:
            visit(unit)
    assert cycles == []


def test_the_check_sees_relative_and_function_level_imports(tmp_path):
    source = tmp_path / "writer.py"
    source.write_text("from . import inline\nfrom ...ir import Document\n\n\n"
                      "def f():\n    import briefgen.cache.fonts\n", "utf-8")
    found = imported(source, "briefgen.writers.pdf.writer")
    assert {"briefgen.writers.pdf.inline", "briefgen.ir", "briefgen.cache.fonts"} <= found


PROCESS_NAMES = {"Process", "Pool", "ProcessPoolExecutor", "fork", "forkpty", "spawnv", "Popen", "get_context"}


def test_only_the_scheduler_starts_processes():
    """``schedule`` is the one door to other processes (a build's jobs, a series' workers): no
    other module names multiprocessing's, concurrent.futures' or os's ways to start one."""
    starters = {}
    for path in ROOT.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        names = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
        modules = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        modules |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        if names & PROCESS_NAMES or modules & {"concurrent.futures", "subprocess"}:
            starters[module_name(path)] = sorted(names & PROCESS_NAMES)
    assert set(starters) == {"briefgen.schedule"}, starters
