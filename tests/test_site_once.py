"""The parts of a law's site computed once per law instead of once per version: the
picker's options (``site_picker``), the blocks of law text (``site_text``) and the moments
of knowledge (``knowledge_moments``), each against the definition it replaces."""
from __future__ import annotations

import random

from consolidator.store.db import EARLIEST, Store, Version
from consolidator.views.site import environment
from consolidator.views.site_pages import LawSite, build_law, knowledge_moments
from consolidator.views.site_picker import Picker
from consolidator.views.site_text import Block, TextBlocks

# the loop every version page ran before (in the site's own environment): every option,
# the page's own selected
_LOOP = environment().from_string(
    '{% for item in items %}\n<option value="{{ up }}{{ item.name | url }}" '
    'data-from="{{ item.from }}" data-until="{{ item.until }}"'
    '{% if item.name == current_name %} selected{% endif %}>{{ item.period }}</option>\n'
    '{% endfor %}\n')


def _items(count: int) -> list[dict]:
    items = []
    for n in range(count):
        start = f"{2000 + n}-01-01"
        items.append({"name": f"{start}.html", "folder": f"{start}/",
                      "period": f"Geldend van {n} <&> «{n}»", "from": start,
                      "until": f"{2001 + n}-01-01" if n + 1 < count else ""})
    return items


def test_the_pickers_options_are_the_loops_bytes_for_every_page():
    items = _items(7)
    picker = Picker(environment().get_template("_macros.html").module, items)
    for up in ("", "../"):
        for current in [item["name"] for item in items] + ["elders.html"]:
            expected = _LOOP.render(items=items, up=up, current_name=current)
            assert str(picker.options(up, current)) == expected
            assert picker.options(up, current).count(" selected") == \
                (current != "elders.html")


def _version(n: int, rng: random.Random, days: list[str]) -> Version:
    valid = sorted(rng.sample(days, 2))
    known_from = rng.choice(days[:-1] + [EARLIEST])
    later = [d for d in days if d > known_from]
    known_until = rng.choice(later + [None, None]) if later else None
    return Version(n, "L", valid[0], rng.choice([valid[1], None]), known_from, known_until,
                   ())


def _by_definition(law: LawSite) -> list[tuple]:
    """Per moment, every version held then (the scan per moment it replaced)."""
    moments = sorted({v.known_from for v in law.history} |
                     {v.known_until for v in law.history if v.known_until})
    found = []
    for n, moment in enumerate(moments):
        held = [v for v in law.history if v.known_from <= moment and
                (v.known_until is None or moment < v.known_until)]
        if any(not v.current for v in held):
            held.sort(key=lambda v: v.valid_from)
            found.append((moment, moments[n + 1] if n + 1 < len(moments) else None,
                          [v.id for v in held]))
    return found


def test_the_moments_of_knowledge_are_those_of_a_scan_per_moment():
    rng = random.Random(17)
    days = [f"20{n:02}-01-01" for n in range(12)]
    for _ in range(300):
        history = sorted((_version(n, rng, days) for n in range(rng.randint(1, 9))),
                         key=lambda v: (v.valid_from, v.known_from))
        law = LawSite("L", "Wet", [], {}, history, [], "")
        law.version_pages = {v.id: f"{v.id}.html" for v in history}
        law.knowledge = knowledge_moments(law)
        assert [(k.known_from, k.known_until, [v.id for v, _ in k.versions])
                for k in law.knowledge] == _by_definition(law)
        for version in history:
            moment = law.known_moment(version)
            assert (moment.known_from if moment else None) == next(
                (k.known_from for k in law.knowledge if k.known_from == version.known_from),
                None)


# the law text every page rendered before, block by block in one loop
_TEXT_LOOP = environment().from_string('''{% import "_macros.html" as m %}
{% for block in blocks %}
{% if block.kind == "inhoudsopgave" %}
<details class="inhoudsopgave">
<summary>Inhoudsopgave</summary>
<ul>
{% for line in block.lines %}<li>{{ line.pieces[0][1] }}</li>
{% endfor %}
</ul>
</details>
{% elif block.kind == "heading" %}
{{ m.heading(block.level, block.heading, block.anchor, "structuur" ~ (" vervallen" if block.repealed else "")) }}
{% else %}
<section class="artikel{% if block.repealed %} vervallen{% endif %}" aria-labelledby="{{ block.anchor }}">
{{ m.heading(block.level, block.heading, block.anchor) }}
{{ m.lines(block.lines) }}
{% if block.article_page %}<p class="artikel-links"><a href="{{ up }}{{ block.article_page | url }}">Geschiedenis van {{ block.label | lower }}</a></p>{% endif %}
</section>
{% endif %}
{% endfor %}
''')


def test_the_law_text_is_the_loops_bytes_for_every_version(corpus_store_path):
    store = Store(corpus_store_path)
    try:
        laws = [build_law(store, law_id) for law_id, _ in store.laws()]
    finally:
        store.close()
    texts_seen = 0
    for law in laws:
        texts = TextBlocks(environment().get_template("_macros.html").module)
        for units, pages in [(p.units, law.article_pages) for p in law.pages] + \
                            [(s.units, {}) for s in law.superseded]:
            for up in ("", "../"):
                blocks = [Block(u, pages) for u in units if u.kind != "title"]
                assert str(texts.body(units, pages, up)) == \
                    _TEXT_LOOP.render(blocks=blocks, up=up)
                texts_seen += 1
    assert texts_seen > 40
