"""The per-law builds as tasks on a Dask cluster: ``consolidate --executor dask --scheduler
ADDRESS`` (the optional extra ``consolidator[dask]``: ``dask.distributed``).

Each task is one law, shipped with what it needs (``lawtasks.ship``); the workers need
consolidator installed (the same build: the store records the engine's fingerprint) and
nothing else, no shared folder. Results come back in law order and are merged as
``--jobs`` merges them, so the store and the outputs are the same byte for byte.
"""
from __future__ import annotations

from typing import Iterator

from consolidator.errors import ConsolidatorError
from consolidator.store.corpus import Corpus
from consolidator.store.lawtasks import LawTask, build_shipped, ship, write_part
from consolidator.time.settle import Settled


def run(tasks: list[LawTask], loaded: Corpus, settled: Settled,
        scheduler: str) -> Iterator[list[str]]:
    """Submit every task to the scheduler at ``scheduler``; each one's messages, in order."""
    client = _client(scheduler)
    try:
        futures = [client.submit(build_shipped, ship(task, loaded, settled), pure=False)
                   for task in tasks]
        for task, future in zip(tasks, futures):
            data, messages = future.result()
            write_part(task.part, data)
            yield messages
    finally:
        client.close()


def _client(scheduler: str):
    try:
        from distributed import Client
    except ImportError:
        raise ConsolidatorError("--executor dask needs dask.distributed: install "
                                "consolidator[dask]") from None
    if not scheduler:
        raise ConsolidatorError("--executor dask needs --scheduler ADDRESS (the Dask "
                                "scheduler, as tcp://HOST:8786)")
    try:
        return Client(scheduler, timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise ConsolidatorError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
