"""The plugin apps' modules import one another in layers: no module reaches itself through its imports.

Every import counts, the ones inside functions too (a late import hides a cycle, it does not untie it).
"""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = [ROOT / "plugins" / "puentes_proposals", ROOT / "plugins" / "puentes_awards"]


def _module_name(package_dir, path):
    parts = [package_dir.name, *path.relative_to(package_dir).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(module, path, known):
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            candidates = [f"{base}.{alias.name}" for alias in node.names] + [base]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        found.update(name for name in candidates if name in known)
    found.discard(module)
    return found


def _graph(package_dir):
    paths = {_module_name(package_dir, p): p for p in package_dir.rglob("*.py")
             if "migrations" not in p.parts and "tests" not in p.parts}
    return {module: _imports(module, path, paths) for module, path in paths.items()}


def _cycle(graph):
    """One import cycle as a list of modules, or None."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = "done"
        stack.pop()
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


@pytest.mark.parametrize("package_dir", PACKAGES, ids=lambda p: p.name)
def test_no_import_cycles(package_dir):
    graph = _graph(package_dir)
    # Importing a package's __init__ is not a dependency on its submodules.
    graph = {module: {dep for dep in deps if not module.startswith(dep + ".")} for module, deps in graph.items()}
    assert _cycle(graph) is None, " -> ".join(_cycle(graph))


def test_the_check_sees_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
