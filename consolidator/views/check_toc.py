"""The inhoudsopgave warnings of the drafter's check: ``toc-not-updated`` (an article
inserted, repealed or given a new opschrift, its entry not added or changed),
``toc-mismatch`` (an entry the act writes that does not read «Artikel N. <opschrift>») and
``toc-orphan`` (an entry the act writes for an article the law does not have).
"""
from __future__ import annotations

from typing import Callable

from consolidator.law.toc import toc_element
from consolidator.model import Instruction, Sentence
from consolidator.views.check_snapshot import articles, norm, toc


def names_toc(sentence: Sentence) -> bool:
    """Whether the sentence changes the inhoudsopgave itself."""
    return any(step.kind in ("inhoudsopgave", "toc-entry") for ins in sentence.instructions
               for loc in ins.targets for step in loc.steps)


def note_entries_changed(before: dict, after: dict, ins: Instruction, touched: dict) -> None:
    """Record in ``touched`` (number key → (span, place)) the entries that differ
    between two ``toc`` snapshots."""
    for key in after.keys() | before.keys():
        if after.get(key) != before.get(key):
            touched[key] = (ins.span, ins.place)


def warn_toc(tree, articles_before: dict, toc_before: dict, touched: dict, toc_touched: dict,
             warn: Callable) -> None:
    """The inhoudsopgave against the articles the act inserted, repealed, renamed
    (``touched``), and the entries it wrote (``toc_touched``)."""
    if toc_element(tree) is None:
        return
    after, entries = articles(tree), toc(tree)
    for key in list(touched) + [k for k in toc_touched if k not in touched]:
        old, new = articles_before.get(key), after.get(key)
        was, now = bool(old and old.live), bool(new and new.live)
        entry_old, entry_new = toc_before.get(key), entries.get(key)
        span, place = touched.get(key) or toc_touched[key]
        entry_span, entry_place = toc_touched.get(key, (span, place))
        renamed = was and now and old.opschrift != new.opschrift
        if new is None and entry_new is not None and entry_new != entry_old:
            warn("toc-orphan", f"the inhoudsopgave gets the entry «{entry_new}», but "
                 "the law has no such article", entry_span, entry_place)
        elif now and not was and entry_new is None:
            warn("toc-not-updated", f"artikel {new.number} is new, but the "
                 "inhoudsopgave has no entry for it", span, place)
        elif was and not now and entry_old is not None and entry_new == entry_old:
            warn("toc-not-updated", f"artikel {old.number} is repealed, but its "
                 f"entry in the inhoudsopgave still reads «{entry_old}»", span, place)
        elif renamed and entry_old is not None and entry_new == entry_old:
            warn("toc-not-updated", f"the opschrift of artikel {new.number} now "
                 f"reads «{new.opschrift}», but its entry in the inhoudsopgave "
                 f"still reads «{entry_old}»", span, place)
        elif now and entry_new is not None and entry_new != entry_old and new.opschrift \
                and norm(entry_new) != norm(f"Artikel {new.number}. {new.opschrift}"):
            warn("toc-mismatch", f"the entry of artikel {new.number} in the "
                 f"inhoudsopgave reads «{entry_new}», the article's opschrift "
                 f"«{new.opschrift}»", entry_span, entry_place)
