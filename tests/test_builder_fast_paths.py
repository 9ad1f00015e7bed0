"""The builder's quick ways (issue 17, point 4, seventh round) held to the general ways
they stand for, kept here as the code was: a join whose outer steps all stand outside
the inner's first (``locators._join``), an element of single steps (``element``), a
frame's places read once for all its actions (``framed``), an instruction built
without copying its action's fields or making an ``Action`` for it (``_build``,
``_build_from``, ``anchored``), and the subject's parent made only where an action
reads it (``subjected``). Every field is compared, the spans and places too (which
take no part in a model object's equality)."""
from __future__ import annotations

import dataclasses

from hypothesis import example, given, settings
from hypothesis import strategies as st
from lark import Token
from test_read_locators import _all_combinations

from consolidator.model import STEP_KINDS, Content, Locator, Place, Span, Step
from consolidator.read.builder import locators
from consolidator.read.builder.base import Action
from consolidator.read.builder.sentences import _CLASSES, _law_of
from consolidator.read.instructions import _builder
from consolidator.read.reducers import _NO_POSITION, meta_at


def _every_field(value):
    """``value`` with every field of every dataclass in it, compared or not."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__,) + tuple(
            (f.name, _every_field(getattr(value, f.name))) for f in dataclasses.fields(value))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__,) + tuple(_every_field(v) for v in value)
    if isinstance(value, dict):
        return ("dict",) + tuple((k, _every_field(v)) for k, v in value.items())
    return (type(value).__name__, repr(value))


# -- the general ways, as the code was

def _join_generally(outer: Locator, inner: Locator) -> Locator:
    if not inner.steps:
        return outer
    if inner.steps[0].kind.startswith("act-"):
        outer = Locator(tuple(locators._act_steps(outer.steps)))
    first_rank = locators._RANK.get(inner.steps[0].kind, 9)
    kept = tuple(s for s in outer.steps if locators._RANK.get(s.kind, 9) < first_rank)
    steps = kept + inner.steps
    if locators._artikel_onderdeel(steps):
        return Locator(tuple(locators._act_level(list(steps))))
    return Locator(steps)


def _element_generally(children) -> list[Locator]:
    parts = [[Step("lid", str(c).split()[1])] if isinstance(c, Token) else c
             for c in children]
    if len(parts) > 1:  # «onder» follows a part: it never stands alone
        parts = locators._onder_levels(parts)
    return _all_combinations(parts)


def _build_generally(builder, action: Action, targets) -> object:
    cls = _CLASSES[action.name]
    fields = dict(action.fields)
    if action.name == "insert-element" and fields.get("position") is None:
        fields["position"] = "after"
    span = builder.span(action.meta) if action.meta is not None \
        else Span(builder.line, builder.column)
    return cls(targets=tuple(targets), place=builder.place, span=span, **fields)


def _framed_generally(builder, meta, children):
    frame, law, actions = children[0], _law_of(children), children[-1]
    built = []
    for action in actions:
        base = [locators.join(builder.context, t) for t in frame]
        if action.sub:
            base = [locators.nest(b, s) for b in base for s in action.sub]
        built.append(_build_generally(builder, action, base))
    return builder._sentence(meta, built, law)


# -- what they are given

_KINDS = st.sampled_from(["artikel", "onderdeel", "act-punt", "act-artikel", "lid", "onder",
                          "toc-entry", "volzin"]) | st.sampled_from(sorted(STEP_KINDS))
_STEPS = st.builds(Step, _KINDS, st.sampled_from(["", "1", "12", "I", "H", "a", "3°"]),
                   st.sampled_from(["", "oud"]))
_LOCATORS = st.lists(_STEPS, max_size=4).map(lambda steps: Locator(tuple(steps)))


@given(_LOCATORS, _LOCATORS)
@example(Locator((Step("artikel", "5"),)), Locator((Step("lid", "2"),)))  # all kept
@example(Locator((Step("artikel", "5"), Step("lid", "1"))), Locator((Step("lid", "2"),)))
@example(Locator((Step("lid", "1"), Step("artikel", "5"))), Locator((Step("lid", "2"),)))
@example(Locator((Step("artikel", "I"),)), Locator((Step("onderdeel", "H"),)))
@example(Locator((Step("artikel", "I"), Step("onderdeel", "H"))),
         Locator((Step("act-punt", "2"),)))
def test_a_join_is_the_general_join(outer, inner):
    assert _every_field(locators.join(outer, inner)) == \
        _every_field(_join_generally(outer, inner))


_ALTERNATIVE = _STEPS | st.tuples(_STEPS, _STEPS) | st.tuples(_STEPS)
_PART = st.lists(_ALTERNATIVE, min_size=1, max_size=3) | \
    st.lists(_STEPS, min_size=1, max_size=1)
# «lid 3» as one token follows a part (the grammar never gives it alone)
_LATER_PART = _PART | st.sampled_from([Token("LID_NUMBER", "lid 3"),
                                       Token("LID_NUMBER", "lid 4a")])


@given(st.tuples(_PART, st.lists(_LATER_PART, max_size=3)).map(lambda p: [p[0], *p[1]]))
@example([[Step("lid", "2")]])
@example([[Step("toc-entry", "86")]])  # one step, yet not a locator of it alone
@example([[(Step("lid", "2"),)]])  # a tuple of one step: not a step
@example([[Step("artikel", "12")], [Step("lid", "2")]])
@example([[Step("lid", "2")], [Step("artikel", "12")]])  # sorted
@example([[Step("artikel", "12")], [Step("onder", "d")]])  # «onder»: the level below
@example([[Step("artikel", "I")], [Step("onderdeel", "H")], [Step("act-punt", "2")]])
@example([[Step("artikel", "12")], [Step("lid", "1"), Step("lid", "2")]])  # two combinations
@example([[Step("artikel", "12")], Token("LID_NUMBER", "lid 3")])
def test_an_element_is_the_general_element(children):
    builder = _builder()
    assert _every_field(builder.element(None, children)) == \
        _every_field(_element_generally(children))


# -- sentences: the same instructions, spans and places as the general way builds

_META = st.one_of(st.none(), st.just(_NO_POSITION),
                  st.tuples(st.integers(1, 40), st.integers(1, 40)).map(
                      lambda c: meta_at(1, c[0], 1, c[0] + c[1])))
_FIELDS = {
    "replace-words": st.fixed_dictionaries({"old": st.just("a"), "new": st.just("b"),
                                            "telkens": st.booleans()}),
    "delete-words": st.fixed_dictionaries({"words": st.just("c"), "telkens": st.booleans()}),
    "delete-element": st.just({}),
    "insert-element": st.fixed_dictionaries(
        {"content": st.just(Content()),
         "position": st.sampled_from([None, "after", "before", "end"])}),
    "insert-words": st.fixed_dictionaries({"new": st.just("d"),
                                           "position": st.sampled_from(["end", "start"])}),
}
_ACTIONS = st.sampled_from(sorted(_FIELDS)).flatmap(
    lambda name: st.builds(Action, st.just(name), _FIELDS[name],
                           st.lists(_LOCATORS, max_size=2).map(tuple), _META))


def _pointed(context: Locator, column: int):
    return _builder().for_sentence("In artikel 1 vervalt «a».", None, Content(), context,
                                   Place(article="I", onderdeel="A"), 7, column)


@given(_LOCATORS, st.integers(1, 9), st.lists(_LOCATORS, max_size=3),
       st.lists(_ACTIONS, max_size=3), _META)
@example(Locator((Step("artikel", "5"),)), 1, [Locator((Step("lid", "2"),))],
         [Action("replace-words", {"old": "a", "new": "b", "telkens": False}, (),
                 meta_at(1, 3, 1, 9))], meta_at(1, 1, 1, 20))
@example(Locator(), 1, [Locator((Step("artikel", "5"),))],
         [Action("insert-element", {"content": Content(), "position": None},
                 (Locator((Step("lid", "2"),)),), None)], None)
@settings(max_examples=150)
def test_a_framed_sentence_is_built_as_the_general_way_builds_it(
        context, column, frame, actions, meta):
    fields = [dict(a.fields) for a in actions]
    children = [frame, actions]
    expected = _every_field(_framed_generally(_pointed(context, column), meta, children))
    assert _every_field(_pointed(context, column).framed(meta, children)) == expected
    assert [a.fields for a in actions] == fields  # an action's fields are not changed


@given(_LOCATORS, st.integers(1, 9), _ACTIONS, st.lists(_LOCATORS, max_size=3))
@settings(max_examples=200)
def test_an_instruction_is_built_as_the_general_way_builds_it(context, column, action,
                                                             targets):
    fields = dict(action.fields)
    expected = _every_field(_build_generally(_pointed(context, column), action, targets))
    assert _every_field(_pointed(context, column)._build(action, targets)) == expected
    assert action.fields == fields


def _anchored_generally(builder, meta, children):
    direction, anchor, action = children[0], children[1], children[-1]
    targets = builder._absolute(anchor)
    fields = dict(action.fields, position=direction)
    built = _build_generally(builder, Action(action.name, fields, (), action.meta), targets)
    return builder._sentence(meta, [built], _law_of(children))


_INSERTS = st.sampled_from(["insert-element", "insert-words"]).flatmap(
    lambda name: st.builds(Action, st.just(name), _FIELDS[name], st.just(()), _META))


@given(_LOCATORS, st.sampled_from(["after", "before"]), st.lists(_LOCATORS, max_size=2),
       _INSERTS, _META)
def test_an_anchored_sentence_is_built_as_the_general_way_builds_it(context, direction,
                                                                    anchor, action, meta):
    children = [direction, anchor, action]
    expected = _every_field(_anchored_generally(_pointed(context, 1), meta, children))
    assert _every_field(_pointed(context, 1).anchored(meta, children)) == expected


def _subjected_generally(builder, meta, children):
    """``subjected`` as it was: the subject's parent made before the actions are looked at."""
    deletions, law = children[0], _law_of(children)
    acts = [c for c in children[1:] if isinstance(c, Action)]
    built = []
    if acts[0].name == "delete-element":
        built.extend(_build_generally(builder, d, builder._absolute(d.sub) if d.sub
                                      else [builder.context]) for d in deletions)
        acts = acts[1:]
    else:
        subject = builder._subject_targets(deletions)
        built.append(_build_generally(builder, builder._replacement(acts[0], subject),
                                      builder._absolute(subject)))
        acts = acts[1:]
    parent = Locator(deletions[0].sub[0].steps[:-1]) if deletions and deletions[0].sub \
        else Locator()
    for action in acts:
        built.append(_build_generally(builder, action, builder._absolute(
            [locators.join(parent, s) for s in action.sub])))
    return builder._sentence(meta, built, law)


_DELETIONS = st.lists(st.builds(Action, st.just("delete-element"), st.just({}),
                                st.lists(_LOCATORS, max_size=2).map(tuple), _META),
                      min_size=1, max_size=2)
_RENUMBERS = st.lists(st.builds(Action, st.just("renumber"),
                                st.just({"new_numbers": ("3",)}),
                                st.lists(_LOCATORS, min_size=1, max_size=2).map(tuple), _META),
                      max_size=2)
_FIRST = st.builds(Action, st.just("delete-element"), st.just({}), st.just(()), _META) | \
    st.builds(Action, st.just("replace-element"), st.just({"content": Content()}),
              st.just(()), _META)


@given(_LOCATORS, _DELETIONS, _FIRST, _RENUMBERS, _META)
@example(Locator((Step("artikel", "9"),)),
         [Action("delete-element", {}, (Locator((Step("lid", "3"),)),), None)],
         Action("delete-element", {}, (), None),
         [Action("renumber", {"new_numbers": ("3",)}, (Locator((Step("lid", "4"),)),), None)],
         None)
def test_a_subjected_sentence_is_built_as_the_general_way_builds_it(context, deletions, first,
                                                                    renumbers, meta):
    children = [deletions, first, *renumbers]
    expected = _every_field(_subjected_generally(_pointed(context, 1), meta, children))
    assert _every_field(_pointed(context, 1).subjected(meta, children)) == expected


# -- an Action: a slotted dataclass that equals, hashes and prints as the frozen one it was

@dataclasses.dataclass(frozen=True, slots=True)
class _FrozenAction:
    name: str
    fields: dict
    sub: tuple = ()
    meta: object = None


def _both(args: tuple) -> tuple:
    return Action(*args), _FrozenAction(*args)


_ACTION_ARGS = st.tuples(st.sampled_from(["delete-element", "replace-words"]),
                         st.sampled_from([{}, {"old": "a"}]),
                         st.lists(_LOCATORS, max_size=2).map(tuple), _META)


@given(_ACTION_ARGS, _ACTION_ARGS)
def test_an_action_equals_and_prints_as_the_frozen_dataclass(first, second):
    mine, frozen = _both(first)
    other, other_frozen = _both(second)
    assert (mine == other) == (frozen == other_frozen)
    assert repr(mine).replace("Action", "_FrozenAction", 1) == repr(frozen)
    assert [f.name for f in dataclasses.fields(mine)] == ["name", "fields", "sub", "meta"]
    assert not hasattr(mine, "__dict__")
    assert dataclasses.replace(mine, name="x") == Action("x", *first[1:])
    for action in (mine, frozen):  # a dict among the fields: neither hashes
        try:
            hash(action)
        except TypeError:
            continue
        raise AssertionError("an action holding a dict hashed")
    assert hash(Action("x", None)) == hash(_FrozenAction("x", None))


def test_no_builder_code_changes_an_action_once_made():
    """What the frozen dataclass refused: no assignment to a field of an action (nor a
    ``setattr``) in the builder's modules; ``self.…`` is the builder's own."""
    import ast
    from pathlib import Path

    import consolidator.read.builder as builder_package
    fields = {f.name for f in dataclasses.fields(Action)}
    for path in Path(builder_package.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
            for target in targets:
                for part in ast.walk(target):
                    if isinstance(part, ast.Attribute) and part.attr in fields:
                        assert isinstance(part.value, ast.Name) and part.value.id == "self", \
                            f"{path.name}:{part.lineno} assigns to .{part.attr}"
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "setattr":
                raise AssertionError(f"{path.name}:{node.lineno} calls setattr")


# -- small methods: one child, an ordinal's text, a method that passes its child

@given(st.lists(st.lists(_LOCATORS, max_size=3), min_size=1, max_size=3))
def test_an_element_list_is_every_group_flattened(groups):
    made = _builder().element_list(None, groups)
    assert made == [loc for group in groups for loc in group]
    assert all(made is not group for group in groups)  # a list of its own


_ACTION_OR_LIST = st.builds(Action, st.just("delete-element"), st.just({})) | \
    st.lists(st.builds(Action, st.just("delete-element"), st.just({})), max_size=2)


@given(st.lists(_ACTION_OR_LIST, min_size=1, max_size=3))
def test_the_actions_are_every_child_flattened(children):
    made = _builder().actions(None, children)
    flat = []
    for child in children:
        flat.extend(child if isinstance(child, list) else [child])
    assert made == flat and all(made is not child for child in children)


def test_an_ordinal_is_its_number_as_text():
    from consolidator.numbers import ORDINALS
    from consolidator.read.builder.numbers import ordinal
    words = list(ORDINALS) + [w.upper() for w in ORDINALS] + [w.capitalize() for w in ORDINALS]
    assert [ordinal(w) for w in words] == [str(ORDINALS[w.lower()]) for w in words]
    assert _builder().ordinals(None, words) == [str(ORDINALS[w.lower()]) for w in words]
    for word in ("nulde", "", "tweede lid"):  # no ordinal: the KeyError the lookup gives
        try:
            ordinal(word)
        except KeyError:
            continue
        raise AssertionError(word)


def test_a_method_that_passes_its_first_child_is_known_by_its_code():
    from consolidator.read import shapecode

    class Rules:
        def passes(self, meta, children):
            """A docstring changes nothing."""
            return children[0]

        def last(self, meta, children):
            return children[-1]

        def second(self, meta, children):
            return children[1]

        def copies(self, meta, children):
            return list(children)[0]

        def reads(self, meta, children):
            return children[0].value

        def columns(self, meta, children):
            return meta[0]

        def more(self, meta, children, extra=None):
            return children[0]

        def spread(self, meta, *children):
            return children[0]

    rules = Rules()
    assert shapecode.passes_first(rules.passes)
    for name in ("last", "second", "copies", "reads", "columns", "more", "spread"):
        assert not shapecode.passes_first(getattr(rules, name)), name
    assert not shapecode.passes_first(print)
    assert not shapecode.passes_first(lambda meta, children: children[0])  # not a method
    builder = _builder()
    known = {name for name in dir(builder) if not name.startswith("_")
             and callable(getattr(builder, name)) and shapecode.passes_first(getattr(builder, name))}
    # the grammar's rules that only pass a child on are all known (others may join them)
    assert {"targets", "subject", "anchor", "parent", "renumber_head", "new_text"} <= known
    for name in known:  # and each gives back its child itself
        child = object()
        assert getattr(builder, name)(None, [child]) is child, name


def test_a_passing_method_is_not_called_by_a_plan_and_the_sentence_is_the_same():
    """«In artikel 5, tweede lid, …»: ``targets`` passes its child on; the plan gives
    what the reducers give, every field compared, and calls no method that passes."""
    from consolidator.read import shapecode
    from consolidator.read.instructions import _one_pass_parser, parse_sentence

    text = "In artikel 5, tweede lid, wordt «een» vervangen door «twee»."
    parser = _one_pass_parser()
    parser.forget()
    # read by the reducers, then by the plan made at the third meeting
    readings = [_every_field(parse_sentence(text, context=Locator((Step("artikel", "I"),))))
                for _ in range(4)]
    assert readings[0] == readings[-1]
    node = next(node for line, (node, _) in parser.lexed.items() if "artikel 5" in line)
    calls = node.shape.plan[2]
    assert calls and not any(shapecode.passes_first(call[0]) for call in calls)
    assert "targets" in [reduction.method.__name__ for n in _path_of(node) for reduction in n.into
                         if reduction.method is not None] + \
        [reduction.method.__name__ for reduction in node.end if reduction.method is not None]


def _path_of(node) -> list:
    from consolidator.read.onepass import _path
    return _path(node)


# -- a token's text for a method that reads its tokens only as text (``base.text_only``)

def _text_only_methods() -> list[str]:
    builder = _builder()
    return sorted(name for name in dir(type(builder)) if not name.startswith("__")
                  and getattr(getattr(builder, name), "reads_text_only", False))


def test_the_methods_marked_text_only():
    assert {"ordinals", "art_one", "zinsnede", "telkens", "intro_verb", "s_replace",
            "element_kind", "delete_payload", "intro_in", "intro_law", "st_onderdeel",
            "st_onder"} == set(_text_only_methods())


def _outcome(method, meta, children):
    try:
        return _every_field(method(meta, children))
    except Exception as exc:  # the same error, the same words
        return ("raised", type(exc).__name__, _every_field(exc.args))


_ORDINAL_WORDS = sorted(__import__("consolidator.numbers", fromlist=["x"]).ORDINALS)
_WORDS = st.sampled_from(_ORDINAL_WORDS) | st.sampled_from(
    ["«a b»", "«»", " 12a ", "12", "telkens", "Tweede", "artikelen", "leden", "lid", "onderdelen",
     "volzin", "zinsnede", "komt te luiden"]) | st.text(max_size=8)
_CHILD = st.builds(lambda word, kind: __import__("consolidator.read.quicklex", fromlist=["x"])
                   .line_token(f"xx {word} yy", kind, 3, 3 + len(word)),
                   _WORDS, st.sampled_from(["WORD", "ORDINAL", "QUOTED"])) | \
    st.sampled_from([None, ["2"], "after", True])


@given(st.sampled_from(_text_only_methods()), st.lists(_CHILD, max_size=3), _META)
@settings(max_examples=400)
def test_a_method_marked_text_only_gives_the_same_for_a_tokens_text(name, children, meta):
    as_text = [str(child) if isinstance(child, Token) else child for child in children]
    line = "In artikel 1 komt het tweede lid te luiden:"

    def pointed():
        return _builder().for_sentence(line, "de nieuwe tekst", Content(), Locator(),
                                       Place(), 3, 1)
    assert _outcome(getattr(pointed(), name), meta, as_text) == \
        _outcome(getattr(pointed(), name), meta, children)


def test_a_plan_hands_a_token_read_only_as_text_its_text():
    """«In artikel 5, tweede lid, …»: «tweede» (``ordinals``) and «5» (``art_one``) are
    given as text; the sentence is what the reducers make of it, every field compared."""
    from consolidator.read.instructions import _one_pass_parser, parse_sentence

    text = "In artikel 5, tweede lid, wordt «een» vervangen door «twee»."
    parser = _one_pass_parser()
    parser.forget()
    readings = [_every_field(parse_sentence(text)) for _ in range(4)]
    assert readings[0] == readings[-1]
    node = next(node for line, (node, _) in parser.lexed.items() if "artikel 5" in line)
    tokens = node.shape.plan[0]
    assert any(kind is None for kind, _, _ in tokens)  # some given as text
    assert any(kind is not None for kind, _, _ in tokens)  # the quoted words are tokens


def test_every_instruction_class_opens_with_targets_place_and_span():
    """``_build_from`` passes these three by position (a keyword each costs the call more):
    an instruction class with another order would be given the wrong values."""
    for name, cls in _CLASSES.items():
        assert [f.name for f in dataclasses.fields(cls)][:3] == ["targets", "place", "span"], name
