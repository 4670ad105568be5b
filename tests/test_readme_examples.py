"""The README's and docs/api.md's examples run as printed against the demo data.

Every ``console`` block is a series of ``$ command`` lines, each followed by what it prints.
Each command runs in bash (``pipefail``) with the demo site's address in place of
http://127.0.0.1:8000, and its output, the address put back, must be what is printed: the
same JSON values where the output is JSON (jq's layout is not compared), the same lines
otherwise. Times (``updated_at``) change with every load and are compared as times only; a
CSV's byte-order mark is invisible on the page.

The other commands these files give start servers, install or run for minutes (``make run``,
``make serve``, ``make bench``): the test checks that each ``make`` target exists and that each
``manage.py`` command the README lists answers ``--help``.
"""
import json
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.servers import PROJECT

PRINTED_BASE = "http://127.0.0.1:8000"
DOCUMENTS = [PROJECT / "README.md", PROJECT / "docs" / "api.md"]
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?[+-]\d{2}:\d{2}")
CONSOLE_BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
MAKE_TARGET = re.compile(r"\bmake ([a-z][a-z-]*)")
MANAGE_COMMAND = re.compile(r"^\| `python manage\.py ([a-z_]+)", re.MULTILINE)


def console_examples() -> list[tuple[str, str, str]]:
    """(file, command, printed output) for every ``$`` line of every console block."""
    examples = []
    for document in DOCUMENTS:
        for block in CONSOLE_BLOCK.findall(document.read_text(encoding="utf-8")):
            for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
                command, _newline, printed = chunk.partition("\n")
                examples.append((document.name, command, printed.strip()))
    return examples


def json_values(text: str) -> list | None:
    """The JSON values ``text`` holds one after another (jq prints several), or None if it is not JSON."""
    decoder, values, position = json.JSONDecoder(), [], 0
    text = text.strip()
    while position < len(text):
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            return None
        values.append(value)
        while position < len(text) and text[position].isspace():
            position += 1
    return values


def comparable(text: str):
    text = TIMESTAMP.sub("<time>", text.removeprefix("\ufeff").strip())
    values = json_values(text)
    return values if values is not None else text.splitlines()


@pytest.mark.parametrize(
    ("document", "command", "printed"), console_examples(), ids=lambda value: str(value)[:60].replace(" ", "_"),
)
def test_console_example_prints_what_the_page_says(demo_site, document, command, printed):
    run = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command.replace(PRINTED_BASE, demo_site)],
        capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 0, run.stderr
    output = run.stdout.replace(demo_site, PRINTED_BASE)
    assert comparable(output) == comparable(printed), output


def test_there_are_examples_to_run():
    assert len(console_examples()) >= 7


@pytest.mark.parametrize("path", [
    "/targets/?region=320400&deadline_year=2022&q=学位", "/proposals/?region=13&result_code=B",
    "/search/?q=集团化办学", "/documents/feed/?region=32", "/commitments/?region=32&state=overdue",
    "/commitments/scorecard/", "/proposals/grades/?region=13",
])
def test_the_readmes_page_links_answer(demo_site, path):
    with urllib.request.urlopen(demo_site + urllib.parse.quote(path, safe="/?=&"), timeout=30) as response:
        assert response.status == 200


def test_every_make_target_the_readme_names_exists():
    targets = set(MAKE_TARGET.findall((PROJECT / "README.md").read_text(encoding="utf-8")))
    assert {"run", "test", "serve", "bench", "load-test", "import-quality", "backup", "restore"} <= targets
    for target in targets:
        # FILE= for backup and restore, which refuse to run without one before doing anything.
        dry = subprocess.run(
            ["make", "-n", target, "FILE=backup.json.gz"], cwd=PROJECT, capture_output=True, text=True, timeout=60,
        )
        assert dry.returncode == 0, (target, dry.stderr)


def test_every_command_the_readme_lists_answers_help():
    commands = MANAGE_COMMAND.findall((PROJECT / "README.md").read_text(encoding="utf-8"))
    assert "import_documents" in commands and "load_demo" in commands
    for command in commands:
        done = subprocess.run(
            [sys.executable, "manage.py", command, "--help"], cwd=PROJECT, capture_output=True, text=True, timeout=60,
        )
        assert done.returncode == 0, (command, done.stderr)


def test_make_run_prints_the_admin_link_on_the_address_it_serves():
    dry = subprocess.run(
        ["make", "-n", "run", "HOST=127.0.0.1:8801"], cwd=PROJECT, capture_output=True, text=True, timeout=60,
    )
    assert "create_local_admin --address 127.0.0.1:8801" in dry.stdout
    assert "runserver 127.0.0.1:8801" in dry.stdout
