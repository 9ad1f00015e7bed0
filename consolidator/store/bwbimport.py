"""Loading an official BWB history (toestanden + manifest.xml + WTI) into the store.

Each toestand the manifest lists becomes one version, with the manifest's dates:
valid from ``datum_inwerkingtreding`` up to the day after ``einddatum``, known
from ``zichtdatum_start`` up to the day after ``zichtdatum_eind`` (BWB writes
inclusive end days; the store keeps exclusive ones). The XML is stored as the
file's bytes, so exporting gives back the official document. The sources of a
version are the WTI changes that took effect on its date, and, for a version
made after a retroactive act (``_1``), that act.

Nothing is loaded that the manifest does not vouch for: every toestand must have the
manifest's SHA-512 (``hashcode``) and ``size``, byte for byte, or the import is refused
naming the file, what the manifest expects and what was found. A file the manifest names
must be a plain name inside the folder (no «..», no separator, no absolute path, no
symbolic link that leads out of it), and the law's id is checked as a name
(``consolidator.names``): it becomes file names and links later.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from pathlib import Path
from typing import Callable

from consolidator.law.lawfile import parse_law
from consolidator.law.toestand import law_title
from consolidator import limits
from consolidator.law.bwbmeta import Expression, WtiChange, read_manifest, read_wti
from consolidator.errors import LawFormatError, StoreError
from consolidator.outputs import make_dir
from consolidator.names import check_name
from consolidator.store.db import Store
from consolidator.store.lock import StoreLock
from consolidator.store.publish import settle
from consolidator.store.versions import article_digests


def import_into(store_path: Path, folder: Path, wait: bool = False,
                notify: Callable[[str], None] = lambda message: None,
                replace: bool = True) -> tuple[str, int]:
    """``consolidator import-bwb``: the history in ``folder`` into the store at
    ``store_path`` (made if it is not there), holding the store's write lock (``wait``:
    wait for another writer instead of refusing); (id, count). ``replace=False``: a law
    the store has already is refused, saying what would be replaced."""
    make_dir(store_path.parent)
    with StoreLock(store_path, wait, notify):
        settle(store_path, notify, locked=True)
        store = Store(store_path, create=True)
        try:
            return import_history(store, folder, replace=replace)
        finally:
            store.close()


def import_history(store: Store, folder: Path,
                   notify: Callable[[str], None] = lambda message: None,
                   source: str = "", replace: bool = True) -> tuple[str, int]:
    """Put every toestand of ``folder`` in the store (replacing that law); (id, count).
    ``source``: the origin the store records (default: the folder's name; never a path
    that depends on where the files lie). ``replace=False``: a law the store has already
    is an error that says how many versions of which dates it would replace."""
    manifest = _one(folder, ["manifest.xml", "*.manifest.xml"], "manifest.xml")
    expressions = sorted(read_manifest(manifest), key=lambda e: (e.valid_from, e.known_from))
    if not expressions:
        raise LawFormatError("the manifest lists no toestand", source=str(manifest))
    wti_files = sorted(folder.glob("*.WTI.xml")) + sorted(folder.glob("*.wti.xml"))
    changes = read_wti(wti_files[0]) if wti_files else []
    law_id = expressions[0].bwb_id or expressions[0].label.split("_")[0]
    check_name(law_id, "the manifest's BWB id", LawFormatError, source=str(manifest))
    files = [_file(folder, e, manifest) for e in expressions]
    contents = [_checked_bytes(path, e, manifest) for path, e in zip(files, expressions)]
    first = parse_law(contents[0], source=str(files[0]))
    if not replace:
        _refuse_replacing(store, law_id, folder, len(expressions))
    with store.transaction():
        store.delete_law(law_id)
        store.add_law(law_id, law_title(first), expressions[0].valid_from, source or folder.name)
        for expression, path, data in zip(expressions, files, contents):
            _insert(store, law_id, expression, path, data, changes)
        store.set_notes(law_id, expressions[0].known_from.isoformat(), [])
    notify(f"{law_id}: {len(expressions)} toestanden from {folder}")
    return law_id, len(expressions)


def _refuse_replacing(store: Store, law_id: str, folder: Path, count: int) -> None:
    """An error if the store has ``law_id``: what is there, and how to replace it."""
    if law_id not in dict(store.laws()):
        return
    versions = store.all_versions(law_id)
    dates = ", ".join(dict.fromkeys(v.valid_from for v in versions))
    superseded = sum(1 for v in versions if not v.current)
    raise StoreError(
        f"{law_id} is in {store.path} already (from {store.law_source(law_id)}): "
        f"{len(versions)} version(s)" + (f", {superseded} of them superseded" if superseded
                                         else "") + f", valid from {dates}. Importing "
        f"{folder} would replace them with its {count} toestand(en); give --replace to do so")


def _one(folder: Path, patterns: list[str], what: str) -> Path:
    for pattern in patterns:
        found = sorted(folder.glob(pattern))
        if found:
            return found[0]
    raise LawFormatError(f"no {what} in {folder}")


def _file(folder: Path, expression: Expression, manifest: Path) -> Path:
    """The toestand the manifest lists, which must lie in ``folder`` itself."""
    name = expression.filename or f"{expression.label}.xml"
    check_name(name, f"the manifest's file for {expression.label}", LawFormatError,
               source=str(manifest))
    path = folder / name
    if not path.exists():
        raise LawFormatError(f"the manifest lists {path.name}, which is not in {folder}")
    real, home = path.resolve(), folder.resolve()
    if real.parent != home:
        raise LawFormatError(f"the manifest lists {name}, a link that leads out of {folder} "
                             f"(to {real})", source=str(manifest))
    return path


def _checked_bytes(path: Path, expression: Expression, manifest: Path) -> bytes:
    """The file's bytes, when they are what the manifest says (SHA-512 and size)."""
    if not expression.hashcode or expression.size is None:
        raise LawFormatError(f"the manifest gives no hashcode and size for {path.name}, so it "
                             f"cannot be checked", source=str(manifest), line=expression.line)
    data = limits.read_bytes(path, LawFormatError)
    found = hashlib.sha512(data).hexdigest()
    if len(data) != expression.size or found != expression.hashcode.lower():
        raise LawFormatError(
            f"{path.name} is not the file the manifest lists: expected SHA-512 "
            f"{expression.hashcode.lower()} and {expression.size} bytes, found SHA-512 {found} "
            f"and {len(data)} bytes (a changed or damaged copy; nothing was loaded)",
            source=str(manifest), line=expression.line)
    return data


def _insert(store: Store, law_id: str, expression: Expression, path: Path, data: bytes,
            changes: list[WtiChange]) -> None:
    tree = parse_law(data, source=str(path))
    store.insert_version(
        law_id, expression.valid_from.isoformat(), _after(expression.valid_until),
        expression.known_from.isoformat() if expression.known_from else expression.valid_from.isoformat(),
        data, _sources(expression, changes), article_digests(tree),
        known_until=_after(expression.known_until))


def _after(day) -> str | None:
    return (day + _dt.timedelta(days=1)).isoformat() if day else None


def _sources(expression: Expression, changes: list[WtiChange]) -> list[dict]:
    """The WTI changes behind this version."""
    found = []
    for change in changes:
        on_date = change.valid_from == expression.valid_from
        reaching_back = (change.retroactive_to is not None
                         and change.retroactive_to <= expression.valid_from < change.valid_from
                         and expression.known_from == change.valid_from)
        if on_date or reaching_back:
            how = (f"in force {change.valid_from}, retroactive to {change.retroactive_to}"
                   if reaching_back else f"in force {change.valid_from}")
            found.append({"label": change.source, "reason": how,
                          "articles": list(change.articles)})
    return found
