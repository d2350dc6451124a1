"""The code's shape, as the README describes it: the layering written as import-linter contracts in
pyproject.toml (each layer importing only those below it, no Textual below the screen, the terminal
layer standing alone, no import cycle in any package), checked here on every run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CONTRACTS = ("layers", "no-textual-below-the-screen", "terminal-stands-alone", "no-cycles")


def lint_imports(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()",
               "--no-cache", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_the_import_contracts_hold():
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in result.stdout


def test_each_contract_is_the_one_the_readme_describes():
    for contract in CONTRACTS:  # each is there by its id (a misspelt id is an error, not a pass)
        result = lint_imports("--contract", contract)
        assert result.returncode == 0 and "1 kept, 0 broken" in result.stdout, result.stdout + result.stderr
