"""The layers, locked (issue 13): every import in crawlers/, classifiers/, pipeline/, flows/ and planwatch/ (at
module level, inside functions, under TYPE_CHECKING, and `importlib.import_module("literal")`) is read with
`ast` and checked against the contracts below.

* crawlers import no other project package but the shared core;
* classifiers import only plans, text normalization and config (and the shared core): they stay pure, the
  jobs that read the snapshot or write rows live in pipeline/ (pipeline.reclassify, pipeline.retrain);
* pipeline never imports flows or the CLI (the demo runner, which drives a Prefect flow, is flows.demo);
* nothing imports the CLI but the CLI itself and `planwatch/__main__.py` (the two ways in: the console script
  through pyproject.toml, `python -m planwatch`).

The checker is tested on a small package tree with one violation of each contract, so it cannot pass by
reading nothing.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from planwatch.config import REPO_ROOT

# The shared core any layer may import. Adjust here when the core module lands (issue 13 item 2: one home for
# Vietnam time, dates and fold); a name matches the module itself and everything under it.
CORE = ("core", "planwatch.core", "planwatch.config")
PACKAGES = ("crawlers", "classifiers", "pipeline", "flows", "planwatch")


@dataclass(frozen=True)
class Contract:
    """Modules under `layer` may import, of the project, only `allowed` (None: anything) and never `forbidden`;
    modules under `exempt` are not checked."""

    name: str
    layer: str  # "" = every checked module
    allowed: tuple[str, ...] | None = None
    forbidden: tuple[str, ...] = ()
    exempt: tuple[str, ...] = ()


CONTRACTS = (
    Contract("crawlers import only the shared core", "crawlers", allowed=("crawlers", *CORE)),
    Contract("classifiers import only plans, text normalization and config", "classifiers",
             allowed=("classifiers", "pipeline.plans", "pipeline.normalize", *CORE)),
    Contract("pipeline never imports flows or the CLI", "pipeline", forbidden=("flows", "planwatch.cli")),
    Contract("nothing imports the CLI", "", forbidden=("planwatch.cli",),
             exempt=("planwatch.cli", "planwatch.__main__")),
)


@dataclass(frozen=True)
class Import:
    importer: str  # dotted module name
    imported: str  # dotted module name (the deepest one that is a project module when it can be told)
    path: Path
    line: int


def _under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _absolute(importer: str, is_package: bool, level: int, module: str | None) -> str:
    """`from ..x import y` seen from `importer` -> the absolute dotted name of `..x`."""
    if level == 0:
        return module or ""
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    base = base[: len(base) - (level - 1)] if level > 1 else base
    return ".".join([*base, module] if module else base)


def imports_of(root: Path, path: Path, known: set[str]) -> list[Import]:
    """Every import statement of one file, wherever it stands in the file."""
    importer = module_name(root, path)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out: list[Import] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(importer, path.name == "__init__.py", node.level, node.module)
            # `from pipeline import sql` imports the module pipeline.sql; `from pipeline.plans import Plan` a name
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
              and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            names = [node.args[0].value]
        out += [Import(importer, n, path, node.lineno) for n in dict.fromkeys(names) if n]
    return out


def project_imports(root: Path, packages: tuple[str, ...] = PACKAGES) -> list[Import]:
    """The imports of project modules made by every .py file of the packages under root."""
    files = sorted(p for pkg in packages for p in (root / pkg).rglob("*.py") if ".venv" not in p.parts)
    known = {module_name(root, p) for p in files}
    tops = {*packages, *(c.split(".")[0] for c in CORE)}
    return [i for f in files for i in imports_of(root, f, known) if i.imported.split(".")[0] in tops]


def violations(root: Path, contracts: tuple[Contract, ...] = CONTRACTS,
               packages: tuple[str, ...] = PACKAGES) -> list[str]:
    """One line per import that breaks a contract: `path:line: importer imports imported (contract)`."""
    found = []
    for imp in project_imports(root, packages):
        for c in contracts:
            if c.layer and not _under(imp.importer, (c.layer,)):
                continue
            if _under(imp.importer, c.exempt):
                continue
            bad = _under(imp.imported, c.forbidden) or (c.allowed is not None and not _under(imp.imported, c.allowed))
            if bad:
                found.append(f"{imp.path.relative_to(root)}:{imp.line}: {imp.importer} imports {imp.imported} "
                             f"({c.name})")
    return found


def test_the_project_keeps_its_layers():
    assert violations(REPO_ROOT) == []


def test_the_checker_reads_every_package_and_every_kind_of_import():
    found = project_imports(REPO_ROOT)
    importers = {i.importer.split(".")[0] for i in found}
    assert importers == set(PACKAGES)
    pairs = {(i.importer, i.imported) for i in found}
    # a module-level import, one inside a function, a `from package import module` and a literal import_module
    assert ("classifiers.engine", "pipeline.plans") in pairs
    assert ("pipeline.reclassify", "pipeline.ingest") in pairs
    assert ("pipeline.reclassify", "pipeline.sql") in pairs
    assert ("planwatch.cli.classify", "planwatch.cli.common") in pairs
    assert ("crawlers.registry", "planwatch.config") in pairs


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


CLEAN_TREE = {
    "crawlers/__init__.py": "",
    "crawlers/spider.py": "import json\nfrom planwatch.config import data_path\nfrom core.vn_time import VN_TZ\n",
    "classifiers/__init__.py": "from classifiers.engine import classify\n",
    "classifiers/engine.py": ("from pipeline.plans import Plan\nfrom . import routing\n"
                              "def f():\n    from pipeline.normalize import fold\n"),
    "classifiers/routing.py": "",
    "pipeline/__init__.py": "",
    "pipeline/plans.py": "",
    "pipeline/normalize.py": "",
    "pipeline/ingest.py": "from classifiers import classify\nfrom pipeline import plans\n",
    "pipeline/extract.py": "",
    "flows/__init__.py": "",
    "flows/nightly.py": "from pipeline.ingest import x\n",
    "planwatch/__init__.py": "",
    "planwatch/config.py": "",
    "planwatch/cli/__init__.py": "import importlib\nimportlib.import_module('planwatch.cli.crawl')\n",
    "planwatch/cli/crawl.py": "from flows.nightly import run\nfrom planwatch.cli.common import fail\n",
    "planwatch/cli/common.py": "",
    "core/__init__.py": "",
    "core/vn_time.py": "",
}


def test_a_clean_tree_passes(tmp_path):
    _write(tmp_path, CLEAN_TREE)
    assert violations(tmp_path) == []


def test_the_checker_fails_on_each_kind_of_violation(tmp_path):
    _write(tmp_path, {
        **CLEAN_TREE,
        # a crawler reaching into the pipeline, inside a function
        "crawlers/spider.py": "def parse():\n    from pipeline.extract import extract_page\n",
        # a classifier reaching into the pipeline's extraction (`from package import module`)
        "classifiers/reclassify.py": "from pipeline import extract\n",
        # pipeline running a flow, under TYPE_CHECKING
        "pipeline/demo.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from flows.nightly import run\n",
        # a flow importing the CLI by name
        "flows/serve.py": "import importlib\nimportlib.import_module('planwatch.cli.common')\n",
        # a sub-package of the pipeline using the CLI's helpers: breaks two contracts
        "pipeline/review/__init__.py": "",
        "pipeline/review/web.py": "from planwatch.cli.common import fail\n",
    })
    found = violations(tmp_path)
    assert len(found) == 6, found
    assert "crawlers/spider.py:2: crawlers.spider imports pipeline.extract (crawlers import only the shared core)" \
        in found
    assert any(f.startswith("classifiers/reclassify.py:1: classifiers.reclassify imports pipeline.extract")
               for f in found)
    assert any(f.startswith("pipeline/demo.py:3: pipeline.demo imports flows.nightly") for f in found)
    assert any(f.startswith("flows/serve.py:2: flows.serve imports planwatch.cli.common (nothing imports the CLI)")
               for f in found)
    assert [f.split(" (")[1] for f in found if f.startswith("pipeline/review/web.py:1: pipeline.review.web imports "
                                                           "planwatch.cli.common")] == [
        "pipeline never imports flows or the CLI)", "nothing imports the CLI)"]
