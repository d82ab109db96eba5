"""The extractor's version follows every file that decides what it extracts, so no change goes unextracted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ingest.news.articles import rules
from ingest.news.version import PACKAGE_PARENT, current_version, extraction_inputs, extractor_version, fingerprint


def _package(tmp_path: Path) -> tuple[Path, Path]:
    """A small package laid out like `ingest`: a root module importing one module at the top and one inside a
    function, a module nobody imports, and a seed read by name."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    seeds = tmp_path / "seeds"
    (seeds / "regions").mkdir(parents=True)
    (seeds / "regions" / "ref_places.csv").write_text("code\n11\n", encoding="utf-8")
    (seeds / "regions" / "ref_unread.csv").write_text("code\n12\n", encoding="utf-8")
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "sub" / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "sub" / "root.py").write_text(
        "from pkg.sub import helper\n\ndef late():\n    from pkg.lazy import thing\n    return thing\n",
        encoding="utf-8",
    )
    (pkg / "sub" / "helper.py").write_text(
        'from pkg.seeds import read_seed\nPLACES = read_seed("regions/ref_places.csv")\n', encoding="utf-8"
    )
    (pkg / "seeds.py").write_text("def read_seed(name):\n    return name\n", encoding="utf-8")
    (pkg / "lazy.py").write_text("thing = 1\n", encoding="utf-8")
    (pkg / "unused.py").write_text("other = 2\n", encoding="utf-8")
    return pkg, seeds


def test_the_inputs_follow_imports_inside_functions_and_the_seeds_read(tmp_path):
    pkg, seeds = _package(tmp_path)
    found = extraction_inputs("pkg.sub.root", tmp_path, seeds)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "pkg/__init__.py",
        "pkg/lazy.py",
        "pkg/seeds.py",
        "pkg/sub/__init__.py",
        "pkg/sub/helper.py",
        "pkg/sub/root.py",
        "seeds/regions/ref_places.csv",
    ]


def test_a_change_to_any_input_changes_the_fingerprint_and_nothing_else_does(tmp_path):
    pkg, seeds = _package(tmp_path)

    def now() -> str:
        return fingerprint(extraction_inputs("pkg.sub.root", tmp_path, seeds), tmp_path)

    before = now()
    (pkg / "unused.py").write_text("other = 3\n", encoding="utf-8")
    (seeds / "regions" / "ref_unread.csv").write_text("code\n13\n", encoding="utf-8")
    assert now() == before
    (pkg / "lazy.py").write_text("thing = 2\n", encoding="utf-8")
    after_code = now()
    assert after_code != before
    (seeds / "regions" / "ref_places.csv").write_text("code\n11\n14\n", encoding="utf-8")
    assert now() not in (before, after_code)


def test_windows_line_endings_do_not_change_the_fingerprint(tmp_path):
    pkg, seeds = _package(tmp_path)
    before = fingerprint(extraction_inputs("pkg.sub.root", tmp_path, seeds), tmp_path)
    lazy = pkg / "lazy.py"
    lazy.write_bytes(lazy.read_bytes().replace(b"\n", b"\r\n"))
    assert fingerprint(extraction_inputs("pkg.sub.root", tmp_path, seeds), tmp_path) == before


def test_a_seed_named_by_a_variable_is_refused_with_its_file_and_line(tmp_path):
    pkg, seeds = _package(tmp_path)
    (pkg / "lazy.py").write_text("from pkg.seeds import read_seed\nNAME = 'x.csv'\nrows = read_seed(NAME)\n")
    with pytest.raises(ValueError, match=r"lazy\.py:3: read_seed\(\) with a name not written out"):
        extraction_inputs("pkg.sub.root", tmp_path, seeds)


def test_the_inputs_hold_every_ingest_module_the_extractor_loads():
    """Importing the extractor in a fresh interpreter loads no `ingest` module the version does not follow
    (an import the static reading missed, say through importlib, would show here)."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, ingest.news.extract; print(*sorted(sys.modules), sep='\\n')"],
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE_PARENT,
    ).stdout.split()
    files = {p.relative_to(PACKAGE_PARENT).as_posix() for p in extraction_inputs()}
    modules = {name for name in loaded if name == "ingest" or name.startswith("ingest.")}
    missing = [m for m in modules if not {f"{m.replace('.', '/')}.py", f"{m.replace('.', '/')}/__init__.py"} & files]
    assert "ingest/news/places.py" in files and "dbt_project/seeds/regions/ref_regencies.csv" in files
    assert missing == []


def test_the_version_names_the_rules_version_and_changes_with_the_rules_file(tmp_path):
    assert current_version().startswith(f"3.{rules()['version']}+")
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("version: 58\nwords: [kasus]\n", encoding="utf-8")
    second.write_text("version: 58\nwords: [kasus, perkara]\n", encoding="utf-8")
    assert extractor_version(58, first).startswith("3.58+")
    assert extractor_version(58, first) != extractor_version(58, second)
