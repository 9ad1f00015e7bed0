"""The search index of one law, written at render time and read in the browser by
``zoeken.js`` (no server).

The index is one JSON document per law: the law's title and, per article page, its label,
its heading as it reads now and every line it ever had (as known now), so that a word an
older version used still finds the article. A browser does not let a page read a file next
to it from ``file://``, but it does let it load a script; so the document is written as the
one argument of a call, ``consolidatorZoekindex({...});`` in ``<law>/zoekindex.js``, and
``zoeken.js`` adds that script to the page when a search needs the law.
"""
from __future__ import annotations

import json

from consolidator.views.site_pages import LawSite, article_periods

INDEX_NAME = "zoekindex.js"
CALLBACK = "consolidatorZoekindex"


def search_index(law: LawSite) -> dict:
    """The index of one law: title and articles, in the order of the law."""
    articles = []
    for key, page in law.article_pages.items():
        periods = article_periods(law, key)
        lines: dict[str, None] = {}
        for found in periods:
            for line in found.unit.text.split("\n"):
                lines.setdefault(line.strip(), None)
        latest = periods[-1].unit
        articles.append({"label": latest.label, "kop": latest.text.split("\n", 1)[0],
                         "pagina": page, "vervallen": latest.repealed,
                         "tekst": "\n".join(line for line in lines if line)})
    return {"wet": law.law_id, "titel": law.title, "pagina": "index.html",
            "artikelen": articles}


def index_script(index: dict) -> str:
    """The index as a script: the JSON document as the argument of one call. U+2028 and
    U+2029 are escaped so that no older JavaScript engine reads them as line ends."""
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    data = data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"{CALLBACK}({data});\n"
