#!/usr/bin/env python3
"""Sizes of the package: the line count of every module, and every function (or method) and
class longer than the limit, measured with ``ast`` from its ``def``/``class`` line to its last
line.

    python tools/sizes.py                  # consolidator/: modules (over 600 marked),
                                           # functions and classes over 80 lines
    python tools/sizes.py --functions 60   # another limit for functions and classes

A measurement, not a test: it prints and always exits 0.
"""
from __future__ import annotations

import argparse
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def module_lines(root: Path) -> list[tuple[int, str]]:
    """(line count, path) of every .py file under ``root``, longest first."""
    found = [(len(path.read_text("utf-8").splitlines()), path.relative_to(root.parent).as_posix())
             for path in root.rglob("*.py")]
    return sorted(found, key=lambda item: (-item[0], item[1]))


def long_definitions(root: Path, limit: int, kinds: tuple) -> list[tuple[int, str]]:
    """(length, «path:line qualified.name») of every definition of ``kinds`` (function or
    class nodes) longer than ``limit`` lines."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        where = path.relative_to(root.parent).as_posix()
        for node, name in _definitions(tree, ""):
            length = node.end_lineno - node.lineno + 1
            if isinstance(node, kinds) and length > limit:
                found.append((length, f"{where}:{node.lineno} {name}"))
    return sorted(found, key=lambda item: (-item[0], item[1]))


def _definitions(node: ast.AST, prefix: str):
    """(node, qualified name) of the functions and classes in ``node``, nested ones too."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield child, prefix + child.name
            yield from _definitions(child, f"{prefix}{child.name}.")
        else:
            yield from _definitions(child, prefix)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", nargs="?", default=str(ROOT / "consolidator"))
    parser.add_argument("--modules", type=int, default=600, help="module limit (lines)")
    parser.add_argument("--functions", type=int, default=80, help="function and class limit (lines)")
    args = parser.parse_args()
    root = Path(args.package).resolve()
    modules = module_lines(root)
    print(f"modules ({len(modules)}, {sum(n for n, _ in modules)} lines):")
    for count, path in modules:
        print(f"{count:6}  {path}{'  OVER' if count > args.modules else ''}")
    for title, kinds in (("functions", (ast.FunctionDef, ast.AsyncFunctionDef)),
                         ("classes", (ast.ClassDef,))):
        found = long_definitions(root, args.functions, kinds)
        print(f"\n{title} over {args.functions} lines: {len(found)}")
        for length, where in found:
            print(f"{length:6}  {where}")


if __name__ == "__main__":
    main()
