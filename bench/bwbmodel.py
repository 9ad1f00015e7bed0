"""A generated corpus shaped like a year of the BWB: many laws, acts on hundreds of
publication dates, each act changing a few laws, some in force on a date a later decree
sets. Sizes are parameters; the same seed gives the same corpus.

* laws: ``Wet nummer N`` with ``articles`` articles of two leden each;
* acts: published on ``dates`` distinct working days of one year; each changes ``1..spread``
  laws (one ARTIKEL per law, one instruction each, on an article no earlier act changed, so
  every instruction applies), usually in force the day after its publication; a share
  ``decreed`` waits for a koninklijk besluit, which a later decree (an act of its own,
  published some dates later) sets for the day after its own publication.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from consolidator.law import lawtext
from consolidator.law.lawfile import write_law

MONTHS = ("januari februari maart april mei juni juli augustus september oktober november "
          "december").split()
YEAR = 2030
BASE_DATE = dt.date(YEAR - 1, 12, 31)


@dataclass(frozen=True)
class Shape:
    laws: int = 2000
    acts: int = 600
    dates: int = 250
    articles: int = 10
    spread: int = 4       # an act changes 1..spread laws
    decreed: float = 0.2  # the share of acts whose date a later decree sets
    seed: int = 1

    def scaled(self, factor: float) -> "Shape":
        return Shape(max(2, round(self.laws * factor)), max(2, round(self.acts * factor)),
                     max(2, round(self.dates * factor)), self.articles, self.spread,
                     self.decreed, self.seed)


def words(date: dt.date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def _law_text(n: int, articles: int) -> str:
    lines = [f"Wet nummer {n}"]
    for k in range(1, articles + 1):
        lines += [f"Artikel {k}", f"1. De minister stelt regels over onderwerp {k} van wet {n}.",
                  f"2. Die regels gelden voor alle scholen in gebied {k}."]
    return "\n".join(lines) + "\n"


def _publication_days(count: int, rng: random.Random) -> list[dt.date]:
    days = [BASE_DATE + dt.timedelta(days=d) for d in range(1, 360)]
    days = [d for d in days if d.weekday() < 5]
    return sorted(rng.sample(days, min(count, len(days))))


def _change(number: int, law: int, article: int) -> str:
    return (f"In artikel {article}, eerste lid, van de Wet nummer {law} wordt «onderwerp "
            f"{article} van wet {law}» vervangen door: thema {article} van wet {law} ({number}).")


def _act(number: int, published: dt.date, sentences: list[str], decreed: bool) -> str:
    signed = words(published - dt.timedelta(days=5))
    parts = [f"ARTIKEL {roman}\n\n{sentence}" for roman, sentence in zip(_ROMAN, sentences)]
    iwt = ("Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip."
           if decreed else "Deze wet treedt in werking met ingang van de dag na de datum van "
                           "uitgifte van het Staatsblad waarin zij wordt geplaatst.")
    parts.append(f"ARTIKEL {_ROMAN[len(sentences)]}\n\n{iwt}")
    body = "\n\n".join(parts)
    return (f"Staatsblad {published.year}, {number}\n\nWet van {signed} tot wijziging van "
            f"enige wetten ({number})\n\n{body}\n\nGegeven te 's-Gravenhage, {signed}\n\n"
            f"Uitgegeven {words(published)}\n")


def _decree(number: int, published: dt.date, act: int, act_signed: dt.date) -> str:
    signed = words(published - dt.timedelta(days=5))
    title = (f"wet van {words(act_signed)} tot wijziging van enige wetten in verband met "
             f"onderwerp {act} (Stb. {YEAR}, {act})")
    return (f"Staatsblad {published.year}, {number}\n\nBesluit van {signed}, houdende vaststelling "
            f"van het tijdstip van inwerkingtreding van de {title}\n\nHebben goedgevonden en "
            f"besloten:\n\nEnig artikel\n\nDe {title} treedt in werking met ingang van "
            f"{words(published + dt.timedelta(days=1))}.\n\nGegeven te 's-Gravenhage, {signed}"
            f"\n\nUitgegeven {words(published)}\n")


_ROMAN = ("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX").split()


def generate(folder: Path, shape: Shape) -> dict:
    """Write the corpus into ``folder``; what it holds."""
    rng = random.Random(shape.seed)
    for n in range(1, shape.laws + 1):
        law = folder / f"W{n:05d}"
        law.mkdir(parents=True)
        tree = lawtext.parse_law_text(_law_text(n, shape.articles), bwb_id=f"BWBV{n:07d}",
                                      date=BASE_DATE)
        write_law(tree, law / "base.xml")
    (folder / "acts").mkdir()
    days = _publication_days(shape.dates, rng)
    used = {}  # law → articles changed so far
    texts, decrees, changes = {}, 0, 0
    for number in range(1, shape.acts + 1):
        day = days[(number - 1) * len(days) // shape.acts]
        laws = rng.sample(range(1, shape.laws + 1), rng.randint(1, min(shape.spread, shape.laws)))
        picked = []
        for law in laws:
            article = used.get(law, 0) + 1
            if article <= shape.articles:
                used[law] = article
                picked.append((law, article))
        if not picked:
            continue
        changes += len(picked)
        decreed = rng.random() < shape.decreed and day < days[-1]
        texts[f"stb-{YEAR}-{number:05d}"] = _act(number, day, [_change(number, law, article)
                                                               for law, article in picked], decreed)
        if decreed:
            later = [d for d in days if d > day]
            when = later[min(len(later) - 1, rng.randint(0, 5))]
            decree = 100000 + number
            texts[f"stb-{YEAR}-{decree:06d}"] = _decree(decree, when, number,
                                                        day - dt.timedelta(days=5))
            decrees += 1
    for name, text in texts.items():
        (folder / "acts" / f"{name}.txt").write_text(text, "utf-8")
    return {"laws": shape.laws, "acts": len(texts), "decrees": decrees, "changes": changes,
            "dates": len({d for d in days})}


def one_more_act(folder: Path) -> str:
    """An act published after all others, changing two laws (for an incremental run): the
    second lid of their first article, which no generated act changes."""
    sentences = [f"In artikel 1, tweede lid, van de Wet nummer {law} wordt «gebied 1» vervangen "
                 f"door: regio 1." for law in (1, 2)]
    name = f"stb-{YEAR}-99999.txt"
    (folder / "acts" / name).write_text(_act(99999, dt.date(YEAR, 12, 30), sentences, False),
                                        "utf-8")
    return name
