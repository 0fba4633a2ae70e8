"""A deterministic synthetic corpus of library-sector news, for benchmarks only.

Writes N articles in the corpus JSONL shape (``id, url, published, language,
format, text``) using the genre's patterns (``scripts/synth/patterns.json``),
the real provinces of ``libkg/data/gazetteer/`` and their libraries and
departments, and a simulated cast: in each province people hold posts
(library director and deputy, department director and deputy, ...), retire,
are promoted and move between posts from year to year, so the same person
recurs across articles under different roles, as in real news.

Article ``i`` depends only on the seed and ``i``, so the first 1,000 articles
of a 100k corpus are the 1k corpus.  Generation streams: memory does not grow
with N.

    python scripts/synth_corpus.py 10000 -o /tmp/synth-10k.jsonl --seed 7

It is not an evaluation set: the extractor was not tuned on it and its
annotations are not produced.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "libkg" / "data" / "gazetteer"
PATTERNS = Path(__file__).resolve().parent / "synth" / "patterns.json"
YEARS = range(2015, 2026)
REGION_OF_GSO = [(20, "Bắc"), (46, "Trung"), (68, "Tây Nguyên"), (100, "Nam")]  # GSO code bands, roughly
WEEKDAYS = ["Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy"]


def load_provinces() -> list[tuple[str, str, str, list[str]]]:
    """(short name, "tỉnh" or "thành phố", union region, cities) of the 63 pre-2025 provinces."""
    cities: dict[str, list[str]] = {}
    with open(GAZ / "vn-admin-units.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 6 and parts[1] == "City" and parts[5] == "legacy":
                cities.setdefault(parts[4], []).append(parts[0])
    out = []
    with open(GAZ / "vn-provinces.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = row["name"].removeprefix("Tỉnh ").removeprefix("Thành phố ")
            code = int(row["gso_code"])
            region = next(r for limit, r in REGION_OF_GSO if code <= limit)
            unit = "thành phố" if row["name"].startswith("Thành phố") else "tỉnh"
            out.append((name, unit, region, cities.get(name, [])))
    return out


def load_surnames() -> list[str]:
    with open(ROOT / "libkg" / "data" / "lexicon" / "surnames.txt", encoding="utf-8") as f:
        names = [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]
    common = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
    return common * 6 + names  # Kinh surnames dominate, as they do in the news


def load_patterns() -> dict:
    """The patterns, with "tỉnh {P}" made "{U} {P}" (the five big cities are "thành phố", not "tỉnh")."""
    return json.loads(PATTERNS.read_text(encoding="utf-8").replace("tỉnh {P}", "{U} {P}"))


class World:
    """Who holds which post in which province, year by year (seeded)."""

    def __init__(self, seed: int, pat: dict) -> None:
        self.pat = pat
        self.rng = random.Random(seed)
        self.surnames = load_surnames()
        self.provinces = load_provinces()
        self.persons: list[tuple[str, str]] = []  # (full name, gender)
        self.posts = [p[0] for p in pat["posts"]]
        # holders[province][year] = {post: person id}; changes[province][year] = [(pid, old, new)]
        self.holders: list[dict[int, dict[str, int]]] = []
        self.changes: list[dict[int, list[tuple[int, str | None, str | None]]]] = []
        for _ in self.provinces:
            self._simulate()
        self.national = {y: {} for y in YEARS}
        current = {org: self._new_person() for org, _ in pat["national"]}
        for y in YEARS:
            for org in current:
                if self.rng.random() < 0.12:
                    current[org] = self._new_person()
            self.national[y] = dict(current)

    def _new_person(self) -> int:
        g = self.rng.choice("mf")
        name = " ".join([self.rng.choice(self.surnames), self.rng.choice(self.pat[f"middle_{g}"]),
                         self.rng.choice(self.pat[f"given_{g}"])])
        self.persons.append((name, g))
        return len(self.persons) - 1

    def _simulate(self) -> None:
        rng = self.rng
        cur = {post: self._new_person() for post in self.posts}
        by_year, changes = {}, {}
        for y in YEARS:
            ch: list[tuple[int, str | None, str | None]] = []
            if rng.random() < 0.2:  # the library director retires, the deputy is promoted
                ch.append((cur["lib_director"], "lib_director", None))
                ch.append((cur["lib_deputy"], "lib_deputy", "lib_director"))
                cur["lib_director"], cur["lib_deputy"] = cur["lib_deputy"], self._new_person()
                ch.append((cur["lib_deputy"], None, "lib_deputy"))
            if rng.random() < 0.15:  # the department's deputy moves up; sometimes the library deputy joins it
                ch.append((cur["dept_deputy"], "dept_deputy", "dept_director"))
                cur["dept_director"] = cur["dept_deputy"]
                if rng.random() < 0.5:
                    ch.append((cur["lib_deputy"], "lib_deputy", "dept_deputy"))
                    cur["dept_deputy"], cur["lib_deputy"] = cur["lib_deputy"], self._new_person()
                else:
                    cur["dept_deputy"] = self._new_person()
            for post in ("ubnd_vice", "edu_deputy"):
                if rng.random() < 0.15:
                    cur[post] = self._new_person()
            by_year[y] = dict(cur)
            changes[y] = ch
        self.holders.append(by_year)
        self.changes.append(changes)


def _who(world: World, pid: int, rng: random.Random, full: bool = True) -> str:
    name, g = world.persons[pid]
    title = rng.choice(world.pat[f"title_{g}"])
    return f"{title} {name}" if full else f"{title} {name.split()[-1]}" if title in ("ông", "bà") else f"{title} {name}"


def article(world: World, seed: int, i: int) -> dict:
    """Article ``i`` of the corpus (depends on seed and i only)."""
    pat = world.pat
    rng = random.Random(seed * 1_000_003 + i)
    p_index = rng.randrange(len(world.provinces))
    P, unit, region, cities = world.provinces[p_index]
    year = rng.choice(YEARS)
    ev = rng.choice(pat["events"])
    changes = world.changes[p_index][year]
    if ev["kind"] == "appointment" and not changes:
        ev = pat["events"][1]
    m = ev["month"] or rng.randint(1, 12)
    d = 21 if ev["kind"] == "festival" else rng.randint(1, 26)
    holders = world.holders[p_index][year]
    # load_patterns() already turned "tỉnh {P}" into "{U} {P}": fill both (a bare replace missed "{U}")
    post_info = {p[0]: (p[1], p[2].format(P=P, U=unit)) for p in pat["posts"]}
    place = f"thành phố {rng.choice(cities)}" if cities and rng.random() < 0.6 else f"Thư viện {unit} {P}"
    fill = {"P": P, "U": unit, "Y": year, "Y1": year - 1, "Y5": year + 5, "d": d, "d2": d + 2, "m": m,
            "n": max(1, year - 2021), "theme": rng.choice(pat["themes"]), "place": place,
            "Part": rng.choice(pat["parts_of_day"]), "union": pat["unions"][region],
            "k": rng.randrange(500, 5000), "k2": rng.randrange(20, 200) * 1000}
    E = ev["name"].format(**fill)
    fill["E"] = E
    fill["E_short"] = E.split(" năm ")[0] if "Hội nghị" not in E else "Hội nghị"

    attendees = [ev["host"]] + rng.sample([p for p in world.posts if p != ev["host"]], rng.randint(2, 4))
    parts = []
    for post in attendees:
        role, org = post_info[post]
        parts.append(f"{_who(world, holders[post], rng)} - {role} {org}")
    if rng.random() < 0.25:
        org, role = rng.choice(pat["national"])
        parts.insert(0, f"{_who(world, world.national[year][org], rng)} - {role} {org}")
    sentences = [ev["lead"].format(**fill), rng.choice(pat["attend"]).format(list="; ".join(parts))]
    if ev["kind"] == "appointment":
        names = {"lib_director": "Giám đốc", "lib_deputy": "Phó Giám đốc", "dept_director": "Giám đốc Sở",
                 "dept_deputy": "Phó Giám đốc Sở"}
        for pid, old, new in changes:
            who = world.persons[pid][0]
            if old and new:
                sentences.append(rng.choice(pat["appoint"]).format(
                    **fill, who_full=f"ông/bà {who}".replace("ông/bà", "bà" if world.persons[pid][1] == "f" else "ông"),
                    old_role=names.get(old, "Phó Giám đốc"), new_role=names.get(new, "Giám đốc")))
            elif old and not new:
                sentences.append(rng.choice(pat["retire"]).format(**fill, who_full=who, old_role=names[old]))
    host = holders[ev["host"]]
    sentences.append(rng.choice(pat["speech"]).format(**fill, who=_who(world, host, rng, full=False)))
    sentences += [s.format(**fill) for s in rng.sample(pat["filler"], rng.randint(2, 4))]

    pub_day = min(d + 1, 28)
    dateline = rng.choice(pat["datelines"]).format(
        hh=f"{rng.randrange(6, 22):02d}", mm=f"{rng.randrange(60):02d}", dd=f"{pub_day:02d}", MM=f"{m:02d}",
        Y=year, wd=rng.choice(WEEKDAYS))
    headline = f"{P}: {E}" if rng.random() < 0.5 else E
    paras, k = [], 0
    while k < len(sentences):  # 1-2 sentences a paragraph, as the news sites print them
        step = rng.randint(1, 2)
        paras.append(" ".join(sentences[k:k + step]))
        k += step
    text = "\n\n".join([headline, dateline, *paras])
    if "{" in text or "}" in text:  # a pattern field left unfilled would be ingested as text
        raise ValueError(f"article {i}: unfilled placeholder in {text!r}")
    aid = f"syn{i:07d}"
    return {"id": aid, "url": f"https://example.org/synth/{aid}", "published": f"{year}-{m:02d}-{pub_day:02d}",
            "language": "vi", "format": "text", "text": text}


def generate(n: int, seed: int = 0, start: int = 0) -> Iterator[dict]:
    """Articles ``start .. start+n-1``, streamed."""
    world = World(seed, load_patterns())
    for i in range(start, start + n):
        yield article(world, seed, i)


def write_corpus(path: str | Path, n: int, seed: int = 0) -> Path:
    """Write ``n`` articles to ``path`` (JSONL) and return it."""
    path = Path(path)
    with open(path, "w", encoding="utf-8") as out:
        for rec in generate(n, seed):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("count", type=int, help="number of articles")
    ap.add_argument("-o", "--output", help="JSONL file (default: stdout)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.output:
        write_corpus(args.output, args.count, args.seed)
    else:
        for rec in generate(args.count, args.seed):
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
