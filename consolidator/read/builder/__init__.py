"""The instruction builder: grammar rules → the frozen dataclasses of ``model``.

One module per grammar file, each a set of methods named after that file's rules
(or their aliases):

* ``sentences`` — grammar/instruction.lark: intros and the shapes of a sentence;
* ``locators``  — grammar/locators.lark: «artikel 5, tweede lid, onder a»;
* ``actions``   — grammar/actions.lark: vervangen, vervallen, invoegen, …;
* ``quoted``    — grammar/quoted.lark: quoted words, the colon payload, «luidende:»;
* ``numbers``   — grammar/numbers.lark: ordinals, labels, «(nieuw)».
"""
from __future__ import annotations

from consolidator.read.builder.actions import ActionRules
from consolidator.read.builder.locators import LocatorRules
from consolidator.read.builder.numbers import NumberRules
from consolidator.read.builder.quoted import QuotedRules
from consolidator.read.builder.sentences import SentenceRules


class InstructionBuilder(SentenceRules, ActionRules, LocatorRules, QuotedRules, NumberRules):
    """The one builder: grammar rules → model objects.

    Each method is named after a rule (or its alias) and is called as
    ``method(meta, children)`` when the parser reduces that rule (see
    ``onepass.OnePassParser``): ``meta`` holds the columns the rule matched, as
    Lark's ``propagate_positions`` gives them; ``children`` are the kept tokens and
    the results of the sub-rules, as a Lark Transformer would see them.

    Given, per sentence, what the grammar does not see: the payload, the content
    lines that follow, the context locator, and the sentence's place and
    position in the act. One builder serves many sentences (``for_sentence``).
    """
