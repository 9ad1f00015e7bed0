"""Sources on the site: which act a source label names, where that act was published, and
a version's sources grouped per act so that a long list folds under a short summary.

A Staatsblad or Staatscourant reference («Stb. 1996, 649», «Stcrt. 2010, 1234») links to
its publication on zoek.officielebekendmakingen.nl. The address is built here from a fixed
scheme and host and the year and number read with a strict pattern; nothing else of the
label reaches it, so data can never choose where a link goes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from consolidator.views.site_words import Wording, count, reason, source_label

PUBLICATIONS = "https://zoek.officielebekendmakingen.nl/"
_SERIES = {"Stb.": ("stb", "Staatsblad"), "Stcrt.": ("stcrt", "Staatscourant")}
#: «Stb. 1996, 649» at the start of a label, followed by nothing, «, …» or « (…»
_REFERENCE = re.compile(r"(?P<series>Stb\.|Stcrt\.) (?P<year>1[89]\d\d|2\d\d\d), "
                        r"(?P<number>[1-9]\d{0,6})(?=$|, | \()")


@dataclass(frozen=True)
class Publication:
    """Where an act was published: «Stb. 1996, 649» and its address."""

    reference: str      # «Stb. 1996, 649»
    series: str         # «Staatsblad»
    url: str

    @property
    def words(self) -> str:
        """«Staatsblad 1996, 649»: the link's text."""
        return f"{self.series} {self.reference.split(' ', 1)[1]}"


def publication(label: str) -> Optional[Publication]:
    """The publication a source label starts with, or None (a base text, an act named by
    its title, anything that is not exactly a Staatsblad or Staatscourant reference)."""
    match = _REFERENCE.match(label)
    if match is None:
        return None
    prefix, series = _SERIES[match["series"]]
    return Publication(match.group(0), series,
                       f"{PUBLICATIONS}{prefix}-{match['year']}-{match['number']}.html")


def act_name(label: str) -> str:
    """The act of a source label: «Stb. 1996, 649» of «Stb. 1996, 649, ARTIKEL I, onderdeel A»."""
    return label.split(", ARTIKEL ", 1)[0]


def part_name(label: str) -> str:
    """The part of the act a label names: «ARTIKEL I, onderdeel A»; «geheel» for a label that
    names the act as a whole (an official history's entry)."""
    rest = label.split(", ARTIKEL ", 1)
    return f"ARTIKEL {rest[1]}" if len(rest) == 2 else "geheel"


@dataclass
class SourceGroup:
    """The sources of one version that come from one act."""

    name: Wording                    # the act («Stb. 1996, 649»), or «Uitgangstekst»
    slug: str                        # its page under besluiten/ ("" when it has none)
    publication: Optional[Publication]
    parts: list[tuple[str, Wording]] = field(default_factory=list)   # (part, reason)

    @property
    def summary(self) -> str:
        """«44 onderdelen»; «geheel» for a whole act."""
        if len(self.parts) == 1:
            return self.parts[0][0]
        return count(len(self.parts), "onderdeel", "onderdelen")

    @property
    def common_reason(self) -> Optional[Wording]:
        """The reason when every part has the same one (the usual case: one ARTIKEL of
        entry into force for the whole act)."""
        reasons = {r for _, r in self.parts}
        return reasons.pop() if len(reasons) == 1 else None


def source_groups(sources, slugs: dict[str, str]) -> list[SourceGroup]:
    """A version's sources per act, in the order the store lists them."""
    groups: dict[str, SourceGroup] = {}
    for source in sources:
        label = source.get("label", "")
        name = act_name(label)
        group = groups.get(name)
        if group is None:
            group = groups[name] = SourceGroup(source_label(name), slugs.get(name, ""),
                                               publication(name))
        group.parts.append((part_name(label), reason(source.get("reason", ""))))
    return list(groups.values())


def act_summary(sources, slugs: dict[str, str]) -> list[dict]:
    """The acts behind a version, each once, with how many of its parts: «Stb. 1996, 649
    (44 onderdelen)» rather than 44 labels."""
    return [{"name": g.name, "slug": g.slug, "parts": len(g.parts),
             "publication": g.publication} for g in source_groups(sources, slugs)]
