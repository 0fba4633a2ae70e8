"""The documentation stays true: it builds without warnings, its code runs, its CLI reference is current.

* ``mkdocs build --strict`` (warnings are errors: a broken link or a page missing from the nav fails);
* docs/cli.md is what scripts/gen_cli_reference.py writes from the commands themselves;
* every ```bash and ```python block of the quickstart and the tutorial runs, in order, in a temporary
  folder holding the sample articles as ``samples/articles`` (```console blocks are shown, not run);
* the ontology diagram names only terms the ontology declares.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
BIN = Path(sys.executable).parent
BLOCK = re.compile(r"^ *```(bash|python)\n(.*?)^ *```", re.S | re.M)


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_mkdocs_build_strict(tmp_path):
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(ROOT / "mkdocs.yml"),
                        "-d", str(tmp_path / "site")], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    site = tmp_path / "site"
    for page in ("quickstart", "tutorial", "annotate", "ontology", "python-api", "remote-store", "cli", "SECURITY",
                 "changelog"):
        assert (site / page / "index.html").exists(), page
    assert (site / "img" / "ontology.svg").exists() and (site / "img" / "institutions.png").exists()
    assert "0.1.0" in (site / "changelog" / "index.html").read_text(encoding="utf-8")


def test_cli_reference_is_current():
    gen = _script("gen_cli_reference")
    current = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert current == gen.render(), ("docs/cli.md is stale: run .venv/bin/python scripts/gen_cli_reference.py "
                                     "and commit the result")


def test_cli_reference_covers_every_command():
    from libkg.cli import cli

    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"## `libkg {name}`" in text, name


def test_ontology_diagram_names_declared_terms():
    draw = _script("draw_ontology")
    draw.check_terms()  # raises SystemExit naming any term the ontology lacks
    assert {"lkg:Person", "lkg:Position", "lkg:Event", "lkg:attestedOn"} <= draw.terms_used()
    assert (DOCS / "img" / "ontology.svg").stat().st_size > 5000


def _blocks(page: str) -> list[tuple[str, str]]:
    return [(lang, textwrap.dedent(body)) for lang, body in BLOCK.findall((DOCS / page).read_text(encoding="utf-8"))]


def _run_blocks(page: str, workdir: Path) -> str:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "MPLBACKEND": "Agg"}
    env.pop("LIBKG_STORE", None)
    out = []
    for lang, body in _blocks(page):
        cmd = ["bash", "-euc", body] if lang == "bash" else [sys.executable, "-c", body]
        r = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, f"{page}: this {lang} block failed:\n{body}\n--- stdout\n{r.stdout}\n--- stderr\n{r.stderr}"
        out.append(r.stdout)
    return "\n".join(out)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory, samples_dir):
    d = tmp_path_factory.mktemp("docs")
    (d / "samples").mkdir()
    (d / "samples" / "articles").symlink_to(samples_dir, target_is_directory=True)
    return d


def test_quickstart_code_runs(workdir):
    assert len(_blocks("quickstart.md")) >= 5
    out = _run_blocks("quickstart.md", workdir)
    assert re.search(r"ingested 31 article\(s\), \d+ triples written, \d+ triples in the store, 0 error\(s\)", out)
    assert "Kiều Thúy Nga" in out and "Vụ trưởng — Vụ Thư viện" in out
    assert "datetime64" in out
    for f in ("institutions.gexf", "institutions.png", "graph.trig"):
        assert (workdir / "out" / f).stat().st_size > 0, f


def test_tutorial_code_runs(workdir):
    out = _run_blocks("tutorial.md", workdir)
    assert "Kiều Thúy Nga" in out and "Vụ trưởng" in out
    assert re.search(r"offline: \d+ node\(s\) linked", out)
    for f in ("institutions.gexf", "institutions.graphml", "graph.nq", "graph.jsonld", "metrics.csv"):
        assert (workdir / "out" / f).stat().st_size > 0, f


def test_annotation_guide_code_runs(tmp_path):
    import json

    _run_blocks("annotate.md", tmp_path)
    record = json.loads((tmp_path / "my-articles" / "a01.json").read_text(encoding="utf-8"))
    assert set(record["gold"]) == {"persons", "organizations", "positions", "events", "places"}
    assert record["gold"]["persons"]
