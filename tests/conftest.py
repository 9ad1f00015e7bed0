import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
SEED = ROOT / "corpus" / "acts" / "stb-1996-649.txt"


@pytest.fixture(scope="session")
def seed_act():
    from consolidator.act import parse_act_file
    return parse_act_file(SEED)
