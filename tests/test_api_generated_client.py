"""A client generated from the served schema reads the API anonymously and passes mypy --strict.

openapi-python-client generates ``policytracker_api_client`` from /api/v1/schema/;
tests/generated_client_reads.py, an outside program using it, is type-checked together with
the generated package and then run against the demo site.
"""
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
READER = Path(__file__).with_name("generated_client_reads.py")
TIMEOUT_S = 180


def run(*command: str, cwd: Path) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT_S)
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    return done.stdout


@pytest.fixture
def generated_client(demo_site, tmp_path) -> Path:
    """A folder holding the generated package and the program that uses it."""
    for tool in ("openapi-python-client", "mypy"):
        if not (BIN / tool).exists():
            pytest.skip(f"{tool} is absent: pip install -r requirements-dev.txt")
    with urllib.request.urlopen(f"{demo_site}/api/v1/schema/?format=json", timeout=30) as response:
        (tmp_path / "schema.json").write_bytes(response.read())
    # No formatting afterwards: the generator would otherwise look for ruff on PATH.
    (tmp_path / "config.yaml").write_text("post_hooks: []\n")
    run(
        str(BIN / "openapi-python-client"), "generate", "--path", "schema.json", "--meta", "none",
        "--config", "config.yaml", cwd=tmp_path,
    )
    shutil.copy(READER, tmp_path / READER.name)
    return tmp_path


def test_the_generated_client_type_checks_strictly(generated_client):
    output = run(
        str(BIN / "mypy"), "--strict", "--no-incremental", "policytracker_api_client", READER.name, cwd=generated_client,
    )
    assert "Success: no issues found" in output


def test_the_generated_client_reads_every_list_pages_and_csv_anonymously(generated_client, demo_site):
    output = run(sys.executable, READER.name, demo_site, cwd=generated_client)
    assert "documents over" in output
