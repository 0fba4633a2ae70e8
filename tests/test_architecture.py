"""The layers of libkg go one way (docs/architecture.md): checked on the imports of every module.

Every ``import`` and ``from ... import`` in libkg -- at the top of a module,
inside a function or under ``TYPE_CHECKING`` alike -- is read with :mod:`ast`
and checked:

(a) no unit imports a unit of a higher layer (:data:`LAYERS`);
(b) no import cycle between units (packages);
(c) no private name (``_x``, not ``__x__``) is imported from another module.

A *unit* is a package of libkg (``libkg.resolve``) or a module at its top
(``libkg.normalize``), except the few modules :data:`UNITS` places
elsewhere.  Keep docs/architecture.md in step with this file.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "libkg"

# The layers, lowest first.  A unit may import units of its own layer or of lower ones.
LAYERS: list[set[str]] = [
    # base: text normalisation, data files, vocabularies, the graph's namespaces and IRI patterns
    {"base"},
    {"read"},
    {"extract"},
    {"resolve"},
    {"rdf"},
    {"store"},
    # on top: each may use any lower layer and the others of the top, without cycles (b)
    {"ingest", "query", "network", "link", "evaluate", "serve", "cli", "api", "testing"},
]

# Modules that belong to another unit than their package or top-level module name.
UNITS = {
    "libkg.normalize": "base",
    "libkg.resources": "base",
    "libkg.vocab": "base",
    # the graph's namespaces and IRI patterns (an article's IRI, the data base IRI, the prefixes):
    # it builds no graph and imports no module of libkg; resolve mints IRIs and the store declares
    # prefixes with it.  The rest of libkg.rdf (literals, ontology, every builder) is layer rdf.
    "libkg.rdf.namespaces": "base",
}

# Private names imported across modules that are tolerated for now, ONLY inside libkg/extract:
# the extraction pipeline is being rewritten (issue 22, "pipeline components with contracts"),
# and its shared helpers move to a module of their own there.  Remove entries as they go.
EXTRACT_PRIVATE_ALLOWED: set[tuple[str, str, str]] = set()  # empty: the tone table is public (normalize.TONE_TABLE)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def unit_of(module: str) -> str:
    """The unit of a module of libkg (see the module docstring)."""
    for name, unit in UNITS.items():
        if module == name or module.startswith(name + "."):
            return unit
    parts = module.split(".")
    if len(parts) == 1:
        return "root"  # libkg/__init__.py: the facade (lazy ``open`` and ``KnowledgeGraph``) and __version__
    return parts[1]


def layer_of(unit: str) -> int:
    for i, units in enumerate(LAYERS):
        if unit in units:
            return i
    raise AssertionError(f"unit {unit!r} is in no layer: add it to LAYERS in tests/test_architecture.py "
                         f"and to docs/architecture.md")


def imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) for every import of libkg in ``path``."""
    module = module_name(path)
    is_package = path.name == "__init__.py"
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names if a.name.split(".")[0] == "libkg"]
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:  # relative: resolve against this module's package
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([target] if target else []))
            if target.split(".")[0] == "libkg":
                out.append((target, [a.name for a in node.names], node.lineno))
    return out


def all_imports() -> list[tuple[str, str, list[str], str]]:
    """(importer, imported module, names, "file:line") over the whole package."""
    rows = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for target, names, line in imports(path):
            rows.append((module_name(path), target, names, f"{path.relative_to(PACKAGE.parent)}:{line}"))
    return rows


def root_import_allowed(names: list[str]) -> bool:
    """From the root package only its metadata (``__version__``) may be taken by the layers."""
    return bool(names) and all(n.startswith("__") and n.endswith("__") for n in names)


def test_the_walk_sees_the_package():
    rows = all_imports()
    assert len({r[0] for r in rows}) > 50 and len(rows) > 200
    pairs = {(a, b, n) for a, b, names, _ in rows for n in names}
    assert ("libkg.api", "libkg.store", "open_store") in pairs  # an import inside a function
    assert ("libkg.serve.workers", "libkg.store.base", "Store") in pairs  # one under TYPE_CHECKING


def test_every_unit_has_a_layer():
    units = {unit_of(module_name(p)) for p in PACKAGE.rglob("*.py")} - {"root"}
    for unit in units:
        layer_of(unit)


def test_no_layer_imports_a_higher_one():
    bad = []
    for importer, target, names, where in all_imports():
        src, dst = unit_of(importer), unit_of(target)
        if src == dst or src == "root":
            continue
        if dst == "root":
            if not root_import_allowed(names):
                bad.append(f"{where}: {importer} imports {names} from the root package libkg")
            continue
        if layer_of(dst) > layer_of(src):
            bad.append(f"{where}: {importer} ({src}, layer {layer_of(src)}) imports {target} "
                       f"({dst}, layer {layer_of(dst)})")
    assert not bad, "imports against the layer order (docs/architecture.md):\n" + "\n".join(bad)


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """A cycle of the directed graph ``edges`` (as a list of nodes, first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(edges.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state and (found := visit(m)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(edges):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}}) is None


def test_no_import_cycle_between_units():
    edges: dict[str, set[str]] = defaultdict(set)
    where: dict[tuple[str, str], str] = {}
    for importer, target, _, at in all_imports():
        src, dst = unit_of(importer), unit_of(target)
        if src != dst and "root" not in (src, dst):
            edges[src].add(dst)
            where.setdefault((src, dst), at)
    cycle = find_cycle(edges)
    assert cycle is None, "import cycle between units: " + " -> ".join(
        f"{a} ({where[(a, b)]})" for a, b in zip(cycle, cycle[1:], strict=False)) + f" -> {cycle[-1]}"


def test_no_private_name_crosses_a_module():
    bad, used = [], set()
    for importer, target, names, where in all_imports():
        if importer == target:
            continue
        for n in names:
            if not n.startswith("_") or (n.startswith("__") and n.endswith("__")):
                continue
            if (importer, target, n) in EXTRACT_PRIVATE_ALLOWED and importer.startswith("libkg.extract."):
                used.add((importer, target, n))
                continue
            bad.append(f"{where}: {importer} imports the private {n} from {target}")
        if any(part.startswith("_") and not part.startswith("__") for part in target.split(".")):
            bad.append(f"{where}: {importer} imports the private module {target}")
    assert not bad, "private names imported across modules:\n" + "\n".join(bad)
    assert used <= EXTRACT_PRIVATE_ALLOWED


@pytest.mark.parametrize("unit", ["resolve", "rdf"])
def test_the_lower_layers_never_touch_a_store(unit):
    """resolve decides and rdf builds from data: neither may import the store (nor ingest, above it)."""
    bad = [f"{where}: {importer} imports {target}" for importer, target, _, where in all_imports()
           if unit_of(importer) == unit and unit_of(target) in ("store", "ingest")]
    assert not bad, "\n".join(bad)


def test_no_duck_typing_on_stores():
    """Callers test a store's capability flags, never its class or the presence of a method."""
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(PACKAGE.parent)
        for token in ("hasattr(store", "getattr(store", "hasattr(self.store", "getattr(self.store"):
            if token in text:
                bad.append(f"{rel}: {token}")
        if rel.parts[1] != "store":
            tree = ast.parse(text)
            for node in ast.walk(tree):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "isinstance"
                        and len(node.args) == 2 and "Store" in ast.unparse(node.args[1])):
                    bad.append(f"{rel}:{node.lineno}: {ast.unparse(node)}")
    assert not bad, "\n".join(bad)


def component_modules() -> set[str]:
    """The modules of libkg.extract that register a pipeline component (``@component(...)`` on a function)."""
    out = set()
    for path in sorted((PACKAGE / "extract").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and any(
                    isinstance(d, ast.Call) and isinstance(d.func, ast.Name) and d.func.id == "component"
                    for d in node.decorator_list):
                out.add(module_name(path))
    return out


def test_extraction_components_import_shared_modules_never_each_other():
    """A helper two components share lives in a module of its own (``libkg.extract.orgscan``,
    ``lexicon``, ``mentions`` ...), not in one of them: a component is replaceable without the others."""
    comps = component_modules()
    assert {"libkg.extract.persons", "libkg.extract.organizations", "libkg.extract.events"} <= comps
    assert "libkg.extract.orgscan" not in comps and "libkg.extract.pipeline" not in comps
    bad = []
    for importer, target, names, where in all_imports():
        if importer not in comps:
            continue
        taken = {target} | ({f"{target}.{n}" for n in names} if target == "libkg.extract" else set())
        bad += [f"{where}: the component module {importer} imports the component module {t}"
                for t in sorted(taken & comps) if t != importer]
    assert not bad, "\n".join(bad)


def test_titles_admin_prefixes_and_the_tone_table_have_one_home():
    """Issue 22: titles live in data/lexicon/titles.tsv, administrative prefixes in admin_prefixes.tsv, the tone
    table in libkg.normalize.TONE_TABLE.  No other module spells one of them again as a Python collection
    (three or more of its entries in one tuple, list, set or dict literal)."""
    from libkg.normalize import TONE_TABLE, admin_prefixes, fold, person_titles

    lists = {
        "administrative prefixes (data/lexicon/admin_prefixes.tsv)": {fold(p.prefix) for p in admin_prefixes()},
        "titles (data/lexicon/titles.tsv)": set(person_titles()),
        "the tone table (libkg.normalize.TONE_TABLE)": set(TONE_TABLE) | set(TONE_TABLE.values()),
    }
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                items = [*node.keys, *node.values]
            elif isinstance(node, ast.Tuple | ast.List | ast.Set):
                items = list(node.elts)
            else:
                continue
            words = {fold(i.value).strip() for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)}
            for what, entries in lists.items():
                if rel.as_posix() == "libkg/normalize.py" and "tone" in what:
                    continue  # its home
                if len(words & entries) >= 3:
                    bad.append(f"{rel}:{node.lineno}: spells {what} again: {sorted(words & entries)}")
    assert not bad, "\n".join(bad)
