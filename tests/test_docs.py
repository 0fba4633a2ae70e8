"""The documentation stays true: it builds without warnings, its code runs, its CLI reference is current.

* ``mkdocs build --strict`` (warnings are errors: a broken link or a page missing from the nav fails);
* docs/cli.md is what scripts/gen_cli_reference.py writes from the commands themselves;
* the ontology diagram names only terms the ontology declares;
* every ```bash and ```python block of README.md and docs/*.md (mkdocs snippets expanded) runs, page by
  page and in order, in one temporary folder of the session (the demo folder) where
  ``samples/articles`` are the sample articles, ``graph/`` the published sample graph, ``scripts/``
  the repository's scripts and ``out/store`` the demo store (the samples ingested, then
  ``libkg link --offline``), all through the real ``libkg`` command; a block fails when it exits
  non-zero or prints an error, a traceback or a warning (a deprecated name, say).  Blocks that use
  ``$LIBKG_ENDPOINT`` run against a real Oxigraph server the test starts (as tests/test_remote.py does).
* ```console (shell) and ```pycon (Python) blocks are shown, not run; each must be one of the
  reasons in ``SHOWN_ONLY`` (installing software, a long-running server, the network, a benchmark
  of minutes, rewriting the checkout), so nothing runnable hides there.  ``test_examples_inventory``
  prints the list of blocks run (with their count) and of blocks shown.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
BIN = Path(sys.executable).parent
FENCE = re.compile(r"^( *)```(\w*)[^\n]*\n(.*?)^\1```", re.S | re.M)
SNIPPET = re.compile(r'^( *)--8<-- "([^":]+)(?::(\d*))?(?::(\d*))?"$', re.M)
RUN, SHOWN = {"bash", "python"}, {"console", "pycon"}
PAGES = ["README.md", *(f"docs/{p.name}" for p in sorted(DOCS.glob("*.md")))]
# What a shown-only block may be; anything else must run.
SHOWN_ONLY = {
    "installs software (venv, pip)": re.compile(r"\bpip install\b|-m venv\b"),
    "sets up a venv and runs the demo or the whole test suite": re.compile(r"scripts/(demo|test)\.sh"),
    "starts a long-running server": re.compile(r"\b(oxigraph|libkg) serve\b"),
    "needs a Virtuoso server (its isql client, its bulk loader)": re.compile(r"\bisql-vt\b|--bulk-dir\b"),
    "needs the network (Wikidata, or its review file)": re.compile(r"query\.wikidata\.org|--accept "),
    "a benchmark of minutes to hours": re.compile(r"scripts/bench"),
    "rewrites files of the checkout (graph/)": re.compile(r"scripts/build_sample_graph"),
}
# an error, a traceback, an exception, a warning (a deprecated name, say) printed by a block
FAILURE = re.compile(r"Traceback \(most recent call last\)|^(Error|error|ERROR|Warning|warning|WARNING)\b"
                     r"|^\w+(Error|Exception): |\b\w+Warning: |(?i:\bdeprecated\b)", re.M)


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


@dataclass(frozen=True)
class Block:
    page: str
    line: int
    lang: str
    code: str

    @property
    def name(self) -> str:
        first = next((x.strip() for x in self.code.splitlines() if x.strip() and not x.startswith("#")), "")
        return f"{self.page}:{self.line} [{self.lang}] {first[:90]}"


def _expand_snippets(text: str) -> str:
    """mkdocs' ``--8<-- "file:start:end"`` includes, as the site shows them (base path: the repository)."""

    def include(m: re.Match) -> str:
        lines = (ROOT / m.group(2)).read_text(encoding="utf-8").splitlines()
        start = int(m.group(3) or 1) - 1
        end = int(m.group(4)) if m.group(4) else len(lines)
        return "\n".join(m.group(1) + x for x in lines[start:end])

    return SNIPPET.sub(include, text)


def page_blocks(page: str) -> list[Block]:
    text = _expand_snippets((ROOT / page).read_text(encoding="utf-8"))
    return [Block(page, text.count("\n", 0, m.start()) + 1, m.group(2), textwrap.dedent(m.group(3)))
            for m in FENCE.finditer(text)]


def _shown_reason(block: Block) -> str | None:
    return next((why for why, pattern in SHOWN_ONLY.items() if pattern.search(block.code)), None)


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIBKG_")}
    env.update({"PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "MPLBACKEND": "Agg"})
    env.update(extra or {})
    return env


def _run(block: Block, workdir: Path, extra_env: dict[str, str] | None = None) -> str:
    if block.lang == "bash":
        cmd = ["bash", "-euo", "pipefail", "-c", block.code]
    else:
        cmd = [sys.executable, "-c", block.code]
    r = subprocess.run(cmd, cwd=workdir, env=_env(extra_env), capture_output=True, text=True, timeout=900)
    bad = FAILURE.search(r.stdout + "\n" + r.stderr)
    what = "failed" if r.returncode else f"printed {bad.group(0)!r}" if bad else ""
    assert not what, (f"{block.name}: this {block.lang} block {what} (exit {r.returncode}):\n{block.code}\n"
                      f"--- stdout\n{r.stdout[-4000:]}\n--- stderr\n{r.stderr[-4000:]}")
    return r.stdout


def _libkg(workdir: Path, *args: str) -> str:
    r = subprocess.run([str(BIN / "libkg"), *args], cwd=workdir, env=_env(), capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


@pytest.fixture(scope="session")
def demo(tmp_path_factory, samples_dir) -> Path:
    """The demo folder, once per session: samples/articles, graph/, scripts/, out/store (ingested, linked)."""
    d = tmp_path_factory.mktemp("demo")
    (d / "samples").mkdir()
    (d / "samples" / "articles").symlink_to(samples_dir, target_is_directory=True)
    for folder in ("graph", "scripts"):  # the published sample graph, the corpus generator (read only)
        (d / folder).symlink_to(ROOT / folder, target_is_directory=True)
    _libkg(d, "ingest", "samples/articles", "--store", "out/store", "--quiet")
    assert "offline:" in _libkg(d, "link", "--offline", "--store", "out/store")
    return d


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory) -> dict[str, str]:
    """A real Oxigraph server for the blocks that use $LIBKG_ENDPOINT."""
    from libkg.testing import start_oxigraph

    proc, url = start_oxigraph("serve", "--location", str(tmp_path_factory.mktemp("oxigraph") / "ox"))
    yield {"LIBKG_ENDPOINT": f"{url}/query", "LIBKG_UPDATE_ENDPOINT": f"{url}/update"}
    proc.kill()
    proc.wait()


def _run_page(page: str, workdir: Path, request) -> str:
    out = []
    ran = [b for b in page_blocks(page) if b.lang in RUN]
    for b in ran:
        extra = request.getfixturevalue("endpoint") if "LIBKG_ENDPOINT" in b.code else None
        out.append(_run(b, workdir, extra))
    print(f"\n{page}: ran {len(ran)} example(s)", *(f"  {b.name}" for b in ran), sep="\n")
    return "\n".join(out)


def _check_readme(out: str, d: Path) -> None:
    assert "conforms: the graph satisfies every shape" in out
    assert "2 hop(s): Thư viện Hà Nội -> Thư viện Tạ Quang Bửu" in out
    assert "Yên Bái → Lào Cai" in out  # today's Lào Cai includes the Yên Bái library
    assert re.search(r"offline: \d+ node\(s\) linked", out)
    for f in ("out/graph.nq", "out/institutions.gexf", "out/institutions.html", "out/metrics.csv",
              "out/g.html", "facts.trig"):
        assert (d / f).stat().st_size > 0, f


def _check_quickstart(out: str, d: Path) -> None:
    assert re.search(r"ingested 31 article\(s\), \d+ triples written, \d+ triples in the store, 0 error\(s\)", out)
    assert "Kiều Thúy Nga" in out and "Vụ trưởng — Vụ Thư viện" in out
    assert "datetime64" in out
    for f in ("institutions.gexf", "institutions.png", "graph.trig"):
        assert (d / "out" / f).stat().st_size > 0, f


def _check_tutorial(out: str, d: Path) -> None:
    assert "Kiều Thúy Nga" in out and "Vụ trưởng" in out
    assert re.search(r"offline: \d+ node\(s\) linked", out)
    for f in ("institutions.gexf", "institutions.graphml", "graph.nq", "graph.jsonld", "metrics.csv"):
        assert (d / "out" / f).stat().st_size > 0, f


def _check_annotate(out: str, d: Path) -> None:
    record = json.loads((d / "my-articles" / "a01.json").read_text(encoding="utf-8"))
    assert set(record["gold"]) == {"persons", "organizations", "positions", "events", "places"}
    assert record["gold"]["persons"]
    assert re.search(r"micro\s+\d\.\d{3}", out)


def _check_remote(out: str, d: Path) -> None:
    assert re.search(r"ingested 31 article\(s\)", out)
    assert (d / "out" / "institutions-remote.gexf").stat().st_size > 0


CHECKS = {"README.md": _check_readme, "docs/quickstart.md": _check_quickstart,
          "docs/tutorial.md": _check_tutorial, "docs/annotate.md": _check_annotate,
          "docs/remote-store.md": _check_remote}


@pytest.mark.parametrize("page", PAGES)
def test_examples_run(page, demo, request):
    out = _run_page(page, demo, request)
    if page in CHECKS:
        CHECKS[page](out, demo)


def test_examples_inventory():
    blocks = [b for p in PAGES for b in page_blocks(p)]
    ran = [b for b in blocks if b.lang in RUN]
    shown = [b for b in blocks if b.lang in SHOWN]
    unexplained = [b.name for b in shown if _shown_reason(b) is None]
    print(f"\n{len(ran)} example(s) run:", *(f"  {b.name}" for b in ran), sep="\n")
    print(f"{len(shown)} example(s) shown, not run:", *(f"  {b.name}  -- {_shown_reason(b)}" for b in shown),
          sep="\n")
    assert not unexplained, f"shown-only blocks without a reason in SHOWN_ONLY (make them run): {unexplained}"
    assert {b.page for b in ran} >= {"README.md", "docs/quickstart.md", "docs/tutorial.md",
                                     "docs/annotate.md", "docs/python-api.md", "docs/remote-store.md"}
    assert len(ran) >= 45
