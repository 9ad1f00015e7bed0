"""The version picker on a law's pages: a list of every version of the law, the page's own
selected. Every version page has one, so rendering its options on each page is versions²
work; here each option is rendered once per law (for each way up to the law's folder) and
a page's options are those lines with its own swapped for the selected one.
"""
from __future__ import annotations

from markupsafe import Markup


class Picker:
    """The picker of one law. ``items``: per version (oldest first) its page ``name``,
    ``folder``, ``period`` and its dates ``from`` and ``until`` ("" while in force)."""

    def __init__(self, macros, items: list[dict]):
        self.items = items
        self.first_from = items[0]["from"]
        self._option = macros.picker_option   # the template's own markup for one option
        self._index = {}
        for n, item in enumerate(items):
            self._index.setdefault(item["name"], []).append(n)
        self._plain: dict[str, tuple[str, list[int]]] = {}
        self._chosen: dict[tuple[str, int], str] = {}

    def options(self, up: str, current_name: str) -> Markup:
        """The option lines (each ended by a newline) with ``current_name``'s selected, for
        a page ``up`` from the law's folder: what the template's loop over every option
        wrote, byte for byte."""
        whole, starts = self._lines(up)
        out, done = [], 0
        for n in self._index.get(current_name, ()):
            out += [whole[done:starts[n]], self._selected(up, n)]
            done = starts[n + 1] - 1   # the selected option replaces the line, not its newline
        out.append(whole[done:])
        return Markup("".join(out))

    def _lines(self, up: str) -> tuple[str, list[int]]:
        """Every option unselected, one line each; where each line starts (and the end)."""
        found = self._plain.get(up)
        if found is None:
            lines = [str(self._option(item, up, False)) + "\n" for item in self.items]
            starts = [0]
            for line in lines:
                starts.append(starts[-1] + len(line))
            found = self._plain[up] = ("".join(lines), starts)
        return found

    def _selected(self, up: str, n: int) -> str:
        key = (up, n)
        if key not in self._chosen:
            self._chosen[key] = str(self._option(self.items[n], up, True))
        return self._chosen[key]
