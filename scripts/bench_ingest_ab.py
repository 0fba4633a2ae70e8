"""The default ingest (no --bulk) of two libkg checkouts on the same synthetic corpus, interleaved.

    .venv/bin/python scripts/bench_ingest_ab.py --base /tmp/base --head . --sizes 3000 --repeats 2
    .venv/bin/python scripts/bench_ingest_ab.py --base /tmp/base --head . --sizes 3000 30000 --repeats 1 --head-only-above 3000

Each checkout runs as ``PYTHONPATH=<checkout> PYTHONSAFEPATH=1 libkg ingest CORPUS --jobs J``
(the venv's other packages shared), one after the other, ``--repeats`` times interleaved (base, head,
base, head ...): on a shared machine other jobs only slow a run down, so the best of each side is
compared.  The corpus is ``scripts/bench.py``'s (the 31 samples, then ``synth_corpus.py``).  Prints
per run: seconds, articles/s, CPU seconds (main process and workers), the load average, triples
written, peak RSS of the ingest and its workers; then the
speed ratio head / base (best runs; wall, and CPU of the
process and its workers, steadier on a shared machine) and each side's peak memory per size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # noqa: E402  (scripts/bench.py: the corpus and the measured subprocess)


def cpu(res: dict) -> float:
    """CPU seconds of the ingest process (its threads) and its workers; the lowest of a side's runs."""
    return res.get("best_cpu", res["cpu_main"] + res["cpu_workers"])


def run(checkout: Path, corpus: Path, store: Path, jobs: int) -> dict:
    shutil.rmtree(store, ignore_errors=True)
    saved = {k: os.environ.get(k) for k in ("PYTHONPATH", "PYTHONSAFEPATH")}
    os.environ.update(PYTHONPATH=str(checkout.resolve()), PYTHONSAFEPATH="1")
    try:
        return bench.run_ingest(corpus, store, jobs, bulk=False)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(store, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, required=True, help="the checkout to compare against")
    ap.add_argument("--head", type=Path, default=Path("."), help="the checkout measured (default: here)")
    ap.add_argument("--sizes", type=int, nargs="+", default=[3000])
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--head-only-above", type=int, default=None,
                    help="sizes above this run the head only (peak memory at a larger corpus)")
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="libkg-ab-"))
    work.mkdir(parents=True, exist_ok=True)
    sides = {"base": args.base, "head": args.head}
    best: dict[tuple[str, int], dict] = {}
    for n in args.sizes:
        corpus = bench.build_corpus(n, work, args.seed)
        names = ["head"] if args.head_only_above is not None and n > args.head_only_above else ["base", "head"]
        for r in range(args.repeats):
            for name in names:
                res = run(sides[name], corpus, work / f"store-{name}", args.jobs)
                rate = res["articles"] / res["seconds"]
                print(f"{n:>6} {name:4s} run {r + 1}: {res['seconds']:7.1f} s  {rate:6.1f} articles/s  "
                      f"CPU {res['cpu_main'] + res['cpu_workers']:6.1f} s ({res['cpu_main']:.1f} main + "
                      f"{res['cpu_workers']:.1f} workers)  {res['triples']:>9,} triples written  "
                      f"peak RSS {res['peak_tree'] / 2**20:7.0f} MB  load {os.getloadavg()[0]:.1f}", flush=True)
                key = (name, n)
                if key not in best or res["seconds"] < best[key]["seconds"]:
                    best[key] = {**res, "peak": max(res["peak_tree"], best.get(key, {}).get("peak", 0)),
                                 "best_cpu": min(cpu(res), best.get(key, {}).get("best_cpu", cpu(res)))}
                else:
                    best[key]["peak"] = max(best[key]["peak"], res["peak_tree"])
                    best[key]["best_cpu"] = min(best[key]["best_cpu"], cpu(res))
        if ("base", n) in best and ("head", n) in best:
            b, h = best["base", n], best["head", n]
            print(f"{n:>6} speed head / base (best runs): {b['seconds'] / h['seconds']:.2f}x wall, "
                  f"{cpu(b) / cpu(h):.2f}x CPU "
                  f"({b['articles'] / b['seconds']:.1f} -> {h['articles'] / h['seconds']:.1f} articles/s); "
                  f"triples written {b['triples']:,} -> {h['triples']:,}", flush=True)
    for (name, n), res in sorted(best.items()):
        print(f"peak RSS {name} at {n:,}: {res['peak'] / 2**20:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
