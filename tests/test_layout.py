"""The package layout: dependencies point one way, model <- ingest <- extract <- analyse <- report;
evaluate uses only the model; only pipeline (and notebooks, scripts, the Makefile) imports pipeline."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "helpers"
LAYERS = {"model": 0, "ingest": 1, "extract": 2, "analyse": 3, "report": 4}


def modules() -> dict[str, Path]:
    return {".".join(p.relative_to(SRC.parent).with_suffix("").parts).removesuffix(".__init__"): p
            for p in SRC.rglob("*.py")}


def imports(path: Path) -> list[tuple[str, bool]]:
    """(imported helpers module, inside a function?) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []

    def visit(node, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.ImportFrom) and child.module and child.module.startswith("helpers"):
                base = child.module
                for alias in child.names:
                    sub = f"{base}.{alias.name}"
                    out.append((sub if sub in modules() else base, inner))
            elif isinstance(child, ast.Import):
                out.extend((a.name, inner) for a in child.names if a.name.startswith("helpers"))
            elif isinstance(child, ast.If) and getattr(child.test, "id", "") == "TYPE_CHECKING":
                continue  # annotations only
            visit(child, inner)

    visit(tree, False)
    return out


def package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


GRAPH = {m: imports(p) for m, p in modules().items()}


def test_every_module_is_in_a_stage_package():
    loose = [m for m in GRAPH if package(m) not in (*LAYERS, "evaluate", "pipeline", "")]
    assert not loose and set(p.name for p in SRC.glob("*.py")) == {"__init__.py"}


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_point_down_the_stages(module):
    src = package(module)
    for target, _ in GRAPH[module]:
        dst = package(target)
        if dst == "pipeline":
            assert src == "pipeline", f"{module} imports {target}: only pipeline imports pipeline"
        elif src == "evaluate":
            assert dst in ("model", "evaluate"), f"{module} imports {target}: evaluate uses only the model"
        elif src in LAYERS:
            assert dst in LAYERS and LAYERS[dst] <= LAYERS[src], f"{module} imports {target} (upward)"


def test_no_import_cycle():
    graph = {m: {t for t, _ in GRAPH[m] if t in GRAPH and t != m} for m in GRAPH}
    state: dict[str, int] = {}

    def walk(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                pytest.fail("import cycle: " + " -> ".join(path[path.index(t):] + [t]))
            if t not in state:
                walk(t, path + [t])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            walk(m, [m])


def test_no_helpers_import_inside_functions_outside_the_pipeline():
    """Imports inside functions are the mark of a dodged cycle; pipeline alone may defer one
    (dask is optional and loaded only when a cluster is asked for)."""
    inner = [(m, t) for m, deps in GRAPH.items() for t, in_function in deps
             if in_function and package(m) != "pipeline"]
    assert not inner
