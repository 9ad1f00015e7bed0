"""Applying instructions to another act: acts that amend acts.

Two entry points:

* ``amend_article``: the text of a non-amending ARTIKEL (an entry-into-force article)
  changed: «In artikel XII, tweede lid, van de Wet van 19 december 1996 … (Stb. 1996, 649)
  wordt «1 januari 1999» vervangen door: een bij wet te bepalen tijdstip.» The article's
  paragraphs become a small law document (one artikel, its leden), the ordinary apply engine
  runs the instruction on it, and the edited paragraphs come back as a new ``Article``.
* ``amend_act``: an act changed by an amending ARTIKEL (or a branch of a samenloop ARTIKEL,
  or a novelle): «Artikel I, onderdeel C, van de Wet van 5 maart 2024 … (Stb. 2024, 88)
  komt te luiden: C …», «In artikel I wordt na onderdeel A ingevoegd: A1 …», «Artikel I,
  onderdeel D, vervalt.», «In artikel I, onderdeel B, van de Wet van … wordt «x» vervangen
  door: y.». Onderdelen and ARTIKELEN are replaced, inserted and removed as the act's own
  lines (``actdoc``), the new lines copied verbatim from the amending act; words are changed
  by the ordinary engine on the lines of the onderdeel (narrowed to the lid a deeper locator
  names: «In artikel I, onderdeel C, artikel 52a, tweede lid, vervalt: …»). The changed
  parts are read again. Anything else is refused.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import replace

from consolidator.apply.actdoc import ActDoc, ArticleDoc, PartDoc
from consolidator.apply.sentences import apply_articles
from consolidator.errors import ApplyError, NumberTaken
from consolidator.law.elements import (
    al_text, find_article, is_al, is_lid, is_repealed, lid_number, make_al, make_artikel, make_lid,
    wettekst,
)
from consolidator.law.toestand import new_toestand
from consolidator.model import (
    Act, Article, DeleteElement, InsertElement, Instruction, Locator, Onderdeel, ReplaceElement,
    Sentence, Step,
)

# «1. Deze wet …», « • 2. De artikelen …»: a lid of an article as published
_LID = re.compile(r"^\s*(?:•\s*)?(\d+[a-z]?)\.\s+(.*)$")


def amend_article(article: Article, amending: Article, source_label: str) -> Article:
    """``article`` with the instructions of ``amending`` applied to its text."""
    tree = _as_law(article)
    result = apply_articles(tree, [amending], source_label=source_label)
    return replace(article, text=_paragraphs(result, article.number))


def _as_law(article: Article):
    tree = new_toestand(None, "act")
    artikel = make_artikel(article.number)
    lid = None
    for paragraph in article.text:
        match = _LID.match(paragraph)
        if match:
            lid = make_lid(match.group(1), [match.group(2)])
            artikel.append(lid)
        elif lid is not None:  # a further alinea of the lid (an enumeration, say)
            lid.append(make_al(paragraph.strip()))
        else:
            artikel.append(make_al(paragraph.strip()))
    wettekst(tree).append(artikel)
    return tree


def _paragraphs(tree, number: str) -> tuple[str, ...]:
    artikel = find_article(tree, number)
    paragraphs = []
    for child in artikel:
        if is_lid(child):
            if is_repealed(child):
                continue
            texts = [al_text(al) for al in child if is_al(al)]
            paragraphs.append(f"{lid_number(child)}. {texts[0]}")
            paragraphs.extend(texts[1:])
        elif is_al(child):
            paragraphs.append(al_text(child))
    return tuple(paragraphs)


# --------------------------------------------------------------------------- acts that amend acts


def amend_act(act: Act, amending: Article, by: Act, label: str) -> tuple[Act, tuple]:
    """``act`` as changed by ``amending`` (an ARTIKEL of ``by``, or a piece of it), and the
    parts it touched as (ARTIKEL, onderdeel) pairs (onderdeel "" for a whole ARTIKEL)."""
    editor = _Editor(ActDoc.of(act), by, label)
    for onderdeel in amending.onderdelen:
        for sentence in onderdeel.all_sentences:
            for instruction in sentence.instructions:
                editor.apply(instruction, amending, onderdeel)
    return editor.doc.to_act(), tuple(dict.fromkeys(editor.touched))


class _Editor:
    def __init__(self, doc: ActDoc, by: Act, label: str):
        self.doc = doc
        self.by = by
        self.label = label
        self.touched: list[tuple[str, str]] = []
        self._by_lines = by.text.split("\n") if by.text else []

    def apply(self, ins: Instruction, amending: Article, onderdeel: Onderdeel) -> None:
        for target in ins.targets:
            artikel, part, deeper = _act_place(target, ins, self.label)
            self.touched.append((artikel, part))
            if deeper or not isinstance(ins, (DeleteElement, ReplaceElement, InsertElement)):
                self._edit_words(ins, artikel, part, deeper, amending, onderdeel)
            elif isinstance(ins, DeleteElement):
                self._delete(artikel, part)
            elif isinstance(ins, ReplaceElement):
                self._replace(ins, artikel, part)
            else:
                self._insert(ins, artikel, part)

    # -- whole onderdelen and ARTIKELEN

    def _delete(self, artikel: str, part: str) -> None:
        if part:
            doc, index = self.doc.part(artikel, part)
            del doc.parts[index]
            if not doc.parts:
                raise ApplyError(f"{self.label}: removing onderdeel {part} leaves ARTIKEL "
                                 f"{artikel} of {self.doc.label} without onderdelen")
            doc.parsed = None
        else:
            self.doc.articles.remove(self.doc.article(artikel))

    def _replace(self, ins: ReplaceElement, artikel: str, part: str) -> None:
        if part:
            doc, index = self.doc.part(artikel, part)
            doc.parts[index:index + 1] = self._new_parts(ins, doc)
        else:
            old = self.doc.article(artikel)
            at = self.doc.articles.index(old)
            new = self._new_article(ins, artikel)
            new.lead = old.lead
            self.doc.articles[at] = new

    def _insert(self, ins: InsertElement, artikel: str, part: str) -> None:
        if ins.element == "artikel" or (not part and not ins.content.onderdelen):
            anchor = self.doc.article(artikel)
            new = self._new_article(ins, ins.number or "")
            if any(a.number == new.number for a in self.doc.articles):
                raise NumberTaken(f"{self.label}: {self.doc.label} has an ARTIKEL {new.number} "
                                  "already")
            at = self.doc.articles.index(anchor) + (ins.position != "before")
            self.doc.articles.insert(at, new)
            return
        doc = self.doc.article(artikel)
        parts = self._new_parts(ins, doc)
        taken = {p.label for p in doc.parts} & {p.label for p in parts}
        if taken:
            raise NumberTaken(f"{self.label}: ARTIKEL {artikel} of {self.doc.label} has an "
                              f"onderdeel {', '.join(sorted(taken))} already")
        if part:
            _, index = self.doc.part(artikel, part)
            at = index + (ins.position != "before")
        else:
            at = 0 if ins.position == "start" else len(doc.parts)
        doc.parts[at:at] = parts
        self.touched.extend((artikel, p.label) for p in parts)

    def _new_parts(self, ins, doc: ArticleDoc) -> list[PartDoc]:
        onderdelen = ins.content.onderdelen
        if not onderdelen:
            raise ApplyError(f"{self.label}: the new text for ARTIKEL {doc.number} of "
                             f"{self.doc.label} is not a lettered onderdeel")
        lines = self._content_lines(onderdelen[0].span.line)
        starts = [o.span.line - onderdelen[0].span.line for o in onderdelen] + [len(lines)]
        return [PartDoc(o.label, _with_blank(lines[starts[n]:starts[n + 1]]), None)
                for n, o in enumerate(onderdelen)]

    def _new_article(self, ins, number: str) -> ArticleDoc:
        lines = ins.content.lines
        if not lines:
            raise ApplyError(f"{self.label}: no new text for an ARTIKEL of {self.doc.label}")
        text = self._content_lines(lines[0].span.line)
        head = re.match(r"^\s*(ARTIKEL|Artikel)\s+(\S+?)\.?(\s|$)", text[0])
        if head is None:
            text = [f"ARTIKEL {number}", ""] + text
        number = head.group(2) if head else number
        return ArticleDoc(number, [], text[:1], [], _with_blank(text[1:]), None)

    def _content_lines(self, start: int) -> list[str]:
        """The verbatim lines of new content in the amending act, from line ``start`` to
        the end of the onderdeel or punt that holds it."""
        if not self._by_lines:
            raise ApplyError(f"{self.label}: the text of the amending act is not known")
        end = min((line for line in _unit_starts(self.by) if line > start),
                  default=len(self._by_lines) + 1)
        lines = self._by_lines[start - 1:end - 1]
        while lines and not lines[-1].strip():
            lines.pop()
        return lines

    # -- words in an onderdeel (or in the text of another ARTIKEL)

    def _edit_words(self, ins, artikel: str, part: str, deeper: tuple, amending, onderdeel):
        doc = self.doc.article(artikel)
        if part:
            _, index = self.doc.part(artikel, part)
            holder = doc.parts[index]
            lines = holder.lines
            first = 1  # the label line stays
        elif doc.parts:
            raise ApplyError(f"{self.label}: changing words in ARTIKEL {artikel} of "
                             f"{self.doc.label} as a whole is not supported: name its onderdeel")
        elif deeper and deeper[0].kind == "lid":  # a lid of an entry-into-force article
            doc.body[:] = _edit_leden(doc.body, ins, artikel, deeper, amending, onderdeel,
                                      self.label)
            doc.parsed = None
            return
        else:
            holder, lines, first = doc, doc.body, 0
        edited = _edit_lines(lines[first:], ins, deeper, amending, onderdeel, self.label,
                             f"{self.doc.label}, ARTIKEL {artikel}" + (f", onderdeel {part}"
                                                                       if part else ""))
        lines[first:] = edited
        holder.parsed = None


def _edit_leden(lines: list[str], ins, artikel: str, deeper: tuple, amending: Article,
                onderdeel: Onderdeel, label: str) -> list[str]:
    """The body of a non-amending ARTIKEL (leden «1. …») with one instruction applied by
    ``amend_article``; one paragraph a line, blank lines between, as published."""
    article = Article(number=artikel, kind="other",
                      text=tuple(line.strip() for line in lines if line.strip()))
    moved = dataclasses.replace(ins, targets=(Locator((Step("artikel", artikel),) + deeper),))
    piece = Article(number=amending.number, kind="amend",
                    onderdelen=(Onderdeel(onderdeel.label, sentences=(Sentence((moved,)),)),))
    new = amend_article(article, piece, label)
    out = [""]
    for paragraph in new.text:
        out += [paragraph, ""]
    return out


def _act_place(target: Locator, ins: Instruction, label: str) -> tuple[str, str, tuple]:
    """(ARTIKEL, onderdeel, the steps below them) of a target in an act."""
    steps = list(target.steps)
    if not steps or steps[0].kind not in ("artikel", "act-artikel"):
        raise ApplyError(f"{label}: {target} is not a place in an act (it names no ARTIKEL)")
    artikel, part = steps.pop(0).number, ""
    if steps and steps[0].kind in ("onderdeel", "act-onderdeel"):
        part = steps.pop(0).number
    if any(s.kind.startswith("act-") for s in steps):
        raise ApplyError(f"{label}: {target}: a punt of an act's onderdeel cannot be changed "
                         "on its own (not supported); the onderdeel can be")
    return artikel, part, tuple(steps)


def _unit_starts(act: Act) -> list[int]:
    """First lines of every ARTIKEL, onderdeel and punt of ``act`` (and of its closing)."""
    found = []
    for article in act.articles:
        found.append(article.span.line)
        for branch in (article,) + article.branches:
            if branch.condition is not None and branch is not article:
                found.append(branch.condition.span.line)
            for onderdeel in branch.onderdelen:
                found.append(onderdeel.span.line)
                found.extend(item.span.line for item in onderdeel.items)
    lines = act.text.split("\n")
    last = max(found, default=1)
    closing = next((n for n in range(last, len(lines) + 1)
                    if re.match(r"^\s*(Lasten en bevelen|Gegeven te|Uitgegeven|XNoot)",
                                lines[n - 1])), len(lines) + 1)
    return sorted(set(found) | {closing})


def _with_blank(lines: list[str]) -> list[str]:
    return lines + [""] if lines and lines[-1].strip() else lines


def _edit_lines(lines: list[str], ins, deeper: tuple, amending: Article, onderdeel: Onderdeel,
                label: str, where: str) -> list[str]:
    """``lines`` with one instruction applied by the ordinary engine: as the alineas of one
    artikel, or (a deeper locator naming a lid) only the lid's line."""
    deeper_steps = list(deeper)
    if len(deeper_steps) >= 2 and deeper_steps[0].kind == "artikel" and \
            deeper_steps[1].kind == "lid":
        return _edit_lid(lines, ins, deeper_steps, amending, onderdeel, label, where)
    if deeper_steps and deeper_steps[0].kind == "artikel":
        deeper_steps.pop(0)
    if any(s.kind not in ("volzin", "alinea") for s in deeper_steps):
        raise ApplyError(f"{label}: {where}: cannot find {Locator(deeper)} in its text "
                         "(not supported)")
    filled = [n for n, line in enumerate(lines) if line.strip()]
    tree = new_toestand(None, "act")
    artikel = make_artikel("1")
    for n in filled:
        artikel.append(make_al(lines[n].strip()))
    wettekst(tree).append(artikel)
    target = Locator((Step("artikel", "1"),) + tuple(deeper_steps))
    result = _run(tree, ins, target, amending, onderdeel, label)
    texts = [al_text(al) for al in find_article(result, "1") if is_al(al)]
    if len(texts) != len(filled):
        raise ApplyError(f"{label}: {where}: the change removes or adds a whole line of the "
                         "act (not supported)")
    edited = list(lines)
    for n, text in zip(filled, texts):
        edited[n] = _indent(lines[n]) + text
    return edited


def _edit_lid(lines, ins, steps, amending, onderdeel, label, where) -> list[str]:
    """«artikel 52a, tweede lid»: the one line of the onderdeel's new text that is that lid."""
    number, lid = steps[0].number, steps[1].number
    mention = re.compile(rf"\bartikel\s+{re.escape(number)}\b", re.I)
    candidates, seen = [], False
    for n, line in enumerate(lines):
        seen = seen or bool(mention.search(line))
        match = _LID.match(line)
        if seen and match and match.group(1) == lid:
            candidates.append(n)
    if len(candidates) != 1:
        found = "not found" if not candidates else f"found {len(candidates)} times"
        raise ApplyError(f"{label}: {where}: artikel {number}, lid {lid} {found} in its text")
    n = candidates[0]
    match = _LID.match(lines[n])
    tree = new_toestand(None, "act")
    artikel = make_artikel(number)
    artikel.append(make_lid(lid, [match.group(2)]))
    wettekst(tree).append(artikel)
    result = _run(tree, ins, Locator(tuple(steps)), amending, onderdeel, label)
    lid_el = next(el for el in find_article(result, number) if is_lid(el))
    edited = list(lines)
    if is_repealed(lid_el):
        raise ApplyError(f"{label}: {where}: removing a whole lid of an act's new text is not "
                         "supported")
    texts = [al_text(al) for al in lid_el if is_al(al)]
    edited[n] = lines[n][:match.start(2)] + " ".join(texts)
    return edited


def _run(tree, ins, target: Locator, amending: Article, onderdeel: Onderdeel, label: str):
    moved = dataclasses.replace(ins, targets=(target,))
    piece = Article(number=amending.number, kind="amend",
                    onderdelen=(Onderdeel(onderdeel.label, sentences=(Sentence((moved,)),)),))
    return apply_articles(tree, [piece], source_label=label)


def _indent(line: str) -> str:
    return line[:len(line) - len(line.lstrip())]
