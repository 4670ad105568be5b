"""The benchmarks at each corpus size side by side: how every case grows with the corpus.

    .venv/bin/python bench/curve.py

Reads what ``make bench BENCH_DOCS=N`` saved in ``bench/results/N.json`` (one file per size)
and prints, per benchmark, one Markdown table: each case's p95 at 10,000, 100,000 and
1,000,000 documents ("—" where that size was not run), the growth per tenfold step, the
queries per request at each size, and the goal. Growth ×1 over a tenfold corpus is
constant cost, ×1.1-×2 logarithmic-like, ×10 linear.
"""
import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
SIZES = [10_000, 100_000, 1_000_000]
LABELS = {10_000: "10 k", 100_000: "100 k", 1_000_000: "1 M"}


def _load() -> dict[int, dict]:
    return {size: json.loads(path.read_text()) for size in SIZES if (path := RESULTS / f"{size}.json").exists()}


def _growth(values: list[float | None]) -> str:
    steps = [f"×{b / a:.1f}" for a, b in zip(values, values[1:]) if a and b]
    return ", ".join(steps) or "—"


def main() -> None:
    runs = _load()
    if not runs:
        raise SystemExit(f"No results in {RESULTS}: run `make bench BENCH_DOCS=10000` (and the other sizes) first.")
    titles = list(dict.fromkeys(title for size in SIZES if size in runs for title in runs[size]))
    header = " | ".join(f"p95 ms {LABELS[s]}" for s in SIZES)
    for title in titles:
        loads = ", ".join(f"{LABELS[s]} {runs[s][title]['load']:.2f}" for s in SIZES if title in runs.get(s, {}))
        print(f"\n#### {title}\n\nLoad average (1 minute) when each size's table was printed: {loads}.\n")
        print(f"| case | {header} | growth per ×10 | queries | goal ms |")
        print("|---|" + "---:|" * len(SIZES) + "---|---|---:|")
        names = list(dict.fromkeys(
            row["name"] for s in SIZES for row in runs.get(s, {}).get(title, {}).get("rows", [])
        ))
        for name in names:
            rows = {
                s: next((r for r in runs[s][title]["rows"] if r["name"] == name), None)
                for s in SIZES if title in runs.get(s, {})
            }
            p95 = [rows[s]["p95"] if rows.get(s) else None for s in SIZES]
            queries = "/".join(str(rows[s]["queries"]) if rows.get(s) and rows[s]["queries"] is not None else "—"
                               for s in SIZES)
            goal = next((r["goal"] for r in rows.values() if r and r["goal"]), None)
            cells = " | ".join(f"{v:.1f}" if v is not None else "—" for v in p95)
            print(f"| {name} | {cells} | {_growth(p95)} | {queries} | {goal if goal else '—'} |")


if __name__ == "__main__":
    main()
