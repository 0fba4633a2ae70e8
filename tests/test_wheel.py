"""``pip install .`` gives a working libkg: the wheel carries every file libkg reads at run time.

The wheel is built from the checkout with pip, installed into a NEW virtual environment (without
its dependencies: those are borrowed from the environment running the tests, whose site-packages is
put on the new environment's path, so the test needs no network and stays fast), and the installed
``libkg`` command ingests the sample articles that the wheel itself carries, from a working
directory outside the checkout.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SHIPPED = [
    "libkg/_shipped/ontology/libkg.ttl",
    "libkg/_shipped/ontology/shapes.ttl",
    "libkg/_shipped/ontology/vocab/roles.ttl",
    "libkg/_shipped/queries/person-timeline.rq",
    "libkg/_shipped/samples/SCHEMA.md",
    "libkg/_shipped/samples/articles/d01.json",
    "libkg/api.py",
]
SHIPPED_DIRS = ["libkg/data/gazetteer/", "libkg/data/lexicon/", "libkg/serve/static/", "libkg/static/",
                "libkg/network/templates/"]


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kw)
    assert r.returncode == 0, f"{' '.join(map(str, cmd))}\n--- stdout\n{r.stdout}\n--- stderr\n{r.stderr}"
    return r


def test_wheel_installs_and_ingests_the_samples(tmp_path):
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)])
    wheel = next(dist.glob("libkg-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for name in SHIPPED:
        assert name in names, name
    for folder in SHIPPED_DIRS:
        assert any(n.startswith(folder) for n in names), folder
    assert sum(n.startswith("libkg/_shipped/samples/articles/") for n in names) == 31
    assert sum(n.startswith("libkg/_shipped/queries/") and n.endswith(".rq") for n in names) >= 14

    env_dir = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)])
    py = env_dir / "bin" / "python"
    new_site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    # the dependencies, from the environment running the tests (its own libkg is an editable hook that
    # a path entry does not activate, so `import libkg` can only find the wheel's)
    (new_site / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", str(py), "install", "--quiet", "--no-deps", "--no-index",
          str(wheel)])

    work = tmp_path / "work"  # outside the checkout: nothing may be found relative to it
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LIBKG_", "PYTHON"))}
    where = _run([str(py), "-c", "import libkg, libkg.resources as r; print(libkg.__file__); print(r.samples_dir()); "
                                 "print(r.queries_dir()); print(r.ontology_dir())"], cwd=work, env=env).stdout.split()
    for path in where:
        assert path.startswith(str(new_site)), (path, new_site)
    samples = Path(where[1]) / "articles"

    r = _run([str(env_dir / "bin" / "libkg"), "ingest", str(samples), "--store", "out/store", "--quiet"], cwd=work, env=env)
    assert re.fullmatch(r"ingested 31 article\(s\), \d+ triples written, \d+ triples in the store, 0 error\(s\)",
                        r.stdout.strip()), r.stdout
    r = _run([str(env_dir / "bin" / "libkg"), "query", "person-timeline", "--store", "out/store",
              "-p", "name=Kiều Thúy Nga", "--format", "csv"], cwd=work, env=env)
    assert "Vụ trưởng — Vụ Thư viện" in r.stdout
