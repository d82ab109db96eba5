"""The extractor's version, derived from everything that decides what the extractor reads out of a text.

An article is extracted again whenever its stored `extracted_version` differs from this one, so the
version must change with every change of behaviour. Raising the rules file's `version` by hand was
the only trigger, and a change to the code alone could be, and once was, committed without it: the
nightly refresh then kept facts the new code would no longer give. The version is now the rules'
number, for people to read, and a digest of the extraction's inputs: the source of every `ingest`
module the extractor imports, followed through their imports (those inside functions too), the rules
file, and every seed those modules read. A refactor that changes nothing costs one extraction of
every article, about a second for a thousand.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from ingest.digests import files_digest
from ingest.news.articles import RULES_FILE, rules
from ingest.reference_data import SEEDS_DIR

PACKAGE_PARENT = Path(__file__).resolve().parents[2]  # the folder holding the `ingest` package
EXTRACTOR_MODULE = "ingest.news.extract"


def _module_file(name: str, base: Path) -> Path | None:
    """The file of a module of `ingest` ("ingest.news.extract"), or None for a name inside a module."""
    stem = base.joinpath(*name.split("."))
    for path in (stem.with_suffix(".py"), stem / "__init__.py"):
        if path.is_file():
            return path
    return None


def _imported(tree: ast.Module, package: str) -> list[str]:
    """The `package` modules a module imports, and every name it imports from one ("from ingest.news import
    ikp" imports the module `ingest.news.ikp`; a name that is no module is dropped by the caller)."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == package]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == package:
            found += [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
    # importing a module runs the __init__ of each package above it
    return [".".join(name.split(".")[:i]) for name in found for i in range(1, name.count(".") + 2)]


def _seeds_read(tree: ast.Module, path: Path) -> list[str]:
    """The seeds a module reads with `read_seed("...")`. A seed named by a variable cannot be followed, so
    it is refused rather than left out of the version."""
    seeds: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "read_seed":
            argument = node.args[0] if node.args else None
            if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                raise ValueError(
                    f"{path}:{node.lineno}: read_seed() with a name not written out as a string; the extractor's "
                    "version follows only seeds named in the code, so write the seed's path there"
                )
            seeds.append(argument.value)
    return seeds


def extraction_inputs(
    root: str = EXTRACTOR_MODULE, base: Path = PACKAGE_PARENT, seeds_dir: Path = SEEDS_DIR
) -> list[Path]:
    """Every file the extractor's behaviour depends on: the modules `root` imports, directly or not, within
    its own top-level package, and the seeds they read, sorted."""
    package = root.split(".")[0]
    modules: dict[str, Path] = {}
    seeds: set[Path] = set()
    todo = [root]
    while todo:
        name = todo.pop()
        path = None if name in modules else _module_file(name, base)
        if path is None:
            continue
        modules[name] = path
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        todo += _imported(tree, package)
        seeds.update(seeds_dir / seed for seed in _seeds_read(tree, path))
    return sorted({*modules.values(), *seeds})


def fingerprint(paths: list[Path], base: Path = PACKAGE_PARENT) -> str:
    """A short digest of the files' names and contents (`files_digest`)."""
    return files_digest(paths, base)[:12]


def extractor_version(rules_version: int, rules_file: Path) -> str:
    """The version stored with every fact: 3.<rules version>+<digest of the code, rules and seeds>."""
    return f"3.{rules_version}+{fingerprint([*extraction_inputs(), rules_file])}"


@cache
def current_version() -> str:
    """This checkout's extractor version, worked out once, when a process first extracts: it reads and parses
    some twenty files (about 50 ms), which a process that only imports the pipeline need not pay."""
    return extractor_version(rules()["version"], RULES_FILE)
