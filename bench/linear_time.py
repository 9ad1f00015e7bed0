"""Growth of the readers on adversarial input: time over size, and the fitted exponent.

Run: .venv/bin/python bench/linear_time.py [--runs 3] [--families a,b] [--acts]

For every family of ``tools/adversarial.py`` (each input that once took exponential or
quadratic time: «Artikel 13.11.11…!», a paragraph of «wordt wordt …», unclosed quotes,
long runs of spaces, …) the best of ``--runs`` timings at each of its sizes, and the
exponent ``k`` of a least-squares fit ``time ~ size^k`` over those sizes (1 is linear, 2
quadratic; a fit over times of a few milliseconds is noise, so the smallest sizes of
each family are chosen to take tens of milliseconds). With ``--acts``: ``parse_act`` on
whole acts of growing size (quoted content, punten of instructions) up to 10 MB.
Prints figures, asserts nothing; the suite's bounds are in tests/test_linear_time.py.
"""
from __future__ import annotations

import argparse
import importlib.util
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from timing import best  # noqa: E402


def _adversarial():
    spec = importlib.util.spec_from_file_location("adversarial", ROOT / "tools" / "adversarial.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["adversarial"] = module
    spec.loader.exec_module(module)
    return module


def fit(points: list[tuple[int, float]]) -> float:
    """The exponent k of time ~ size^k, least squares over log-log points."""
    xs = [math.log(size) for size, _ in points]
    ys = [math.log(max(seconds, 1e-6)) for _, seconds in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else 0.0


def _growth(points: list[tuple[int, float]]) -> str:
    if max(seconds for _, seconds in points) < 0.005:
        return "flat (all under 5 ms)"
    return f"{fit(points):.2f}"


def family_rows(adversarial, names: list[str], runs: int) -> None:
    adversarial.run("act", adversarial.act())  # load the grammars first
    adversarial.run("iwt", "Deze wet treedt in werking met ingang van 1 januari 2000.")
    print(f"{'family':24} {'reader':8} {'sizes (characters) and best times':72} exponent")
    for family in adversarial.FAMILIES:
        if names and family.name not in names:
            continue
        points = []
        for n in family.sizes:
            text = family.build(n)
            points.append((len(text), best(runs, lambda: adversarial.run(family.reader, text))))
        shown = ", ".join(f"{size / 1000:.1f}k {seconds * 1000:.1f} ms" for size, seconds in points)
        print(f"{family.name:24} {family.reader:8} {shown:72} {_growth(points)}")
        print(f"{'':33} before the fix: {family.was}")


def _content(count: int) -> str:
    from adversarial import act
    lines = "\n\n".join(f"• {k}. De minister stelt regels over zaak {k} en over de bekostiging "
                          "van het onderwijs aan de school." for k in range(1, count + 1))
    return act(sentence="Artikel 6 komt te luiden:", content="Artikel 6\n\n" + lines)


def _punten(count: int) -> str:
    from adversarial import act
    lines = "\n\n".join(f"{k}. In het eerste lid wordt «x{k}» vervangen door: y{k}."
                        for k in range(1, count + 1))
    return act(sentence="In artikel 6 worden de volgende wijzigingen aangebracht:", content=lines)


def act_rows(adversarial, runs: int) -> None:
    from consolidator.read.act import parse_act
    shapes = [("quoted content lines", _content, (12500, 25000, 50000, 100000)),
              ("punten of instructions", _punten, (4000, 8000, 16000, 32000))]
    print(f"\n{'whole act':24} {'sizes (MB) and best times':72} exponent")
    for name, build, counts in shapes:
        points = []
        for count in counts:
            text = build(count)
            points.append((len(text), best(runs, lambda: parse_act(text))))
        shown = ", ".join(f"{size / 1e6:.1f} MB {seconds:.2f} s" for size, seconds in points)
        print(f"{name:24} {shown:72} {_growth(points)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--families", default="", help="comma-separated names (default: all)")
    parser.add_argument("--acts", action="store_true", help="also whole acts up to 10 MB")
    args = parser.parse_args()
    adversarial = _adversarial()
    names = [n for n in args.families.split(",") if n]
    family_rows(adversarial, names, args.runs)
    if args.acts:
        act_rows(adversarial, max(1, args.runs // 3))


if __name__ == "__main__":
    main()
