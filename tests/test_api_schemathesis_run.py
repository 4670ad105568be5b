"""schemathesis, every check, every operation, against the demo site behind gunicorn: no failure.

The command is the one docs/api.md gives, bounded for CI: ``MAX_EXAMPLES`` cases per operation
and phase, a fixed seed so that a failure can be replayed, two workers. Its phases: the schema's
examples, the coverage of each parameter's edges, fuzzing with valid and invalid data, and the
stateful phase that follows the schema's links (a list to its first record, a proposal to its reply).
"""
import re
import subprocess
import sys
from pathlib import Path

import pytest

SCHEMATHESIS = Path(sys.executable).with_name("st")
MAX_EXAMPLES = 50
SEED = 14
TIMEOUT_S = 600


def schemathesis_command(base: str) -> list[str]:
    return [
        str(SCHEMATHESIS), "run", f"{base}/api/v1/schema/?format=json", "--checks", "all",
        "--max-examples", str(MAX_EXAMPLES), "--seed", str(SEED), "--workers", "2", "--no-color",
    ]


def test_schemathesis_finds_no_failure(demo_site, tmp_path):
    if not SCHEMATHESIS.exists():
        pytest.skip(f"{SCHEMATHESIS} is absent: pip install -r requirements-dev.txt")
    run = subprocess.run(
        schemathesis_command(demo_site), cwd=tmp_path, capture_output=True, text=True, timeout=TIMEOUT_S,
    )
    report = run.stdout + run.stderr
    assert run.returncode == 0, report[-8000:]
    cases = re.search(r"(\d+) generated, (\d+) passed", report)
    assert cases and cases[1] == cases[2], report[-3000:]
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert f"✅ {phase}" in report, report[-3000:]
    assert "Tested: 30" in report  # list and detail of ten endpoints, and each list as CSV
    print(f"schemathesis: {cases[1]} cases, all passed")
