import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
SEED = ROOT / "corpus" / "acts" / "stb-1996-649.txt"


@pytest.fixture(scope="session")
def seed_act():
    from consolidator.read.act import parse_act_file
    return parse_act_file(SEED)


@pytest.fixture(scope="session")
def corpus_store_path(tmp_path_factory):
    """The bundled corpus consolidated once into a version store, shared by the tests
    that read it (none may write to it)."""
    from click.testing import CliRunner

    from consolidator.cli import cli
    folder = tmp_path_factory.mktemp("corpus-store")
    path = folder / "store.sqlite"
    result = CliRunner().invoke(cli, ["consolidate", str(ROOT / "corpus"), "-o",
                                      str(folder / "out"), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="session")
def small_store_path(tmp_path_factory):
    """One corpus law (Overgangswet ISOVSO, three versions) and the seed act in a store: a
    store that is quick to copy, check and render (none may write to it)."""
    import shutil

    from click.testing import CliRunner

    from consolidator.cli import cli
    folder = tmp_path_factory.mktemp("small-store")
    corpus = folder / "corpus"
    (corpus / "acts").mkdir(parents=True)
    shutil.copytree(ROOT / "corpus" / "OISOVSO", corpus / "OISOVSO")
    shutil.copy(SEED, corpus / "acts")
    shutil.copy(ROOT / "corpus" / "facts.toml", corpus)
    path = folder / "store.sqlite"
    result = CliRunner().invoke(cli, ["consolidate", str(corpus), "-o", str(folder / "out"),
                                      "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path
