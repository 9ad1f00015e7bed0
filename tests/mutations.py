"""Word-level mutations of real sentences, for tests that hold a parser to Lark's on
texts near the real ones (readings and refusals alike)."""
from __future__ import annotations

import random


def mutated(texts: list[str], count: int, seed: int, inserts: list[str]) -> list[str]:
    """``count`` texts, each one of ``texts`` with one word dropped, doubled, cut in
    half, or one of ``inserts`` put before it."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        words = rng.choice(texts).split(" ")
        i = rng.randrange(len(words))
        choice = rng.randrange(4)
        if choice == 0:
            del words[i]
        elif choice == 1:
            words.insert(i, rng.choice(words))
        elif choice == 2:
            words[i] = words[i][: len(words[i]) // 2]
        else:
            words.insert(i, rng.choice(inserts))
        out.append(" ".join(words))
    return out
