"""Builder methods for grammar/actions.lark: vervangen, vervallen, invoegen,
toevoegen, komen te luiden, vernummeren → ``Action`` (an action that has not yet
met the frame of its sentence), and what an insertion brings."""
from __future__ import annotations

from consolidator.model import Content, ContentLine, Locator
from consolidator.numbers import COUNT_WORDS, PUNCTUATION
from consolidator.read.builder.base import Action, BuilderBase, GrammarUse, text_only, unquote
from consolidator.read.builder.numbers import artnum, ordinal


class ActionRules(BuilderBase):
    """Actions inside a frame, after a subject, an anchor or «Aan …»."""

    def actions(self, meta, children):
        if len(children) == 1:  # most sentences: one action (or one list of them)
            only = children[0]
            return list(only) if isinstance(only, list) else [only]
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

    def replace_words_telkens(self, meta, children):
        """«wordt telkens «van Binnenlandse Zaken» vervangen door: …»"""
        sub, (_telkens, old, new) = _split_sub(children)
        return Action("replace-words", {"old": old, "new": new, "telkens": True}, sub, meta)

    def replace_label_words(self, meta, children):
        """«wordt de aanduiding «5.» vervangen door «4.»»: the words of a label."""
        sub, (old, new) = _split_sub(children)
        return Action("replace-words", {"old": unquote(old), "new": new, "telkens": False},
                      sub, meta)

    def replace_pairs(self, meta, children):
        """«worden de aanduidingen «5.» en «6.» vervangen door «6.» en «7.»»: the first by the
        first, the second by the second."""
        sub, (old, new) = _split_sub(children)
        if len(old) != len(new):
            raise GrammarUse(f"{len(old)} quoted words are replaced by {len(new)}: "
                             "they must pair up", meta)
        return [Action("replace-words", {"old": o, "new": n, "telkens": False}, sub, meta)
                for o, n in zip(old, new)]

    def quoted_list(self, meta, children):
        return [unquote(c) for c in children]

    def replace_punct(self, meta, children):
        (mark, where), new = children
        return Action("replace-punctuation", {"old": mark, "new": new, "position": "end"},
                      tuple(where or ()), meta)

    # -- vervallen

    @text_only
    def delete_payload(self, meta, children):
        sub, rest = _split_sub(children)
        telkens = next(c for c in rest if isinstance(c, bool))
        return Action("delete-words", {"words": self._payload(meta), "telkens": telkens},
                      sub, meta)

    def delete_quoted_many(self, meta, children):
        """«vervalt «zware» en «voortdurend»»: each quoted part on its own."""
        sub, words = _split_sub(children)
        return [Action("delete-words", {"words": w, "telkens": False}, sub, meta)
                for w in words]

    def delete_quoted(self, meta, children):
        sub, (words, telkens) = _split_sub(children)
        return Action("delete-words", {"words": words, "telkens": telkens}, sub, meta)

    def delete_anchored(self, meta, children):
        sub, (direction, anchor, telkens, _colon) = _split_sub(children)
        return Action("delete-words", {"words": self._payload(meta), "telkens": telkens,
                                        "anchor": unquote(anchor), "position": direction},
                      sub, meta)

    def delete_elements(self, meta, children):
        """«vervalt onderdeel c», with its clauses («, onder vernummering van …», «, onder
        vervanging van «; of» aan het slot van onderdeel b door een punt»)."""
        actions = [Action("delete-element", {}, tuple(children[0]), meta)]
        for child in children[1:]:
            actions.extend(child if isinstance(child, list) else [child])
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
        sub, rest = _split_sub(children)
        new = new_of(rest)
        direction = next(c for c in rest if isinstance(c, str) and c in ("after", "before"))
        anchor = next(c for c in rest if isinstance(c, list))
        return Action("insert-element", element_fields(new, rest[-1], direction),
                      tuple(_under(sub, anchor)), meta)

    def insert_in(self, meta, children):
        """«wordt aan artikel 1b een lid toegevoegd», «wordt in onderdeel 2 een lid
        toegevoegd», «wordt aan onderdeel b toegevoegd «of»»: at the end of that part."""
        sub, rest = _split_sub(children)
        parent = sub or tuple(next(c for c in rest if isinstance(c, list)))
        return self.appended_action(new_of(rest), rest[-1], parent, meta)

    def insert_alphabetical(self, meta, children):
        new = new_of(children)
        return Action("insert-element", element_fields(new, children[-1], "alphabetical"),
                      (), meta)

    def insert_at_mark(self, meta, children):
        """«wordt voor de puntkomma ingevoegd: , met uitzondering van de zondag»."""
        sub, rest = _split_sub(children)
        direction, mark, new = rest[0], PUNCTUATION[str(rest[1]).lower()], rest[-1]
        where = next((c for c in rest if isinstance(c, list)), None)
        fields = {"new": new, "anchor": mark, "position": direction, "anchor_mark": True}
        return Action("insert-words", fields, tuple(_under(sub, where) if where else sub), meta)

    # -- clauses (Aanwijzing 6.18 (238)): «onder vervanging van …», «onder vernummering van …»

    def clauses(self, meta, children):
        return list(children)

    def add_words_head(self, meta, children):
        """«onder toevoeging van het woord «of» aan het slot van onderdeel a»"""
        words, where = children[0], children[-1]
        return Action("insert-words", {"new": words, "position": "end"}, tuple(where), meta)

    def clause_insert(self, meta, children):
        """«wordt, onder vervanging van de punt … door een puntkomma, een onderdeel
        toegevoegd»: the clauses, then the insertion (into the gap a renumbering leaves)."""
        clauses = children[0]
        return clauses + [clause_insertion(clauses, new_of(children), children[-1], meta)]

    def clause_insert_anchored(self, meta, children):
        """«wordt, onder vernummering van het derde lid tot vierde lid, na het tweede lid een
        lid ingevoegd»: the clauses, then the insertion where it says."""
        clauses = children[0]
        direction = next(c for c in children if isinstance(c, str) and c in ("after", "before"))
        anchor = next(c for c in children[1:] if isinstance(c, list))
        insert = Action("insert-element", element_fields(new_of(children), children[-1],
                                                         direction), tuple(anchor), meta)
        return clauses + [insert]

    def renumber_framed(self, meta, children):
        """«wordt het vijfde lid vernummerd tot vierde lid»"""
        old, new = children[0], children[-1]
        return Action("renumber", {"new_numbers": tuple(new)}, tuple(old), meta)

    def clause_delete(self, meta, children):
        """«vervalt (in het derde lid van artikel 10), onder invoeging van «en» na onderdeel
        b …, onderdeel d»: the clauses, then the deletion, all in the frame named."""
        sub, (clauses, elements) = _split_sub(children)
        found = [Action(c.name, c.fields, tuple(_under(sub, c.sub)) if c.sub else sub, c.meta)
                 for c in clauses]
        return found + [Action("delete-element", {}, tuple(_under(sub, elements)), meta)]

    def insert_element_end(self, meta, children):
        """«wordt aan het slot (van punt 3) een volzin toegevoegd»: at the end of the frame,
        or of the part named."""
        new = new_of(children)
        where = next((c for c in children if isinstance(c, list)), ())
        return Action("insert-element", element_fields(new, children[-1], "end"), tuple(where),
                      meta)

    # -- komen te luiden

    def komt_te_luiden(self, meta, children):
        return Action("replace-element", {"content": self.new_content()}, tuple(children[0]),
                      meta)

    def replace_element_framed(self, meta, children):
        """«In artikel I, onderdeel G.3, wordt de aanhef vervangen door: …»"""
        return Action("replace-element", {"content": self.new_content()}, tuple(children[0]),
                      meta)

    def komt_split(self, meta, children):
        """«komt in het eerste lid de tweede volzin als volgt te luiden:»"""
        sub, rest = _split_sub(children)
        return Action("replace-element", {"content": self.new_content()},
                      tuple(_under(sub, rest[0])), meta)

    def new_content(self) -> Content:
        """What replaces an element: the lines after the instruction, or the text on its
        own line («komt te luiden: Toezicht en handhaving.», full stop left off)."""
        if self.content.lines or self.content.onderdelen or self.payload is None:
            return self.content
        return Content((ContentLine("text", self.payload),))

    # -- subject-first

    def s_delete(self, meta, children):
        return Action("delete-element", {}, (), meta)

    @text_only
    def s_replace(self, meta, children):
        return Action("replace-element", {"content": self.new_content()}, (), meta)

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
        return Action("insert-words", {"new": children[-1], "telkens": True}, (), meta)

    def a_clause_insert(self, meta, children):
        """«Na onderdeel m wordt, onder vervanging van de punt aan het slot door een
        puntkomma, een nieuw onderdeel toegevoegd»: the clauses, then the insertion."""
        clauses = children[0]
        insert = Action("insert-element", element_fields(new_of(children), children[-1], None),
                        (), meta)
        return clauses + [insert]

    def ap_clause_insert(self, meta, children):
        """«Aan artikel 1 worden onder vervanging van de punt aan het slot van onderdeel h
        door een puntkomma, vier onderdelen toegevoegd»"""
        clauses = children[0]
        return clauses + [self.appended_action(new_of(children), children[-1], (), meta)]

    def ap_insert(self, meta, children):
        return self.appended_action(new_of(children), children[-1], (), meta)

    def ap_insert_words(self, meta, children):
        """«Aan onderdeel d wordt na «gemeenschapsonderdanen» toegevoegd: , onderdanen …»"""
        direction, anchor, telkens, new = children
        return Action("insert-words", {"new": new, "anchor": unquote(anchor),
                                        "position": direction, "telkens": telkens}, (), meta)

    def ap_insert_quoted(self, meta, children):
        """«Aan artikel 8, tweede lid, wordt «, tenzij het college anders beslist» toegevoegd.»"""
        return Action("insert-words", {"new": children[0], "position": "end"}, (), meta)

    def appended_action(self, new, content, parent, meta) -> Action:
        """What «toegevoegd» at the end of a part adds: a named element («een lid»), words
        («toegevoegd «of»», «toegevoegd: , of», «een zinsdeel, luidende: …») or, unnamed,
        the element the lines after it make."""
        words = self.luidend_words
        if new and new[1] == "zinsdeel":
            text = words if words is not None else content.text
            return Action("insert-words", {"new": text, "position": "end"}, parent, meta)
        if not new and words is not None and not self.content.lines:
            return Action("insert-words", {"new": words, "position": "end"}, parent, meta)
        return Action("insert-element", element_fields(new, content, "end"), parent, meta)

    # -- what is inserted

    def ne_kind(self, meta, children):
        kind = children[0] if isinstance(children[0], str) and not hasattr(children[0], "type") \
            else _singular(str(children[0]).lower())
        number = artnum(children[1]) if len(children) > 1 else ""
        return ("new", kind, number, 1)

    def ne_ordinal(self, meta, children):
        return ("new", children[1], ordinal(children[0]), 1)

    def count_new(self, meta, children):
        word = str(children[0]).lower()
        kind = children[-1] if not hasattr(children[-1], "type") \
            else _singular(str(children[-1]).lower())
        return ("new", kind, "", int(word) if word.isdigit() else COUNT_WORDS[word])

    @text_only
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


def clause_insertion(clauses: list, new, content, meta) -> Action:
    """The insertion after clauses: into the gap a renumbering leaves (Aanwijzing 238, fourth
    lid: the new element takes the number the first renumbered one had), else at the end."""
    renumber = next((c for c in clauses if c.name == "renumber"), None)
    if renumber is None:
        return Action("insert-element", element_fields(new, content, "end"), (), meta)
    fields = element_fields(new, content, "before")
    fields["number"] = fields.get("number") or renumber.sub[0].steps[-1].number
    return Action("insert-element", fields, renumber.sub[:1], meta)


def _under(sub, locators) -> list:
    """Locators read inside a frame the action names itself («in artikel 10 na het eerste
    lid»): each joined to each."""
    from consolidator.read.builder.locators import nest

    if not sub:
        return list(locators)
    return [nest(s, loc) for s in sub for loc in locators]


def _split_sub(children):
    if children and isinstance(children[0], tuple) and children[0][0] == "sub":
        return tuple(children[0][1]), children[1:]
    return (), children


_SINGULAR = {"artikelen": "artikel", "leden": "lid", "volzinnen": "volzin",
             "onderdelen": "onderdeel", "subonderdelen": "subonderdeel",
             "paragrafen": "paragraaf", "afdelingen": "afdeling", "hoofdstukken": "hoofdstuk",
             "titels": "titel", "alinea's": "alinea", "begripsomschrijvingen": "definition",
             "begripsomschrijving": "definition", "definities": "definition",
             "definitie": "definition", "begripsbepalingen": "definition",
             "begripsbepaling": "definition", "zinnen": "volzin", "zin": "volzin",
             "punten": "punt", "zinsdelen": "zinsdeel"}


def _singular(word: str) -> str:
    return _SINGULAR.get(word, word)
