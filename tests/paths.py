"""Where the tests find the shared reference material (beside the checkout, as in CI)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
SEEDS = SHARED / "seeds"
FORMATS = SHARED / "reference" / "bch-national-report-formats"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_2019 = SEEDS / "002_09ad17df4d31860a.txt"
SEED_2020 = SEEDS / "000_1186150e4c1ff429.txt"
