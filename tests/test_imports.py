"""The package's import graph: stages in layers, no silent guards, honest dependencies."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from generator.load import EXAMPLES, SMALL_EXAMPLE

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"
# Declared, used without an import statement: material is the site's theme, found by mkdocs' entry
# points; defusedxml is what openpyxl parses customer workbooks with when it is installed.
USED_WITHOUT_IMPORT = {"mkdocs-material", "defusedxml"}


def _imports(path: Path) -> list[tuple[str, ast.AST]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, node))
    return found


def test_the_stages_form_layers():
    """import-linter's contract in pyproject.toml: no stage imports one above it, no renderer another."""
    lint_imports = Path(sys.executable).with_name("lint-imports")  # installed by the test extra
    result = subprocess.run([str(lint_imports), "--config", str(ROOT / "pyproject.toml"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_no_guard_or_string_import_around_our_own_modules():
    """A broken module must fail loudly: no `except ImportError`, `__import__` or import_module."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                names = [n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)]
                if {"ImportError", "ModuleNotFoundError"} & set(names):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: except {', '.join(names)}")
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in ("__import__", "import_module"):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}()")
    assert offenders == []


def test_a_rule_module_that_fails_to_import_fails_the_check():
    """Planted: the import of one rule module raises. The command must fail, not report 0 findings."""
    planted = (
        "import sys\n"
        "class Broken:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'generator.checks.rules.dect':\n"
        "            raise ImportError('planted: the DECT rules do not import')\n"
        "sys.meta_path.insert(0, Broken())\n"
        "from generator.cli import main\n"
        f"sys.argv = ['pbxdoc', 'check', {str(EXAMPLES / SMALL_EXAMPLE)!r}, '--fail-on', 'never']\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", planted], capture_output=True, text=True, timeout=120)
    assert result.returncode not in (0, 2), result.stdout
    assert "planted: the DECT rules do not import" in result.stderr


def test_the_runtime_imports_what_it_declares_and_declares_what_it_imports():
    declared_specs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    declared = {spec.split(";")[0].split("[")[0].split("=")[0].split(">")[0].split("<")[0].strip().lower() for spec in declared_specs}
    distributions = packages_distributions()
    imported: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for module, node in _imports(path):
            top = module.split(".")[0]
            if top in sys.stdlib_module_names or top == "generator":
                continue
            for dist in distributions.get(top, [top]):
                imported.setdefault(dist.lower(), f"{path.relative_to(ROOT)}:{node.lineno}")
    undeclared = {dist: where for dist, where in imported.items() if dist not in declared}
    assert undeclared == {}, "imported by pbxdoc at run time but not in [project].dependencies"
    unused = declared - set(imported) - USED_WITHOUT_IMPORT
    assert unused == set(), "declared in [project].dependencies but never imported by generator/"


def test_customer_workbooks_are_parsed_with_defusedxml():
    """openpyxl falls back to the standard library's XML parser without defusedxml."""
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML
