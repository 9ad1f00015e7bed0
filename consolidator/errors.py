"""One error hierarchy. Every error knows where it is about and prints that.

The CLI maps ``ConsolidatorError`` to exit code 1 and prints ``str(error)``;
anything else escaping is a bug.
"""
from __future__ import annotations


class ConsolidatorError(Exception):
    """Base of every error the project raises on purpose.

    ``source`` names the file (an act, a law), ``line``/``column`` are 1-based
    positions in it (0 when unknown), ``context`` is extra lines shown after the
    message (the offending line with an underline, say).
    """

    def __init__(self, message: str, *, source: str = "", line: int = 0, column: int = 0,
                 context: str = ""):
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.context = context

    def location(self) -> str:
        parts = [self.source] if self.source else []
        if self.line:
            parts.append(f"line {self.line}")
            if self.column:
                parts.append(f"column {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        head = f"{where}: {self.message}" if where else self.message
        return f"{head}\n{self.context}" if self.context else head


class ActSyntaxError(ConsolidatorError):
    """An act, or an instruction in it, that cannot be parsed."""


class LawFormatError(ConsolidatorError):
    """A law file (XML or plain law text) that cannot be read."""


class ApplyError(ConsolidatorError):
    """An instruction that does not fit the law it is applied to."""


class TargetNotFound(ApplyError):
    """The element or words an instruction names are not in the law."""


class AmbiguousTarget(ApplyError):
    """Quoted words occur more than once without «telkens»."""


class NumberTaken(ApplyError):
    """An inserted element's number already exists."""


class NumberMismatch(ApplyError):
    """The number an instruction announces differs from the number of its new text
    («een nieuw artikel 12a» followed by «Artikel 12b.»)."""


class TimeError(ConsolidatorError):
    """A date that is not a date, or an entry into force that cannot be decided."""


class StoreError(ConsolidatorError):
    """The version store cannot answer or cannot be written."""


class OutputError(ConsolidatorError):
    """An output folder or file that may not or cannot be written: it holds the store, an
    input or files the engine did not write, or the OS refused a write (full disk,
    read-only folder, no permission)."""


class StoreIntegrityError(StoreError):
    """A row or a text of the store does not match the hash stored with it."""


def underline(line_text: str, column: int, width: int = 1) -> str:
    """The line, then a ``^~~~`` mark under ``width`` characters from ``column`` (1-based)."""
    width = max(1, min(width, max(1, len(line_text) - column + 1)))
    return f"    {line_text}\n    {' ' * (column - 1)}^{'~' * (width - 1)}"
