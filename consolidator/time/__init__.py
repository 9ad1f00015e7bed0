"""Time: which parts of which acts are in force on a date, as known on another.

In: parsed acts with their entry-into-force rules, facts about acts outside the corpus.
Out: dated events (part, date of effect, date of knowledge), samenloop branches decided, or a
refusal naming the fact needed.
"""
