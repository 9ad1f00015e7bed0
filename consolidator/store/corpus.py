"""Reading a corpus folder: laws (``*/base.xml``), acts (``acts/*.txt``) and facts.

Layout (sources are recorded relative to CORPUS): ``CORPUS/<law>/base.xml`` (the law's base text as BWB toestand XML; the
folder name is its id when the XML has no ``bwb-id``), ``CORPUS/acts/*.txt``
(acts as published, read in name order), ``CORPUS/facts.toml`` (facts about
other acts, optional; see ``facts``), ``CORPUS/bwb/<id>/`` (official BWB histories,
see ``bwbimport``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from consolidator.law.lawfile import parse_law
from consolidator.errors import LawFormatError
from consolidator.names import check_name
from consolidator.law.toestand import law_title
from consolidator.read.act import parse_act_file
from consolidator.errors import ConsolidatorError
from consolidator.time.facts import ActFact, load_facts
from consolidator.model import Act
from consolidator.read.select import law_names
from consolidator.store.versions import LawInput


@dataclass(frozen=True)
class Corpus:
    laws: list[LawInput]
    acts: list[Act]
    facts: list[ActFact]
    histories: list[Path]  # folders of official BWB histories (bwb/<id>/ with a manifest)
    root: Path = Path(".")  # the corpus folder


def law_input(path: Path, law_id: str = "", source: str = "") -> LawInput:
    """A law file as input to the store; its id from ``bwb-id`` or ``law_id``. ``source``:
    what the store records as its origin (default: the path as given)."""
    tree = parse_law(path, source=str(path))
    law_id = tree.getroot().get("bwb-id") or law_id or path.stem
    check_name(law_id, "the law id", LawFormatError, source=str(path))
    names = frozenset(law_names(law_title(tree), law_id))
    return LawInput(law_id, tree, source or str(path), names, str(path))


def base_texts(folder: Path) -> list[Path]:
    """The base texts of a corpus folder (``<law>/base.xml``), sorted; a folder that is not
    there, or holds none, is an error that says which."""
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise ConsolidatorError(f"the corpus folder {folder} {what} (a corpus holds "
                                "<law>/base.xml for each law and acts/*.txt)")
    paths = sorted(folder.glob("*/base.xml"))
    if not paths:
        raise ConsolidatorError(f"no laws found (expected {folder}/<law>/base.xml)")
    return paths


def load_corpus(folder: Path) -> Corpus:
    paths = base_texts(folder)
    for path in paths:  # the folder's name names the law's output files
        check_name(path.parent.name, "the law folder", LawFormatError, source=str(path.parent))
    # the store records where each input lies in the corpus, not where the corpus lies,
    # so the same corpus anywhere gives the same store
    laws = [law_input(path, path.parent.name, path.relative_to(folder).as_posix())
            for path in paths]
    acts = [parse_act_file(path) for path in sorted((folder / "acts").glob("*.txt"))]
    histories = sorted(p.parent for p in folder.glob("bwb/*/manifest.xml"))
    return Corpus(laws, acts, load_facts(folder / "facts.toml"), histories, folder)
