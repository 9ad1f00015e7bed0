"""What the reader passes to one of its functions while it reads every corpus act: the
real inputs of a parser, for tests that hold it to another."""
from __future__ import annotations

from unittest import mock

from conftest import ROOT
from consolidator.errors import ConsolidatorError
from consolidator.read import act as act_module


def first_arguments(module, name: str) -> list:
    """The first argument of every call of ``module.name`` while every act in
    corpus/acts is read (an act that does not read is read as far as it goes)."""
    seen = []
    real = getattr(module, name)

    def record(*args, **kwargs):
        seen.append(args[0])
        return real(*args, **kwargs)

    with mock.patch.object(module, name, side_effect=record):
        for path in sorted((ROOT / "corpus" / "acts").glob("*.txt")):
            try:
                act_module.parse_act_file(path)
            except ConsolidatorError:
                pass
    return seen
