"""Builder methods for grammar/actions.lark: vervangen, vervallen, invoegen,
toevoegen, komen te luiden, vernummeren → ``Action`` (an action that has not yet
met the frame of its sentence), and what an insertion brings."""
from __future__ import annotations

from consolidator.model import Content, Locator
from consolidator.numbers import COUNT_WORDS, PUNCTUATION
from consolidator.read.builder.base import Action, BuilderBase, unquote
from consolidator.read.builder.numbers import artnum, ordinal


class ActionRules(BuilderBase):
    """Actions inside a frame, after a subject, an anchor or «Aan …»."""

    def actions(self, meta, children):
        flat = []
        for child in children:
            flat.extend(child if isinstance(child, list) else [child])
        return flat

    # -- vervangen

    def replace_words(self, meta, children):
        sub, rest = _split_sub(children)
        old, telkens, new = rest
        return Action("replace-words", {"old": old, "new": new, "telkens": telkens}, sub, meta)

    def replace_after(self, meta, children):
        sub, (direction, anchor, new) = _split_sub(children)
        return Action("replace-after", {"anchor": unquote(anchor), "new": new,
                                         "position": direction}, sub, meta)

    def replace_punct(self, meta, children):
        (mark, where), new = children
        return Action("replace-punctuation", {"old": mark, "new": new, "position": "end"},
                      tuple(where or ()), meta)

    # -- vervallen

    def delete_payload(self, meta, children):
        sub, rest = _split_sub(children)
        return Action("delete-words", {"words": self._payload(meta), "telkens": rest[0]},
                      sub, meta)

    def delete_quoted(self, meta, children):
        sub, (words, telkens) = _split_sub(children)
        return Action("delete-words", {"words": words, "telkens": telkens}, sub, meta)

    def delete_anchored(self, meta, children):
        sub, (direction, anchor, telkens, _colon) = _split_sub(children)
        return Action("delete-words", {"words": self._payload(meta), "telkens": telkens,
                                        "anchor": unquote(anchor), "position": direction},
                      sub, meta)

    def delete_elements(self, meta, children):
        actions = [Action("delete-element", {}, tuple(children[0]), meta)]
        actions.extend(c for c in children[1:] if isinstance(c, Action))
        return actions

    def delete_punct_one(self, meta, children):
        mark = PUNCTUATION[str(children[0]).lower()]
        return Action("delete-punctuation", {"mark": mark}, (), meta)

    def delete_list(self, meta, children):
        actions = list(children[0])
        actions.extend(c for c in children[1:] if isinstance(c, Action))
        return actions

    def deletions(self, meta, children):
        return list(children)

    def del_element(self, meta, children):
        return Action("delete-element", {}, tuple(children[0]), meta)

    def del_punct(self, meta, children):
        return Action("delete-punctuation", {"mark": PUNCTUATION[str(children[0]).lower()]},
                      (), meta)

    def del_label(self, meta, children):
        return Action("delete-label", {}, tuple(children[0]), meta)

    def del_label_quoted(self, meta, children):
        # «de aanduiding ’1.’ voor het eerste lid»: the element names the label
        where = tuple(children[1]) if len(children) > 1 else ()
        return Action("delete-label", {}, where, meta)

    def del_words(self, meta, children):
        return Action("delete-words", {"words": children[0], "telkens": False}, (), meta)

    # -- invoegen, toevoegen

    def insert_words(self, meta, children):
        sub, (direction, anchor, telkens, new) = _split_sub(children)
        return Action("insert-words", {"new": new, "anchor": unquote(anchor),
                                        "position": direction, "telkens": telkens}, sub, meta)

    def insert_end(self, meta, children):
        sub, rest = _split_sub(children)
        where = rest[1] if len(rest) > 2 else None
        fields = {"new": rest[-1], "position": rest[0]}
        sub = tuple(Locator(s.steps + w.steps) for s in (sub or (Locator(),)) for w in where) \
            if where else sub
        return Action("insert-words", fields, sub, meta)

    def insert_element_after(self, meta, children):
        new = new_of(children)
        direction = next(c for c in children if c in ("after", "before"))
        anchor = next(c for c in children if isinstance(c, list))
        content = children[-1]
        return Action("insert-element", element_fields(new, content, direction),
                      tuple(anchor), meta)

    def insert_element_end(self, meta, children):
        new = new_of(children)
        content = children[-1]
        return Action("insert-element", element_fields(new, content, "end"), (), meta)

    # -- komen te luiden

    def komt_te_luiden(self, meta, children):
        return Action("replace-element", {"content": self.content}, tuple(children[0]), meta)

    # -- subject-first

    def s_delete(self, meta, children):
        return Action("delete-element", {}, (), meta)

    def s_replace(self, meta, children):
        return Action("replace-element", {"content": self.content}, (), meta)

    def s_replace_quoted(self, meta, children):
        return Action("replace-element", {"new": children[0]}, (), meta)

    def s_replace_punct(self, meta, children):
        return Action("replace-element", {"new": PUNCTUATION[str(children[0]).lower()]}, (), meta)

    def s_replace_count(self, meta, children):
        _, kind, _, count = children[0]
        return Action("replace-element", {"content": children[1], "count": count,
                                           "element": kind}, (), meta)

    def s_renumber(self, meta, children):
        return Action("renumber", {"new_numbers": tuple(children[0])}, (), meta)

    # -- vernummeren

    def renumber_to(self, meta, children):
        value = children[0]
        if value and isinstance(value[0], Locator):
            return [loc.steps[-1].number for loc in value]
        return value

    def renumber_pairs(self, meta, children):
        old, new = children
        return Action("renumber", {"new_numbers": tuple(new)}, tuple(old), meta)

    def renumber_tail(self, meta, children):
        return children[0]

    # -- anchored and appended

    def a_insert(self, meta, children):
        new = new_of(children)
        return Action("insert-element", element_fields(new, children[-1], None), (), meta)

    def a_delete(self, meta, children):
        return Action("delete-words", {"words": self._payload(meta), "telkens": children[0]},
                      (), meta)

    def a_insert_words(self, meta, children):
        return Action("insert-words", {"new": self._payload(meta), "telkens": children[0]},
                      (), meta)

    def ap_insert(self, meta, children):
        new = new_of(children)
        return Action("insert-element", element_fields(new, children[-1], "end"), (), meta)

    # -- what is inserted

    def ne_kind(self, meta, children):
        number = artnum(children[1]) if len(children) > 1 else ""
        return ("new", children[0], number, 1)

    def ne_ordinal(self, meta, children):
        return ("new", children[1], ordinal(children[0]), 1)

    def count_new(self, meta, children):
        return ("new", children[-1], "", COUNT_WORDS[str(children[0]).lower()])

    def element_kind(self, meta, children):
        return _singular(str(children[0]).lower())


def new_of(children):
    """The («new», kind, number, count) of «een nieuw artikel 95a», if given."""
    return next((c for c in children if isinstance(c, tuple) and c[0] == "new"), None)


def element_fields(new, content, position) -> dict:
    """The fields of an insert-element instruction: what is inserted, and where."""
    fields = {"content": content if isinstance(content, Content) else Content(),
              "position": position}
    if new:
        _, kind, number, count = new
        fields.update(element=kind, number=number, count=count)
    return fields


def _split_sub(children):
    if children and isinstance(children[0], tuple) and children[0][0] == "sub":
        return tuple(children[0][1]), children[1:]
    return (), children


_SINGULAR = {"artikelen": "artikel", "leden": "lid", "volzinnen": "volzin",
             "onderdelen": "onderdeel", "subonderdelen": "subonderdeel",
             "paragrafen": "paragraaf", "afdelingen": "afdeling", "hoofdstukken": "hoofdstuk",
             "titels": "titel", "alinea's": "alinea", "begripsomschrijvingen": "definition",
             "begripsomschrijving": "definition", "definities": "definition",
             "definitie": "definition"}


def _singular(word: str) -> str:
    return _SINGULAR.get(word, word)
