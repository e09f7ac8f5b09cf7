"""`./bootstrap.sh test` on a fresh Debian installs every program that the tests run, and
`./bootstrap.sh build` every program that pbxdoc runs: the programs are read from the code, so a
new one cannot be forgotten."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PACKAGES = {
    # program -> the Debian package that installs it
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdfsig": "poppler-utils",
    "qpdf": "qpdf",
    "libreoffice": "libreoffice-calc-nogui",
    "chromium": "chromium",
    "npm": "npm",
    "dot": "graphviz",
    "rsvg-convert": "librsvg2-bin",
    "bash": "bash",  # essential on Debian; bootstrap.sh itself runs in it
}
GENERIC_RUNNER = "generator/diagrams/programs.py"  # runs the tool its callers name: run("dot", "graphviz", ...)
RUNNERS = {("subprocess", name) for name in ("run", "Popen", "call", "check_call", "check_output")} | {("shutil", "which")}


def programs_in(source: str, where: str = "<test>") -> set[str]:
    """Programs that this Python source runs or looks for: subprocess calls, shutil.which, and
    absolute /usr/bin paths. A command that is not spelled out is an error, so that it gets a name."""
    found = set()
    generic = "from generator.diagrams.programs import run" in source
    tree = ast.parse(source)
    venv = {  # names bound to a program of the virtual environment: Path(sys.executable).with_name(...)
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and "sys.executable" in ast.unparse(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"/usr/bin/[\w.+-]+", node.value):
            found.add(node.value.rsplit("/", 1)[1])
        if generic and isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "run" and len(node.args) >= 2:
            if all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2]):
                found.add(node.args[0].value)  # the generic runner: run(program, Debian package, ...)
            continue
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)):
            continue
        if (node.func.value.id, node.func.attr) not in RUNNERS or not node.args:
            continue
        command = node.args[0]
        first = command.elts[0] if isinstance(command, (ast.List, ast.Tuple)) and command.elts else command
        if isinstance(first, ast.Attribute) and ast.unparse(first) == "sys.executable":
            continue  # the virtual environment's Python
        if isinstance(first, ast.Call) and ast.unparse(first.func) == "str" and first.args:
            first = first.args[0]
        if isinstance(first, ast.Name) and first.id in venv:
            continue  # a console script of the test extra (lint-imports), installed by pip
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            raise AssertionError(f"{where}:{node.lineno}: cannot tell which program {ast.unparse(command)[:60]} runs; spell it out")
        found.add(first.value)
    return found


def bootstrap_packages() -> tuple[set[str], set[str]]:
    """The Debian packages of `./bootstrap.sh build`, and of `./bootstrap.sh test`."""
    text = (REPO / "bootstrap.sh").read_text(encoding="utf-8")
    build = set(re.search(r"^packages=\(([^)]*)\)", text, re.M)[1].split())
    extra = set(re.search(r'if \[ "\$mode" = test \]; then\s*\n\s*packages\+=\(([^)]*)\)', text)[1].split())
    return build, build | extra


def used(folder: str) -> dict[str, str]:
    """Program -> the first file that runs it."""
    found: dict[str, str] = {}
    for path in sorted((REPO / folder).rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        if "node_modules" in path.parts or rel == GENERIC_RUNNER:
            continue
        for program in programs_in(path.read_text(encoding="utf-8"), rel):
            found.setdefault(program, rel)
    return found


def test_every_program_the_tests_run_is_installed_by_bootstrap_test():
    _, test_packages = bootstrap_packages()
    programs = {**used("generator"), **used("tests")}
    assert {"qpdf", "pdftotext", "chromium", "dot"} <= set(programs)
    unmapped = {p: where for p, where in programs.items() if p not in PACKAGES}
    assert not unmapped, f"add these programs and their Debian package to PACKAGES: {unmapped}"
    missing = {p: PACKAGES[p] for p in programs if PACKAGES[p] not in test_packages}
    assert not missing, f"bootstrap.sh test does not install {missing}"


def test_every_program_pbxdoc_runs_is_installed_by_bootstrap_build():
    build_packages, _ = bootstrap_packages()
    programs = used("generator")
    assert {"dot", "rsvg-convert"} <= set(programs)
    assert {p: PACKAGES[p] for p in programs if PACKAGES[p] not in build_packages} == {}
    # and pbxdoc's own message names the same package as this table
    for match in re.finditer(r'run\("([\w-]+)", "([\w.+-]+)"', "".join(p.read_text(encoding="utf-8") for p in (REPO / "generator").rglob("*.py"))):
        assert PACKAGES[match[1]] == match[2]


def test_bootstrap_installs_npm_for_the_browser_tests_it_prepares():
    text = (REPO / "bootstrap.sh").read_text(encoding="utf-8")
    _, test_packages = bootstrap_packages()
    assert "npm ci --prefix tests/browser" in text and "npm" in test_packages


def test_the_scanner_finds_programs_and_refuses_unnamed_ones():
    assert programs_in("import subprocess, shutil, sys\nsubprocess.run(['qpdf', '--check', p])\nshutil.which('libreoffice')\nsubprocess.run([sys.executable, '-m', 'x'])\nX = '/usr/bin/chromium'\n") == {"qpdf", "libreoffice", "chromium"}
    assert programs_in("print('pdftotext')\nrun(['dot'])\nrun('--lang', 'de')\n") == set()
    assert programs_in("import subprocess, sys\nlint = Path(sys.executable).with_name('lint-imports')\nsubprocess.run([str(lint)])\n") == set()
    assert programs_in("from generator.diagrams.programs import run\nrun('rsvg-convert', 'librsvg2-bin', [])\n") == {"rsvg-convert"}
    with pytest.raises(AssertionError, match="spell it out"):
        programs_in("import subprocess\nsubprocess.run(command)\n")


def test_bootstrap_checks_for_ensurepip_not_only_the_venv_module():
    """Debian ships the venv module without ensurepip (python3-venv): `python3 -m venv --help` works
    on a fresh machine, but creating the environment fails."""
    text = (REPO / "bootstrap.sh").read_text(encoding="utf-8")
    assert re.search(r'"\$python" -c .import ensurepip. .*\|\| packages\+=\(python3-venv\)', text)
