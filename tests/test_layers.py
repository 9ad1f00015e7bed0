"""The layering of the package, checked on the import lines of its source files.

Stages, lowest first: basics (the modules directly in consolidator/) < law < read < apply
< time < store < views < cli. A module may import from its own stage and lower ones, never
from a higher one; the cli modules import neither lxml nor sqlite3 (the library does the XML
and the store); and no two packages import each other, however indirectly. Every import
line counts, also one inside a function (a lazy import is still a dependency).

The checker reads source text with ``ast`` (nothing is imported), so the control tests can
feed it small fake packages with a known violation and see it reported.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "consolidator"

#: stage packages, lowest first; "" is the basics (modules directly in consolidator/)
STAGES = ("", "law", "read", "apply", "time", "store", "views", "cli")
#: modules directly in consolidator/ that sit above every stage: the ``python -m`` entry
ENTRY_POINTS = {"consolidator.__main__"}
#: packages of data files (the XSD schemas, the table of short names), no code: they rank
#: with the basics
DATA_PACKAGES = ("schema", "data")
#: what a cli module must not import (the library modules it calls may)
CLI_FORBIDDEN = ("lxml", "sqlite3")


def read_package(root: Path = PACKAGE) -> dict[str, str]:
    """Path (``consolidator/law/lawxml.py``) → source, for every .py file under ``root``."""
    return {path.relative_to(root.parent).as_posix(): path.read_text("utf-8")
            for path in sorted(root.rglob("*.py"))}


def module_name(path: str) -> str:
    """``consolidator/law/lawxml.py`` → ``consolidator.law.lawxml``; a package's
    ``__init__.py`` is the package."""
    parts = path[:-len(".py")].split("/")
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(path: str) -> str:
    """The package a file belongs to (its folder)."""
    return path.rpartition("/")[0].replace("/", ".")


def node_of(path: str) -> str:
    """A file's node in the graph of packages: its package, but the entry point is a node
    of its own (it sits above the cli, not among the basics beside it)."""
    name = module_name(path)
    return name if name in ENTRY_POINTS else package_of(path)


def imports_of(path: str, source: str, modules: set[str]) -> list[tuple[str, int]]:
    """(imported module, line) for every import in ``source``, at any depth. A name taken
    from a package (``from consolidator.law import lawxml``) counts as its module when
    there is one."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(package_of(path), node.module, node.level)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.append((candidate if candidate in modules else base, node.lineno))
    return sorted(found, key=lambda item: item[1])


def _absolute(package: str, module: str | None, level: int) -> str:
    if level == 0:
        return module or ""
    parts = package.split(".")
    base = parts[:len(parts) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def stage_of(module: str, packages: set[str]) -> int | None:
    """The rank of a consolidator module's stage (``packages``: the dotted names of the
    packages); None for a module outside every stage."""
    if module in ENTRY_POINTS:
        return len(STAGES)
    parts = module.split(".")
    if parts[0] != "consolidator":
        return None
    if len(parts) == 1 or (len(parts) == 2 and module not in packages):
        return 0  # consolidator/__init__.py and the modules directly in consolidator/
    if parts[1] in DATA_PACKAGES:
        return 0
    return STAGES.index(parts[1]) if parts[1] in STAGES else None


def _node_of_module(module: str, packages: set[str]) -> str:
    if module in packages or module in ENTRY_POINTS:
        return module
    return module.rpartition(".")[0]


def violations(sources: dict[str, str]) -> list[str]:
    """Every layering problem of the package given as path → source."""
    modules = {module_name(path) for path in sources}
    packages = {package_of(path) for path in sources}
    found, edges = [], {}
    for path, source in sorted(sources.items()):
        name = module_name(path)
        mine = stage_of(name, packages)
        if mine is None:
            found.append(f"{name}: not in any stage ({', '.join(STAGES[1:])} or the basics)")
        for target, line in imports_of(path, source, modules):
            found += _check_import(name, mine, target, line, packages)
            if target.split(".")[0] == "consolidator":
                edges.setdefault(node_of(path), set()).add(_node_of_module(target, packages))
    found += [f"import cycle between packages: {' -> '.join(cycle)}" for cycle in cycles(edges)]
    return found


def _check_import(name: str, mine: int | None, target: str, line: int,
                  packages: set[str]) -> list[str]:
    top = target.split(".")[0]
    if name.startswith("consolidator.cli") and top in CLI_FORBIDDEN:
        return [f"{name}:{line}: a cli module imports {target}"]
    if top != "consolidator" or mine is None:
        return []
    theirs = stage_of(target, packages)
    if theirs is not None and theirs > mine:
        return [f"{name}:{line}: imports {target}, a higher stage "
                f"({_stage_name(theirs)} above {_stage_name(mine)})"]
    return []


def _stage_name(rank: int) -> str:
    return "the entry point" if rank == len(STAGES) else (STAGES[rank] or "basics")


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one package (Tarjan), each as a path
    that closes on its first member."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt == node:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group) + [sorted(group)[0]])

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


# --------------------------------------------------------------------------- the package


def test_the_package_keeps_its_layers():
    sources = read_package()
    modules = {module_name(path) for path in sources}
    # the walker sees the imports there are, lazy ones included (cli/__init__'s parse_cmd)
    seen = [target for target, _ in imports_of("consolidator/cli/__init__.py",
                                               sources["consolidator/cli/__init__.py"], modules)]
    assert {"click", "consolidator.read.act", "consolidator.cli.check"} <= set(seen)
    assert violations(sources) == []


# --------------------------------------------------------------------------- controls


CLEAN = {
    "consolidator/__init__.py": "",
    "consolidator/errors.py": "class ConsolidatorError(Exception): pass\n",
    "consolidator/law/__init__.py": "",
    "consolidator/law/lawxml.py": "from consolidator.errors import ConsolidatorError\n",
    "consolidator/views/__init__.py": "",
    "consolidator/views/site.py": "from ..law import lawxml\n",
    "consolidator/cli/__init__.py": "import click\nfrom consolidator.views.site import render\n",
}


def with_module(path: str, source: str) -> dict[str, str]:
    return {**CLEAN, path: source}


def test_control_a_clean_package_has_no_violations():
    assert violations(CLEAN) == []


def test_control_an_upward_import_inside_a_function_is_reported():
    found = violations(with_module("consolidator/law/lawxml.py",
                                   "def f():\n    from consolidator.views import site\n"))
    assert found == ["consolidator.law.lawxml:2: imports consolidator.views.site, a higher "
                     "stage (views above law)",
                     "import cycle between packages: consolidator.law -> consolidator.views -> "
                     "consolidator.law"]  # views.site imports law


def test_control_a_basics_module_importing_a_stage_is_reported():
    found = violations(with_module("consolidator/errors.py", "from consolidator.law import lawxml\n"))
    assert found[0] == ("consolidator.errors:1: imports consolidator.law.lawxml, a higher stage "
                        "(law above basics)")


def test_control_a_relative_upward_import_is_reported():
    found = violations(with_module("consolidator/law/lawxml.py", "from ..cli import main\n"))
    assert found[0].startswith("consolidator.law.lawxml:1: imports consolidator.cli, a higher")


def test_control_cli_importing_lxml_or_sqlite3_is_reported():
    found = violations(with_module("consolidator/cli/query.py", "import click\n\n\ndef f():\n"
                                   "    from lxml import etree\n    import sqlite3\n"))
    assert found == ["consolidator.cli.query:5: a cli module imports lxml",
                     "consolidator.cli.query:6: a cli module imports sqlite3"]


def test_control_a_cycle_between_packages_is_reported():
    sources = {**CLEAN, "consolidator/views/a/__init__.py": "",
               "consolidator/views/b/__init__.py": "",
               "consolidator/views/a/one.py": "from consolidator.views.b import two\n",
               "consolidator/views/b/two.py": "import consolidator.views.a.one\n"}
    assert violations(sources) == ["import cycle between packages: consolidator.views.a -> "
                                   "consolidator.views.b -> consolidator.views.a"]


def test_control_a_package_outside_the_stages_is_reported():
    found = violations(with_module("consolidator/extra/thing.py", ""))
    assert found == ["consolidator.extra.thing: not in any stage (law, read, apply, time, store, "
                     "views, cli or the basics)"]


def test_control_the_entry_point_may_import_the_cli():
    assert violations(with_module("consolidator/__main__.py", "from consolidator.cli import main\n")) \
        == []
