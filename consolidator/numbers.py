"""Dutch number words: ordinals, counts, punctuation names, roman numerals, dates in words."""
from __future__ import annotations

ORDINAL_WORDS = (
    "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste",
    "negende", "tiende", "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende",
    "zestiende", "zeventiende", "achttiende", "negentiende", "twintigste",
)
ORDINALS = {word: n for n, word in enumerate(ORDINAL_WORDS, start=1)}
ORDINALS["laatste"] = -1

COUNT_WORDS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
               "acht": 8, "negen": 9, "tien": 10}

PUNCTUATION = {"punt": ".", "puntkomma": ";", "komma": ",", "dubbele punt": ":"}
PUNCTUATION_NAMES = {mark: name for name, mark in PUNCTUATION.items()}

_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
          ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def ordinal_word(n: int) -> str:
    """3 → «derde»."""
    if n == -1:
        return "laatste"
    return ORDINAL_WORDS[n - 1]


def roman_to_int(text: str) -> int:
    """«XII» → 12; ValueError for anything that is not a roman numeral."""
    if not text or any(c not in "IVXLCDM" for c in text):
        raise ValueError(text)
    total, i = 0, 0
    for symbol, value in _ROMAN:
        while text.startswith(symbol, i):
            total += value
            i += len(symbol)
    if i != len(text) or int_to_roman(total) != text:
        raise ValueError(text)
    return total


def int_to_roman(n: int) -> str:
    out = []
    for symbol, value in _ROMAN:
        while n >= value:
            out.append(symbol)
            n -= value
    return "".join(out)
